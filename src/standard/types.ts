import type { InputProblem } from '../errors.js';
import type { TrackedResult } from '../rules/compile.js';
import type { RuleNode } from '../rules/tree.js';

export type FactType = 'integer' | 'number' | 'boolean' | 'date' | 'string';

/**
 * How time enters a fact (src/assess/period.ts): `year` counts the year to date against a yearly
 * requirement (每年至少…); `quarters` counts the quarters of the year to date in which it was done
 * (按季度); `quarter` is a per-quarter figure over the quarters elapsed (每季度至少…); `period`
 * counts within the facts file's period, judged against another count of the same period;
 * `now` is the state at the period's end (a rule, a post, a venue, a schedule).
 */
export type TimeBasis = 'year' | 'quarters' | 'quarter' | 'period' | 'now';

/** One entry of the facts vocabulary: what a fact is and how it is measured. */
export interface FactSpec {
  type: FactType;
  unit?: string;
  unit_en?: string;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  /** Chinese description, phrased to stand before a value. */
  zh: string;
  en: string;
  /** How time enters it; every fact an item reads must say (lint). */
  time?: TimeBasis;
}

/** Fact path → spec. Built without a prototype so a fact named `constructor` is just absent. */
export type Vocabulary = Record<string, FactSpec>;

export type StandardKind = 'checklist' | 'negative-list';

export interface EvidenceNeed {
  fact: string;
  /** Documents that prove the fact: 会议纪要, 制度文件, 活动记录 … */
  documents: string[];
}

export interface StandardItem {
  id: string;
  /** 项目 */
  aspect: string;
  /** 内容 (null on the negative list) */
  content: string | null;
  number: number;
  /** Row of the document's table, where it has one. */
  row?: number;
  /** The document's exact wording. */
  text: string;
  /** 责任单位 */
  responsible: string[];
  weight: number;
  appliesIf?: unknown;
  /** checklist items: truthy = met */
  rule?: unknown;
  /** negative-list items: truthy = veto */
  vetoIf?: unknown;
  evidence: EvidenceNeed[];
  note?: string;
  /** Fact paths the rule (and applies_if) read. */
  reads: string[];
}

export type VerdictPolicy = { policy: 'all_applicable_met' | 'min_score'; minScore?: number; note?: string };

export interface Standard {
  id: string;
  version: string;
  title: string;
  kind: StandardKind;
  source?: Record<string, string>;
  draft: boolean;
  /** Refs (id@version) of the negative lists that apply. */
  negativeListRefs: string[];
  verdict: VerdictPolicy;
  items: StandardItem[];
  /** The vocabulary this standard is read with: the shared one plus its own additions. */
  vocabulary: Vocabulary;
  /** Facts this standard itself adds to the shared vocabulary. */
  localFacts: Vocabulary;
  /** Where it was loaded from. */
  file?: string;
}

/** A standard ready to evaluate: rules compiled once, negative lists attached. */
export interface LoadedStandard extends Standard {
  negativeLists: LoadedStandard[];
  compiled: ReadonlyMap<string, CompiledItem>;
}

export interface CompiledItem {
  appliesIf?: (data: unknown) => TrackedResult;
  test: (data: unknown) => TrackedResult;
  /** The rules as parsed (src/rules/tree.ts), for explanation: `test` is the rule or veto_if. */
  tree: { appliesIf?: RuleNode; test: RuleNode };
}

/** A problem lint found in a standard. */
export interface LintProblem extends InputProblem {
  severity: 'error' | 'warning';
}

/** The YAML as written (snake_case keys), after the schema check. */
export interface RawStandard {
  id: string;
  version: string;
  title: string;
  kind: 'checklist' | 'negative-list';
  source?: Record<string, string>;
  draft?: boolean;
  negative_lists?: string[];
  verdict?: { policy: 'all_applicable_met' | 'min_score'; min_score?: number; note?: string };
  facts?: Record<string, FactSpec>;
  items: RawItem[];
}

export interface RawItem {
  id: string;
  aspect: string;
  content?: string;
  number: number;
  row?: number;
  text: string;
  responsible?: string[];
  weight?: number;
  applies_if?: unknown;
  rule?: unknown;
  veto_if?: unknown;
  evidence?: { fact: string; documents: string[] }[];
  note?: string;
}

/** A bundled standard's file: standards/<id>/<version>.yaml (registry.ts lists and resolves them). */
export interface StandardRef {
  id: string;
  version: string;
  file: string;
}

import type { AssessResult, ItemState, Verdict, VetoState } from '../assess/types.js';
import type { FactSpec } from '../standard/types.js';
import type { TextPart } from './text.js';

/**
 * `assess diff` as data: what the formatters print and what `--format json` emits
 * (schemaVersion 1; documented in README "assess diff"). Every list is sorted by the new
 * document's order (or the old one's for removed items), so the output is stable.
 */
export interface StandardDiff {
  schemaVersion: 1;
  from: Side;
  to: Side;
  /** True when nothing below differs: no item, rule, negative-list, policy or vocabulary change. */
  identical: boolean;
  summary: DiffSummary;
  titleChanged: boolean;
  items: ItemsDiff;
  negativeList: NegativeListDiff;
  verdictPolicy: { from: PolicyView; to: PolicyView } | null;
  facts: FactsDiff;
  /** Removed/added pairs whose texts are alike: a hint that an id was renamed, never a match. */
  renameHints: RenameHint[];
}

export interface Side {
  id: string;
  version: string;
  title: string;
  draft: boolean;
  kind: 'checklist' | 'negative-list';
  items: number;
}

export interface DiffSummary {
  added: number;
  removed: number;
  moved: number;
  reworded: number;
  thresholds: { stricter: number; looser: number; changed: number };
  rules: number;
  responsible: number;
  negativeList: { added: number; removed: number; changed: number };
  verdictPolicy: number;
  facts: { added: number; removed: number; redefined: number };
  unchanged: number;
}

/** Where an item stands in its document: 项目 / 内容 / number. */
export interface Place {
  aspect: string;
  content: string | null;
  number: number;
}

export interface ItemView extends Place {
  id: string;
  text: string;
  responsible: string[];
  reads: string[];
}

export interface ItemsDiff {
  added: ItemView[];
  removed: ItemView[];
  moved: { id: string; text: string; from: Place; to: Place }[];
  reworded: { id: string; place: Place; from: string; to: string; parts: TextPart[] }[];
  thresholds: ThresholdChange[];
  rules: RuleChange[];
  responsible: { id: string; place: Place; from: string[]; to: string[]; added: string[]; removed: string[] }[];
  /** Ids present on both sides with nothing changed. */
  unchanged: number;
}

export type Direction = 'stricter' | 'looser' | 'changed';

/** A numeric constant of a rule that changed while the rule's shape stayed the same. */
export interface ThresholdChange {
  id: string;
  place: Place;
  /** JSON pointer of the constant in the rule (`rule`, `veto_if` or `applies_if`). */
  field: 'rule' | 'veto_if' | 'applies_if';
  pointer: string;
  /** The comparison around the constant, written "fact OP constant" ("coordination_meetings_per_year >="). */
  operator: string | null;
  fact: string | null;
  from: number;
  to: number;
  direction: Direction;
}

/** A rule whose shape changed (not just its constants). */
export interface RuleChange {
  id: string;
  place: Place;
  field: 'rule' | 'veto_if' | 'applies_if';
  from: unknown;
  to: unknown;
  readsAdded: string[];
  readsRemoved: string[];
}

export interface NegativeListDiff {
  from: string[];
  to: string[];
  items: ItemsDiff;
}

export interface PolicyView {
  policy: string;
  minScore: number | null;
}

export interface FactView {
  path: string;
  spec: FactSpec | null;
  /** Items (ids) of the side that reads it. */
  readBy: string[];
}

export interface FactsDiff {
  /** Read by the new version and not the old: submitters must now collect these. */
  added: FactView[];
  /** Read by the old version and no longer by the new. */
  removed: FactView[];
  /** Read by both, with a different type, unit or range. */
  redefined: { path: string; from: FactSpec | null; to: FactSpec | null }[];
}

export interface RenameHint {
  removed: string;
  added: string;
  similarity: number;
}

/** `--facts`: one area assessed under both versions. */
export interface Impact {
  input: string;
  area: AssessResult['area'];
  period?: string;
  before: ImpactSide;
  after: ImpactSide;
  /** Items and veto items whose state differs; `absent` where the version has no such item. */
  changes: StateChange[];
  newlyFailing: number;
  newlyMissing: number;
  newlyMet: number;
  /** Facts the new version needs that this area's facts lack and the old version did not need. */
  factsToCollect: FactView[];
}

export interface ImpactSide {
  verdict: Verdict;
  score: number;
  failed: number;
  missing: number;
}

export interface StateChange {
  id: string;
  kind: 'item' | 'veto';
  place: Place;
  text: string;
  before: ItemState | VetoState | 'absent';
  after: ItemState | VetoState | 'absent';
  /** Why, under the new version (empty when met or absent). */
  explanation: string;
}

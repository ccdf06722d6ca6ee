import type { EvidenceNeed } from '../standard/types.js';
import type { EvidenceFinding, Progress } from '../packs/types.js';

/** `unsupported`: the rule is met on the facts, but a fact it needs evidence for is not proven (data packs). */
export type ItemState = 'pass' | 'fail' | 'missing' | 'not_applicable' | 'unsupported';
export type VetoState = 'clear' | 'triggered' | 'missing';
export type Verdict = 'pass' | 'fail' | 'veto';
export type Lang = 'zh' | 'en';

export interface ItemResult {
  id: string;
  aspect: string;
  content: string | null;
  number: number;
  text: string;
  state: ItemState;
  /** Facts the item's rules read. */
  reads: string[];
  /** The values of those facts in this submission (null where absent). */
  actual: Record<string, unknown>;
  /** Why, in words, with thresholds and actual values; empty when met. */
  explanation: string;
  responsible: string[];
  /** Facts evaluation needed and did not find (state missing). */
  missing: string[];
  /** Facts behind a failure: those read by the conditions that do not hold (state fail). */
  unmet?: string[];
  /** Documents that prove the facts this item reads. */
  evidence: EvidenceNeed[];
  weight: number;
}

export interface VetoResult {
  id: string;
  list: { id: string; version: string };
  number: number;
  text: string;
  state: VetoState;
  reads: string[];
  actual: Record<string, unknown>;
  explanation: string;
  missing: string[];
}

export interface AspectScore {
  name: string;
  met: number;
  applicable: number;
  /** Weighted share of applicable items met (1 where none applies). */
  score: number;
}

/** One entry of `results` in the JSON output (contract.md). */
export interface AssessResult {
  input?: string;
  area: { name?: string; code?: string };
  period?: string;
  standard: { id: string; version: string; title: string };
  verdict: Verdict;
  score: number;
  aspects: AspectScore[];
  items: ItemResult[];
  vetoes: VetoResult[];
  /** Non-fatal remarks on the input (unknown facts …). */
  warnings: string[];
  /** The facts file read (for a pack: the facts.json inside it); filled by the CLI. */
  file?: string;
  /** JSON pointer (`/facts/<name>`, `/evidence/<name>`) → where it stands in `file`; filled by the CLI. */
  locations?: Record<string, { line: number; column: number }>;
  /** Evidence problems found in a data pack (src/packs/evidence.ts). */
  evidenceFindings?: EvidenceFinding[];
  /** Change since a previous report (`--baseline`). */
  progress?: Progress;
}

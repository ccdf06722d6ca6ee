import type { EvidenceNeed } from '../standard/types.js';
import type { Reason } from '../reasons.js';

export type PendingReason = Extract<Reason, { kind: 'pending' }>;

/**
 * `unsupported`: the rule is met on the facts, but a fact it needs evidence for is not proven (data packs).
 * `pending`: a part-year period (2023-Q2, 2023-05) where a yearly count is not yet due (src/assess/period.ts).
 */
export type ItemState = 'pass' | 'fail' | 'missing' | 'not_applicable' | 'unsupported' | 'pending';
export type VetoState = 'clear' | 'triggered' | 'missing';
/** `in_progress` (进行中): a part-year period with nothing failed or missing and something pending. */
export type Verdict = 'pass' | 'fail' | 'veto' | 'in_progress';
export type { Lang } from '../messages/types.js';

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
  /** Why, in words (the reasons, rendered in the language asked for); empty when met. */
  explanation: string;
  /** Why, as data (src/reasons.ts): thresholds, actual values, missing facts, evidence problems; empty when met. */
  reasons: Reason[];
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
  /** Why, in words; empty when clear. */
  explanation: string;
  /** Why, as data: the triggering facts, or those missing; empty when clear. */
  reasons: Reason[];
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
  /** Evidence problems found in a data pack (src/assess/evidence.ts). */
  evidenceFindings?: EvidenceFinding[];
  /** Change since a previous report (`--baseline`). */
  progress?: Progress;
}

/** Why an evidence file named in a pack's facts does not prove anything. */
export type EvidenceProblem =
  | 'absolute' // an absolute path: the pack must be self-contained
  | 'parent' // a `..` segment: would leave the pack
  | 'outside' // a symlink (or a symlinked directory) that resolves outside the pack
  | 'not-found' // no such file (or a dangling symlink)
  | 'not-file' // a directory, device, socket …
  | 'empty' // zero bytes
  | 'sha256' // content differs from the declared sha256 (tampered or replaced)
  | 'unreadable' // exists but cannot be read
  | 'too-large' // over --max-evidence-bytes, or takes the pack over --max-evidence-total: not read
  | 'none'; // an item needs evidence for a fact and the pack names none

/** One evidence problem of a pack, located by the fact it is meant to prove. */
export interface EvidenceFinding {
  /** The fact path the evidence is listed under (or that an item needs evidence for). */
  fact: string;
  /** The path as written in the facts file; absent for `none`. */
  path?: string;
  problem: EvidenceProblem;
  /** Technical detail: an errno code, the file's actual sha256. */
  detail?: string;
  /** `none`: the documents the standard names as proof of the fact. */
  documents?: string[];
  /** In words, in the language asked for. */
  message: string;
  /** Items that were met on the facts but are now unsupported because of this. */
  items: string[];
}

/** What `--baseline` adds to a result: the change since a previous report (月报). */
export interface Progress {
  /** The previous result this one was matched with (area name + standard id); null when none. */
  baseline: { input?: string; period?: string; standard: { id: string; version: string }; verdict: string; score: number } | null;
  verdict: { before: string | null; after: string };
  score: { before: number | null; after: number; delta: number | null };
  /** Met now, not met before (or not assessed before). */
  newlyMet: ItemChange[];
  /** Not met now, met before (or not assessed before). */
  newlyFailed: ItemChange[];
  /** Not met then and not met now. */
  stillOpen: ItemChange[];
  aspects: { name: string; before: number | null; after: number; delta: number | null }[];
  /** Negative-list items whose state changed. */
  vetoes: { id: string; number: number; before: VetoState | null; after: VetoState }[];
}

export interface ItemChange {
  id: string;
  aspect: string;
  content: string | null;
  number: number;
  text: string;
  before: ItemState | null;
  after: ItemState;
}

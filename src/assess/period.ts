import type { Comparison, Reason } from '../reasons.js';
import { compileTrackedTree, type TrackedResult } from '../rules/compile.js';
import { NOT_FOUND, resolvePath } from '../rules/resolve.js';
import type { RuleNode, ValueNode } from '../rules/tree.js';
import { truthy } from '../rules/truthy.js';
import type { StandardItem, TimeBasis, Vocabulary } from '../standard/types.js';

/**
 * Assessing part of a year (the 月报 of 杨市's 创建 process, 002): a facts file's `period` is a
 * year (`2023`) or the year to date up to a quarter (`2023-Q2`) or a month (`2023-05`). A yearly
 * count that is not yet reached is not a failure before the year is over but `pending` (未到期),
 * with what remains; a quarterly count is judged on the quarters elapsed; everything else is
 * judged as it stands. How time enters a requirement is declared per fact (`time` in the
 * vocabulary: see TimeBasis), so one item may mix a yearly count with a rule that holds now.
 * Pure functions: the evaluator calls `pendingOutcome` only for an item that failed in a
 * part-year period, so a full year is assessed exactly as before.
 */

/** A facts file's period, read: the year and how far into it the facts run. */
export interface Period {
  /** As written: 2023, 2023-Q2, 2023-05. */
  text: string;
  year: number;
  /** The last month the facts cover (1..12). */
  endMonth: number;
  /** The facts cover the whole year: assessed exactly as a yearly report. */
  full: boolean;
  /** Quarters wholly inside the period (0..4). */
  quartersElapsed: number;
  /** The last day the facts cover, YYYY-MM-DD. */
  end: string;
}

const YEAR = /^(\d{4})$/u;
const QUARTER = /^(\d{4})-Q([1-4])$/u;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/u;

/** The period forms a facts file may give, for messages (the language helper's envelope check names them). */
export const PERIOD_FORMS = ['YYYY', 'YYYY-Qn', 'YYYY-MM'] as const;

/**
 * `2023` → the year; `2023-Q2` → 1 January to 30 June; `2023-05` → 1 January to 31 May.
 * Anything else (or nothing) → undefined: the facts are taken as a whole year, as before.
 */
export function parsePeriod(value: unknown): Period | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  let year: number;
  let endMonth: number;
  let m: RegExpExecArray | null;
  if ((m = YEAR.exec(text))) {
    year = Number(m[1]);
    endMonth = 12;
  } else if ((m = QUARTER.exec(text))) {
    year = Number(m[1]);
    endMonth = Number(m[2]) * 3;
  } else if ((m = MONTH.exec(text))) {
    year = Number(m[1]);
    endMonth = Number(m[2]);
  } else return undefined;
  return { text, year, endMonth, full: endMonth === 12, quartersElapsed: Math.floor(endMonth / 3), end: lastDay(year, endMonth) };
}

/** Whether `value` is a period weibao reads (for the facts envelope's validation). */
export function isPeriod(value: unknown): boolean {
  return parsePeriod(value) !== undefined;
}

function lastDay(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** One lower bound on a time-bound fact found in a rule: `fact op expected` (a number or a fact). */
interface Bound {
  fact: string;
  basis: TimeBasis;
  op: '>=' | '>';
  /** A constant threshold, or the fact it is compared with. */
  threshold: number | { fact: string };
}

/** What a part-year period makes of an item that failed: pending with what remains, or nothing. */
export type PendingOutcome = { state: 'pending'; reasons: Extract<Reason, { kind: 'pending' }>[] } | { state: 'missing'; missing: string[] };

/**
 * An item that fails on the facts of a part-year period: is it only waiting for the year (or
 * the quarter) to run its course? Its rule is evaluated again with every lower bound on a yearly
 * count taken as not yet due and every quarterly count held to the quarters elapsed; if that
 * holds, the item is pending, and each bound not reached says what remains and by when.
 * undefined: the failure stands (something judged now does not hold, or a quarter is lost).
 * `missing`: the relaxed rule needs facts the failing one never read (short-circuit).
 */
export function pendingOutcome(item: StandardItem, tree: RuleNode, facts: Record<string, unknown>, period: Period, vocabulary: Vocabulary): PendingOutcome | undefined {
  if (period.full || item.rule === undefined) return undefined;
  const relaxed = relaxedRule(item, tree, period, vocabulary);
  if (!relaxed) return undefined;
  let outcome: TrackedResult;
  try {
    outcome = relaxed.test(facts);
  } catch {
    return undefined;
  }
  if (outcome.missing.length) return { state: 'missing', missing: outcome.missing };
  if (!truthy(outcome.value)) return undefined;
  const reasons = relaxed.bounds.flatMap((b) => {
    const r = boundReason(b, facts, period, vocabulary);
    return r ? [r] : [];
  });
  return reasons.length ? { state: 'pending', reasons } : undefined;
}

/** The item's rule with its time-bound lower bounds relaxed for this period; compiled once per item and period shape. */
const relaxedCache = new WeakMap<StandardItem, Map<string, { test: (d: unknown) => TrackedResult; bounds: Bound[] } | null>>();

function relaxedRule(item: StandardItem, tree: RuleNode, period: Period, vocabulary: Vocabulary) {
  let perItem = relaxedCache.get(item);
  if (!perItem) relaxedCache.set(item, (perItem = new Map()));
  const key = String(period.quartersElapsed);
  if (perItem.has(key)) return perItem.get(key)!;
  const bounds: Bound[] = [];
  const relaxed = relax(tree, period, vocabulary, bounds);
  const built = bounds.length ? { test: compileTrackedTree(relaxed), bounds } : null;
  perItem.set(key, built);
  return built;
}

const BRANCHING = new Set(['and', 'or']);

/**
 * Replace each lower bound on a yearly (or quarterly) fact where making it true can only make
 * the rule truer: under and / or, and in the branches (not the conditions) of if. Elsewhere
 * (under !, inside a comparison) a bound is left as it is, judged now. Walks the item's parsed
 * rule (rules/tree.ts), so only a real operation is read as one, never a constant object.
 */
function relax(node: RuleNode, period: Period, vocabulary: Vocabulary, bounds: Bound[]): RuleNode {
  const { op, args } = node;
  if ((op === '>=' || op === '>') && args.length === 2) {
    const bound = boundOf(op, args, vocabulary);
    if (bound) {
      bounds.push(bound);
      return relaxedBound(bound, node, period);
    }
  }
  if (BRANCHING.has(op)) return { ...node, args: args.map((a) => relax(a, period, vocabulary, bounds)) };
  if (op === 'if' || op === '?:') {
    // if: [cond, then, cond, then, …, else]: conditions are judged now, branches may be relaxed.
    return { ...node, args: args.map((a, i) => (i % 2 === 0 && i < args.length - 1 ? a : relax(a, period, vocabulary, bounds))) };
  }
  return node;
}

function boundOf(op: '>=' | '>', args: readonly RuleNode[], vocabulary: Vocabulary): Bound | undefined {
  const fact = varName(args[0]);
  if (!fact) return undefined;
  const basis = vocabulary[fact]?.time;
  if (basis !== 'year' && basis !== 'quarters' && basis !== 'quarter') return undefined;
  const limit = args[1];
  if (limit.op === 'value' && typeof (limit as ValueNode).value === 'number') return { fact, basis, op, threshold: (limit as ValueNode).value as number };
  const other = varName(limit);
  return other ? { fact, basis, op, threshold: { fact: other } } : undefined;
}

/** `{"var": "fact"}` or `{"var": ["fact"]}` (no default: a default would answer for a blank) → the fact. */
function varName(node: RuleNode): string | undefined {
  if (node.op !== 'var' || node.args.length !== 1) return undefined;
  const first = node.args[0];
  return first.op === 'value' && typeof (first as ValueNode).value === 'string' ? ((first as ValueNode).value as string) : undefined;
}

function constant(value: unknown, at: RuleNode): ValueNode {
  return { op: 'value', value, args: [], pointer: at.pointer, scoped: at.scoped };
}

/**
 * What the bound asks of a part-year period:
 *   year     nothing yet (due at year end): true, provided the fact is there to be read
 *   quarters a count of quarters (按季度): as many as the quarters elapsed, in proportion
 *   quarter  a per-quarter figure (每季度至少): judged on the quarters elapsed; none elapsed yet → not due
 * The fact is still read, so a blank count is missing, never quietly pending.
 */
function relaxedBound(bound: Bound, node: RuleNode, period: Period): RuleNode {
  const read: RuleNode = { ...node, op: '!==', args: [node.args[0], constant('\u0000never', node)] };
  if (bound.basis === 'year') return read;
  if (bound.basis === 'quarter') return period.quartersElapsed === 0 ? read : node;
  if (typeof bound.threshold !== 'number') return read;
  const due = Math.ceil((bound.threshold * period.quartersElapsed) / 4);
  return { ...node, args: [node.args[0], constant(bound.op === '>' ? due - 1 : due, node.args[1])] };
}

/** A bound not yet reached → its pending reason (what remains, by when); reached → undefined. */
function boundReason(b: Bound, facts: Record<string, unknown>, period: Period, vocabulary: Vocabulary): Extract<Reason, { kind: 'pending' }> | undefined {
  const actual = value(facts, b.fact);
  const expected = typeof b.threshold === 'number' ? b.threshold : value(facts, b.threshold.fact);
  if (typeof actual !== 'number' || typeof expected !== 'number') return undefined;
  const met = b.op === '>=' ? actual >= expected : actual > expected;
  if (met) return undefined;
  const step = vocabulary[b.fact]?.type === 'integer' ? 1 : 0;
  const remaining = b.op === '>=' ? expected - actual : expected - actual + step;
  const due = b.basis === 'quarter' ? lastDay(period.year, 3) : `${period.year}-12-31`;
  const unit = vocabulary[b.fact]?.unit;
  const op: Comparison = b.op;
  return { kind: 'pending', fact: b.fact, op, actual, expected, remaining: round(remaining), due, ...(unit ? { unit } : {}) };
}

function value(facts: Record<string, unknown>, path: string): unknown {
  const v = resolvePath(facts, path);
  return v === NOT_FOUND ? null : v;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

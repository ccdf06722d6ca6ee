import jsonLogic from 'json-logic-js';
import { RuleError, splitPointer } from '../../src/errors.js';
import { compileTracked } from '../../src/rules/compile.js';
import { ALLOWED_OPERATIONS } from '../../src/rules/operations.js';
import { parseRule } from '../../src/rules/tree.js';
import { compileRule } from '../../src/index.js';

/**
 * One rule on one datum through json-logic-js 2.0.5 and through weibao, and whether they agree.
 * Shared by the vendored suites (suites.test.ts) and the differential fuzz
 * (test/property/differential.test.ts), so both hold weibao to the same standard:
 *   - weibao compiles the rule: compileRule and compileTracked give json-logic-js's value
 *     (same(): NaN is NaN, -0 is not 0, undefined is not null) or throw where it throws;
 *   - weibao refuses the rule: a RuleError at compile time whose pointer names an operation
 *     off the allowlist in the rule (or a documented limit) — a refusal, never a different answer.
 */
export type Outcome = { threw: true; error: unknown } | { threw: false; value: unknown };

export function outcome(f: () => unknown): Outcome {
  try {
    return { threw: false, value: f() };
  } catch (error) {
    return { threw: true, error };
  }
}

/** Deep equality at Object.is level: NaN equals NaN, 0 and -0 differ, undefined is not null, holes count. */
export function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  if (Array.isArray(a) && a.length !== (b as unknown[]).length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

export function sameOutcome(a: Outcome, b: Outcome): boolean {
  return a.threw ? b.threw : !b.threw && same(a.value, b.value);
}

export type Verdict =
  | { kind: 'agree'; theirs: Outcome }
  | { kind: 'refused'; error: RuleError }
  | { kind: 'disagree'; theirs: Outcome; ours: Outcome; tracked: Outcome }
  | { kind: 'bad-refusal'; error: unknown };

/** A pass of a rule through both evaluators; a fresh copy of rule and data each side, so neither sees the other's edits. */
export function compare(rule: unknown, data: unknown): Verdict {
  try {
    parseRule(clone(rule));
  } catch (error) {
    return refusalIsLocated(rule, error) ? { kind: 'refused', error: error as RuleError } : { kind: 'bad-refusal', error };
  }
  const theirs = outcome(() => jsonLogic.apply(clone(rule) as never, clone(data)));
  const ours = outcome(() => compileRule(clone(rule))(clone(data)));
  const tracked = outcome(() => compileTracked(clone(rule))(clone(data)).value);
  if (sameOutcome(theirs, ours) && sameOutcome(theirs, tracked)) return { kind: 'agree', theirs };
  return { kind: 'disagree', theirs, ours, tracked };
}

/**
 * A refusal is right when it is a RuleError whose pointer leads, in the rule, to the operand of
 * an operation off the allowlist — or when it names one of tree.ts's documented limits.
 */
export function refusalIsLocated(rule: unknown, error: unknown): boolean {
  if (!(error instanceof RuleError)) return false;
  if (/nests deeper than|operands, more than the limit/.test(error.message)) return true;
  const path = splitPointer(error.pointer);
  const op = path.pop();
  let node: unknown = rule;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return (
    op !== undefined &&
    node !== null &&
    typeof node === 'object' &&
    !Array.isArray(node) &&
    Object.keys(node).length === 1 &&
    Object.keys(node)[0] === op &&
    !ALLOWED_OPERATIONS.has(op)
  );
}

/** A JSON value's copy (undefined stays undefined). */
export function clone<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

/** An outcome for a message: the value as JSON-ish text, or the error's message. */
export function show(o: Outcome): string {
  if (o.threw) return `throws ${o.error instanceof Error ? `${o.error.name}: ${o.error.message}` : String(o.error)}`;
  return showValue(o.value);
}

export function showValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : Object.is(x, -0) ? '-0' : x));
  } catch {
    return String(v);
  }
}

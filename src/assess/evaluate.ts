import type { FactValue, Reason } from '../reasons.js';
import { unmetFacts, unmetReasons } from '../rules/explain.js';
import type { TrackedResult } from '../rules/compile.js';
import { truthy } from '../rules/truthy.js';
import { RuleFault } from '../standard/fault.js';
import type { LoadedStandard, StandardItem, Vocabulary } from '../standard/types.js';
import { pendingOutcome, type Period } from './period.js';
import { actualOf, isPlainFacts, planOf, type ItemPlan } from './plan.js';
import type { ItemResult, VetoResult } from './types.js';

/**
 * Every item of a standard → pass / fail / missing / not_applicable, with its reasons as data
 * (src/reasons.ts) and no words: an item is `missing` when evaluating it needed a fact the
 * submission lacks (absent or null): missing facts never count as met, and a fact the rule
 * didn't need (short-circuit) is not asked for. `explanation` is left empty: words are filled in
 * from the reasons at the edge (assess.ts, in the language asked for).
 */
export function evaluateItems(standard: LoadedStandard, facts: Record<string, unknown>, period?: Period): ItemResult[] {
  const plan = planOf(standard);
  const plain = isPlainFacts(facts);
  const out: ItemResult[] = new Array(plan.length);
  for (let i = 0; i < plan.length; i++) out[i] = evaluateItem(standard, plan[i], facts, plain, period);
  return out;
}

// Met (and not applicable) items have no reasons and miss nothing: one empty list of each, shared
// by every such item of every area (nothing changes a result's lists after it is made). Frozen: a
// library caller that pushed into one would otherwise change every met item of every result; now
// it is a TypeError at that push. NO_FACTS is also the missing facts of every other item and
// veto that misses none (failed, pending, triggered): a frozen list has one map whatever it
// holds, and the missing facts an evaluation reports are frozen too (rules/compile.ts), so every
// result's `missing` is one kind of list to the code that reads it (with `[]` beside them,
// json-items.ts's isQuiet was compiled twice in a 2,000-area jsonl run, --trace-deopt).
const NONE: Reason[] = Object.freeze([]) as unknown as Reason[];
const NO_FACTS: string[] = Object.freeze([]) as unknown as string[];

/** One item's result; its fields in one order whatever the state (the order reports print them in). */
function result(item: StandardItem, actual: Record<string, unknown>, state: ItemResult['state'], missing: string[], reasons: Reason[], unmet?: string[]): ItemResult {
  const { id, aspect, content, number, text, reads, responsible, evidence, weight } = item;
  // A failure's unmet facts stand before its explanation.
  if (unmet !== undefined) return { id, aspect, content, number, text, reads, actual, responsible, evidence, weight, state, missing, unmet, explanation: '', reasons };
  return { id, aspect, content, number, text, reads, actual, responsible, evidence, weight, state, missing, explanation: '', reasons };
}

function evaluateItem(standard: LoadedStandard, plan: ItemPlan, facts: Record<string, unknown>, plain: boolean, period?: Period): ItemResult {
  const { item, compiled } = plan;
  const actual = actualOf(plan, facts, plain);
  let outcome: TrackedResult | undefined;
  if (compiled.appliesIf) {
    const applies = guarded(compiled.appliesIf, facts);
    // Missing facts of its own condition make the item missing as the test's would, by the same
    // line below: a line of its own here was one no area had reached when TurboFan compiled this
    // function, and it was compiled again at the first area that reached it (--trace-deopt).
    if (applies.missing.length) outcome = applies;
    else if (!truthy(applies.value)) return result(item, actual, 'not_applicable', NO_FACTS, [{ kind: 'not_applicable', because: unmetReasons(compiled.tree.appliesIf!, facts) }]);
  }
  if (outcome === undefined) {
    try {
      outcome = compiled.test(facts);
    } catch (e) {
      return result(item, actual, 'fail', NO_FACTS, [{ kind: 'error', message: ruleError(e) }]);
    }
  }
  if (outcome.missing.length) return result(item, actual, 'missing', outcome.missing, [{ kind: 'missing', facts: outcome.missing }]);
  if (truthy(outcome.value)) return result(item, actual, 'pass', NO_FACTS, NONE);
  // Part of a year (2023-Q2, 2023-05): a yearly count not yet reached is pending, not failed.
  const pending = period && !period.full ? pendingOutcome(item, compiled.tree.test, facts, period, standard.vocabulary) : undefined;
  if (pending?.state === 'missing') return result(item, actual, 'missing', pending.missing, [{ kind: 'missing', facts: pending.missing }]);
  if (pending) return result(item, actual, 'pending', NO_FACTS, pending.reasons);
  return result(item, actual, 'fail', NO_FACTS, withUnits(unmetReasons(compiled.tree.test, facts), standard.vocabulary), unmetFacts(compiled.tree.test, facts));
}

/** A threshold's unit from the vocabulary (`{fact, op, expected, actual, unit}`), so JSON readers need not look it up. */
function withUnits(reasons: Reason[], vocabulary: Vocabulary): Reason[] {
  return reasons.map((r) => {
    if ((r.kind === 'compare' || r.kind === 'compare_fact') && r.unit === undefined && vocabulary[r.fact]?.unit) return { ...r, unit: vocabulary[r.fact].unit };
    if (r.kind === 'any_of') return { ...r, options: r.options.map((o) => withUnits(o, vocabulary)) };
    return r;
  });
}

/** Every item of every negative list → clear / triggered / missing (never silently clear). */
export function evaluateVetoes(standard: LoadedStandard, facts: Record<string, unknown>): VetoResult[] {
  const lists = standard.negativeLists;
  if (lists.length === 1) return evaluateNegativeList(lists[0], facts);
  return lists.flatMap((list) => evaluateNegativeList(list, facts));
}

/** One negative list's items → clear / triggered / missing. */
export function evaluateNegativeList(list: LoadedStandard, facts: Record<string, unknown>): VetoResult[] {
  const plan = planOf(list);
  const plain = isPlainFacts(facts);
  const out: VetoResult[] = new Array(plan.length);
  for (let i = 0; i < plan.length; i++) out[i] = evaluateVeto(list, plan[i], facts, plain);
  return out;
}

function evaluateVeto(list: LoadedStandard, plan: ItemPlan, facts: Record<string, unknown>, plain: boolean): VetoResult {
  const { item } = plan;
  let outcome: TrackedResult;
  try {
    outcome = plan.compiled.test(facts);
  } catch (e) {
    // A veto that can't be decided is never silently clear; nor is it proof of a veto.
    return veto(list, item, actualOf(plan, facts, plain), 'missing', [{ kind: 'error', message: ruleError(e) }], NO_FACTS);
  }
  const actual = actualOf(plan, facts, plain);
  if (outcome.missing.length) return veto(list, item, actual, 'missing', [{ kind: 'missing', facts: outcome.missing }], outcome.missing);
  if (truthy(outcome.value)) return veto(list, item, actual, 'triggered', [{ kind: 'triggered', facts: triggering(item.reads, actual) }], NO_FACTS);
  return veto(list, item, actual, 'clear', NONE, NO_FACTS);
}

/** One veto's result, its fields in one order whatever the state (written out, not spread: this runs for every area). */
function veto(list: LoadedStandard, item: StandardItem, actual: Record<string, unknown>, state: VetoResult['state'], reasons: Reason[], missing: string[]): VetoResult {
  return { id: item.id, list: { id: list.id, version: list.version }, number: item.number, text: item.text, reads: item.reads, actual, state, explanation: '', reasons, missing };
}

/** The facts that set a veto off (a count above 0, a true); all it reads if none stands out. */
function triggering(reads: string[], actual: Record<string, unknown>): FactValue[] {
  const all = reads.map((fact) => ({ fact, actual: actual[fact] }));
  const telling = all.filter(({ actual: v }) => v === true || (typeof v === 'number' && v > 0));
  return telling.length ? telling : all;
}

/** A rule that throws on odd data is reported (its message), not allowed to take the run down with it. */
function ruleError(e: unknown): string {
  if (e instanceof RuleFault) throw e; // the standard's fault (exit 3), not a verdict on the area
  return (e as Error).message;
}

/** A tracked rule's outcome, or the error it threw as data (`value` false, nothing missing). */
function guarded(test: (d: unknown) => TrackedResult, facts: unknown): TrackedResult & { error?: string } {
  try {
    return test(facts);
  } catch (e) {
    return { value: false, missing: [], error: ruleError(e) };
  }
}

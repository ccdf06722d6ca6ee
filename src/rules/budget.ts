import { RuleError } from '../errors.js';

/**
 * The work one evaluation of a rule may do. A standard given by path is untrusted: without a
 * bound an 842-byte rule (`merge` doubling inside `reduce`) takes gigabytes and a minute.
 * Work without a loop is bounded by the rule's own size; what is counted is what a loop repeats
 * and what a value can grow by:
 *   steps — each pass of map, filter, reduce, all, none or some costs the nodes it evaluates;
 *   built — elements of arrays made by merge, map and filter, and characters of strings made by cat.
 * No standard needs more than a few dozen of either; the defaults leave ample room.
 */
export interface RuleBudget {
  steps: number;
  built: number;
}

export const DEFAULT_BUDGET: Readonly<RuleBudget> = Object.freeze({ steps: 1_000_000, built: 1_000_000 });

/** A rule that broke its evaluation budget; `pointer` is the operation that broke it. */
export class RuleBudgetError extends RuleError {
  constructor(what: 'steps' | 'built', limit: number, pointer: string) {
    super(
      what === 'steps'
        ? `the rule does more than ${limit.toLocaleString('en')} steps of work in one evaluation`
        : `the rule builds values of more than ${limit.toLocaleString('en')} elements or characters in one evaluation`,
      pointer,
    );
  }
}

// Evaluation is synchronous: one meter for the evaluation under way, reset by its outermost call.
let limits: RuleBudget = DEFAULT_BUDGET;
let steps = 0;
let built = 0;
let depth = 0;

/** Run one evaluation on a fresh meter (a nested call — explain inside evaluate — shares the outer one). */
export function metered<T>(budget: RuleBudget, run: () => T): T {
  if (depth > 0) return run();
  limits = budget;
  steps = 0;
  built = 0;
  depth++;
  try {
    return run();
  } finally {
    depth--;
  }
}

export function chargeSteps(n: number, pointer: string): void {
  steps += n;
  if (steps > limits.steps) throw new RuleBudgetError('steps', limits.steps, pointer);
}

export function chargeBuilt(n: number, pointer: string): void {
  built += n;
  if (built > limits.built) throw new RuleBudgetError('built', limits.built, pointer);
}

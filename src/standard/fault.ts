import { InputError, RuleError } from '../errors.js';

/**
 * A rule of a standard that threw, or broke its evaluation budget (src/rules/budget.ts), while
 * evaluating an area. That is the standard's fault, never a verdict on the area: the CLI exits 3
 * (invalid input) naming the standard's file, the item and the place in its rule.
 */
export class RuleFault extends InputError {
  readonly item: string;
  readonly pointer: string;
  constructor(file: string | undefined, item: string, pointer: string, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super('rule', file, [
      {
        pointer,
        message: `item "${item}": the rule could not be evaluated: ${why}`,
        expected: cause instanceof RuleError ? 'a rule within the evaluation budget (README, "Untrusted input")' : 'a rule that evaluates on any facts file',
      },
    ]);
    this.item = item;
    this.pointer = pointer;
  }
}

import { hint, InputError, RuleError } from '../errors.js';
import { ruleProblem } from './rule-words.js';

/**
 * A rule of a standard that threw, or broke its evaluation budget (src/rules/budget.ts), while
 * evaluating an area. That is the standard's fault, never a verdict on the area: the CLI exits 3
 * (invalid input) naming the standard's file, the item and the place in its rule, in words from
 * the catalogue (input.rule.*).
 */
export class RuleFault extends InputError {
  readonly item: string;
  readonly pointer: string;
  constructor(file: string | undefined, item: string, pointer: string, cause: unknown) {
    super('rule', file, [
      ruleProblem(
        cause,
        {
          pointer,
          expected: cause instanceof RuleError ? 'a rule within the evaluation budget (README, "Untrusted input")' : 'a rule that evaluates on any facts file',
          hint: hint(cause instanceof RuleError ? 'input.fix.rule' : 'input.fix.ruleFault'),
        },
        item,
      ),
    ]);
    this.item = item;
    this.pointer = pointer;
  }
}

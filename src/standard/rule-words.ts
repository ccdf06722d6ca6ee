import { RuleError, type Hint, type InputProblem, type Location } from '../errors.js';
import { t, type MessageId } from '../messages/catalogue.js';
import { RuleBudgetError } from '../rules/budget.js';

/**
 * A rule's problem as a catalogue message (section input, `input.rule.*`) with its data, so it is
 * printed in the user's language. src/rules throws RuleError with English words and a pointer;
 * its kinds are few and fixed (test/standards/rule-words.test.ts pins each shape), and anything
 * else — an operation throwing while it evaluates — is passed on as its own words.
 */
export function ruleProblem(e: unknown, at: Location & { hint?: Hint; expected?: string }, item?: string): InputProblem {
  const { id, data } = ruleWords(e, item);
  return { ...at, id, data, message: (t as (l: 'en', i: MessageId, d: unknown) => string)('en', id, data) };
}

export function ruleWords(e: unknown, item?: string): { id: MessageId; data: Record<string, unknown> } {
  const message = e instanceof Error ? e.message : String(e);
  const limit = /more than ([\d,]+)/.exec(message)?.[1] ?? '';
  if (e instanceof RuleBudgetError) return { id: /steps/.test(message) ? 'input.rule.steps' : 'input.rule.built', data: { limit, item } };
  if (e instanceof RuleError) {
    let m: RegExpExecArray | null;
    if ((m = /^operation (".*") is not allowed/.exec(message))) return { id: 'input.rule.op', data: { op: m[1], item } };
    if ((m = /^the rule nests deeper than (\d+) levels/.exec(message))) return { id: 'input.rule.depth', data: { limit: Number(m[1]), item } };
    if ((m = /^operation "(.*)" has (\d+) operands, more than the limit of (\d+)/.exec(message))) return { id: 'input.rule.operands', data: { op: m[1], n: Number(m[2]), limit: Number(m[3]), item } };
    if ((m = /^a rule holds JSON values only(?:, not a (\w+))?/.exec(message))) return { id: 'input.rule.json', data: { type: m[1] ?? 'object', item } };
  }
  return { id: 'input.rule.other', data: { detail: message, item } };
}

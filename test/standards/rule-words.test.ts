import { describe, expect, it } from 'vitest';
import { RuleError } from '../../src/errors.js';
import { RuleBudgetError } from '../../src/rules/budget.js';
import { parseRule } from '../../src/rules/tree.js';
import { ruleWords } from '../../src/standard/rule-words.js';
import { t, type MessageId } from '../../src/messages/catalogue.js';

/**
 * A rule's problem in the catalogue's words: src/rules says each kind in English words with a
 * fixed shape; these pin every shape, so a rewording there fails here instead of falling back to
 * English under zh.
 */
const words = (e: unknown, item?: string) => {
  const { id, data } = ruleWords(e, item);
  return { id, zh: (t as (l: 'zh', i: MessageId, d: unknown) => string)('zh', id, data), en: (t as (l: 'en', i: MessageId, d: unknown) => string)('en', id, data) };
};
const thrown = (rule: unknown) => {
  try {
    parseRule(rule);
  } catch (e) {
    return e;
  }
  throw new Error('no error');
};

describe('rule errors in words', () => {
  it('an operation not allowed', () => expect(words(thrown({ log: [1] }), 'x.y')).toEqual({ id: 'input.rule.op', zh: '项目 "x.y" 的规则不允许使用运算 "log"', en: 'item "x.y": operation "log" is not allowed' }));
  it('too deep', () => {
    let deep: unknown = { var: 'a' };
    for (let i = 0; i < 200; i++) deep = { '!': [deep] };
    expect(words(thrown(deep)).id).toBe('input.rule.depth');
  });
  it('too many operands', () => expect(words(thrown({ '+': Array.from({ length: 100_000 }, () => 1) })).id).toBe('input.rule.operands'));
  it('not JSON', () => expect(words(thrown({ '==': [() => 1, 1] })).id).toBe('input.rule.json'));
  it.each([
    ['steps', 'input.rule.steps', '规则一次计算的工作量超过 1,000 步'],
    ['built', 'input.rule.built', '规则一次计算生成的值超过 1,000 个元素或字符'],
  ] as const)('the budget: %s', (what, id, zh) => expect(words(new RuleBudgetError(what, 1000, '/x'))).toMatchObject({ id, zh }));
  it('anything else keeps its own words', () => expect(words(new TypeError('Reduce of empty array'), 'a')).toEqual({ id: 'input.rule.other', zh: '项目 "a" 的规则无法计算：Reduce of empty array', en: 'item "a": the rule could not be evaluated: Reduce of empty array' }));
  it('a RuleError of an unknown shape too', () => expect(words(new RuleError('something new', '/x')).id).toBe('input.rule.other'));
});

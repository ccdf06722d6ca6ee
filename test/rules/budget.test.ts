import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { compileRule, compileTracked } from '../../src/rules/compile.js';
import { DEFAULT_BUDGET, RuleBudgetError } from '../../src/rules/budget.js';

/**
 * Issue 13 item 10: a rule's work is bounded. Each of these took seconds and gigabytes before
 * (json-logic-js has no bound at all); now each stops at the budget with a RuleBudgetError that
 * names the operation that broke it.
 */
const thirty = Array.from({ length: 30 }, (_, i) => i);
const doubling = (op: 'merge' | 'cat') => ({ reduce: [thirty, { [op]: [{ var: 'accumulator' }, { var: 'accumulator' }] }, op === 'merge' ? [1] : 'ab'] });

function broken(rule: unknown, data: unknown = {}): RuleBudgetError {
  const fn = compileRule(rule);
  try {
    fn(data);
  } catch (e) {
    expect(e).toBeInstanceOf(RuleBudgetError);
    return e as RuleBudgetError;
  }
  throw new Error('the rule stayed within its budget');
}

describe('the evaluation budget', () => {
  it('merge doubling inside a 4-way merge (an 842-byte rule that took 3.2 GB)', () => {
    const e = broken({ merge: [doubling('merge'), doubling('merge'), doubling('merge'), doubling('merge')] });
    expect(e.message).toContain('builds values of more than 1,000,000 elements or characters');
    expect(e.pointer).toBe('/merge/0/reduce/1');
  });

  it('cat doubling inside reduce', () => {
    expect(broken(doubling('cat')).pointer).toBe('/reduce/1');
  });

  it('nested map, 1000 × 1000 × 100', () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => i);
    const rule = { map: [list(1000), { map: [list(1000), { map: [list(100), { '+': [{ var: '' }, 1] }] }] }] };
    const e = broken(rule);
    expect(e.message).toContain('more than 1,000,000 steps');
  });

  it('a budget of its own, and every call starts with a full one', () => {
    const rule = { map: [{ var: 'list' }, { '*': [{ var: '' }, 2] }] };
    const fn = compileRule(rule, { budget: { steps: 100, built: 1000 } });
    const small = { list: Array.from({ length: 20 }, (_, i) => i) };
    for (let i = 0; i < 50; i++) expect(fn(small)).toEqual(jsonLogic.apply(rule as never, small));
    expect(() => fn({ list: Array.from({ length: 50 }, (_, i) => i) })).toThrow(RuleBudgetError);
    expect(fn(small)).toEqual(jsonLogic.apply(rule as never, small));
  });

  it('rules within the budget evaluate as json-logic-js (tracked as well)', () => {
    const rule = { reduce: [{ var: 'xs' }, { '+': [{ var: 'accumulator' }, { var: 'current' }] }, 0] };
    const data = { xs: Array.from({ length: 10_000 }, (_, i) => i) };
    expect(compileTracked(rule)(data).value).toBe(jsonLogic.apply(rule as never, data));
    expect(DEFAULT_BUDGET.steps).toBeGreaterThan(10_000 * 4);
  });
});

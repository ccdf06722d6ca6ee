import { describe, expect, it } from 'vitest';
import type { Reason } from '../../src/reasons.js';
import { unmetFacts, unmetReasons } from '../../src/rules/explain.js';
import { parseRule } from '../../src/rules/tree.js';

/** Issue 12 item 3: why a rule is not met, as data, walked on the same tree the compiler uses. */
const reasons = (rule: unknown, data: unknown): Reason[] => unmetReasons(parseRule(rule), data);

describe('unmetReasons', () => {
  it('a fact against a threshold → compare', () => {
    expect(reasons({ '>=': [{ var: 'meetings' }, 2] }, { meetings: 1 })).toEqual([{ kind: 'compare', fact: 'meetings', op: '>=', actual: 1, expected: 2 }]);
    expect(reasons({ '==': [{ var: 'level' }, 'city'] }, {})).toEqual([{ kind: 'compare', fact: 'level', op: '==', actual: null, expected: 'city' }]);
  });

  it('a fact against another fact → compare_fact', () => {
    expect(reasons({ '>=': [{ var: 'with_director' }, { var: 'communities' }] }, { with_director: 3, communities: 5 })).toEqual([
      { kind: 'compare_fact', fact: 'with_director', op: '>=', actual: 3, other: 'communities', otherActual: 5 },
    ]);
  });

  it('bare yes/no facts, ! and !!, and comparisons with a boolean → boolean', () => {
    expect(reasons({ var: 'has_plan' }, { has_plan: false })).toEqual([{ kind: 'boolean', fact: 'has_plan', expected: true, actual: false }]);
    expect(reasons({ '!!': [{ var: 'has_plan' }] }, {})).toEqual([{ kind: 'boolean', fact: 'has_plan', expected: true, actual: null }]);
    expect(reasons({ '!': { var: 'incident' } }, { incident: true })).toEqual([{ kind: 'boolean', fact: 'incident', expected: false, actual: true }]);
    expect(reasons({ '!=': [{ var: 'incident' }, true] }, { incident: true })).toEqual([{ kind: 'boolean', fact: 'incident', expected: false, actual: true }]);
  });

  it('and: only the parts that do not hold; or: any_of with each option', () => {
    const rule = { and: [{ var: 'a' }, { '>': [{ var: 'n' }, 1] }, { or: [{ var: 'b' }, { '>=': [{ var: 'm' }, 3] }] }] };
    expect(reasons(rule, { a: true, n: 0, b: false, m: 1 })).toEqual([
      { kind: 'compare', fact: 'n', op: '>', actual: 0, expected: 1 },
      {
        kind: 'any_of',
        options: [[{ kind: 'boolean', fact: 'b', expected: true, actual: false }], [{ kind: 'compare', fact: 'm', op: '>=', actual: 1, expected: 3 }]],
      },
    ]);
  });

  it('if: the branch taken', () => {
    const rule = { if: [{ var: 'big' }, { '>=': [{ var: 'n' }, 10] }, { '>=': [{ var: 'n' }, 2] }] };
    expect(reasons(rule, { big: true, n: 5 })).toEqual([{ kind: 'compare', fact: 'n', op: '>=', actual: 5, expected: 10 }]);
    expect(reasons(rule, { big: false, n: 1 })).toEqual([{ kind: 'compare', fact: 'n', op: '>=', actual: 1, expected: 2 }]);
  });

  it('anything else → condition with the facts read and their values', () => {
    expect(reasons({ '>': [{ '+': [{ var: 'x' }, { var: 'y' }] }, 5] }, { x: 1 })).toEqual([
      { kind: 'condition', facts: [{ fact: 'x', actual: 1 }, { fact: 'y', actual: null }] },
    ]);
  });

  it('a flat and of 100,000 operands is explained without recursion', () => {
    const rule = { and: [...Array.from({ length: 99_999 }, () => ({ var: 'a' })), { var: 'b' }] };
    expect(reasons(rule, { a: 1, b: 0 })).toEqual([{ kind: 'boolean', fact: 'b', expected: true, actual: 0 }]);
  });
});

describe('unmetFacts', () => {
  it('follows and / or / if as unmetReasons does', () => {
    const rule = { and: [{ var: 'a' }, { '>': [{ var: 'n' }, { var: 'm' }] }, { or: [{ var: 'b' }, { var: 'c' }] }] };
    expect(unmetFacts(parseRule(rule), { a: true, n: 0, m: 1 })).toEqual(['n', 'm', 'b', 'c']);
    expect(unmetFacts(parseRule(rule), { a: false, n: 2, m: 1, b: true })).toEqual(['a']);
  });
});

import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { RuleError } from '../../src/errors.js';
import { compileRule, compileTracked } from '../../src/rules/compile.js';
import { MAX_OPERANDS, MAX_RULE_DEPTH } from '../../src/rules/tree.js';

/**
 * Issue 12: rules json-logic-js takes that a recursive compiler could not. A flat and / or / if
 * of any length, and a plain operation up to the documented operand limit, evaluate as
 * json-logic-js on every call (a tiered compiler once broke from the 8th call on); past the
 * limits the rule is refused when it is compiled, with a RuleError that says where.
 */
const CALLS = 20;

function sameOnEveryCall(rule: unknown, data: unknown): void {
  const expected = jsonLogic.apply(rule as never, data);
  const tracked = compileTracked(rule);
  for (let i = 0; i < CALLS; i++) expect(tracked(data).value).toEqual(expected);
}

function refusedAt(rule: unknown): RuleError {
  try {
    compileRule(rule);
  } catch (e) {
    expect(e).toBeInstanceOf(RuleError);
    return e as RuleError;
  }
  throw new Error('the rule was compiled');
}

describe('flat operations of any length (json-logic-js loops over them)', () => {
  for (const n of [1_000, 10_000, 100_000]) {
    it(`and / or / if / ?: of ${n.toLocaleString('en')} operands`, () => {
      const facts = { a: 1, b: 0 };
      sameOnEveryCall({ and: Array.from({ length: n }, () => ({ var: 'a' })) }, facts);
      sameOnEveryCall({ and: [...Array.from({ length: n - 1 }, () => ({ var: 'a' })), { var: 'b' }] }, facts);
      sameOnEveryCall({ or: Array.from({ length: n }, () => ({ var: 'b' })) }, facts);
      sameOnEveryCall({ or: [...Array.from({ length: n - 1 }, () => ({ var: 'b' })), { var: 'a' }] }, facts);
      // Every condition false but the last: the whole list is walked on each call.
      const branches = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? { '==': [{ var: 'a' }, i === n - 2 ? 1 : 2] } : i));
      sameOnEveryCall({ if: branches }, facts);
      sameOnEveryCall({ '?:': [...branches, 'else'] }, facts);
      // A literal array of that length is a loop in json-logic-js too.
      sameOnEveryCall({ in: [1, Array.from({ length: n }, (_, i) => i % 3)] }, facts);
    }, 120_000);
  }

  it('and / if of 1,000,000 operands', () => {
    const n = 1_000_000;
    sameOnEveryCall({ and: [...Array.from({ length: n - 1 }, () => ({ var: 'a' })), { var: 'b' }] }, { a: 1, b: 0 });
    sameOnEveryCall({ if: [...Array.from({ length: n }, (_, i) => (i % 2 === 0 ? { var: 'b' } : i)), 'else'] }, { a: 1, b: 0 });
  }, 300_000);
});

describe(`plain operations: up to ${MAX_OPERANDS.toLocaleString('en')} operands, refused beyond`, () => {
  for (const op of ['+', '*', 'cat', 'min', 'max', 'merge', '==', '<', 'missing']) {
    it(`${op}`, () => {
      const operands = (n: number) => Array.from({ length: n }, (_, i) => (op === 'missing' ? `k${i}` : op === '*' ? 1 : { var: 'a' }));
      for (const n of [1_000, MAX_OPERANDS]) sameOnEveryCall({ [op]: operands(n) }, { a: 1 });
      const e = refusedAt({ and: [true, { [op]: operands(MAX_OPERANDS + 1) }] });
      expect(e.pointer).toBe(`/and/1/${op.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      expect(e.message).toContain(`more than the limit of ${MAX_OPERANDS}`);
    }, 60_000);
  }

  it('the issue: a `+` of 65,535 and of 1,000,000 operands is refused at compile time, not on a later call', () => {
    for (const n of [65_535, 1_000_000]) expect(refusedAt({ '+': Array.from({ length: n }, () => 1) }).pointer).toBe('/+');
  });

  it('the limit sits below where json-logic-js itself gives out', () => {
    // json-logic-js (fn.apply) holds at the limit; past ~61,000 operands min/max overflow its stack.
    expect(jsonLogic.apply({ max: Array.from({ length: MAX_OPERANDS }, (_, i) => i) } as never, {})).toBe(MAX_OPERANDS - 1);
    expect(() => jsonLogic.apply({ max: Array.from({ length: 1_000_000 }, (_, i) => i) } as never, {})).toThrow(RangeError);
  });
});

describe(`nesting deeper than ${MAX_RULE_DEPTH} levels`, () => {
  const nested = (depth: number): unknown => {
    let rule: unknown = { var: 'a' };
    for (let i = 0; i < depth; i++) rule = { '!': [rule] };
    return rule;
  };

  it('evaluates as json-logic-js up to the limit', () => {
    sameOnEveryCall(nested(MAX_RULE_DEPTH / 2 - 1), { a: 1 });
  });

  it('is refused at compile time, located, never a crash on a later call', () => {
    for (const depth of [MAX_RULE_DEPTH + 1, 10_000, 100_000]) {
      const e = refusedAt(nested(depth));
      expect(e.message).toBe(`the rule nests deeper than ${MAX_RULE_DEPTH} levels`);
      expect(e.pointer.startsWith('/!/0/!/0')).toBe(true);
    }
    // A deep constant is refused as well (it is copied at compile time).
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { a: deep, b: 2 };
    expect(refusedAt({ '==': [{ var: 'a' }, deep] }).message).toContain('nests deeper');
  });
});

describe('compileRule copies what it needs', () => {
  it('editing the rule object after compiling changes no answer', () => {
    const rule = { and: [{ '>=': [{ var: 'n' }, 2] }, { '==': [{ var: 's' }, 'x'] }, { in: ['k', { var: 'list' }] }], x: undefined } as any;
    delete rule.x;
    const fn = compileRule(rule);
    const facts = { n: 3, s: 'x', list: ['k'] };
    expect(fn(facts)).toBe(true);
    rule.and[0]['>='][1] = 100;
    rule.and[1] = { log: 'hacked' };
    rule.and.push(false);
    delete rule.and;
    rule.or = [false];
    for (let i = 0; i < CALLS; i++) expect(fn(facts)).toBe(true);
  });

  it('a constant object the rule returns is its own copy', () => {
    const constant = { a: 1, b: [2] };
    const fn = compileRule({ if: [true, constant, 0] });
    constant.b.push(3);
    expect(fn({})).toEqual({ a: 1, b: [2] });
  });

  it('an operation off the allowlist is refused at compile time, never on a later call', () => {
    expect(refusedAt({ and: [true, { log: 1 }] }).pointer).toBe('/and/1/log');
  });
});

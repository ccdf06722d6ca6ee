import jsonLogic from 'json-logic-js';
import { describe, expect, it, vi } from 'vitest';
import { RuleError } from '../../src/errors.js';
import { compileRule } from '../../src/index.js';
import { compileTracked } from '../../src/rules/compile.js';
import { same } from './agree.js';

/**
 * Disagreements with json-logic-js 2.0.5 that the widened differential fuzz
 * (test/property/differential.test.ts) found, each kept as a case of its own.
 */
function agrees(rule: unknown, data: unknown): void {
  const run = (f: () => unknown) => {
    try {
      return { value: f() };
    } catch {
      return 'throws';
    }
  };
  const theirs = run(() => jsonLogic.apply(rule as never, data));
  for (const ours of [run(() => compileRule(rule)(data)), run(() => compileTracked(rule)(data).value)]) {
    expect(typeof ours === 'string' || typeof theirs === 'string' ? ours === theirs : same(ours.value, theirs.value), JSON.stringify(rule)).toBe(true);
  }
}

describe('found by the differential fuzz', () => {
  it('var evaluates every operand, as json-logic-js does: one past the default that throws makes it throw', () => {
    // json-logic-js: TypeError (missing_some reads .length of undefined); weibao used to answer false.
    const rule = { '==': [{ var: ['a', false, { missing_some: [] }] }] };
    expect(() => jsonLogic.apply(rule as never, [])).toThrow(TypeError);
    expect(() => compileRule(rule)([])).toThrow(TypeError);
    agrees({ var: ['a', 1, { missing_some: [1, null] }] }, { a: 2 });
    agrees({ var: ['a', 1, 2, 3] }, { a: 2 });
  });

  it('a constant the rule holds in two places is one object, as in json-logic-js (== compares references)', () => {
    const shared = { a: 1, b: { var: 'a' } };
    // json-logic-js: true (the rule's own object, twice); weibao used to copy each place apart: false.
    expect(compileRule({ '==': [shared, shared] })(undefined)).toBe(true);
    agrees({ '==': [shared, shared] }, undefined);
    agrees({ '===': [shared, { a: 1, b: { var: 'a' } }] }, undefined);
    const list = [1, 2];
    agrees({ '==': [{ x: list, y: 0 }, { x: list, y: 0 }] }, undefined);
    // A constant that holds itself is copied, not followed until the depth limit refuses it.
    const cyclic: Record<string, unknown> = { a: 1, b: null };
    cyclic.b = cyclic;
    expect(compileRule({ '==': [cyclic, cyclic] })({})).toBe(true);
  });

  it('a one-segment var on undefined data answers null, even as the first evaluation of the process', async () => {
    // The plain-object cache started as undefined, so undefined data passed for facts and
    // {"var": "a"} threw TypeError — until some plain object had been evaluated. A fresh module
    // shows the first evaluation.
    vi.resetModules();
    const fresh = await import('../../src/rules/compile.js');
    expect(fresh.compileRule({ var: 'a' })(undefined)).toBeNull();
    expect(fresh.compileRule({ var: -1 })(undefined)).toBeNull();
    expect(fresh.compileRule({ missing: 'a' })(undefined)).toEqual(['a']);
    agrees({ var: 'a' }, undefined);
  });

  it("reduce with an undefined third operand (a library caller's rule) starts from null", () => {
    // json-logic-js: null; weibao used to start from undefined and answer undefined.
    expect(compileRule({ reduce: [[], { var: 'current' }, undefined] })({})).toBeNull();
    agrees({ reduce: [[], { var: 'current' }, undefined] }, {});
    agrees({ reduce: [[1, 2], { cat: [{ var: 'accumulator' }, { var: 'current' }] }, undefined] }, {});
  });

  it("missing_some lists the data's own objects, not copies (in and == compare references)", () => {
    // json-logic-js: true; weibao used to copy the list it built from the data, and answered false.
    const rule = { in: [{ var: 'o' }, { missing_some: [1, [{ var: 'o' }]] }] };
    expect(compileRule(rule)({ o: { x: 1, y: 2 } })).toBe(true);
    agrees(rule, { o: { x: 1, y: 2 } });
    const shared = { if: [true, 1], and: [] };
    agrees({ in: [shared, { missing_some: [null, shared] }] }, []);
  });

  it('own properties named like inherited ones are read as json-logic-js reads them (the fuzz keeps such names out)', () => {
    const data = JSON.parse('{"constructor": 5, "toString": "t", "__proto__": {"x": 1}, "hasOwnProperty": null, "valueOf": [1], "a": {"__proto__": 7, "constructor": {"name": "n"}}}');
    for (const p of ['constructor', 'toString', '__proto__', '__proto__.x', 'hasOwnProperty', 'valueOf', 'valueOf.0', 'valueOf.length', 'a.__proto__', 'a.constructor.name']) {
      agrees({ var: p }, data);
      agrees({ var: [p, 'default'] }, data);
      agrees({ missing: [p] }, data);
      agrees({ missing_some: [1, [p, 'nope']] }, data);
    }
  });

  it('logic the data holds with an operation off the allowlist throws, as in json-logic-js, but not as a RuleError located in the rule', () => {
    for (const [rule, data] of [
      [{ missing: { var: 'k' } }, { k: { fubar: 1 } }],
      [{ missing_some: [1, { var: 'k' }] }, { k: [{ log: 1 }] }],
    ] as const) {
      if (!('missing_some' in rule)) expect(() => jsonLogic.apply(rule as never, data)).toThrow();
      let error: unknown;
      try {
        compileRule(rule)(data);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(RuleError);
      expect(String(error)).toMatch(/the facts hold logic/);
    }
  });
});

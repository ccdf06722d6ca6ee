import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { compileRule } from '../../src/index.js';
import { compileTracked } from '../../src/rules/compile.js';
import { analyseTree } from '../../src/rules/analyse.js';
import { unmetFacts, unmetReasons } from '../../src/rules/explain.js';
import { PLAIN_OPERATIONS, SPECIAL_FORMS } from '../../src/rules/operations.js';
import { parseRule, type RuleNode } from '../../src/rules/tree.js';
import { compare, outcome, same, sameOutcome, show, showValue } from '../rules/agree.js';

/**
 * Differential test: random rule trees over the allowlist (and a few operations off it), on
 * random data, through json-logic-js 2.0.5 and weibao. test/rules/agree.ts says what agreeing
 * is: the same value at Object.is level (NaN, -0, undefined vs null) from compileRule and
 * compileTracked, or a throw from both; a rule weibao refuses is refused at compile time with a
 * RuleError at the refused operation. Seeded (DIFF_SEED, DIFF_RUNS to change them), so a failure
 * reproduces; fast-check prints the shrunk counterexample.
 *
 * The one deliberate difference is excluded, and tested separately below: a `var` path that
 * reaches an inherited property (`__proto__`, `constructor`, `toString`, a number's `toFixed` …)
 * is "not found" in weibao, where json-logic-js returns whatever the prototype holds. To keep
 * that out of the random cases, every path segment, key and string the generators make is drawn
 * from SEGMENTS or STRINGS, none of which names a property any prototype of a JSON value has.
 */
const SEGMENTS = ['a', 'b', 'c', '0', '1', '2', '01', '-1', '1e0', 'length', 'current', 'accumulator', ''];
/** Strings that look like numbers, or almost, and other awkward text. */
const STRINGS = ['1', '0', '-0', '00', '1.5', ' 2 ', '0x10', '1e3', '+1', 'Infinity', '-Infinity', 'NaN', '', ' ', 'true', 'null', '[]', '1,2', 'abc', 'a.b', 'é中'];
const SEED = Number(process.env.DIFF_SEED ?? 20261130);
const RUNS = Number(process.env.DIFF_RUNS ?? 12000);

const segment = fc.constantFrom(...SEGMENTS);
const path = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('.'));
const number = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0, -0, 0.5, -1.5, 1e21, -1e21, 5e-324, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity, -Infinity),
  fc.double(),
);
const string = fc.oneof(segment, path, fc.constantFrom(...STRINGS));
const scalar = fc.oneof(number, string, fc.boolean(), fc.constant(null));

/**
 * Objects of one key in the data: json-logic-js takes them for logic where data becomes rule
 * (missing's keys, missing_some's list), so weibao must evaluate them there the same way.
 */
const logicInData = fc.oneof(
  path.map((p) => ({ var: p })),
  fc.constantFrom({ var: ['a', 'dflt'] }, { if: [{ var: 'a' }, 'b', 'c'] }, { cat: ['a', '.', 'b'] }, { missing: ['a', 'b'] }, { merge: [['a'], 'b'] }, { fubar: 1 }),
);

/** Data: what a facts file can hold (and NaN / ±Infinity a library caller can pass), keys from SEGMENTS so paths often hit. */
const data = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object'), logicInData),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(segment, tie('value'), { maxKeys: 4 }),
})).value;
/** Top-level data, including none at all and arrays of records (what map / filter / reduce walk). */
const topData = fc.oneof(data, fc.constant(undefined), fc.array(fc.dictionary(segment, scalar, { maxKeys: 3 }), { maxLength: 4 }));

const PLAIN = Object.keys(PLAIN_OPERATIONS);
const SCOPED = ['filter', 'map', 'all', 'none', 'some'];
/** Off the allowlist: weibao refuses them at compile time (json-logic-js throws, or logs, when it reaches them). */
const REFUSED = ['log', 'Math.max', 'var.length', 'substr.call', 'fubar', 'val', '??', 'toString', 'hasOwnProperty', 'constructor', '.x', ''];

/** Operands: right and wrong arities, written with or without the array around a lone one. */
const operands = (node: fc.Arbitrary<unknown>, max: number) =>
  fc.tuple(fc.array(node, { maxLength: max }), fc.boolean()).map(([args, bare]) => (bare && args.length === 1 ? args[0] : args));

/** Rule trees over every allowlisted operation, over literals and vars. */
const rule = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('plain'), tie('special'), tie('odd')),
  // undefined: JSON has none, but a library caller's rule object can hold it.
  leaf: fc.oneof(scalar, tie('var'), fc.array(scalar, { maxLength: 3 }), fc.constant(undefined)),
  var: fc.oneof(
    path.map((p) => ({ var: p })),
    fc.tuple(path, scalar).map(([p, d]) => ({ var: [p, d] })),
    fc.tuple(path, tie('node')).map(([p, d]) => ({ var: [p, d] })),
    fc.tuple(path, scalar, tie('node')).map(([p, d, extra]) => ({ var: [p, d, extra] })),
    fc.constantFrom(-1, 0, 1, 2, 1.5, 10).map((n) => ({ var: n })),
    fc.constantFrom({ var: '' }, { var: [] }, { var: null }, { var: [null, 'd'] }, { var: ['', 'd'] }, { var: [[]] }, { var: [['a']] }, { var: [['a', 'b']] }),
    tie('node').map((p) => ({ var: p })),
    fc.tuple(tie('node'), tie('node')).map(([p, d]) => ({ var: [p, d] })),
  ),
  plain: fc.tuple(fc.constantFrom(...PLAIN), operands(tie('node'), 4)).map(([op, args]) => ({ [op]: args })),
  special: fc.oneof(
    fc.tuple(fc.constantFrom('if', '?:', 'and', 'or'), operands(tie('node'), 7)).map(([op, args]) => ({ [op]: args })),
    fc.tuple(fc.constantFrom(...SCOPED, 'reduce'), operands(tie('node'), 4)).map(([op, args]) => ({ [op]: args })),
    fc.tuple(fc.constantFrom(...SCOPED), tie('node'), tie('node')).map(([op, list, each]) => ({ [op]: [list, each] })),
    fc.tuple(tie('node'), tie('node'), fc.option(tie('node'), { nil: undefined })).map(([list, each, init]) => ({
      reduce: init === undefined ? [list, each] : [list, each, init],
    })),
    // The classic reduce: a sum or a concatenation over a list.
    fc.tuple(tie('node'), fc.constantFrom('+', '*', 'cat', 'merge', 'max', '-'), tie('node')).map(([list, op, init]) => ({
      reduce: [list, { [op]: [{ var: 'accumulator' }, { var: 'current' }] }, init],
    })),
    fc.array(fc.oneof(path, tie('node')), { maxLength: 3 }).map((keys) => ({ missing: keys })),
    fc.oneof(path, tie('node')).map((k) => ({ missing: k })),
    fc.tuple(fc.integer({ min: -1, max: 3 }), fc.array(fc.oneof(path, tie('node')), { maxLength: 3 })).map(([n, keys]) => ({ missing_some: [n, keys] })),
    fc.tuple(tie('node'), tie('node')).map(([n, keys]) => ({ missing_some: [n, keys] })),
    operands(tie('node'), 3).map((args) => ({ missing_some: args })),
  ),
  odd: fc.oneof(
    // Objects that are not operations (no key, or several) are constants: returned as they are, never evaluated.
    fc.constantFrom({}, { a: 1, b: { var: 'a' } }, { if: [true, 1], and: [] }),
    // Operations off the allowlist: refused at compile time, wherever they sit.
    fc.tuple(fc.constantFrom(...REFUSED), operands(tie('node'), 2)).map(([op, args]) => ({ [op]: args })),
  ),
})).node;

describe('compileRule agrees with json-logic-js', () => {
  it('every operation on the allowlist is generated', () => {
    // If the allowlist grows, the generators must learn the new operation.
    const generated = new Set([...PLAIN, 'var', 'if', '?:', 'and', 'or', ...SCOPED, 'reduce', 'missing', 'missing_some']);
    expect([...PLAIN, ...SPECIAL_FORMS].filter((op) => !generated.has(op))).toEqual([]);
  });

  it(`on ${RUNS} random rules and data (seed ${SEED})`, () => {
    const kinds = { agree: 0, refused: 0, threw: 0, nan: 0, negativeZero: 0 };
    fc.assert(
      fc.property(rule, topData, (r, d) => {
        const v = compare(r, d);
        if (v.kind === 'disagree' || v.kind === 'bad-refusal') {
          const detail = v.kind === 'disagree' ? `json-logic-js ${show(v.theirs)}, compileRule ${show(v.ours)}, compileTracked ${show(v.tracked)}` : String(v.error);
          throw new Error(`${v.kind}: ${showValue(r)} on ${showValue(d)}: ${detail}`);
        }
        kinds[v.kind]++;
        if (v.kind === 'agree') {
          if (v.theirs.threw) kinds.threw++;
          else if (Number.isNaN(v.theirs.value)) kinds.nan++;
          else if (Object.is(v.theirs.value, -0)) kinds.negativeZero++;
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Guard against generators that only produce refusals or errors (a test that cannot fail),
    // and check the awkward answers do come up.
    expect(kinds.agree).toBeGreaterThan(RUNS * 0.6);
    expect(kinds.threw).toBeLessThan(RUNS / 10);
    expect(kinds.refused).toBeGreaterThan(0);
    expect(kinds.nan).toBeGreaterThan(0);
    expect(kinds.negativeZero).toBeGreaterThan(0);
  });

  it('a compiled rule answers the same on every call, and editing the rule afterwards changes nothing', () => {
    fc.assert(
      fc.property(rule, topData, (r, d) => {
        let compiled: ReturnType<typeof compileTracked>;
        try {
          compiled = compileTracked(r);
        } catch {
          return; // refused (the case above checks how)
        }
        const theirs = outcome(() => jsonLogic.apply(structuredClone(r) as never, d));
        // Vandalise the caller's object: compileRule copied what it needs.
        scribble(r);
        for (let i = 0; i < 12; i++) expect(sameOutcome(outcome(() => compiled(d).value), theirs)).toBe(true);
      }),
      { numRuns: Math.ceil(RUNS / 10), seed: SEED },
    );
  });

  it('explanation and analysis walk every rule that compiles without throwing', () => {
    fc.assert(
      fc.property(rule, topData, (r, d) => {
        let tree: RuleNode;
        try {
          tree = parseRule(r);
        } catch {
          return;
        }
        analyseTree(tree);
        JSON.stringify(unmetReasons(tree, d));
        unmetFacts(tree, d);
      }),
      { numRuns: Math.ceil(RUNS / 10), seed: SEED },
    );
  });

  it('the comparison is strict: NaN, -0, undefined and null are told apart', () => {
    expect(same(NaN, NaN)).toBe(true);
    expect(same(0, -0)).toBe(false);
    expect(same([undefined], [null])).toBe(false);
    expect(same({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(compare({ '-': [0] }, {}).kind).toBe('agree');
    expect(compare({ var: 'constructor' }, {}).kind).toBe('disagree'); // the documented difference, below
  });

  it('regression: a string is indexed only by canonical indices ("01" is not 1)', () => {
    // Found by the random cases above: weibao once read "01" as index 1 of a string.
    for (const p of ['01', '1', '00', '0']) expect(compileRule({ var: p })('abc'), p).toEqual(jsonLogic.apply({ var: p }, 'abc'));
    expect(compileRule({ var: '01' })('abc')).toBeNull();
  });

  it('the documented difference: inherited properties are never reached', () => {
    const cases: [unknown, unknown][] = [
      [{ var: '__proto__' }, {}],
      [{ var: 'constructor' }, {}],
      [{ var: 'toString' }, { a: 1 }],
      [{ var: 'a.constructor.name' }, { a: {} }],
      [{ var: 'a.toFixed' }, { a: 5 }],
      [{ var: 'a.push' }, { a: [] }],
      [{ var: 'a.constructor.prototype' }, { a: {} }],
      [{ missing: ['constructor', 'hasOwnProperty'] }, {}],
    ];
    for (const [r, d] of cases) {
      const theirs = jsonLogic.apply(r as never, d);
      const ours = compileRule(r)(d);
      // json-logic-js finds something on the prototype; weibao finds nothing.
      expect(ours, JSON.stringify(r)).not.toEqual(theirs);
      expect(ours, JSON.stringify(r)).toEqual('missing' in (r as object) ? ['constructor', 'hasOwnProperty'] : null);
    }
  });
});

/** Change every operation and constant of a rule in place. */
function scribble(r: unknown): void {
  if (Array.isArray(r)) {
    r.forEach(scribble);
    for (let i = 0; i < r.length; i++) if (r[i] === null || typeof r[i] !== 'object') r[i] = 'scribbled';
    r.push(1);
  } else if (r !== null && typeof r === 'object') {
    for (const k of Object.keys(r)) {
      scribble((r as Record<string, unknown>)[k]);
      (r as Record<string, unknown>)['!'] = (r as Record<string, unknown>)[k];
      delete (r as Record<string, unknown>)[k];
    }
  }
}

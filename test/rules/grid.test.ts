import { describe, expect, it } from 'vitest';
import { PLAIN_OPERATIONS } from '../../src/rules/operations.js';
import { compare, show, showValue } from './agree.js';

/**
 * Every plain operation on every pair (and, for the three-operand forms, every triple) of
 * awkward values, systematically rather than at random: as constants, read from the data
 * (`var`), and with a constant right-hand side (the compiler's folded comparisons). Each must
 * give json-logic-js 2.0.5's answer at Object.is level (test/rules/agree.ts).
 */
const VALUES: unknown[] = [null, true, false, 0, -0, 1, -1, 2, 1.5, NaN, Infinity, -Infinity, '', '0', '1', '-0', '1.5', ' 1 ', 'a', 'abc', '10', [], [0], [1], [1, 2], ['a', 'b'], {}, { a: 1, b: 2 }];
const OPS = Object.keys(PLAIN_OPERATIONS);
const TRIPLES = ['<', '<=', 'substr', '+', '*', 'cat', 'min', 'max', 'merge'];
/** The third operand of a triple comes from fewer values (the grid of three is large). */
const THIRD: unknown[] = [null, -0, 1, NaN, '2', [1, 2]];

/** A value written into a rule: arrays are literal lists there (evaluated element by element), the same values. */
function cases(op: string, values: unknown[]): [unknown, unknown][] {
  const data = Object.fromEntries(values.map((v, i) => [`v${i}`, v]));
  const out: [unknown, unknown][] = [[{ [op]: values }, null]];
  // Read from the data too, where the compiler has paths of its own (one and two operands).
  if (values.length <= 2) out.push([{ [op]: values.map((_, i) => ({ var: `v${i}` })) }, data]);
  if (values.length === 2) out.push([{ [op]: [{ var: 'v0' }, values[1]] }, data], [{ [op]: [values[0], { var: 'v1' }] }, data]);
  return out;
}

describe('plain operations on a grid of awkward values agree with json-logic-js', () => {
  for (const op of OPS) {
    it(op, () => {
      const wrong: string[] = [];
      const check = (values: unknown[]) => {
        for (const [rule, data] of cases(op, values)) {
          const v = compare(rule, data);
          if (v.kind === 'disagree') wrong.push(`${showValue(rule)} on ${showValue(data)}: json-logic-js ${show(v.theirs)}, ours ${show(v.ours)}, tracked ${show(v.tracked)}`);
          else if (v.kind !== 'agree') wrong.push(`${showValue(rule)}: ${v.kind}`);
        }
      };
      check([]);
      for (const a of VALUES) {
        check([a]);
        // The unary sugar: {"!": x} for {"!": [x]} (an array there is the operand list itself).
        if (!Array.isArray(a)) for (const [rule, data] of [[{ [op]: a }, null] as const]) {
          const v = compare(rule, data);
          if (v.kind !== 'agree') wrong.push(`${showValue(rule)}: ${v.kind}`);
        }
        for (const b of VALUES) {
          check([a, b]);
          if (TRIPLES.includes(op)) for (const c of THIRD) check([a, b, c]);
        }
      }
      expect(wrong.slice(0, 20)).toEqual([]);
    });
  }
});

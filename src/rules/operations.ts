import { truthy } from './truthy.js';

/**
 * The plain JSON-Logic operations weibao allows, each a copy of json-logic-js 2.0.5's
 * definition so results agree to the value (loose ==, parseFloat in + and *, PHP-style substr).
 * Left out on purpose: `log` (prints) and dotted method names (reach into host objects).
 * `var`, `missing`, `missing_some` and the lazy forms (if, and, or, map …) live in compile.ts.
 */
type Op = (...args: any[]) => unknown;

export const PLAIN_OPERATIONS: Readonly<Record<string, Op>> = Object.freeze({
  '==': (a: any, b: any) => a == b,
  '===': (a: any, b: any) => a === b,
  '!=': (a: any, b: any) => a != b,
  '!==': (a: any, b: any) => a !== b,
  '>': (a: any, b: any) => a > b,
  '>=': (a: any, b: any) => a >= b,
  '<': (a: any, b: any, c: any) => (c === undefined ? a < b : a < b && b < c),
  '<=': (a: any, b: any, c: any) => (c === undefined ? a <= b : a <= b && b <= c),
  '!!': (a: unknown) => truthy(a),
  '!': (a: unknown) => !truthy(a),
  '%': (a: any, b: any) => a % b,
  in: (a: unknown, b: any) => {
    if (!b || typeof b.indexOf === 'undefined') return false;
    return b.indexOf(a) !== -1;
  },
  cat: (...args: unknown[]) => Array.prototype.join.call(args, ''),
  substr: (source: unknown, start: any, end: any) => {
    if (end < 0) {
      const temp = String(source).substr(start);
      return temp.substr(0, temp.length + end);
    }
    return String(source).substr(start, end);
  },
  '+': (...args: any[]) => args.reduce((a, b) => parseFloat(a) + parseFloat(b), 0),
  '*': (...args: any[]) => args.reduce((a, b) => parseFloat(a) * parseFloat(b)),
  '-': (a: any, b: any) => (b === undefined ? -a : a - b),
  '/': (a: any, b: any) => a / b,
  min: (...args: any[]) => Math.min(...args),
  max: (...args: any[]) => Math.max(...args),
  merge: (...args: unknown[]) => args.reduce<unknown[]>((a, b) => a.concat(b), []),
});

/** Operations with their own evaluation order or data scope. */
export const SPECIAL_FORMS = ['var', 'missing', 'missing_some', 'if', '?:', 'and', 'or', 'filter', 'map', 'reduce', 'all', 'none', 'some'] as const;

/** Everything a rule may use. */
export const ALLOWED_OPERATIONS: ReadonlySet<string> = new Set([...Object.keys(PLAIN_OPERATIONS), ...SPECIAL_FORMS]);

/** Operations whose second argument runs with each array element as its data. */
export const SCOPED_FORMS: ReadonlySet<string> = new Set(['filter', 'map', 'reduce', 'all', 'none', 'some']);

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { RuleError } from '../../src/errors.js';
import { compileRule } from '../../src/index.js';
import { ALLOWED_OPERATIONS } from '../../src/rules/operations.js';
import { refusalIsLocated } from './agree.js';

/**
 * The allowlist is json-logic-js 2.0.5's own operations less `log` (it prints: a standard must
 * not write to the terminal, and the CLI's stdout may be JSON). Everything else is refused when
 * the rule is compiled — a located RuleError, never an answer that differs from json-logic-js —
 * including dotted method names (json-logic-js looks them up in its operation table: none of a
 * plain install's resolve to a function, so it throws) and other implementations' operations.
 */
const source = readFileSync(createRequire(import.meta.url).resolve('json-logic-js'), 'utf8');
/** json-logic-js's operations: its operations table, and the forms apply() handles itself. */
const theirs = new Set([
  ...[...source.slice(source.indexOf('var operations = {'), source.indexOf('jsonLogic.is_logic')).matchAll(/^ {4}"([^"]+)": function/gm)].map((m) => m[1]),
  ...[...source.slice(source.indexOf('jsonLogic.apply = function'), source.indexOf('jsonLogic.uses_data')).matchAll(/op ===? "([^"]+)"/g)].map((m) => m[1]),
]);

describe('the allowlist', () => {
  it("is json-logic-js's operations less log", () => {
    expect(theirs.size).toBeGreaterThan(25); // the source was read
    expect([...theirs].filter((op) => !ALLOWED_OPERATIONS.has(op))).toEqual(['log']);
    expect([...ALLOWED_OPERATIONS].filter((op) => !theirs.has(op))).toEqual([]);
  });

  const refused: [string, unknown][] = [
    ['log', { log: 'apple' }],
    ['log, in a branch json-logic-js would not take', { if: [true, 1, { log: 2 }] }],
    ['log, after a false and', { and: [false, { log: 1 }] }],
    ['a dotted name', { 'Math.max': [1, 2] }],
    ['a dotted name of a json-logic-js operation', { 'var.length': [] }],
    ['a dotted name through a method', { 'substr.call': ['abc', 1] }],
    ['a name Object.prototype has', { hasOwnProperty: ['a'] }],
    ['__proto__', JSON.parse('{"__proto__": [1]}')],
    ['the empty name', { '': [1] }],
    ['another implementation\'s operation', { '!': { val: 'a' } }],
    ['deep inside a constant-looking list', { in: ['a', [{ cat: ['a'] }, { try: [1] }]] }],
  ];
  for (const [what, rule] of refused) {
    it(`refuses ${what} at compile time, at the operation`, () => {
      let error: unknown;
      try {
        compileRule(rule);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RuleError);
      expect(refusalIsLocated(rule, error), String(error)).toBe(true);
    });
  }

  it('json-logic-js has no answer for a dotted name either', () => {
    for (const op of ['Math.max', 'var.length', 'missing.name', 'substr.call', 'cat.length']) {
      expect(() => jsonLogic.apply({ [op]: [1, 2] } as never, {}), op).toThrow();
    }
  });
});

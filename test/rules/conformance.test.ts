import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileRule } from '../../src/index.js';
import { RuleError } from '../../src/errors.js';
import { parseRule } from '../../src/rules/tree.js';

// The official JSON-Logic suite, run through compileRule: the same path the CLI evaluates every
// rule with. A copy lives beside this test so a clone tests alone; where the steering repo's
// shared/conformance is beside the clone, the copy must still equal it.
const copyPath = fileURLToPath(new URL('./jsonlogic-tests.json', import.meta.url));
const sharedPath = fileURLToPath(new URL('../../../shared/conformance/jsonlogic-tests.json', import.meta.url));
const suite = JSON.parse(readFileSync(copyPath, 'utf8')) as unknown[];

// Operations the suite uses that weibao refuses, and why. Today: none of the suite's operations
// is refused (`log` and dotted method names, the ones refused, do not appear in it).
const SKIPPED_OPERATIONS: Record<string, string> = {};

describe('JSON-Logic conformance suite', () => {
  let section = '';
  let ran = 0;
  let skipped = 0;
  for (const entry of suite) {
    if (typeof entry === 'string') {
      section = entry;
      continue;
    }
    const [rule, data, expected] = entry as [unknown, unknown, unknown];
    const refused = refusedOperations(rule);
    if (refused.some((op) => !(op in SKIPPED_OPERATIONS))) throw new Error(`unexpected refused op in ${JSON.stringify(rule)}`);
    if (refused.length) {
      skipped++;
      continue;
    }
    ran++;
    it(`${section}: ${JSON.stringify(rule)} with ${JSON.stringify(data)}`, () => {
      expect(compileRule(rule)(data)).toEqual(expected);
    });
  }
  it.runIf(existsSync(sharedPath))('uses the same cases as shared/conformance', () => {
    expect(suite).toEqual(JSON.parse(readFileSync(sharedPath, 'utf8')));
  });
  it('runs all 280 cases', () => {
    expect(ran + skipped).toBe(280);
    expect(skipped).toBe(0);
  });
});

/** The operation parseRule refuses in a rule (the first it meets), if any. */
function refusedOperations(rule: unknown): string[] {
  try {
    parseRule(rule);
    return [];
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    return [e.message.match(/^operation "(.*)" is not allowed/)?.[1] ?? e.message];
  }
}

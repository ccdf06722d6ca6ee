import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assessFacts } from '../../src/assess/assess.js';
import type { AssessResult } from '../../src/assess/types.js';
import { loadStandardSync } from '../../src/standard/load.js';

const root = join(__dirname, '../..');

/** A fixture's facts file (under fixtures/), parsed. */
export function fixtureFacts(name: string) {
  return JSON.parse(readFileSync(join(root, 'fixtures', name), 'utf8'));
}

/** A fixture assessed in process against the standard it names, as if read from `input` (zh words). */
export function fixtureResult(name: string, input: string): AssessResult {
  const facts = fixtureFacts(name);
  return assessFacts(loadStandardSync(facts.standard), facts, { input, lang: 'zh' });
}

/**
 * A district's batch of the fixtures, as inputs a.json, b.json …: failing, vetoed, 杨市 failing,
 * compliant, a later period, 杨市 compliant, and the first area's facts again (so that alike
 * items across areas can be shared).
 */
export function fixtureBatch(): AssessResult[] {
  const names = ['changning-failing.json', 'changning-vetoed.json', 'yangshi-failing.json', 'changning-compliant.json', 'changning-2023-q2.json', 'yangshi-compliant.json', 'changning-failing.json'];
  return names.map((name, i) => fixtureResult(name, `${String.fromCharCode(97 + i)}.json`));
}

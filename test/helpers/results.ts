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

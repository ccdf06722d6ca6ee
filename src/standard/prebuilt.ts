import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toVocabulary, VOCABULARY_FILE } from './vocabulary.js';
import { STANDARDS_DIR } from './registry.js';
import type { Standard, StandardItem, Vocabulary } from './types.js';

// Why a second way to read a bundled standard: parsing its YAML and linting it costs ~0.7 s of
// CPU at every start (cold start 0.27 s → 0.97 s of CPU without it, `npm run bench`'s cold-start
// figure, 3.5×); scripts/prebuild.mjs does it once at build time and test/perf/prebuilt.test.ts
// holds what it writes equal to what the YAML path computes.
export const PREBUILT_DIR = fileURLToPath(new URL('../standards/', import.meta.url));

/** dist/standards/<id>@<version>.json for standards/<id>/<version>.yaml. */
export function prebuiltFile(file: string): string {
  return join(PREBUILT_DIR, `${basename(dirname(file))}@${basename(file).replace(/\.yaml$/, '')}.json`);
}

/**
 * A bundled standard as the build left it, if that is newer than its YAML (a checkout with
 * edited standards and no rebuild falls back to the YAML, never to stale rules).
 */
export function readPrebuilt(file: string): Standard | undefined {
  if (dirname(dirname(file)) + '/' !== STANDARDS_DIR && dirname(dirname(file)) !== STANDARDS_DIR) return undefined;
  const json = prebuiltFile(file);
  try {
    // The shared vocabulary is merged into it too: an edited vocabulary.yaml makes it stale.
    const built = statSync(json).mtimeMs;
    if (built < statSync(file).mtimeMs || built < statSync(VOCABULARY_FILE).mtimeMs) return undefined;
    const raw = JSON.parse(readFileSync(json, 'utf8')) as Standard;
    // Vocabularies have no prototype (a fact named `constructor` must not be found on Object).
    const vocabulary: Vocabulary = toVocabulary(raw.vocabulary);
    return { ...raw, items: raw.items.map(shaped), file, vocabulary, localFacts: toVocabulary(raw.localFacts) };
  } catch {
    return undefined;
  }
}

/**
 * An item with every field in the order checkStandard (load.ts) writes them, those it lacks
 * undefined, as there. JSON leaves out what is undefined, so the items read back had five
 * shapes (with or without applies_if, rule or veto_if, note): every item read while evaluating
 * an area was a lookup among them, and code compiled for the shapes seen first was dropped at
 * the next (a deoptimisation, then compiling again).
 */
function shaped(it: StandardItem): StandardItem {
  const { id, aspect, content, number, row, text, responsible, weight, appliesIf, rule, vetoIf, evidence, note, reads } = it;
  return row !== undefined
    ? { id, aspect, content, number, row, text, responsible, weight, appliesIf, rule, vetoIf, evidence, note, reads }
    : { id, aspect, content, number, text, responsible, weight, appliesIf, rule, vetoIf, evidence, note, reads };
}

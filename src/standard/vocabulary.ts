import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { readDocument } from '../source/read.js';
import type { FactSpec, Vocabulary } from './types.js';
import { validateAgainst } from './schemas.js';
import { editDistance } from '../text/edit-distance.js';

export { editDistance };

/** The shared facts vocabulary: one place for every fact any bundled standard reads. */
export const VOCABULARY_FILE = fileURLToPath(new URL('../../standards/vocabulary.yaml', import.meta.url));

let shared: Vocabulary | undefined;

export function sharedVocabulary(): Vocabulary {
  if (!shared) shared = loadVocabulary(VOCABULARY_FILE);
  return shared;
}

export function loadVocabulary(file: string): Vocabulary {
  const parsed = readDocument(file);
  const problems = validateAgainst('vocabulary', parsed.value, parsed.locate);
  if (problems.length) throw new InputError('schema', file, problems);
  return toVocabulary((parsed.value as { facts: Record<string, FactSpec> }).facts);
}

export function toVocabulary(facts: Record<string, FactSpec> | undefined): Vocabulary {
  const out: Vocabulary = Object.create(null);
  for (const [k, v] of Object.entries(facts ?? {})) out[k] = v;
  return out;
}

export function mergeVocabularies(...vocabularies: Vocabulary[]): Vocabulary {
  return Object.assign(Object.create(null), ...vocabularies) as Vocabulary;
}

/** The known fact closest to a name (edit distance), to suggest for a typo. */
export function closestFact(name: string, vocabulary: Vocabulary): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(2, Math.floor(name.length / 3));
  for (const known of Object.keys(vocabulary)) {
    // The distance is at least the difference in length: skip the quadratic work when that alone
    // is too far (a 200 000-character key must not take minutes to get no suggestion).
    if (Math.abs(known.length - name.length) > Math.min(limit, bestDistance)) continue;
    const d = editDistance(name, known);
    if (d < bestDistance) (best = known), (bestDistance = d);
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

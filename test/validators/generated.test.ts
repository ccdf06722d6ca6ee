import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFactsValidator, factsValidatorKey } from '../../src/facts/validate.js';
import { compareSimpleNames, factsFileSchema, factsValidationSchema, sortByName } from '../../src/facts/schema.js';
import { FACTS_AJV_OPTIONS } from '../../src/facts/validate.js';
import { ajvClass } from '../../src/validators/generated.js';
import { sharedVocabulary, VOCABULARY_FILE } from '../../src/standard/vocabulary.js';
import { readDocument } from '../../src/source/read.js';
import { readStandardFile } from '../../src/standard/load.js';
import { listBundled } from '../../src/standard/registry.js';
import { compileFormatSchemas, formatSchemas, SCHEMA_NAMES } from '../../src/standard/schemas.js';
import type { Vocabulary } from '../../src/standard/types.js';
import { generatedKey, loadGenerated } from '../../src/validators/generated.js';

/**
 * The ajv validators the build generates (scripts/prebuild.mjs → dist/ajv/, run by `npm run build`,
 * which `npm test` runs first) must answer exactly as ajv compiling the same schema at run time:
 * same verdict, same errors in the same order, over every facts file and standard in the repo,
 * the hostile corpus, and a spread of wrong values for every fact.
 */

/** Every .json/.yaml file under a directory (hostile files that can't be read or parsed are skipped). */
function documents(dir: string): unknown[] {
  const out: unknown[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && /\.(json|ya?ml)$/i.test(name)) {
        try {
          out.push(readDocument(p).value);
        } catch {
          // unreadable or unparsable on purpose: no value to validate
        }
      }
    }
  };
  walk(dir);
  return out;
}

const corpus = [...documents('fixtures'), ...documents('test/hostile'), ...documents('standards')];

type Validate = ((v: unknown) => boolean) & { errors?: unknown };
const answer = (validate: Validate, value: unknown) => {
  const valid = validate(value);
  return { valid, errors: valid ? null : JSON.parse(JSON.stringify(validate.errors)) };
};

function wrongValues(vocabulary: Vocabulary): unknown[] {
  const odd = ['2', -1, 1.5, 0, 3, null, true, false, '', 'x', '2023-02-30', '2023-01-01', [], {}, [1], 1e9, -0.5];
  const names = Object.keys(vocabulary);
  const out: unknown[] = [{ facts: {} }, { facts: [] }, {}, { facts: {}, evidence: { x: ['a', { path: 'b', sha256: 'A'.repeat(64) }, { path: '' }, { sha256: 'x' }, 3] } }];
  odd.forEach((v, i) => out.push({ facts: Object.fromEntries(names.map((n, k) => [n, odd[(i + k) % odd.length]])), area: { name: v }, period: v }));
  out.push({ facts: Object.fromEntries(names.map((n) => [n, null])), standard: 1, extra: true });
  return out;
}

describe('build-time ajv validators', () => {
  const vocabularies = [sharedVocabulary(), ...listBundled().map((ref) => readStandardFile(ref.file, { prebuilt: false }).vocabulary)];

  for (const [i, vocabulary] of vocabularies.entries()) {
    it(`facts schema ${i ? listBundled()[i - 1].id : '(shared vocabulary)'}: the build's validator answers as ajv at run time`, { timeout: 300_000 }, () => {
      const generated = loadGenerated(factsValidatorKey(vocabulary));
      expect(generated, 'dist/ajv has no validator for this vocabulary (run npm run build)').toBeDefined();
      const runtime = compileFactsValidator(vocabulary);
      const inputs = [...corpus, ...wrongValues(vocabulary)];
      for (const value of inputs) expect(answer(generated!.default, value)).toEqual(answer(runtime, value));
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...Object.keys(vocabulary), 'unknown_fact'), fc.jsonValue({ maxDepth: 2 })), (facts) => {
          expect(answer(generated!.default, { facts })).toEqual(answer(runtime, { facts }));
        }),
        { numRuns: 300 },
      );
    });
  }

  // The validator is compiled from factsValidationSchema (each fact's checks once, referred to),
  // not from the schema published for editors: the two must say the same of every document —
  // same verdict, same errors in the same order, where each error stands (schemaPath) aside.
  for (const [i, vocabulary] of vocabularies.entries()) {
    it(`facts schema ${i ? listBundled()[i - 1].id : '(shared vocabulary)'}: the schema validated answers as the schema published`, { timeout: 300_000 }, () => {
      const Ajv = ajvClass();
      const published = new Ajv({ allErrors: true, strict: false, ownProperties: true }).compile(factsFileSchema(vocabulary));
      const validated = new Ajv({ ...FACTS_AJV_OPTIONS }).compile(factsValidationSchema(vocabulary));
      const said = (validate: Validate, value: unknown) => {
        const { valid, errors } = answer(validate, value);
        return { valid, errors: (errors as { schemaPath?: string }[] | null)?.map(({ schemaPath, ...rest }) => (void schemaPath, rest)) ?? null };
      };
      const inputs = [...corpus, ...wrongValues(vocabulary)];
      let refused = 0;
      for (const value of inputs) {
        const seen = said(validated, value);
        expect(seen).toEqual(said(published, value));
        if (!seen.valid) refused++;
      }
      // The comparison saw refusals of every kind, not only documents both accept.
      expect(refused).toBeGreaterThan(wrongValues(vocabulary).length - 1);
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...Object.keys(vocabulary), 'unknown_fact'), fc.jsonValue({ maxDepth: 2 })), (facts) => {
          expect(said(validated, { facts })).toEqual(said(published, { facts }));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('standard and vocabulary schemas: the build\'s validators answer as ajv at run time', { timeout: 300_000 }, () => {
    const { schemas, key } = formatSchemas();
    const generated = loadGenerated(key);
    expect(generated, 'dist/ajv has no validator for schemas/*.schema.json (run npm run build)').toBeDefined();
    const runtime = compileFormatSchemas(schemas).validators;
    const inputs = [...corpus, readDocument(VOCABULARY_FILE).value, {}, { items: [{}] }, { id: 1, version: [], kind: 'x', items: 'no' }];
    for (const name of SCHEMA_NAMES) {
      for (const value of inputs) expect(answer(generated![name], value)).toEqual(answer(runtime[name], value));
    }
  });

  it('a schema the build did not see gets no generated validator (compiled at run time instead)', { timeout: 300_000 }, () => {
    const vocabulary = { ...sharedVocabulary(), extra_fact: { type: 'integer', zh: '额外', en: 'extra' } } as Vocabulary;
    expect(loadGenerated(factsValidatorKey(vocabulary))).toBeUndefined();
    // Same file name, other content: refused on the content, not trusted on the name.
    const key = factsValidatorKey(sharedVocabulary());
    expect(loadGenerated({ name: key.name, text: key.text + ' ' })).toBeUndefined();
    expect(loadGenerated(generatedKey('facts', {}, {}))).toBeUndefined();
  });
});

describe('fact names sort as localeCompare sorts them', () => {
  it('the vocabulary', { timeout: 300_000 }, () => {
    const names = Object.keys(sharedVocabulary());
    expect(sortByName(names.map((n) => [n, 0] as [string, number])).map(([n]) => n)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
  it('any names of a-z, 0-9 and _', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9_]{0,6}$/), fc.stringMatching(/^[a-z0-9_]{0,6}$/), (a, b) => {
        expect(Math.sign(compareSimpleNames(a, b))).toBe(Math.sign(a.localeCompare(b)));
      }),
      { numRuns: 5000 },
    );
  });
});

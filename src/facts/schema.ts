import type { FactSpec, Vocabulary } from '../standard/types.js';

const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

/** JSON Schema of one fact's value; null means "not filled in yet" (counted as missing). */
export function factValueSchema(spec: FactSpec): Record<string, unknown> {
  return { description: `${spec.zh}${spec.unit ? `（${spec.unit}）` : ''} — ${spec.en}`, ...factConstraints(spec) };
}

/** What a fact's value schema checks: factValueSchema without its words. */
export function factConstraints(spec: FactSpec): Record<string, unknown> {
  switch (spec.type) {
    case 'integer':
    case 'number': {
      const base: Record<string, unknown> = { type: [spec.type, 'null'] };
      if (spec.minimum !== undefined) base.minimum = spec.minimum;
      if (spec.maximum !== undefined) base.maximum = spec.maximum;
      return base;
    }
    case 'boolean':
      return { type: ['boolean', 'null'] };
    case 'date':
      return { type: ['string', 'null'], pattern: DATE_PATTERN };
    default:
      return spec.enum ? { enum: [...spec.enum, null] } : { type: ['string', 'null'] };
  }
}

/**
 * Entries in the order of their names under String#localeCompare. Names made only of a-z, 0-9
 * and _ (every bundled fact) are compared without ICU, whose first use costs a cold start ~10 ms:
 * collation puts _ before digits before letters, character by character, a prefix first
 * (test/validators/generated.test.ts holds the two orders equal). Anything else: localeCompare.
 */
export function sortByName<T>(entries: [string, T][]): [string, T][] {
  if (!entries.every(([k]) => SIMPLE_NAME.test(k))) return entries.sort(([a], [b]) => a.localeCompare(b));
  return entries.sort(([a], [b]) => compareSimpleNames(a, b));
}

const SIMPLE_NAME = /^[a-z0-9_]*$/;

/** localeCompare for names of a-z, 0-9 and _ only. */
export function compareSimpleNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return collationRank(x) - collationRank(y);
  }
  return a.length - b.length;
}

function collationRank(c: number): number {
  return c === 0x5f ? 0 : c <= 0x39 ? c - 0x2f : c - 0x56; // _ → 0, 0-9 → 1-10, a-z → 11-36
}

/**
 * The JSON Schema of a facts file (contract: standard, area, period, facts, evidence), with a
 * property for each fact of the vocabulary. Unknown facts are allowed by the schema and reported
 * as warnings (with the closest known name), so an older file still loads.
 */
export function factsFileSchema(vocabulary: Vocabulary, title = 'weibao facts file', id?: string): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [path, spec] of sortByName(Object.entries(vocabulary))) {
    properties[path] = factValueSchema(spec);
  }
  return {
    $schema: DRAFT_07,
    ...(id ? { $id: id } : {}),
    title,
    ...envelope(properties, true),
  };
}

/**
 * The facts file schema the validator is compiled from (validate.ts, at run time and in
 * scripts/prebuild.mjs): factsFileSchema's checks without its words, and each distinct fact
 * schema once under `definitions`, which every fact that has it refers to. It accepts and refuses
 * what factsFileSchema does, with the same errors in the same order but for their schemaPath
 * (test/validators/generated.test.ts); ajv's code for it is a call per fact rather than every
 * check written out ~320 times: a module of 196 KB rather than 447 KB, and a start that must
 * judge a file spends ~22 ms less CPU loading and compiling it (194 → 172 ms).
 */
export function factsValidationSchema(vocabulary: Vocabulary): Record<string, unknown> {
  const definitions: Record<string, unknown> = {};
  const named = new Map<string, string>();
  const properties: Record<string, unknown> = {};
  for (const [path, spec] of sortByName(Object.entries(vocabulary))) {
    const value = factConstraints(spec);
    const text = JSON.stringify(value);
    let name = named.get(text);
    if (name === undefined) {
      name = `fact${named.size}`;
      named.set(text, name);
      definitions[name] = value;
    }
    properties[path] = { $ref: `#/definitions/${name}` };
  }
  return { $schema: DRAFT_07, ...envelope(properties, false), definitions };
}

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** A facts file's shape around its facts (`properties`), with its descriptions where `words`. */
function envelope(properties: Record<string, unknown>, words: boolean): Record<string, unknown> {
  const said = (description: string) => (words ? { description } : {});
  return {
    type: 'object',
    additionalProperties: false,
    required: ['facts'],
    properties: {
      $schema: { type: 'string' },
      $comment: said('what each fact means (assess init --format json writes it; assessment ignores it)'),
      standard: { type: 'string', ...said('id@version of the standard to assess against') },
      area: {
        type: 'object',
        additionalProperties: false,
        properties: { name: { type: ['string', 'null'] }, code: { type: ['string', 'null'] } },
      },
      period: { type: ['string', 'integer', 'null'], ...said('e.g. 2023 or 2023-Q2') },
      facts: { type: 'object', properties },
      evidence: {
        type: 'object',
        ...said('fact path → evidence files inside the pack'),
        additionalProperties: {
          type: 'array',
          items: {
            anyOf: [
              { type: 'string', minLength: 1 },
              {
                type: 'object',
                additionalProperties: false,
                required: ['path'],
                properties: { path: { type: 'string', minLength: 1 }, sha256: { type: 'string', pattern: '^[0-9a-fA-F]{64}$' } },
              },
            ],
          },
        },
      },
    },
  };
}

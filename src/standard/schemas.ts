import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { hint, pointerToken, type Hint, type InputProblem } from '../errors.js';
import { t, type MessageId } from '../messages/catalogue.js';
import { ajvClass, generatedKey, loadGenerated, type GeneratedKey } from '../validators/generated.js';

/** The published schemas of weibao's own files (editors read them via yaml-language-server). */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

export type SchemaName = 'standard' | 'vocabulary';
export const SCHEMA_NAMES = ['vocabulary', 'standard'] as const;
export const SCHEMA_AJV_OPTIONS = Object.freeze({ allErrors: true, strict: true, allowUnionTypes: true });

let validators: Record<SchemaName, ValidateFunction> | undefined;

/** The published schemas as they are on disk now, and the name of the build's validators for them. */
export function formatSchemas(): { schemas: Record<SchemaName, unknown>; key: GeneratedKey } {
  const schemas = Object.fromEntries(SCHEMA_NAMES.map((n) => [n, JSON.parse(readFileSync(`${SCHEMA_DIR}${n}.schema.json`, 'utf8'))])) as Record<SchemaName, unknown>;
  return { schemas, key: generatedKey('schemas', SCHEMA_AJV_OPTIONS, schemas) };
}

/** Both schemas compiled by ajv now (the fallback; `code` lets the build write them out). */
export function compileFormatSchemas(schemas: Record<SchemaName, unknown>, code?: { source: true }) {
  const Ajv = ajvClass();
  const ajv = new Ajv({ ...SCHEMA_AJV_OPTIONS, ...(code ? { code } : {}) });
  for (const n of SCHEMA_NAMES) ajv.addSchema(schemas[n] as object, `${n}.schema.json`);
  return { ajv, validators: Object.fromEntries(SCHEMA_NAMES.map((n) => [n, ajv.getSchema(`${n}.schema.json`)!])) as Record<SchemaName, ValidateFunction> };
}

function validator(name: SchemaName): ValidateFunction {
  if (!validators) {
    const { schemas, key } = formatSchemas();
    const built = loadGenerated(key);
    validators = built && SCHEMA_NAMES.every((n) => typeof built[n] === 'function') ? (built as Record<SchemaName, ValidateFunction>) : compileFormatSchemas(schemas).validators;
  }
  return validators[name];
}

export function validateAgainst(
  name: SchemaName,
  value: unknown,
  locate: (pointer: string) => { line: number; column: number } | undefined,
  fix: Hint | null = hint('input.fix.schema'),
): InputProblem[] {
  const validate = validator(name);
  if (validate(value)) return [];
  return ajvProblems(validate.errors ?? [], locate);
}

/** ajv errors → located problems, one per place, in the words ajv gives (these files are ours). */
export function ajvProblems(
  errors: ErrorObject[],
  locate: (pointer: string) => { line: number; column: number } | undefined,
  fix: Hint | null = hint('input.fix.schema'),
): InputProblem[] {
  const seen = new Set<string>();
  const out: InputProblem[] = [];
  for (const e of errors) {
    let pointer = e.instancePath;
    // The common keywords in the catalogue's words (input.schema.*); any other in ajv's own.
    let id: MessageId;
    let data: Record<string, unknown> = {};
    if (e.keyword === 'additionalProperties') {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      pointer = `${pointer}/${pointerToken(extra)}`;
      id = 'input.schema.unknownKey';
    } else if (e.keyword === 'enum') {
      id = 'input.schema.enum';
      data = { values: (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)) };
    } else if (e.keyword === 'required') {
      id = 'input.schema.required';
      data = { name: JSON.stringify((e.params as { missingProperty: string }).missingProperty) };
    } else if (e.keyword === 'type') {
      id = 'input.schema.type';
      data = { type: String((e.params as { type: unknown }).type) };
    } else {
      id = 'input.schema.other';
      data = { detail: e.message ?? 'is not valid' };
    }
    data.where = pointer || '/';
    const message = (t as (l: 'en', i: MessageId, d?: unknown) => string)('en', id, data);
    const key = `${pointer}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer, ...locate(pointer), message, id, data, ...(fix ? { hint: fix } : {}) });
  }
  return out;
}

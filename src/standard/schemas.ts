import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { InputProblem } from '../errors.js';

/** The published schemas of weibao's own files (editors read them via yaml-language-server). */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

type SchemaName = 'standard' | 'vocabulary';
const validators = new Map<SchemaName, ValidateFunction>();

function validator(name: SchemaName): ValidateFunction {
  let v = validators.get(name);
  if (!v) {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    for (const n of ['vocabulary', 'standard'] as const) {
      ajv.addSchema(JSON.parse(readFileSync(`${SCHEMA_DIR}${n}.schema.json`, 'utf8')), `${n}.schema.json`);
    }
    v = ajv.getSchema(`${name}.schema.json`)!;
    validators.set(name, v);
  }
  return v;
}

export function validateAgainst(
  name: SchemaName,
  value: unknown,
  locate: (pointer: string) => { line: number; column: number } | undefined,
): InputProblem[] {
  const validate = validator(name);
  if (validate(value)) return [];
  return ajvProblems(validate.errors ?? [], locate);
}

/** ajv errors → located problems, one per place, in the words ajv gives (these files are ours). */
export function ajvProblems(
  errors: ErrorObject[],
  locate: (pointer: string) => { line: number; column: number } | undefined,
): InputProblem[] {
  const seen = new Set<string>();
  const out: InputProblem[] = [];
  for (const e of errors) {
    let pointer = e.instancePath;
    let message = e.message ?? 'is not valid';
    if (e.keyword === 'additionalProperties') {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      pointer = `${pointer}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      message = 'is not a known property';
    } else if (e.keyword === 'enum') {
      message = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    const key = `${pointer}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer, ...locate(pointer), message: `${pointer || '(top level)'} ${message}` });
  }
  return out;
}

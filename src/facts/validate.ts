import { Ajv, type ValidateFunction } from 'ajv';
import { InputError, splitPointer, type InputProblem } from '../errors.js';
import type { Parsed } from '../source/types.js';
import type { FactSpec, Vocabulary } from '../standard/types.js';
import { closestFact } from './vocabulary.js';
import { factsFileSchema } from './schema.js';
import type { FactsFile } from './types.js';

const compiled = new WeakMap<Vocabulary, ValidateFunction>();

function validatorFor(vocabulary: Vocabulary): ValidateFunction {
  let v = compiled.get(vocabulary);
  if (!v) {
    v = new Ajv({ allErrors: true, strict: false }).compile(factsFileSchema(vocabulary));
    compiled.set(vocabulary, v);
  }
  return v;
}

export interface ValidatedFacts {
  facts: FactsFile;
  /** Unknown facts (with the closest known name) and other things worth a look. */
  warnings: InputProblem[];
}

/**
 * Check a parsed facts file against the vocabulary: the envelope's shape and every fact's type,
 * range and unit — never coerced ("2" is not a count). Throws InputError with every problem,
 * each located and naming the fact's Chinese description and what was expected.
 */
export function validateFacts(parsed: Parsed, vocabulary: Vocabulary, file?: string): ValidatedFacts {
  const at = (pointer: string) => ({ pointer, ...parsed.locate(pointer) });
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError('schema', file, [{ ...at(''), message: `the document is ${kindOf(value)}`, expected: 'an object with "facts"' }]);
  }
  const validate = validatorFor(vocabulary);
  const problems: InputProblem[] = [];
  if (!validate(value)) {
    const seen = new Set<string>();
    for (const e of validate.errors ?? []) {
      let pointer = e.instancePath;
      if (e.keyword === 'additionalProperties') pointer += '/' + (e.params as { additionalProperty: string }).additionalProperty;
      if (seen.has(pointer)) continue;
      seen.add(pointer);
      const parts = splitPointer(pointer);
      const actual = valueAt(value, parts);
      if (parts[0] === 'facts' && parts.length === 2 && parts[1] in vocabulary) {
        const spec = vocabulary[parts[1]];
        problems.push({ ...at(pointer), message: `facts.${parts[1]} (${spec.zh}): expected ${expectedOf(spec)}, got ${show(actual)}`, expected: expectedOf(spec) });
      } else if (e.keyword === 'additionalProperties') {
        problems.push({ ...at(pointer), message: `${pointer}: unknown property`, expected: 'standard, area, period, facts, evidence' });
      } else {
        problems.push({ ...at(pointer), message: `${pointer || '(top level)'}: ${e.message}${actual !== undefined ? `, got ${show(actual)}` : ''}` });
      }
    }
  }
  const facts = (value as { facts?: Record<string, unknown> }).facts ?? {};
  const warnings: InputProblem[] = [];
  for (const [name, v] of Object.entries(facts)) {
    const spec = vocabulary[name];
    if (!spec) {
      const near = closestFact(name, vocabulary);
      warnings.push({ ...at(`/facts/${name}`), message: `unknown fact "${name}"${near ? ` — did you mean "${near}" (${vocabulary[near].zh})?` : ''}` });
    } else if (spec.type === 'date' && typeof v === 'string' && !isCalendarDate(v)) {
      problems.push({ ...at(`/facts/${name}`), message: `facts.${name} (${spec.zh}): expected ${expectedOf(spec)}, got ${show(v)}`, expected: expectedOf(spec) });
    }
  }
  if (problems.length) throw new InputError('schema', file, problems);
  const raw = value as Record<string, any>;
  return {
    facts: {
      standard: raw.standard,
      area: dropNulls(raw.area ?? {}),
      period: raw.period === undefined || raw.period === null ? undefined : String(raw.period),
      facts,
      evidence: raw.evidence ?? {},
    },
    warnings,
  };
}

export function expectedOf(spec: FactSpec): string {
  const unit = spec.unit ? ` (${spec.unit})` : '';
  switch (spec.type) {
    case 'integer':
    case 'number': {
      const word = spec.type === 'integer' ? 'a whole number' : 'a number';
      const range =
        spec.minimum !== undefined && spec.maximum !== undefined
          ? ` from ${spec.minimum} to ${spec.maximum}`
          : spec.minimum !== undefined
            ? ` ≥ ${spec.minimum}`
            : spec.maximum !== undefined
              ? ` ≤ ${spec.maximum}`
              : '';
      return `${word}${range}${unit}`;
    }
    case 'boolean':
      return 'true or false';
    case 'date':
      return 'a date YYYY-MM-DD';
    default:
      return spec.enum ? `one of ${spec.enum.join(', ')}` : 'a string';
  }
}

function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function valueAt(value: unknown, parts: string[]): unknown {
  let v: any = value;
  for (const p of parts) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, p)) return undefined;
    v = v[p];
  }
  return v;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  const short = s === undefined ? String(v) : s.length > 60 ? s.slice(0, 57) + '…' : s;
  return `${short} (${kindOf(v).replace(/^an? /, '')})`;
}

function dropNulls<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as T;
}

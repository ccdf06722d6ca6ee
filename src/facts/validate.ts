import type { ValidateFunction } from 'ajv';
import { InputError, pointerOf, splitPointer, type InputProblem } from '../errors.js';
import type { Parsed } from '../source/types.js';
import type { FactSpec, Vocabulary } from '../standard/types.js';
import { closestFact } from './vocabulary.js';
import { factsFileSchema, factValueSchema } from './schema.js';
import type { FactsFile } from './types.js';
import { ajvClass, generatedKey, loadGenerated, type GeneratedKey } from '../validators/generated.js';

const compiled = new WeakMap<Vocabulary, ValidateFunction>();

/**
 * How facts schemas are compiled, at build time and at run time alike. ownProperties: a fact a
 * standard names `constructor` or `toString` must not be "present" in every facts file because
 * Object.prototype has one.
 */
export const FACTS_AJV_OPTIONS = Object.freeze({ allErrors: true, strict: false, ownProperties: true });

/** The name of the build's validator for a vocabulary's facts schema (scripts/prebuild.mjs). */
export function factsValidatorKey(vocabulary: Vocabulary): GeneratedKey {
  return generatedKey('facts', FACTS_AJV_OPTIONS, factsFileSchema(vocabulary));
}

/** A facts schema compiled by ajv now: the fallback, and what the build's validators are tested against. */
export function compileFactsValidator(vocabulary: Vocabulary): ValidateFunction {
  const Ajv = ajvClass();
  return new Ajv({ ...FACTS_AJV_OPTIONS }).compile(factsFileSchema(vocabulary));
}

/** The build's validator for this vocabulary when there is one (the bundled standards'), else ajv at run time. */
export function validatorFor(vocabulary: Vocabulary): ValidateFunction {
  let v = compiled.get(vocabulary);
  if (!v) {
    v = loadGenerated(factsValidatorKey(vocabulary))?.default ?? compileFactsValidator(vocabulary);
    compiled.set(vocabulary, v);
  }
  return v;
}

/**
 * A shortcut for the usual file, one that ajv finds nothing wrong with: true only where every
 * check the facts schema makes visibly holds (read from the same factValueSchema ajv is given,
 * keyword by keyword); anything else, or any keyword not understood here, is false and ajv
 * decides, with its errors. So true never lets through what ajv would refuse
 * (test/validators/quick.test.ts holds it to that); it only saves running ajv's generated code
 * (too large for V8 to optimise) over a valid file.
 */
export function quickValid(value: unknown, vocabulary: Vocabulary): boolean {
  if (!isPlainObject(value)) return false;
  const checks = quickChecks(vocabulary);
  let hasFacts = false;
  for (const key of Object.keys(value)) {
    const v = value[key];
    switch (key) {
      case 'facts':
        hasFacts = true;
        if (!isPlainObject(v)) return false;
        for (const name of Object.keys(v)) {
          const check = checks.get(name);
          if (check === null) return false; // a fact whose schema this shortcut doesn't read
          if (check !== undefined && !check(v[name])) return false;
        }
        break;
      case 'evidence':
        if (!isPlainObject(v)) return false;
        for (const name of Object.keys(v)) {
          const list = v[name];
          if (!Array.isArray(list)) return false;
          for (const ref of list) {
            if (typeof ref === 'string') {
              if (ref.length === 0) return false;
            } else if (isPlainObject(ref)) {
              let hasPath = false;
              for (const k of Object.keys(ref)) {
                const x = ref[k];
                if (k === 'path') {
                  if (typeof x !== 'string' || x.length === 0) return false;
                  hasPath = true;
                } else if (k === 'sha256') {
                  if (typeof x !== 'string' || !SHA256.test(x)) return false;
                } else return false;
              }
              if (!hasPath) return false;
            } else return false;
          }
        }
        break;
      case 'standard':
      case '$schema':
        if (typeof v !== 'string') return false;
        break;
      case 'area':
        if (!isPlainObject(v)) return false;
        for (const k of Object.keys(v)) {
          if ((k !== 'name' && k !== 'code') || (v[k] !== null && typeof v[k] !== 'string')) return false;
        }
        break;
      case 'period':
        if (v !== null && typeof v !== 'string' && !Number.isInteger(v)) return false;
        break;
      default:
        return false;
    }
  }
  return hasFacts;
}

const SHA256 = /^[0-9a-fA-F]{64}$/u;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

type QuickCheck = (v: unknown) => boolean;
const quick = new WeakMap<Vocabulary, Map<string, QuickCheck | null>>();

/** Per fact, a check read off its schema (null: a schema with something this doesn't read). */
function quickChecks(vocabulary: Vocabulary): Map<string, QuickCheck | null> {
  let checks = quick.get(vocabulary);
  if (!checks) {
    checks = new Map();
    for (const name of Object.keys(vocabulary)) checks.set(name, quickCheck(factValueSchema(vocabulary[name])));
    quick.set(vocabulary, checks);
  }
  return checks;
}

function quickCheck(schema: Record<string, unknown>): QuickCheck | null {
  const { description, type, minimum, maximum, pattern, enum: allowed, ...rest } = schema;
  void description;
  if (Object.keys(rest).length) return null;
  if (minimum !== undefined && typeof minimum !== 'number') return null;
  if (maximum !== undefined && typeof maximum !== 'number') return null;
  const inRange = (x: number) => (minimum === undefined || x >= (minimum as number)) && (maximum === undefined || x <= (maximum as number));
  if (allowed !== undefined) {
    if (type !== undefined || pattern !== undefined || minimum !== undefined || maximum !== undefined) return null;
    if (!Array.isArray(allowed) || !allowed.every((a) => a === null || typeof a === 'string')) return null;
    return (x) => allowed.includes(x);
  }
  if (!Array.isArray(type) || type.length !== 2 || type[1] !== 'null') return null;
  if (pattern !== undefined && (typeof pattern !== 'string' || type[0] !== 'string')) return null;
  if ((minimum !== undefined || maximum !== undefined) && type[0] !== 'integer' && type[0] !== 'number') return null;
  switch (type[0]) {
    case 'integer':
      return (x) => x === null || (Number.isInteger(x) && inRange(x as number));
    case 'number':
      return (x) => x === null || (typeof x === 'number' && Number.isFinite(x) && inRange(x));
    case 'boolean':
      return (x) => x === null || typeof x === 'boolean';
    case 'string': {
      if (pattern === undefined) return (x) => x === null || typeof x === 'string';
      const re = new RegExp(pattern as string, 'u');
      return (x) => x === null || (typeof x === 'string' && re.test(x));
    }
    default:
      return null;
  }
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
  const problems: InputProblem[] = [];
  // One problem per place: ajv may report several keywords for one value, and the checks below
  // (finite numbers, calendar dates) must not repeat what ajv already said.
  const seen = new Set<string>();
  let over = 0;
  // NaN and ±Infinity (YAML's .nan and .inf) are numbers to ajv ("integer" lets Infinity through),
  // but no count or amount; and JSON output would print them as null. Refused wherever they stand.
  // Nearly every document has neither a non-finite number nor a control character: one walk
  // that builds no pointers says so, and only a document with something to report is walked again.
  const found = scan(value);
  for (const pointer of found & NON_FINITE ? nonFinite(value) : []) {
    seen.add(pointer);
    const parts = splitPointer(pointer);
    const spec = parts[0] === 'facts' && parts.length === 2 ? vocabulary[parts[1]] : undefined;
    const actual = valueAt(value, parts);
    problems.push(
      spec
        ? { ...at(pointer), message: `facts.${clip(parts[1])} (${spec.zh}): expected ${expectedOf(spec)}, got ${show(actual)}`, expected: expectedOf(spec) }
        : { ...at(pointer), message: `${clip(pointer)}: got ${show(actual)}`, expected: 'a finite number' },
    );
  }
  // Text from a submitter reaches terminals and reports: an escape sequence, a carriage return
  // or a bidi override in a name could repaint the verdict ("\r结论：达标"). None has a use in
  // a facts file, so any key or string holding one is refused, and quoted escaped.
  for (const { pointer, char } of found & CONTROL_CHARACTER ? controlCharacters(value) : []) {
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    problems.push({ ...at(pointer), message: `${clip(pointer) || '(top level)'}: contains the control character ${code}`, expected: 'text without control characters (escape sequences, line breaks, bidi overrides)' });
  }
  // ajv (its generated validator loaded at the first file that needs it) only where the shortcut can't vouch.
  const validate = quickValid(value, vocabulary) ? undefined : validatorFor(vocabulary);
  if (validate && !validate(value)) {
    for (const e of validate.errors ?? []) {
      let pointer = e.instancePath;
      if (e.keyword === 'additionalProperties') pointer += pointerOf([(e.params as { additionalProperty: string }).additionalProperty]);
      if (seen.has(pointer)) continue;
      seen.add(pointer);
      // Past the cap, only count: a file with 100 000 bad values gets a readable answer, fast.
      if (problems.length >= MAX_PROBLEMS) {
        over++;
        continue;
      }
      const parts = splitPointer(pointer);
      const actual = valueAt(value, parts);
      if (parts[0] === 'facts' && parts.length === 2 && parts[1] in vocabulary) {
        const spec = vocabulary[parts[1]];
        problems.push({ ...at(pointer), message: `facts.${parts[1]} (${spec.zh}): expected ${expectedOf(spec)}, got ${show(actual)}`, expected: expectedOf(spec) });
      } else if (e.keyword === 'additionalProperties') {
        problems.push({ ...at(pointer), message: `${clip(pointer)}: unknown property`, expected: 'standard, area, period, facts, evidence' });
      } else {
        problems.push({ ...at(pointer), message: `${clip(pointer) || '(top level)'}: ${e.message}${actual !== undefined ? `, got ${show(actual)}` : ''}` });
      }
    }
  }
  const rawFacts = (value as { facts?: unknown }).facts;
  const facts = (rawFacts && typeof rawFacts === 'object' && !Array.isArray(rawFacts) ? rawFacts : {}) as Record<string, unknown>;
  const warnings: InputProblem[] = [];
  let unknown = 0;
  for (const [name, v] of Object.entries(facts)) {
    const spec = vocabulary[name];
    if (spec && (spec.type !== 'date' || typeof v !== 'string')) continue; // nothing to say about it
    const pointer = pointerOf(['facts', name]);
    if (!spec) {
      // Name the first few with a suggestion; a flood of unknown names gets one line, not a hang.
      if (++unknown > MAX_UNKNOWN_WARNINGS) continue;
      const near = closestFact(name, vocabulary);
      warnings.push({ ...at(pointer), message: `unknown fact "${clip(name)}"${near ? ` — did you mean "${near}" (${vocabulary[near].zh})?` : ''}` });
    } else if (spec.type === 'date' && typeof v === 'string' && !isCalendarDate(v) && !seen.has(pointer)) {
      problems.push({ ...at(pointer), message: `facts.${name} (${spec.zh}): expected ${expectedOf(spec)}, got ${show(v)}`, expected: expectedOf(spec) });
    }
  }
  if (unknown > MAX_UNKNOWN_WARNINGS) {
    warnings.push({ ...at('/facts'), message: `and ${unknown - MAX_UNKNOWN_WARNINGS} more unknown facts` });
  }
  if (problems.length) throw new InputError('schema', file, over ? [...problems, { message: `and ${over} more problems` }] : problems);
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

const MAX_PROBLEMS = 50;
const MAX_UNKNOWN_WARNINGS = 20;

/** Pointers of every NaN or ±Infinity in a parsed document (its depth is already bounded). */
function nonFinite(value: unknown): string[] {
  const out: string[] = [];
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'number' && !Number.isFinite(v)) out.push(at);
    else if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) stack.push([child, at + pointerOf([k])]);
  }
  return out.sort();
}

// C0 controls but tab, DEL, C1 controls, and the bidi embeddings, overrides and isolates.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');

/** Every key and string value holding a control character: its pointer and the first such. */
function controlCharacters(value: unknown): { pointer: string; char: string }[] {
  const out: { pointer: string; char: string }[] = [];
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      const m = CONTROL.exec(v);
      if (m) out.push({ pointer: at, char: m[0] });
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const m = CONTROL.exec(k);
        if (m) out.push({ pointer: at + pointerOf([k]), char: m[0] });
        else stack.push([child, at + pointerOf([k])]);
      }
    }
  }
  return out.sort((a, b) => (a.pointer < b.pointer ? -1 : 1));
}

const NON_FINITE = 1;
const CONTROL_CHARACTER = 2;

/** NON_FINITE | CONTROL_CHARACTER: what nonFinite and controlCharacters would find something of. */
function scan(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? 0 : NON_FINITE;
  if (typeof v === 'string') return CONTROL.test(v) ? CONTROL_CHARACTER : 0;
  if (v === null || typeof v !== 'object') return 0;
  let found = 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) found |= scan(v[i]);
    return found;
  }
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    // A key with a control character is reported, and what it holds isn't looked into.
    if (CONTROL.test(k)) found |= CONTROL_CHARACTER | (scan((v as Record<string, unknown>)[k]) & NON_FINITE);
    else found |= scan((v as Record<string, unknown>)[k]);
  }
  return found;
}

/** A name or pointer as far as a message should quote it: short, and control characters escaped. */
function clip(s: string): string {
  const short = s.length > 80 ? `${s.slice(0, 77)}…` : s;
  return short.replace(CONTROL_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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
  // JSON.stringify prints NaN and Infinity as null, which would misquote the file.
  const s = typeof v === 'number' && !Number.isFinite(v) ? String(v) : JSON.stringify(v);
  const short = s === undefined ? String(v) : s.length > 60 ? s.slice(0, 57) + '…' : s;
  return `${short} (${kindOf(v).replace(/^an? /, '')})`;
}

function dropNulls<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as T;
}

import type { Vocabulary } from '../standard/types.js';
import { hasControl as anyControl, scan } from './control.js';
import { isCalendarDate } from './diagnose.js';
import { factValueSchema } from './schema.js';
import type { Listing } from '../source/types.js';

// Why a second check beside ajv: ajv's generated code for the facts schema is too large for V8
// to optimise, and running it over every valid file (with the walks below) costs a batch ~20% of
// its CPU (2,000 areas, `--format csv --jobs 1`, CPU user+sys, best of 2 on a shared machine:
// 2.8 s with this shortcut, 3.5 s without; it was 6.4 s vs 7.3 s for jsonl before). True only where
// every check the facts schema makes visibly holds (read from the same factValueSchema ajv is
// given, keyword by keyword); anything else, or a keyword not understood here, is false and ajv
// decides, with its errors — test/validators/quick.test.ts holds that true never lets through
// what ajv would refuse.
//
// True also says that nothing else validateFacts looks for is there — no control character in a
// key or string, no number that isn't finite (control.ts), every fact name the vocabulary's, every
// date a day of the calendar — so a file it vouches for is walked once, here, and not again by
// the scan and the unknown-name loop: a facts object of a few hundred names is a dictionary to
// V8, and each walk's Object.keys of it costs. Names of the vocabulary are checked once.
//
// `textClean`: the reader already looked at every key and string for control characters and
// found none (Parsed.textClean; the JSON reader does, in the walk it makes anyway), so they are
// not looked at again here. `listed`: the keys and values of the objects under the top level, as
// the reader's walk listed them (Parsed.listed): listing the facts and evidence objects again
// (each a dictionary to V8) and looking up each value cost as much as checking them.
export function quickValid(value: unknown, vocabulary: Vocabulary, textClean = false, listed?: ReadonlyMap<object, Listing>): boolean {
  if (!isPlainObject(value)) return false;
  const checks = quickChecks(vocabulary);
  const hasControl = textClean ? none : anyControl;
  let hasFacts = false;
  for (const key of Object.keys(value)) {
    const v = value[key];
    switch (key) {
      case 'facts': {
        hasFacts = true;
        if (!isPlainObject(v)) return false;
        const { keys, values } = listed?.get(v) ?? listing(v);
        for (let i = 0; i < keys.length; i++) {
          const name = keys[i];
          const check = checks.get(name);
          // undefined: a name not in the vocabulary (warned about, with the closest one); null: a
          // fact whose schema this shortcut doesn't read.
          const x = values[i];
          if (!check || !check(x) || (typeof x === 'string' && hasControl(x))) return false;
        }
        break;
      }
      case 'evidence': {
        if (!isPlainObject(v)) return false;
        const { keys, values } = listed?.get(v) ?? listing(v);
        for (let i = 0; i < keys.length; i++) {
          const name = keys[i];
          const list = values[i];
          if (!Array.isArray(list) || (!textClean && !checks.has(name) && hasControl(name))) return false;
          for (const ref of list) {
            if (typeof ref === 'string') {
              if (ref.length === 0 || hasControl(ref)) return false;
            } else if (isPlainObject(ref)) {
              let hasPath = false;
              for (const k of Object.keys(ref)) {
                const x = ref[k];
                if (k === 'path') {
                  if (typeof x !== 'string' || x.length === 0 || hasControl(x)) return false;
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
      }
      case '$comment':
        if (scan(v) !== 0) return false;
        break;
      case 'standard':
      case '$schema':
        if (typeof v !== 'string' || hasControl(v)) return false;
        break;
      case 'area':
        if (!isPlainObject(v)) return false;
        for (const k of Object.keys(v)) {
          const x = v[k];
          if ((k !== 'name' && k !== 'code') || (x !== null && (typeof x !== 'string' || hasControl(x)))) return false;
        }
        break;
      case 'period':
        if (v !== null && (typeof v === 'string' ? hasControl(v) : !Number.isInteger(v))) return false;
        break;
      default:
        return false;
    }
  }
  return hasFacts;
}

const SHA256 = /^[0-9a-fA-F]{64}$/u;

/** An object's keys and values, where the reader handed none. */
function listing(o: Record<string, unknown>): Listing {
  const keys = Object.keys(o);
  return { keys, values: keys.map((k) => o[k]) };
}
const none = () => false;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

type QuickCheck = (v: unknown) => boolean;
const quick = new WeakMap<Vocabulary, Map<string, QuickCheck | null>>();

/** Per fact, a check read off its schema (null: a schema with something this doesn't read); control characters are quickValid's. */
function quickChecks(vocabulary: Vocabulary): Map<string, QuickCheck | null> {
  let checks = quick.get(vocabulary);
  if (!checks) {
    checks = new Map();
    for (const name of Object.keys(vocabulary)) {
      const spec = vocabulary[name];
      const check = anyControl(name) ? null : quickCheck(factValueSchema(spec));
      // A date must be a day of the calendar too (2023-02-30 matches the pattern).
      checks.set(name, check && spec.type === 'date' ? (x) => check(x) && (x === null || isCalendarDate(x as string)) : check);
    }
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

import { hasControl } from './control-chars.js';
import type { ParseLimits } from './types.js';

/** What JSON.parse read, once checked: the value, and whether any key or string holds a control character. */
export interface FastRead {
  value: unknown;
  /** No key or string holds a character of source/control-chars.ts (validation need not look again). */
  textClean: boolean;
}

/**
 * JSON.parse, where it gives what parseStrict would: a text JSON.parse accepts is one parseStrict
 * accepts too, with the same value, unless a key is repeated (JSON.parse keeps the last), a
 * number is too large (JSON.parse makes it Infinity) or the nesting is too deep. Those are
 * checked for (a repeated key leaves fewer keys in the value than key separators in the text);
 * on any of them, or any syntax error, undefined: parseStrict reads the text and says what and
 * where. JSON.parse also keeps a `__proto__` key as an own property.
 *
 * `latin1`: the text is a file's bytes read one character per byte (json-bytes.ts), and each key
 * and string that isn't plain ASCII is decoded from its UTF-8 here.
 */
export function fastParse(text: string, limits: ParseLimits, latin1 = false): FastRead | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // One walk of the value counts the keys, checks numbers and depth, and looks at each key and
  // string that isn't plain ASCII (decoded, and asked for control characters): module state,
  // not a closure or an object per call (a batch walks ~900 strings a file).
  walked = { keys: 0, textClean: true, maxDepth: limits.maxDepth, latin1 };
  let checked: unknown;
  let keys: number;
  let textClean: boolean;
  try {
    checked = walk(value, 0);
    ({ keys, textClean } = walked);
  } finally {
    walked = IDLE;
  }
  if (checked === REFUSED) return undefined;
  // A number too small for a double reads as 0 (1e-400, or 0.000…1 past 300 zeros): the strict
  // parser tells it from a 0 written as 0.
  if (underflows(text)) return undefined;
  // Over the key limit (--max-keys): the strict parser says where the limit was passed.
  if (limits.maxKeys !== undefined && keys > limits.maxKeys) return undefined;
  return keys === countColons(text, keys) ? { value: checked, textClean } : undefined;
}

interface Walk {
  keys: number;
  textClean: boolean;
  maxDepth: number;
  latin1: boolean;
}
const IDLE: Walk = { keys: 0, textClean: true, maxDepth: 0, latin1: false };
let walked = IDLE;
const REFUSED = Symbol('refused');

// Printable ASCII and tab: no control character, nothing to decode. Anything else is looked at.
const NOT_PLAIN = /[^\t\x20-\x7e]/;

/**
 * The value as checked: the same value (strings decoded where the text is Latin-1; an object with a
 * key to decode rebuilt in the same order), or REFUSED for a number JSON.parse may have changed
 * (not finite, or a whole number past 2^53) or nesting deeper than the limit.
 */
function walk(v: unknown, depth: number): unknown {
  if (depth > walked.maxDepth) return REFUSED;
  if (typeof v === 'string') return NOT_PLAIN.test(v) ? textOf(v) : v;
  // Past 2^53 a whole number may not be the one written (the strict parser says which are refused).
  if (typeof v === 'number') return Number.isFinite(v) && (Number.isSafeInteger(v) || !Number.isInteger(v)) ? v : REFUSED;
  if (v === null || typeof v !== 'object') return v;
  // A string member is looked at here rather than in a call of its own (half of a facts file's values are).
  const deeper = depth + 1 > walked.maxDepth;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (typeof x === 'string' && !deeper) {
        if (NOT_PLAIN.test(x)) v[i] = textOf(x);
        continue;
      }
      const w = walk(x, depth + 1);
      if (w !== x) {
        if (w === REFUSED) return REFUSED;
        v[i] = w;
      }
    }
    return v;
  }
  const o = v as Record<string, unknown>;
  const own = Object.keys(o);
  walked.keys += own.length;
  let rekey = false;
  for (let i = 0; i < own.length; i++) {
    const k = own[i];
    if (NOT_PLAIN.test(k) && textOf(k) !== k) rekey = true;
    const x = o[k];
    // An own "__proto__" (JSON.parse makes one) is set below as any other own property.
    if (typeof x === 'string' && !deeper) {
      if (NOT_PLAIN.test(x)) o[k] = textOf(x);
      continue;
    }
    const w = walk(x, depth + 1);
    if (w !== x) {
      if (w === REFUSED) return REFUSED;
      o[k] = w;
    }
  }
  return rekey ? rekeyed(o, own) : o;
}

/** A key or string that isn't plain ASCII: its text (decoded from its bytes when read as Latin-1), a control character noted. */
function textOf(s: string): string {
  if (!walked.latin1) {
    if (walked.textClean && hasControl(s)) walked.textClean = false;
    return s;
  }
  let text = decoded.get(s);
  if (text === undefined) {
    text = Buffer.from(s, 'latin1').toString('utf8');
    // Only text without a control character is kept, so a hit needs no second look.
    if (hasControl(text)) {
      walked.textClean = false;
      return text;
    }
    if (decoded.size >= MAX_DECODED) decoded.clear();
    decoded.set(s, text);
  }
  return text;
}

// Decoded keys and strings by their Latin-1 reading: a batch's areas share most of theirs
// (evidence paths), each decoded and checked once. Bounded, so memory stays flat.
const decoded = new Map<string, string>();
const MAX_DECODED = 10_000;

/** The object again with its keys decoded, in the same order; "__proto__" stays an own property. */
function rekeyed(o: Record<string, unknown>, own: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of own) {
    const key = NOT_PLAIN.test(k) ? textOf(k) : k;
    if (key === '__proto__') Object.defineProperty(out, key, { value: o[k], enumerable: true, writable: true, configurable: true });
    else out[key] = o[k];
  }
  return out;
}

/**
 * Colons outside strings in a valid JSON text: one per object member. Every colon is counted
 * first (indexOf finds a rare character fast): when there are no more than `keys`, none stands
 * in a string and that is the answer; otherwise the strings are skipped to count the rest.
 */
function countColons(text: string, keys: number): number {
  let all = 0;
  for (let c = text.indexOf(':'); c !== -1 && all <= keys; c = text.indexOf(':', c + 1)) all++;
  if (all <= keys) return all;
  let n = 0;
  let k = 0;
  for (;;) {
    const quote = text.indexOf('"', k);
    const end = quote === -1 ? text.length : quote;
    for (let c = text.indexOf(':', k); c !== -1 && c < end; c = text.indexOf(':', c + 1)) n++;
    if (quote === -1) return n;
    // The string's end: the next quote not escaped (preceded by an even run of backslashes).
    let close = quote;
    for (;;) {
      close = text.indexOf('"', close + 1);
      let backslashes = 0;
      while (text.charCodeAt(close - 1 - backslashes) === 0x5c) backslashes++;
      if (backslashes % 2 === 0) break;
    }
    k = close + 1;
  }
}

/**
 * What /[eE]-\d{3}|\.0{300}/ finds, without a regular expression tried at every offset of the
 * text (a facts file's few "-" are looked at one by one; the run of zeros is one indexOf).
 */
function underflows(text: string): boolean {
  for (let d = text.indexOf('-'); d !== -1; d = text.indexOf('-', d + 1)) {
    const e = text.charCodeAt(d - 1);
    if ((e === 0x65 || e === 0x45) && isDigit(text.charCodeAt(d + 1)) && isDigit(text.charCodeAt(d + 2)) && isDigit(text.charCodeAt(d + 3))) return true;
  }
  return text.indexOf(ZEROS) !== -1;
}
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const ZEROS = '.' + '0'.repeat(300);

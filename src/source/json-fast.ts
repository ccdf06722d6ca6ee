import { isUtf8 } from 'node:buffer';
import { CONTROL, hasControl } from './control-chars.js';
import type { Listing, ParseLimits } from './types.js';

/** What JSON.parse read, once checked: the value, and whether the text can hold a control character. */
export interface FastRead {
  value: unknown;
  /** No key or string holds a character of source/control-chars.ts (validation need not look); false: it may. */
  textClean: boolean;
  /** The own keys and values of each object directly under the top level, as the walk listed them (Parsed.listed). */
  listed: Map<object, Listing>;
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
 * and string that isn't plain ASCII is decoded from its UTF-8 here — and is refused (undefined)
 * if its bytes aren't UTF-8. Outside keys and strings JSON.parse accepts ASCII alone, so a text
 * whose keys and strings are UTF-8 is UTF-8: each distinct string is asked once in a batch,
 * rather than every byte of every file. Undefined where a \u escape stands (below).
 */
export function fastParse(text: string, limits: ParseLimits, latin1 = false): FastRead | undefined {
  // Where the first backslash stands: none in nearly every facts file, which one scan of the text
  // says for both questions asked of backslashes (each scan of a 46 KB file costs ~3% of its
  // JSON.parse). Read as Latin-1, a \u escape may stand for a character past ASCII (\u00e9
  // would be taken for a byte): undefined, and the caller decodes the text first (json-bytes.ts).
  const backslash = text.indexOf('\\');
  if (latin1 && backslash !== -1 && text.indexOf('\\u', backslash) !== -1) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // One walk of the value counts the keys, checks numbers and depth, and decodes each key and
  // string that isn't ASCII: module state, not a closure or an object per call.
  walked = { keys: 0, maxDepth: limits.maxDepth, latin1: latin1 && HIGH.test(text), notUtf8: false, control: false, listed: new Map() };
  nthString = 0;
  nthKey = 0;
  let checked: unknown;
  let keys: number;
  let read: Walk;
  try {
    checked = walk(value, 0);
    keys = walked.keys;
    read = walked;
  } finally {
    walked = IDLE;
  }
  if (checked === REFUSED || read.notUtf8) return undefined;
  // A number too small for a double reads as 0 (1e-400, or 0.000…1 past 300 zeros): the strict
  // parser tells it from a 0 written as 0.
  if (underflows(text)) return undefined;
  // Over the key limit (--max-keys): the strict parser says where the limit was passed.
  if (limits.maxKeys !== undefined && keys > limits.maxKeys) return undefined;
  if (keys !== countColons(text, keys)) return undefined;
  // Whether any key or string holds a control character, asked of the whole text at once rather
  // than of each string (~900 a facts file). JSON.parse refuses a raw C0 character in a string,
  // so one there came from an escape; any other stands in the text as itself. Read as Latin-1,
  // each past ASCII (C1, bidi, separators) is in a key or string decoded, and was looked for
  // there, once per distinct string (textOf); DEL is ASCII.
  const control = latin1 ? read.control || text.indexOf('\x7f') !== -1 : controlInText(text);
  return { value: checked, textClean: !control && (backslash === -1 || !escapedControl(text, backslash)), listed: read.listed };
}

/**
 * An escape that stands for a control character: \n, \r, \b, \f, or a \u one (a lone surrogate
 * included; an escaped pair is a character), from the first backslash on. A backslash in a valid
 * text starts an escape, so the search resumes after it: an escaped backslash is never taken for
 * the start of one.
 */
function escapedControl(t: string, first: number): boolean {
  for (let i = first; i !== -1; i = t.indexOf('\\', i + 2)) {
    const c = t.charCodeAt(i + 1);
    if (c === 0x6e || c === 0x72 || c === 0x62 || c === 0x66) return true;
    if (c !== 0x75) continue;
    const code = parseInt(t.slice(i + 2, i + 6), 16);
    if (code >= 0xd800 && code <= 0xdbff && t.charCodeAt(i + 6) === 0x5c && t.charCodeAt(i + 7) === 0x75) {
      const low = parseInt(t.slice(i + 8, i + 12), 16);
      if (low >= 0xdc00 && low <= 0xdfff) {
        i += 10;
        continue;
      }
    }
    if (CONTROL.test(String.fromCharCode(code))) return true;
  }
  return false;
}

/** A character of control-chars.ts but C0 (whitespace between tokens, refused in a string) in a text. */
function controlInText(text: string): boolean {
  return MAYBE_CONTROL_TEXT.test(text) && CONTROL_TEXT.test(text);
}
const CONTROL_PAST_C0 = '\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c\\u2028\\u2029';
// With every surrogate (one class: a fast scan), and then with lone surrogates only (an emoji is text).
const MAYBE_CONTROL_TEXT = new RegExp(`[${CONTROL_PAST_C0}\\ud800-\\udfff]`);
const CONTROL_TEXT = new RegExp(`[${CONTROL_PAST_C0}]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]`);

interface Walk {
  keys: number;
  maxDepth: number;
  /** Keys and strings past ASCII are UTF-8 read as Latin-1, to decode (false for a text of ASCII alone). */
  latin1: boolean;
  /** A key or string decoded was not UTF-8. */
  notUtf8: boolean;
  /** A key or string decoded holds a control character (control-chars.ts). */
  control: boolean;
  /** The own keys and values of each object at depth 1 (a facts file's facts, evidence and area). */
  listed: Map<object, Listing>;
}
const IDLE: Walk = { keys: 0, maxDepth: 0, latin1: false, notUtf8: false, control: false, listed: new Map() };
let walked = IDLE;
const REFUSED = Symbol('refused');

// A character past ASCII: in a text read as Latin-1, a byte of a UTF-8 sequence.
const HIGH = /[\x80-\xff]/;

/**
 * The value as checked: the same value (strings decoded where the text is Latin-1; an object with a
 * key to decode rebuilt in the same order), or REFUSED for a number JSON.parse may have changed
 * (not finite, or a whole number past 2^53) or nesting deeper than the limit.
 */
function walk(v: unknown, depth: number): unknown {
  if (depth > walked.maxDepth) return REFUSED;
  if (typeof v === 'string') return walked.latin1 ? textOf(v) : v;
  // Past 2^53 a whole number may not be the one written (the strict parser says which are refused).
  if (typeof v === 'number') return Number.isFinite(v) && (Number.isSafeInteger(v) || !Number.isInteger(v)) ? v : REFUSED;
  if (v === null || typeof v !== 'object') return v;
  // A string member is looked at here rather than in a call of its own (half of a facts file's values are).
  const deeper = depth + 1 > walked.maxDepth;
  const latin1 = walked.latin1;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (typeof x === 'string' && !deeper) {
        if (latin1) {
          const text = textOf(x);
          if (text !== x) v[i] = text;
        }
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
  // Validation would list an object under the top level again, and look up each of its values
  // (a facts object of a few hundred names is a dictionary to V8: listing it and looking its
  // values up cost as much as checking them): it is handed what the walk listed and read.
  const values = depth === 1 ? new Array<unknown>(own.length) : undefined;
  let rekey = false;
  for (let i = 0; i < own.length; i++) {
    const k = own[i];
    if (latin1 && !asciiKey(k)) rekey = true;
    const x = o[k];
    // An own "__proto__" (JSON.parse makes one) is set below as any other own property.
    if (typeof x === 'string' && !deeper) {
      let text = x;
      if (latin1) {
        text = textOf(x);
        if (text !== x) o[k] = text;
      }
      if (values) values[i] = text;
      continue;
    }
    const w = walk(x, depth + 1);
    if (w !== x) {
      if (w === REFUSED) return REFUSED;
      o[k] = w;
    }
    if (values) values[i] = w;
  }
  if (rekey) return rekeyed(o, own);
  if (values) walked.listed.set(o, { keys: own, values });
  return o;
}

/**
 * A key or string of a text read as Latin-1: its text — itself if it is ASCII, else decoded from
 * its UTF-8 bytes. The files of a batch are alike: the nth string read is most often the nth
 * string of the file before (an evidence path), so that is asked first, with one compare; then
 * the strings kept by their hash (lookedUp).
 */
function textOf(s: string): string {
  const n = nthString++;
  if (lastStrings[n] === s) return lastTexts[n];
  const text = lookedUp(s);
  // Only what was read as it should be is kept: a text not UTF-8 or holding a control character is read by the strict parser, which says where.
  if (n < MAX_SEQUENCE && !walked.notUtf8 && !walked.control) {
    // A string too long to keep stands as '' (which is its own text).
    const kept = s.length <= MAX_CACHED_LENGTH;
    lastStrings[n] = kept ? s : '';
    lastTexts[n] = kept ? text : '';
  }
  return text;
}
// The keys and strings of the file read last, in the order the walk met them, with their text.
const lastStrings: string[] = [];
const lastTexts: string[] = [];
let nthString = 0;
const MAX_SEQUENCE = 4096;

/**
 * lookedUp: a string found by a hash of its length and eight characters spread over it, then
 * compared whole (a memcmp), and otherwise decoded if it isn't ASCII (asked of a regular
 * expression) and kept. A Map keyed by the strings would hash every character of each (~350 a
 * facts file, fresh from JSON.parse each time), which cost the lookups 3× as much. Bounded —
 * buckets, their size, and the length of a string kept — so memory stays flat (at most ~4,000 ×
 * 4 short strings, whatever a batch holds) and a batch built to collide costs at most a few
 * compares and a decode per string.
 */
function lookedUp(s: string): string {
  const n = s.length;
  if (n > MAX_CACHED_LENGTH) return HIGH.test(s) ? utf8Of(s) : s;
  let h = n;
  for (let i = 0; i < 8; i++) h = (Math.imul(h, 31) + s.charCodeAt((n * i) >> 3)) | 0;
  const bucket = decoded.get(h);
  if (bucket !== undefined) for (let i = 0; i < bucket.length; i += 2) if (bucket[i] === s) return bucket[i + 1];
  if (!HIGH.test(s)) return remember(h, bucket, s, s);
  const text = utf8Of(s);
  return walked.notUtf8 || walked.control ? text : remember(h, bucket, s, text);
}

/** A string's bytes (read as Latin-1) decoded as UTF-8; walked says whether they weren't, or the text holds a control character. */
function utf8Of(s: string): string {
  const bytes = Buffer.from(s, 'latin1');
  if (!isUtf8(bytes)) {
    walked.notUtf8 = true;
    return s;
  }
  const text = bytes.toString('utf8');
  if (hasControl(text)) walked.control = true;
  return text;
}

function remember(h: number, bucket: string[] | undefined, s: string, text: string): string {
  if (bucket === undefined) {
    if (decoded.size >= MAX_DECODED) decoded.clear();
    decoded.set(h, [s, text]);
  } else {
    if (bucket.length >= 2 * BUCKET) bucket.splice(0, 2);
    bucket.push(s, text);
  }
  return text;
}
const decoded = new Map<number, string[]>();
const MAX_DECODED = 4096;
const BUCKET = 4;
const MAX_CACHED_LENGTH = 256;

/**
 * Whether a key is ASCII. JSON.parse makes every key an internalized string, one object for
 * every file that has that key (a batch's areas have the vocabulary's): the nth key of the file
 * read before is asked first (one compare of two pointers), then a Set of keys seen ASCII (by
 * the hash V8 keeps on the string); only a key not seen yet is asked the regular expression.
 * Bounded as the strings are.
 */
function asciiKey(k: string): boolean {
  const n = nthKey++;
  if (lastKeys[n] === k) return true;
  let ascii = asciiKeys.has(k);
  if (!ascii && !HIGH.test(k)) {
    ascii = true;
    if (k.length <= MAX_CACHED_LENGTH) {
      if (asciiKeys.size >= MAX_DECODED) asciiKeys.clear();
      asciiKeys.add(k);
    }
  }
  // '' (ASCII) where the key isn't, or is too long to keep.
  if (n < MAX_SEQUENCE) lastKeys[n] = ascii && k.length <= MAX_CACHED_LENGTH ? k : '';
  return ascii;
}
const asciiKeys = new Set<string>();
// The keys of the file read last seen ASCII, in the order the walk met them.
const lastKeys: string[] = [];
let nthKey = 0;

/** The object again with its keys decoded, in the same order; "__proto__" stays an own property. */
function rekeyed(o: Record<string, unknown>, own: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of own) {
    const key = textOf(k);
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
 * Whether /[eE]-\d{3}|0{300}/ finds anything, without a regular expression tried at every offset
 * of the text (a facts file's few "-" are looked at one by one; the run of zeros is one indexOf).
 * Written without an exponent, a number past 300 zeros after the point is too small (and one
 * with 300 zeros anywhere is read by the strict parser too, which tells): searched for without
 * the point, the search costs a third less (2,000 facts files: 16.7 → 11.4 ms of CPU).
 */
function underflows(text: string): boolean {
  for (let d = text.indexOf('-'); d !== -1; d = text.indexOf('-', d + 1)) {
    const e = text.charCodeAt(d - 1);
    if ((e === 0x65 || e === 0x45) && isDigit(text.charCodeAt(d + 1)) && isDigit(text.charCodeAt(d + 2)) && isDigit(text.charCodeAt(d + 3))) return true;
  }
  return text.indexOf(ZEROS) !== -1;
}
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const ZEROS = '0'.repeat(300);

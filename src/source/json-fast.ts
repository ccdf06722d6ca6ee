import type { ParseLimits } from './types.js';

/**
 * JSON.parse, where it gives what parseStrict would: a text JSON.parse accepts is one parseWith
 * accepts too, with the same value, unless a key is repeated (JSON.parse keeps the last), a
 * number is too large (JSON.parse makes it Infinity) or the nesting is too deep. Those are
 * checked for (a repeated key leaves fewer keys in the value than key separators in the text);
 * on any of them, or any syntax error, undefined: parseStrict reads the text and says what and
 * where. JSON.parse also keeps a `__proto__` key as an own property.
 */
export function fastParse(text: string, limits: ParseLimits): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const keys = countKeys(value, 0, limits.maxDepth);
  // A number too small for a double reads as 0 (1e-400, or 0.000…1 past 300 zeros): the strict
  // parser tells it from a 0 written as 0.
  if (underflows(text)) return undefined;
  // Over the key limit (--max-keys): the strict parser says where the limit was passed.
  if (limits.maxKeys !== undefined && keys > limits.maxKeys) return undefined;
  return keys >= 0 && keys === countColons(text, keys) ? value : undefined;
}

/** Keys of every object in a parsed value; -1 for a non-finite number or nesting deeper than `max`. */
function countKeys(v: unknown, depth: number, max: number): number {
  if (depth > max) return -1;
  // Past 2^53 a whole number may not be the one written (the strict parser says which are refused).
  if (typeof v === 'number') return Number.isFinite(v) && (Number.isSafeInteger(v) || !Number.isInteger(v)) ? 0 : -1;
  if (v === null || typeof v !== 'object') return 0;
  let n = 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const k = countKeys(v[i], depth + 1, max);
      if (k < 0) return -1;
      n += k;
    }
    return n;
  }
  const own = Object.keys(v);
  n += own.length;
  for (const key of own) {
    const k = countKeys((v as Record<string, unknown>)[key], depth + 1, max);
    if (k < 0) return -1;
    n += k;
  }
  return n;
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

import { fastParseBytes } from './json-bytes.js';
import { fastParse } from './json-fast.js';
import { parseStrict } from './json-strict.js';
import { locatorOf, locatorOfBytes, offsetOf, whereIn } from './json-where.js';
import type { ParseLimits, Parsed } from './types.js';

export { lineColumn } from './json-where.js';

/**
 * Strict JSON (RFC 8259) that, unlike JSON.parse, rejects duplicate keys, numbers JSON.parse
 * would change and nesting past the limit, and remembers where every value starts, so validation
 * errors can say line:column. A `__proto__` key stays an ordinary own property and never sets a
 * prototype. JSON.parse reads where it gives the same value (most files, json-fast.ts);
 * jsonc-parser reads the rest (json-strict.ts); where something stands is found
 * only when asked, in the text or the bytes (json-where.ts).
 */
export function parseJson(text: string, file: string | undefined, limits: ParseLimits): Parsed {
  const fast = fastParse(text, limits);
  if (fast) return { value: fast.value, textClean: fast.textClean, locate: locatorOf(() => text) };
  return { value: parseStrict(text, file, limits), locate: locatorOf(() => text) };
}

/**
 * A JSON file's bytes read without decoding the whole text first, where that gives the same
 * value (json-bytes.ts); undefined otherwise: the caller decodes the text and calls parseJson,
 * which also says what is wrong and where.
 */
export function parseJsonBytes(bytes: Buffer, limits: ParseLimits): Parsed | undefined {
  const fast = fastParseBytes(bytes, limits);
  // Never decoded: a place asked for is found in the bytes (json-where.ts).
  return fast && { value: fast.value, textClean: fast.textClean, listed: fast.listed, locate: locatorOfBytes(bytes) };
}

/** The located reading alone: the value, and where the value at a JSON pointer starts (what parseJson answers as, tested against it). */
export function parseJsonStrict(text: string, file: string | undefined, limits: ParseLimits): { value: unknown; offset: (pointer: string) => number | undefined } {
  const value = parseStrict(text, file, limits);
  const where = whereIn(text);
  return { value, offset: (pointer) => offsetOf(where, pointer) };
}

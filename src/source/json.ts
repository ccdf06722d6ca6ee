import { decodeText } from './encoding.js';
import { fastParseBytes } from './json-bytes.js';
import { fastParse } from './json-fast.js';
import { parseStrict } from './json-strict.js';
import { lineStarts, offsetOf, whereIn, type Where } from './json-where.js';
import type { ParseLimits, Parsed } from './types.js';

export { lineColumn } from './json-where.js';

/**
 * Strict JSON (RFC 8259) that, unlike JSON.parse, rejects duplicate keys, numbers JSON.parse
 * would change and nesting past the limit, and remembers where every value starts, so validation
 * errors can say line:column. A `__proto__` key stays an ordinary own property and never sets a
 * prototype. JSON.parse reads where it gives the same value (most files, json-fast.ts);
 * jsonc-parser reads the rest (json-strict.ts) and every file asked where something stands
 * (json-where.ts).
 */
export function parseJson(text: string, file: string | undefined, limits: ParseLimits): Parsed {
  const fast = fastParse(text, limits);
  if (fast) return { value: fast.value, textClean: fast.textClean, locate: locator(() => text) };
  return { value: parseStrict(text, file, limits), locate: locator(() => text) };
}

/**
 * A JSON file's bytes read without decoding the whole text first, where that gives the same
 * value (json-bytes.ts); undefined otherwise: the caller decodes the text and calls parseJson,
 * which also says what is wrong and where.
 */
export function parseJsonBytes(bytes: Buffer, limits: ParseLimits): Parsed | undefined {
  const fast = fastParseBytes(bytes, limits);
  // The text is decoded only if a place is asked for.
  let text: string | undefined;
  return fast && { value: fast.value, textClean: fast.textClean, locate: locator(() => (text ??= decodeText(bytes, undefined))) };
}

/** The located reading alone: the value, and where the value at a JSON pointer starts (what parseJson answers as, tested against it). */
export function parseJsonStrict(text: string, file: string | undefined, limits: ParseLimits): { value: unknown; offset: (pointer: string) => number | undefined } {
  const value = parseStrict(text, file, limits);
  const where = whereIn(text);
  return { value, offset: (pointer) => offsetOf(where, pointer) };
}

/**
 * Line and column of the value at a pointer. Where each value starts is wanted only to locate a
 * problem (or a line for an annotation): the text, valid by now, is read a second time,
 * recording, at the first question (a valid file in a batch never asks).
 */
function locator(textOf: () => string): Parsed['locate'] {
  let where: Where | undefined;
  // Callers may locate every fact of a file (reports point at lines): index the line starts once,
  // so each lookup is a binary search rather than a scan of a text that may be megabytes long.
  let starts: number[] | undefined;
  return (pointer) => {
    const text = textOf();
    where ??= whereIn(text);
    const at = offsetOf(where, pointer);
    if (at === undefined) return undefined;
    starts ??= lineStarts(text);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo] + 1 };
  };
}

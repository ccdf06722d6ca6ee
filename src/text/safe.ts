/**
 * Text from outside the program (file and directory names, paths, values) made safe to print on
 * a terminal or in a report: a pack directory named `x\r达标 PASS \x1b[32m` must not return the
 * cursor, recolour the screen or reverse the line. Such characters are shown as escapes
 * (`\r`, `\u001b`, `\u202e`) instead, the way facts strings are quoted in error messages.
 *
 * Escaped: C0 controls (tab too: it moves the cursor), DEL, C1 controls, the bidi marks,
 * embeddings, overrides and isolates (U+061C, U+200E/200F, U+202A–202E, U+2066–2069), the
 * line and paragraph separators U+2028/2029, and lone surrogates (not text at all).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escape(c: string): string {
  return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** One name, path or value, every unsafe character escaped (line breaks too). */
export function safeText(s: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(s) ? s.replace(UNSAFE, escape) : s;
}

/** Text of several lines the program laid out itself: line breaks kept, everything else escaped. */
export function safeLines(s: string): string {
  UNSAFE_BUT_NEWLINE.lastIndex = 0;
  return UNSAFE_BUT_NEWLINE.test(s) ? s.replace(UNSAFE_BUT_NEWLINE, escape) : s;
}

/**
 * JSON text as JSON.stringify writes it, with the characters it leaves raw but a terminal acts on
 * (C1 controls, bidi marks and overrides, U+2028/2029) written as \uXXXX escapes: the same value
 * once parsed, safe to `cat`. (JSON.stringify already escapes C0 controls and lone surrogates.)
 */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
export function safeJson(text: string): string {
  UNSAFE_IN_JSON.lastIndex = 0;
  return UNSAFE_IN_JSON.test(text) ? text.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}

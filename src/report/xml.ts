import { safeLines } from '../text/safe.js';

/**
 * Text for XML attributes and content. Characters XML 1.0 cannot carry at all (most C0 controls,
 * lone surrogates, U+FFFE/FFFF) are dropped: a parser would reject the whole report for one of them.
 */
export function xmlEscape(s: string): string {
  // Nearly every string (an id, a 项目, an item's text) has nothing below to change: one test says
  // so and it is returned as it is — a junit report escapes ~250 strings an area, and the seven
  // passes below (one a /u expression) cost a batch more than the rest of the report. The class
  // holds every character any pass changes (all surrogates, paired or not: those go the long way).
  if (!CHANGED.test(s)) return s;
  // Control and bidi characters from outside (a directory named `x\r达标\x1b[32m`) shown as escapes.
  return safeLines(s.replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ''))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const CHANGED = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff&<>"']/;

/** `name="value"` pairs, escaped, in the order given; undefined values are left out. */
export function xmlAttributes(attrs: Record<string, string | number | undefined>): string {
  let out = '';
  for (const k of Object.keys(attrs)) {
    const v = attrs[k];
    if (v !== undefined) out += ` ${k}="${xmlEscape(String(v))}"`;
  }
  return out;
}

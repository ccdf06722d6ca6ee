import { safeLines } from '../text/safe.js';

/**
 * Text for XML attributes and content. Characters XML 1.0 cannot carry at all (most C0 controls,
 * lone surrogates, U+FFFE/FFFF) are dropped: a parser would reject the whole report for one of them.
 */
export function xmlEscape(s: string): string {
  // Control and bidi characters from outside (a directory named `x\r达标\x1b[32m`) shown as escapes.
  return safeLines(s.replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ''))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `name="value"` pairs, escaped, in the order given; undefined values are left out. */
export function xmlAttributes(attrs: Record<string, string | number | undefined>): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');
}

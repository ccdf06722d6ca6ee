import { safeLines } from '../../text/safe.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for HTML element content and quoted attribute values alike. Facts files are untrusted
 * (an area name may be `<script>…`), so every string that comes from a result goes through here.
 */
export function escapeHtml(value: unknown): string {
  const s = typeof value === 'string' ? value : String(value);
  // Most text has nothing to escape: one scan says so (a surrogate, even a paired one, takes the long way).
  if (!TOUCHED.test(s)) return s;
  // Control and bidi characters (a directory named `x\u202e…`) shown as escapes, not obeyed.
  return safeLines(s).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Any character either step below would change (src/text/safe.ts's UNSAFE_BUT_NEWLINE, surrogates whole, and the entities). */
const TOUCHED = /[&<>"'\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

/** A CSS class fragment from an open-ended word (item states grow: `unsupported` …). */
export function classToken(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9_-]/g, '-');
}

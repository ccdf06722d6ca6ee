import { safeLines } from '../../text/safe.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for HTML element content and quoted attribute values alike. Facts files are untrusted
 * (an area name may be `<script>…`), so every string that comes from a result goes through here.
 */
export function escapeHtml(value: unknown): string {
  // Control and bidi characters (a directory named `x\u202e…`) shown as escapes, not obeyed.
  return safeLines(String(value)).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A CSS class fragment from an open-ended word (item states grow: `unsupported` …). */
export function classToken(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9_-]/g, '-');
}

import { safeLines } from '../text/safe.js';

/** Keep table cells and list items intact: pipes and line breaks are Markdown syntax. */
export function esc(s: string): string {
  const safe = safeLines(s);
  // Most cells (names, numbers, the standard's words) have neither: returned as they are.
  if (safe.indexOf('|') === -1 && safe.indexOf('\n') === -1) return safe;
  return safe.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

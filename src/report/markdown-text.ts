import { safeLines } from '../text/safe.js';

/** Keep table cells and list items intact: pipes and line breaks are Markdown syntax. */
export function esc(s: string): string {
  return safeLines(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

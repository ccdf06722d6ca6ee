import type { ChalkInstance } from 'chalk';
import type { TextPart } from '../text.js';

/**
 * A text diff on one line. In a terminal with colour: deletions red and struck through,
 * insertions green and underlined. Without colour: git's plain word-diff marks, `[-旧-]{+新+}`.
 */
export function terminalDiff(parts: TextPart[], c: ChalkInstance | null): string {
  return parts
    .map((p) => {
      if (p.op === 'equal') return p.text;
      if (c) return p.op === 'delete' ? c.red.strikethrough(p.text) : c.green.underline(p.text);
      return p.op === 'delete' ? `[-${p.text}-]` : `{+${p.text}+}`;
    })
    .join('');
}

/** For Markdown: `<del>`/`<ins>`, which GitHub, GitLab and most renderers show struck/underlined. */
export function htmlDiff(parts: TextPart[]): string {
  return parts.map((p) => (p.op === 'equal' ? escapeHtml(p.text) : `<${p.op === 'delete' ? 'del' : 'ins'}>${escapeHtml(p.text)}</${p.op === 'delete' ? 'del' : 'ins'}>`)).join('');
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;').replace(/\r?\n/g, ' ');
}

import type { InputProblem } from '../errors.js';
import { hasMessage, t } from './catalogue.js';
import type { Lang } from './types.js';
import { safeText } from '../text/safe.js';

/** A catalogue message by an id that arrived as data (a problem's id or hint). */
function words(lang: Lang, id: string, data: unknown): string {
  return hasMessage(id) ? (t as (l: Lang, i: string, d?: unknown) => string)(lang, id, data) : id;
}

/**
 * One problem of an input as the lines stderr shows: where (file:line:column), what, and on a
 * line of its own what to type instead — in the user's language. A problem not yet in the
 * catalogue prints its English message.
 */
export function problemLines(p: InputProblem, lang: Lang): string[] {
  // A workbook's problem names its cell (`facts.xlsx 事实!D12`), a text file's its line:column.
  // The file's name is from outside: a newline or ESC in it is shown escaped (src/text/safe.ts).
  const file = p.file === undefined ? undefined : safeText(p.file);
  const where = p.cell ? [file, p.cell].filter(Boolean).join(' ') : [file, p.line !== undefined ? `${p.line}:${p.column ?? 1}` : undefined].filter(Boolean).join(':');
  const message = p.id ? words(lang, p.id, p.data) : p.message;
  // Where there is no line (a rule that failed while evaluating): the place in the document by its pointer.
  const pointer = p.pointer && p.line === undefined && !p.cell && (!p.id || p.id.startsWith('input.rule.')) ? t(lang, 'input.label.at', { pointer: p.pointer }) : '';
  const label = t(lang, p.severity === 'warning' ? 'input.label.warning' : 'input.label.error');
  const out = [`${label}: ${where ? where + ': ' : ''}${message}${pointer}`];
  if (p.hint) out.push(`  ${t(lang, 'input.label.fix')}: ${words(lang, p.hint.id, p.hint.data)}`);
  else if (p.expected && !p.id && !p.message.includes(p.expected)) out.push(`  ${t(lang, 'input.label.expected')}: ${p.expected}`);
  return out;
}

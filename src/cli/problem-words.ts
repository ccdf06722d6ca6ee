// The words of an input problem are the library's too (assessInput's warnings): src/messages/problems.ts.
import type { InputProblem } from '../errors.js';
import { hasMessage, t } from '../messages/catalogue.js';
import type { Lang } from '../messages/types.js';
export { problemLines } from '../messages/problems.js';

/** A problem's words in `lang` (its English message where it has no catalogue id). */
export function problemMessage(p: InputProblem, lang: Lang): string {
  return p.id && hasMessage(p.id) ? (t as (l: Lang, i: string, d?: unknown) => string)(lang, p.id, p.data) : p.message;
}

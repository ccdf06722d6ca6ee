import type { InvalidInput } from '../packs/summary.js';
import { t } from '../messages/catalogue.js';

/** The label of an error's line, in each language the message may be in. */
const ERROR_LABELS = (['zh', 'en'] as const).map((lang) => `${t(lang, 'input.label.error')}: `);

/** An input that could not be assessed, as a batch report's line says it: where, why, and what to do. */
export interface InvalidWords {
  /** The file and line of the problem (`p/x/facts.json:2:1`), or the input where the message names none. */
  place: string;
  /** The message's first line, after its place. */
  reason: string;
  /** The lines after it (`改为: …`), unindented: what to type instead. */
  more: string[];
}

/**
 * The place once. An input's message begins with where its problem is (describeError), which
 * for a facts file is the input itself — `a.json: a.json:2:1: …` said it twice — and for a pack
 * a file inside it (`p/x: p/x/facts.json:2:1: …`): that place, which names the input, stands
 * alone. A message that begins otherwise (a pack that cannot be read at all) keeps the input
 * before it.
 */
export function invalidWords(bad: InvalidInput): InvalidWords {
  const [first = '', ...rest] = bad.message.split('\n');
  // The row already says the input could not be assessed, and the message's first problem comes
  // without its "错误:": each later one's is left off too, so that they read alike. A warning
  // among them keeps its "警告:".
  const more = rest
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const label = ERROR_LABELS.find((x) => l.startsWith(x));
      return label ? l.slice(label.length) : l;
    });
  for (const place of placesOf(bad)) {
    if (place && first.startsWith(place + ': ') && names(place, bad.input)) return { place, reason: first.slice(place.length + 2), more };
  }
  return { place: bad.input, reason: first, more };
}

/** Where the message may say the problem is: the file and cell, or line (and column), of `where`, then the input. */
function placesOf(bad: InvalidInput): string[] {
  const w = bad.where;
  const places: string[] = [];
  if (w) {
    // A workbook's problem is placed by its cell, after the file (`a.xlsx 事实!D12`: error-words.ts).
    if (w.cell) places.push(`${w.file} ${w.cell}`);
    if (w.line !== undefined && w.column !== undefined) places.push(`${w.file}:${w.line}:${w.column}`);
    if (w.line !== undefined) places.push(`${w.file}:${w.line}`);
    places.push(w.file);
  }
  places.push(bad.input);
  return places;
}

/** Whether a place names the input: the input itself (with a line, or a workbook's cell), or a file inside it. */
function names(place: string, input: string): boolean {
  return place === input || place.startsWith(input + ':') || place.startsWith(input + ' ') || place.startsWith(input + '/') || place.startsWith(input + '\\');
}

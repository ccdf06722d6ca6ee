import type { InvalidInput } from '../packs/summary.js';

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
  const more = rest.map((l) => l.trim()).filter(Boolean);
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

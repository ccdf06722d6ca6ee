import type { AssessResult, ItemChange, Lang } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';
import { FILL } from './sheet.js';
import { WRAP_TOP } from './rectification.js';
import { boundWidths, fillLook, headerRow, measureWidths, PERCENT, scoreBars, tableSheet, Table, widest, type Look, type ReportBook, type Value } from './writer.js';
import { stateWord, verdictWord, word } from './words.js';

const BOLD: Look = { font: { bold: true } };

/** A row of 本期进展 as made where its area is assessed: an area's own line (`summary`), or an item's change (`kind`: index in KINDS). */
export interface ProgressRow {
  values: Value[];
  summary?: true;
  kind?: number;
}

const KINDS = [
  ['newlyMet', 'xlsx.newlyMet', FILL.pass],
  ['newlyFailed', 'xlsx.newlyFailed', FILL.fail],
  ['stillOpen', 'xlsx.stillOpen', FILL.missing],
] as const;

/** One area's rows of 本期进展 (none without --baseline): verdict and score then and now, then each item newly met, newly failed or still open. */
export function progressRows(r: AssessResult, lang: Lang): ProgressRow[] {
  const p = r.progress;
  if (!p) return [];
  const area = r.area.name ?? r.input ?? t(lang, 'xlsx.unnamedArea');
  const rows: ProgressRow[] = [{ summary: true, values: [area, t(lang, 'xlsx.score'), '', '', '', `${p.verdict.before ? verdictWord(lang, p.verdict.before as never) : '—'} → ${verdictWord(lang, p.verdict.after as never)}`, p.score.before ?? null, p.score.after] }];
  KINDS.forEach(([key, kind], k) => {
    for (const c of p[key] as ItemChange[]) rows.push({ kind: k, values: [area, t(lang, kind), c.aspect, c.content ?? '', c.number, c.text, c.before ? stateWord(lang, c.before) : '—', stateWord(lang, c.after)] });
  });
  return rows;
}

/** The widest a column of the sheet is made (longer text wraps): each area's rows need be measured no further. */
export const PROGRESS_WIDEST = 50;

function headerOf(lang: Lang): string[] {
  return ['xlsx.area', 'xlsx.change', 'xlsx.aspect', 'xlsx.content', 'xlsx.number', 'xlsx.text', 'xlsx.before', 'xlsx.after'].map((id) => word(lang, id as `xlsx.${string}`));
}

/**
 * Sheet 本期进展 (--baseline): per area, each item newly met, newly failed or still open, with the
 * states before and now — every area's rows (progressRows) in turn, `measured` their widths
 * (measureWidths, widened together). Absent where no area was compared (`rows` is empty).
 */
export async function progressSheet(book: ReportBook, lang: Lang, rows: Iterable<ProgressRow>, measured: readonly number[], rowsPerSheet?: number): Promise<void> {
  if (!measured.length) return;
  const header = headerOf(lang);
  // Each area's own line: verdict and score then and now, the scores as percentages with a bar.
  const summaryCells: (Look | undefined)[] = [undefined, undefined, undefined, undefined, undefined, undefined, PERCENT, PERCENT];
  const widths = boundWidths(widest(measureWidths([headerRow(header)]), measured), 8, PROGRESS_WIDEST);
  // Past a sheet's rows, 本期进展（2） and on (Table).
  const sheet = await Table.start((name) => tableSheet(book, name, header.length, { freezeColumns: 2, widths, fitHeightsFrom: 2 }), '本期进展', headerRow(header), rowsPerSheet);
  for (const row of rows) {
    if (!row.summary) {
      await sheet.add({ values: row.values, look: WRAP_TOP, cells: [undefined, fillLook(KINDS[row.kind!][2])] });
      continue;
    }
    const n = await sheet.add({ values: row.values, look: BOLD, cells: summaryCells });
    scoreBars(sheet.current, 7, n, n);
    scoreBars(sheet.current, 8, n, n);
  }
}

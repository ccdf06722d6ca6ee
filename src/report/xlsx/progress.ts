import type { AssessResult, ItemChange, Lang } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';
import { FILL } from './sheet.js';
import { WRAP_TOP } from './rectification.js';
import { fillLook, fitWidths, headerRow, PERCENT, scoreBars, tableSheet, type Look, type ReportBook, type RowSpec } from './writer.js';
import { stateWord, verdictWord, word } from './words.js';

const BOLD: Look = { font: { bold: true } };

/** Sheet 本期进展 (--baseline): per area, each item newly met, newly failed or still open, with the states before and now. */
export async function progressSheet(book: ReportBook, results: AssessResult[], lang: Lang): Promise<void> {
  const withProgress = results.filter((r) => r.progress);
  if (!withProgress.length) return;
  const header = ['xlsx.area', 'xlsx.change', 'xlsx.aspect', 'xlsx.content', 'xlsx.number', 'xlsx.text', 'xlsx.before', 'xlsx.after'].map((id) => word(lang, id as `xlsx.${string}`));
  const kinds = [
    ['newlyMet', 'xlsx.newlyMet', FILL.pass],
    ['newlyFailed', 'xlsx.newlyFailed', FILL.fail],
    ['stillOpen', 'xlsx.stillOpen', FILL.missing],
  ] as const;
  // Each area's own line: verdict and score then and now, the scores as percentages with a bar.
  const summaryCells: (Look | undefined)[] = [undefined, undefined, undefined, undefined, undefined, undefined, PERCENT, PERCENT];
  function* rows(): Generator<RowSpec & { summary?: boolean }> {
    for (const r of withProgress) {
      const p = r.progress!;
      const area = r.area.name ?? r.input ?? t(lang, 'xlsx.unnamedArea');
      yield { summary: true, values: [area, t(lang, 'xlsx.score'), '', '', '', `${p.verdict.before ? verdictWord(lang, p.verdict.before as never) : '—'} → ${verdictWord(lang, p.verdict.after as never)}`, p.score.before ?? null, p.score.after], look: BOLD, cells: summaryCells };
      for (const [key, kind, fill] of kinds) {
        for (const c of p[key] as ItemChange[]) {
          yield { values: [area, t(lang, kind), c.aspect, c.content ?? '', c.number, c.text, c.before ? stateWord(lang, c.before) : '—', stateWord(lang, c.after)], look: WRAP_TOP, cells: [undefined, fillLook(fill)] };
        }
      }
    }
  }
  const sheet = tableSheet(book, '本期进展', header.length, { freezeColumns: 2, widths: fitWidths([headerRow(header), ...rows()], 8, 50), fitHeightsFrom: 2 });
  await sheet.add(headerRow(header));
  for (const row of rows()) {
    const n = await sheet.add(row);
    if (row.summary) {
      scoreBars(sheet, 7, n, n);
      scoreBars(sheet, 8, n, n);
    }
  }
}

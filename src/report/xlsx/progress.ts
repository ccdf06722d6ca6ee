import type { Workbook } from 'exceljs';
import type { AssessResult, ItemChange, Lang } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';
import { FILL, fillCell, fitColumns, fitRowHeights, scoreBars, tableSheet } from './sheet.js';
import { stateWord, verdictWord, word } from './words.js';

/** Sheet 本期进展 (--baseline): per area, each item newly met, newly failed or still open, with the states before and now. */
export function progressSheet(book: Workbook, results: AssessResult[], lang: Lang): void {
  const withProgress = results.filter((r) => r.progress);
  if (!withProgress.length) return;
  const header = ['xlsx.area', 'xlsx.change', 'xlsx.aspect', 'xlsx.content', 'xlsx.number', 'xlsx.text', 'xlsx.before', 'xlsx.after'].map((id) => word(lang, id as `xlsx.${string}`));
  const sheet = tableSheet(book, '本期进展', header, { freezeColumns: 2 });
  const kinds = [
    ['newlyMet', 'xlsx.newlyMet', FILL.pass],
    ['newlyFailed', 'xlsx.newlyFailed', FILL.fail],
    ['stillOpen', 'xlsx.stillOpen', FILL.missing],
  ] as const;
  for (const r of withProgress) {
    const p = r.progress!;
    const area = r.area.name ?? r.input ?? t(lang, 'xlsx.unnamedArea');
    // The area's own line first: verdict and score then and now.
    const summary = sheet.addRow([area, t(lang, 'xlsx.score'), '', '', '', `${p.verdict.before ? verdictWord(lang, p.verdict.before as never) : '—'} → ${verdictWord(lang, p.verdict.after as never)}`, p.score.before, p.score.after]);
    summary.font = { bold: true };
    scoreBars(sheet, 7, summary.number, summary.number);
    scoreBars(sheet, 8, summary.number, summary.number);
    for (const [key, word, fill] of kinds) {
      for (const c of p[key] as ItemChange[]) {
        const row = sheet.addRow([area, t(lang, word), c.aspect, c.content ?? '', c.number, c.text, c.before ? stateWord(lang, c.before) : '—', stateWord(lang, c.after)]);
        fillCell(row.getCell(2), fill);
        row.alignment = { vertical: 'top', wrapText: true };
      }
    }
  }
  fitColumns(sheet, 8, 50);
  fitRowHeights(sheet);
}

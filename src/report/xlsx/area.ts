import type { Workbook } from 'exceljs';
import type { AssessResult, Lang } from '../../assess/types.js';
import { factsOf, whyOf } from '../facts.js';
import { t } from '../../messages/catalogue.js';
import { placeOf } from '../labels.js';
import { FILL, fillCell, fitColumns, fitRowHeights, printSetup, scoreBars, tableSheet } from './sheet.js';
import { actualInWords, stateWord, verdictWord, vetoWord, word } from './words.js';

/** Sheet 结论: who, when, by which standard, the verdict; the score per 项目 with bars; the negative list. */
export function conclusionSheet(book: Workbook, r: AssessResult, lang: Lang): void {
  const sheet = book.addWorksheet('结论');
  const label = (id: `xlsx.${string}`) => word(lang, id);
  const head: [string, string | number][] = [
    [label('xlsx.area'), r.area.name ?? t(lang, 'xlsx.unnamedArea')],
    [label('xlsx.period'), r.period ?? ''],
    [label('xlsx.standard'), `${r.standard.title}（${r.standard.id}@${r.standard.version}）`],
    [label('xlsx.verdict'), verdictWord(lang, r.verdict)],
    [label('xlsx.score'), r.score],
  ];
  for (const [k, v] of head) sheet.addRow([k, v]).getCell(1).font = { bold: true };
  fillCell(sheet.getCell(4, 2), FILL[r.verdict]);
  sheet.getCell(4, 2).font = { bold: true };
  sheet.getCell(5, 2).numFmt = '0.0%';
  if (r.area.code) sheet.getCell(1, 2).note = r.area.code;

  sheet.addRow([]);
  const aspectsHeader = sheet.addRow([label('xlsx.aspect'), label('xlsx.met'), label('xlsx.applicable'), label('xlsx.score')]);
  aspectsHeader.font = { bold: true };
  aspectsHeader.eachCell((c) => fillCell(c, 'FFDCE6F1'));
  const first = sheet.rowCount + 1;
  for (const a of r.aspects) sheet.addRow([a.name, a.met, a.applicable, a.score]);
  const met = r.aspects.reduce((n, a) => n + a.met, 0);
  const applicable = r.aspects.reduce((n, a) => n + a.applicable, 0);
  const total = sheet.addRow([t(lang, 'xlsx.total'), met, applicable, r.score]);
  total.font = { bold: true };
  scoreBars(sheet, 4, first, sheet.rowCount);

  if (r.vetoes.length) {
    sheet.addRow([]);
    sheet.addRow([label('xlsx.negativeList')]).font = { bold: true };
    const vh = sheet.addRow([label('xlsx.number'), label('xlsx.text'), label('xlsx.state'), label('xlsx.reason')]);
    vh.font = { bold: true };
    vh.eachCell((c) => fillCell(c, 'FFDCE6F1'));
    for (const v of r.vetoes) {
      const row = sheet.addRow([v.number, v.text, vetoWord(lang, v.state), whyOf(v, lang, factsOf(r, {}))]);
      fillCell(row.getCell(3), v.state === 'triggered' ? FILL.veto : v.state === 'missing' ? FILL.missing : FILL.pass);
      row.alignment = { vertical: 'top', wrapText: true };
    }
  }
  fitColumns(sheet, 8, 70);
  sheet.getColumn(1).width = Math.max(sheet.getColumn(1).width ?? 0, 12);
  fitRowHeights(sheet, 1);
  printSetup(sheet, false);
}

/** Sheet 工作标准: every item, its state in words and colour, what was read, why, who is responsible. */
export function itemsSheet(book: Workbook, r: AssessResult, lang: Lang): void {
  const header = ['xlsx.aspect', 'xlsx.content', 'xlsx.number', 'xlsx.text', 'xlsx.state', 'xlsx.actual', 'xlsx.reason', 'xlsx.responsible'].map((id) => word(lang, id as `xlsx.${string}`));
  const sheet = tableSheet(book, '工作标准', header);
  for (const i of r.items) {
    const row = sheet.addRow([i.aspect, i.content ?? '', i.number, i.text, stateWord(lang, i.state), actualInWords(lang, i.actual), whyOf(i, lang, factsOf(r, {})), i.responsible.join('、')]);
    fillCell(row.getCell(5), FILL[i.state as keyof typeof FILL]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  fitColumns(sheet, 6, 50);
  fitRowHeights(sheet);
}

export { placeOf };

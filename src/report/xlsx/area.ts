import type { AssessResult, Lang } from '../../assess/types.js';
import { factsOf, whyOf } from '../facts.js';
import { t } from '../../messages/catalogue.js';
import { placeOf } from '../labels.js';
import { FILL, FOOTER, pageSetupOf } from './sheet.js';
import { WRAP_TOP } from './rectification.js';
import { fillLook, fitWidths, headerRow, over, PERCENT, scoreBars, tableSheet, type Look, type ReportBook, type RowSpec } from './writer.js';
import { actualInWords, stateWord, verdictWord, vetoWord, word } from './words.js';

const BOLD: Look = { font: { bold: true } };
const PALE = fillLook('FFDCE6F1')!;

/** Sheet 结论: who, when, by which standard, the verdict; the score per 项目 with bars; the negative list. */
export async function conclusionSheet(book: ReportBook, r: AssessResult, lang: Lang): Promise<void> {
  const label = (id: `xlsx.${string}`) => word(lang, id);
  const rows: RowSpec[] = [
    { values: [label('xlsx.area'), r.area.name ?? t(lang, 'xlsx.unnamedArea')], cells: [BOLD], ...(r.area.code ? { notes: [undefined, r.area.code] } : {}) },
    { values: [label('xlsx.period'), r.period ?? ''], cells: [BOLD] },
    { values: [label('xlsx.standard'), `${r.standard.title}（${r.standard.id}@${r.standard.version}）`], cells: [BOLD] },
    { values: [label('xlsx.verdict'), verdictWord(lang, r.verdict)], cells: [BOLD, over(fillLook(FILL[r.verdict]) ?? {}, BOLD)] },
    { values: [label('xlsx.score'), r.score], cells: [BOLD, PERCENT] },
    { values: [] },
  ];
  const pale = (n: number) => Array.from({ length: n }, () => PALE);
  rows.push({ values: [label('xlsx.aspect'), label('xlsx.met'), label('xlsx.applicable'), label('xlsx.score')], look: BOLD, cells: pale(4) });
  const first = rows.length + 1;
  for (const a of r.aspects) rows.push({ values: [a.name, a.met, a.applicable, a.score], cells: [undefined, undefined, undefined, PERCENT] });
  const met = r.aspects.reduce((n, a) => n + a.met, 0);
  const applicable = r.aspects.reduce((n, a) => n + a.applicable, 0);
  rows.push({ values: [t(lang, 'xlsx.total'), met, applicable, r.score], look: BOLD, cells: [undefined, undefined, undefined, PERCENT] });
  const last = rows.length;
  if (r.vetoes.length) {
    rows.push({ values: [] });
    // (as wide as the table beneath, its empty cells bold too, as the workbook held whole had them)
    rows.push({ values: [label('xlsx.negativeList'), null, null, null], look: BOLD });
    rows.push({ values: [label('xlsx.number'), label('xlsx.text'), label('xlsx.state'), label('xlsx.reason')], look: BOLD, cells: pale(4) });
    for (const v of r.vetoes) {
      const fill = fillLook(v.state === 'triggered' ? FILL.veto : v.state === 'missing' ? FILL.missing : FILL.pass);
      rows.push({ values: [v.number, v.text, vetoWord(lang, v.state), whyOf(v, lang, factsOf(r, {}))], look: WRAP_TOP, cells: [undefined, undefined, fill] });
    }
  }
  const widths = fitWidths(rows, 8, 70);
  widths[0] = Math.max(widths[0] ?? 0, 12);
  const sheet = book.sheet('结论', { pageSetup: pageSetupOf(false), headerFooter: { ...FOOTER }, widths, fitHeightsFrom: 1 });
  for (const row of rows) await sheet.add(row);
  scoreBars(sheet, 4, first, last);
}

/** Sheet 工作标准: every item, its state in words and colour, what was read, why, who is responsible. */
export async function itemsSheet(book: ReportBook, r: AssessResult, lang: Lang): Promise<void> {
  const header = ['xlsx.aspect', 'xlsx.content', 'xlsx.number', 'xlsx.text', 'xlsx.state', 'xlsx.actual', 'xlsx.reason', 'xlsx.responsible'].map((id) => word(lang, id as `xlsx.${string}`));
  const facts = factsOf(r, {});
  const rows: RowSpec[] = r.items.map((i) => ({
    values: [i.aspect, i.content ?? '', i.number, i.text, stateWord(lang, i.state), actualInWords(lang, i.actual), whyOf(i, lang, facts), i.responsible.join('、')],
    look: WRAP_TOP,
    cells: [undefined, undefined, undefined, undefined, fillLook(FILL[i.state as keyof typeof FILL])],
  }));
  const sheet = tableSheet(book, '工作标准', header.length, { widths: fitWidths([headerRow(header), ...rows], 6, 50), fitHeightsFrom: 2 });
  await sheet.add(headerRow(header));
  for (const row of rows) await sheet.add(row);
}

export { placeOf };

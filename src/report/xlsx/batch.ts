import type { Workbook } from 'exceljs';
import type { AssessResult, Lang, Verdict } from '../../assess/types.js';
import { isOpen } from '../../assess/open.js';
import { t } from '../../messages/catalogue.js';
import type { BatchSummary } from '../../packs/summary.js';
import { placeOf } from '../labels.js';
import { FILL, fillCell, fitColumns, scoreBars, tableSheet } from './sheet.js';
import { stateWord, verdictWord } from './words.js';

const rank = (v: Verdict) => (v === 'veto' ? 0 : v === 'fail' ? 1 : 2);

/** Areas worst first: 否决, then 不达标, then 达标; by score within each; input order on ties. */
export function worstFirst(results: AssessResult[]): AssessResult[] {
  return results.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r.verdict) - rank(b.r.verdict) || a.r.score - b.r.score || a.i - b.i).map((x) => x.r);
}

const areaName = (r: AssessResult, lang: Lang) => r.area.name ?? r.input ?? t(lang, 'xlsx.unnamedArea');

/** Sheet 总览: one row per area — verdict, score, each 项目's score, vetoes, open items — filterable; inputs that could not be assessed at the end. */
export function overviewSheet(book: Workbook, results: AssessResult[], lang: Lang, summary?: BatchSummary): void {
  const aspects: string[] = [];
  for (const r of results) for (const a of r.aspects) if (!aspects.includes(a.name)) aspects.push(a.name);
  const header = [t(lang, 'xlsx.area'), t(lang, 'xlsx.period'), t(lang, 'xlsx.verdict'), t(lang, 'xlsx.score'), ...aspects, t(lang, 'xlsx.vetoes'), t(lang, 'xlsx.open'), t(lang, 'xlsx.input')];
  const sheet = tableSheet(book, '总览', header, { freezeColumns: 1 });
  const sorted = worstFirst(results);
  for (const r of sorted) {
    const scores = aspects.map((name) => r.aspects.find((a) => a.name === name)?.score ?? null);
    const vetoes = r.vetoes.filter((v) => v.state === 'triggered').map((v) => v.number).join('、');
    const row = sheet.addRow([areaName(r, lang), r.period ?? '', verdictWord(lang, r.verdict), r.score, ...scores, vetoes, r.items.filter(isOpen).length, r.input ?? '']);
    fillCell(row.getCell(3), FILL[r.verdict]);
  }
  for (const bad of summary?.invalid ?? []) {
    const row = sheet.addRow([bad.input, '', t(lang, 'xlsx.invalid'), null, ...aspects.map(() => null), '', null, bad.message]);
    fillCell(row.getCell(3), FILL.missing);
  }
  for (let c = 4; c < 5 + aspects.length; c++) scoreBars(sheet, c, 2, sorted.length + 1);
  fitColumns(sheet, 8, 40);
}

const SYMBOL: Record<string, string> = { pass: '✓', fail: '✗', missing: '?', unsupported: '!', not_applicable: '—', pending: '…' };
const COLOUR: Record<string, string> = { pass: 'FF006100', fail: 'FF9C0006', missing: 'FF9C5700', unsupported: 'FF9C0006', not_applicable: 'FF808080', pending: 'FF1F4E79' };

/** Sheet 矩阵: areas × items, each state a coloured symbol (✓ ✗ ? ! —), the header naming 项目 and place; a legend beneath. */
export function matrixSheet(book: Workbook, results: AssessResult[], lang: Lang): void {
  const columns: { id: string; label: string; text: string }[] = [];
  const seen = new Set<string>();
  for (const r of results) {
    for (const i of r.items) {
      if (seen.has(i.id)) continue;
      seen.add(i.id);
      columns.push({ id: i.id, label: `${i.aspect} ${placeOf(i)}`, text: i.text });
    }
  }
  const sheet = tableSheet(book, '矩阵', [t(lang, 'xlsx.area'), t(lang, 'xlsx.verdict'), ...columns.map((c) => c.label)], { freezeColumns: 2 });
  const head = sheet.getRow(1);
  head.height = 90;
  columns.forEach((c, k) => {
    const cell = head.getCell(k + 3);
    cell.alignment = { textRotation: 90, vertical: 'bottom', horizontal: 'center' };
    cell.note = c.text;
  });
  for (const r of worstFirst(results)) {
    const states = new Map(r.items.map((i) => [i.id, i.state as string]));
    const row = sheet.addRow([areaName(r, lang), verdictWord(lang, r.verdict), ...columns.map((c) => (states.has(c.id) ? SYMBOL[states.get(c.id)!] ?? states.get(c.id)! : ''))]);
    fillCell(row.getCell(2), FILL[r.verdict]);
    columns.forEach((c, k) => {
      const s = states.get(c.id);
      if (!s) return;
      const cell = row.getCell(k + 3);
      cell.font = { bold: true, color: { argb: COLOUR[s] ?? 'FF000000' } };
      cell.alignment = { horizontal: 'center' };
      fillCell(cell, FILL[s as keyof typeof FILL]);
    });
  }
  sheet.addRow([]);
  // The legend: the symbols that appear.
  const shown = new Set(results.flatMap((r) => r.items.map((i) => i.state as string)));
  for (const s of Object.keys(SYMBOL).filter((k) => shown.has(k))) {
    const row = sheet.addRow([SYMBOL[s], stateWord(lang, s)]);
    row.getCell(1).font = { bold: true, color: { argb: COLOUR[s] } };
  }
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 10;
  for (let c = 3; c < 3 + columns.length; c++) sheet.getColumn(c).width = 4;
}

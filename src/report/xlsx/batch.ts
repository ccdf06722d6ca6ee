import type { AssessResult, Lang, Verdict } from '../../assess/types.js';
import { isOpen } from '../../assess/open.js';
import { t } from '../../messages/catalogue.js';
import type { BatchSummary } from '../../packs/summary.js';
import { placeOf } from '../labels.js';
import { FILL } from './sheet.js';
import { fillLook, fitWidths, headerRow, PERCENT, scoreBars, tableSheet, type Look, type ReportBook, type RowSpec } from './writer.js';
import { stateWord, verdictWord } from './words.js';

const rank = (v: Verdict) => (v === 'veto' ? 0 : v === 'fail' ? 1 : 2);

/** Areas worst first: 否决, then 不达标, then 达标; by score within each; input order on ties. */
export function worstFirst(results: AssessResult[]): AssessResult[] {
  return results.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r.verdict) - rank(b.r.verdict) || a.r.score - b.r.score || a.i - b.i).map((x) => x.r);
}

const areaName = (r: AssessResult, lang: Lang) => r.area.name ?? r.input ?? t(lang, 'xlsx.unnamedArea');

/** Sheet 总览: one row per area — verdict, score, each 项目's score, vetoes, open items — filterable; inputs that could not be assessed at the end. */
export async function overviewSheet(book: ReportBook, results: AssessResult[], sorted: AssessResult[], lang: Lang, summary?: BatchSummary): Promise<void> {
  // Columns in the order the areas came (input order), rows worst first.
  const aspects: string[] = [];
  const known = new Set<string>();
  for (const r of results) for (const a of r.aspects) if (!known.has(a.name)) known.add(a.name), aspects.push(a.name);
  const header = [t(lang, 'xlsx.area'), t(lang, 'xlsx.period'), t(lang, 'xlsx.verdict'), t(lang, 'xlsx.score'), ...aspects, t(lang, 'xlsx.vetoes'), t(lang, 'xlsx.open'), t(lang, 'xlsx.input')];
  // Score cells (得分 and each 项目's) as percentages; the verdict on its colour.
  const scored = (fill: Look | undefined): (Look | undefined)[] => [undefined, undefined, fill, PERCENT, ...aspects.map(() => PERCENT)];
  function* rows(): Generator<RowSpec> {
    for (const r of sorted) {
      const scores = aspects.map((name) => r.aspects.find((a) => a.name === name)?.score ?? null);
      const vetoes = r.vetoes.filter((v) => v.state === 'triggered').map((v) => v.number).join('、');
      yield { values: [areaName(r, lang), r.period ?? '', verdictWord(lang, r.verdict), r.score, ...scores, vetoes, r.items.filter(isOpen).length, r.input ?? ''], cells: scored(fillLook(FILL[r.verdict])) };
    }
    for (const bad of summary?.invalid ?? []) {
      yield { values: [bad.input, '', t(lang, 'xlsx.invalid'), null, ...aspects.map(() => null), '', null, bad.message], cells: [undefined, undefined, fillLook(FILL.missing)] };
    }
  }
  const sheet = tableSheet(book, '总览', header.length, { freezeColumns: 1, widths: fitWidths([headerRow(header), ...rows()], 8, 40) });
  await sheet.add(headerRow(header));
  for (const row of rows()) await sheet.add(row);
  for (let c = 4; c < 5 + aspects.length; c++) scoreBars(sheet, c, 2, sorted.length + 1);
}

const SYMBOL: Record<string, string> = { pass: '✓', fail: '✗', missing: '?', unsupported: '!', not_applicable: '—', pending: '…' };
const COLOUR: Record<string, string> = { pass: 'FF006100', fail: 'FF9C0006', missing: 'FF9C5700', unsupported: 'FF9C0006', not_applicable: 'FF808080', pending: 'FF1F4E79' };

const stateLooks = new Map<string, Look>();
/** A state's symbol: bold, in its colour, centred, on its fill. */
function stateLook(s: string): Look {
  let look = stateLooks.get(s);
  if (!look) stateLooks.set(s, (look = { font: { bold: true, color: { argb: COLOUR[s] ?? 'FF000000' } }, alignment: { horizontal: 'center' }, ...fillLook(FILL[s as keyof typeof FILL]) }));
  return look;
}
const ROTATED: Look = { alignment: { textRotation: 90, vertical: 'bottom', horizontal: 'center' } };

/** Sheet 矩阵: areas × items, each state a coloured symbol (✓ ✗ ? ! —), the header naming 项目 and place; a legend beneath. */
export async function matrixSheet(book: ReportBook, results: AssessResult[], sorted: AssessResult[], lang: Lang): Promise<void> {
  const columns: { id: string; label: string; text: string }[] = [];
  const seen = new Map<string, number>();
  const shown = new Set<string>();
  for (const r of results) {
    for (const i of r.items) {
      shown.add(i.state);
      if (seen.has(i.id)) continue;
      seen.set(i.id, columns.length);
      columns.push({ id: i.id, label: `${i.aspect} ${placeOf(i)}`, text: i.text });
    }
  }
  const header = [t(lang, 'xlsx.area'), t(lang, 'xlsx.verdict'), ...columns.map((c) => c.label)];
  const sheet = tableSheet(book, '矩阵', header.length, { freezeColumns: 2, widths: [18, 10, ...columns.map(() => 4)] });
  await sheet.add({ ...headerRow(header, [undefined, undefined, ...columns.map(() => ROTATED)]), notes: [undefined, undefined, ...columns.map((c) => c.text)], height: 90 });
  for (const r of sorted) {
    const values: (string | null)[] = [areaName(r, lang), verdictWord(lang, r.verdict), ...columns.map(() => '')];
    const cells: (Look | undefined)[] = [undefined, fillLook(FILL[r.verdict])];
    for (const i of r.items) {
      const k = seen.get(i.id)! + 2;
      values[k] = SYMBOL[i.state] ?? i.state;
      cells[k] = stateLook(i.state);
    }
    await sheet.add({ values, cells });
  }
  await sheet.add({ values: [] });
  // The legend: the symbols that appear.
  for (const s of Object.keys(SYMBOL).filter((k) => shown.has(k))) {
    await sheet.add({ values: [SYMBOL[s], stateWord(lang, s)], cells: [{ font: { bold: true, color: { argb: COLOUR[s] } } }] });
  }
}

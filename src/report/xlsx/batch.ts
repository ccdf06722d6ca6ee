import type { AssessResult, Lang, Verdict } from '../../assess/types.js';
import { isOpen } from '../../assess/open.js';
import { t } from '../../messages/catalogue.js';
import type { BatchSummary, InvalidInput } from '../../packs/summary.js';
import { invalidWords } from '../invalid-words.js';
import { placeOf } from '../labels.js';
import { FILL } from './sheet.js';
import { WRAP_TOP } from './rectification.js';
import { boundWidths, fillLook, headerRow, measureWidths, PERCENT, scoreBars, tableSheet, widest, type Look, type ReportBook, type RowSpec } from './writer.js';
import { stateWord, verdictWord } from './words.js';

const rank = (v: Verdict) => (v === 'veto' ? 0 : v === 'fail' ? 1 : 2);

/** Areas worst first, as indices: 否决, then 不达标, then 达标; by score within each; input order on ties. */
export function worstFirst(results: Pick<AssessResult, 'verdict' | 'score'>[]): number[] {
  return results.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r.verdict) - rank(b.r.verdict) || a.r.score - b.r.score || a.i - b.i).map((x) => x.i);
}

const areaName = (r: AssessResult, lang: Lang) => r.area.name ?? r.input ?? t(lang, 'xlsx.unnamedArea');

/** An area's row of 总览 (and the head of its row of 矩阵), made where it is assessed (plain data). */
export interface AreaRow {
  name: string;
  period: string;
  verdict: Verdict;
  score: number;
  /** Each 项目's score, by name. */
  aspects: [string, number][];
  /** The negative-list items triggered, by number. */
  vetoes: string;
  open: number;
  input: string;
}

/**
 * 矩阵: an area's items — their ids (one list for every area of a standard) and each one's state,
 * as an index into the area's distinct states (`shown`, shownOf) a character each (statesOf):
 * read back with no string or array made per item.
 */
export interface ItemStates {
  ids: readonly string[];
  shown: readonly string[];
  codes: string;
}

/** Each item's state as a character: `0` for the area's first distinct state (shown[0]), `1` for the next, … */
export function statesOf(items: AssessResult['items'], shown: readonly string[]): string {
  let codes = '';
  for (const i of items) codes += String.fromCharCode(48 + shown.indexOf(i.state));
  return codes;
}


export function areaRow(r: AssessResult, lang: Lang): AreaRow {
  return {
    name: areaName(r, lang),
    period: r.period ?? '',
    verdict: r.verdict,
    score: r.score,
    aspects: r.aspects.map((a) => [a.name, a.score]),
    vetoes: r.vetoes.filter((v) => v.state === 'triggered').map((v) => v.number).join('、'),
    open: r.items.filter(isOpen).length,
    input: r.input ?? '',
  };
}

/** A column of 矩阵: an item, headed by its 项目 and place, its text in the header's note. */
export interface MatrixColumn {
  id: string;
  label: string;
  text: string;
}

/** Every item of the area as a column of 矩阵 (the batch's columns are the first area's that has each id). */
export function matrixColumns(items: AssessResult['items']): MatrixColumn[] {
  return items.map((i) => ({ id: i.id, label: `${i.aspect} ${placeOf(i)}`, text: i.text }));
}

/**
 * What the batch's 总览 and 矩阵 are laid out by, from each area's row (areaRow) in input order:
 * the 项目 columns (in the order the areas came), the item columns (each id the first time it is
 * seen, from the area's columns: one list for the areas of one standard, looked through once).
 */
export function batchColumns(rows: Iterable<{ aspects: AreaRow['aspects']; columns: readonly MatrixColumn[] }>) {
  const aspects: string[] = [];
  const known = new Set<string>();
  const columns: MatrixColumn[] = [];
  const seen = new Map<string, number>();
  let last: readonly MatrixColumn[] | undefined;
  for (const r of rows) {
    for (const [name] of r.aspects) if (!known.has(name)) known.add(name), aspects.push(name);
    if (r.columns === last) continue;
    last = r.columns;
    for (const c of r.columns) {
      if (seen.has(c.id)) continue;
      seen.set(c.id, columns.length);
      columns.push(c);
    }
  }
  return { aspects, columns, seen };
}

/** An area's distinct item states, for 矩阵's legend (batchColumns). */
export function shownOf(items: AssessResult['items']): string[] {
  const states: string[] = [];
  for (const i of items) if (!states.includes(i.state)) states.push(i.state);
  return states;
}

/** Columns of 总览 an area's row fills whatever its 项目: 地区, 期间, 结论, 得分, then after the 项目 否决项, 未达标, 输入. */
const FIXED = 7;

/**
 * An area's widths in 总览, measured where it is assessed (as its rows of 整改台账 are): its fixed
 * columns' (FIXED), then each of its 项目's score's, in its aspects' order.
 */
export function overviewWidths(r: AreaRow, lang: Lang): number[] {
  return [...measureWidths([{ values: [r.name, r.period, verdictWord(lang, r.verdict), r.score, r.vetoes, r.open, r.input] }]), ...measureWidths([{ values: r.aspects.map(([, score]) => score) }])];
}

/**
 * 总览's column widths, from each area's (overviewWidths) as the pass that lays the batch out
 * reads them: the 项目 columns by name, as their order is known only once every area is seen.
 */
export class OverviewWidths {
  private readonly fixed: number[] = [];
  private readonly aspects = new Map<string, number>();

  add(r: AreaRow, measured: readonly number[]): void {
    for (let k = 0; k < FIXED; k++) this.fixed[k] = Math.max(this.fixed[k] ?? 0, measured[k]);
    r.aspects.forEach(([name], k) => this.aspects.set(name, Math.max(this.aspects.get(name) ?? 0, measured[FIXED + k])));
  }

  /** In the sheet's columns (`aspects`: its 项目 columns). */
  of(aspects: readonly string[]): number[] {
    const f = this.fixed;
    return [f[0] ?? 0, f[1] ?? 0, f[2] ?? 0, f[3] ?? 0, ...aspects.map((name) => this.aspects.get(name) ?? 0), f[4] ?? 0, f[5] ?? 0, f[6] ?? 0];
  }
}

export type BatchColumns = ReturnType<typeof batchColumns>;

/**
 * Sheet 总览: one row per area (`rows()`: worst first, read afresh for each pass) — verdict, score,
 * each 项目's score, vetoes, open items — filterable; inputs that could not be assessed at the end.
 */
export async function overviewSheet(book: ReportBook, layout: BatchColumns, count: number, rows: Iterable<AreaRow>, measured: OverviewWidths, lang: Lang, summary?: BatchSummary): Promise<void> {
  // Columns in the order the areas came (input order), rows worst first.
  const { aspects } = layout;
  const header = [t(lang, 'xlsx.area'), t(lang, 'xlsx.period'), t(lang, 'xlsx.verdict'), t(lang, 'xlsx.score'), ...aspects, t(lang, 'xlsx.vetoes'), t(lang, 'xlsx.open'), t(lang, 'xlsx.input')];
  // Score cells (得分 and each 项目's) as percentages; the verdict on its colour.
  const scored = (fill: Look | undefined): (Look | undefined)[] => [undefined, undefined, fill, PERCENT, ...aspects.map(() => PERCENT)];
  // An input not assessed: 无法评估 on its fill, and its message (the last column) wrapped, the row
  // as tall as it needs (fitHeightsFrom, the rows after the areas'): whole on screen, and the
  // printed page not shrunk to fit a line running past the table.
  const invalidCells = header.map((_, k) => (k === 2 ? fillLook(FILL.missing) : k === header.length - 1 ? WRAP_TOP : undefined));
  const invalid: RowSpec[] = (summary?.invalid ?? []).map((bad) => ({ values: [bad.input, '', t(lang, 'xlsx.invalid'), null, ...aspects.map(() => null), '', null, invalidText(bad)], look: TOP, cells: invalidCells }));
  const widths = boundWidths(widest(measureWidths([headerRow(header), ...invalid]), measured.of(aspects)), 8, 40);
  const sheet = tableSheet(book, '总览', header.length, { freezeColumns: 1, widths, fitHeightsFrom: count + 2 });
  await sheet.add(headerRow(header));
  for (const r of rows) {
    const scores = aspects.map((name) => r.aspects.find(([a]) => a === name)?.[1] ?? null);
    await sheet.add({ values: [r.name, r.period, verdictWord(lang, r.verdict), r.score, ...scores, r.vetoes, r.open, r.input], cells: scored(fillLook(FILL[r.verdict])) });
  }
  for (const row of invalid) await sheet.add(row);
  for (let c = 4; c < 5 + aspects.length; c++) scoreBars(sheet, c, 2, count + 1);
}

const TOP: Look = { alignment: { vertical: 'top' } };

const SYMBOL: Record<string, string> = { pass: '✓', fail: '✗', missing: '?', unsupported: '!', not_applicable: '—', pending: '…' };
const COLOUR: Record<string, string> = { pass: 'FF006100', fail: 'FF9C0006', missing: 'FF9C5700', unsupported: 'FF9C0006', not_applicable: 'FF808080', pending: 'FF1F4E79' };

const stateLooks = new Map<string, Look>();
/** A state's symbol: bold, in its colour, centred, on its fill. */
function stateLook(s: string): Look {
  let look = stateLooks.get(s);
  if (!look) stateLooks.set(s, (look = { font: { bold: true, color: { argb: COLOUR[s] ?? 'FF000000' } }, alignment: { horizontal: 'center' }, ...fillLook(FILL[s as keyof typeof FILL]) }));
  return look;
}
/** An area's row of 矩阵: `blank` with its name, verdict and each item's symbol (`at`: the items' columns), each symbol on its look. */
function matrixRow(r: Pick<AreaRow, 'name' | 'verdict'> & { items: ItemStates }, at: readonly number[], blank: readonly (string | null)[], lang: Lang): RowSpec {
  const { shown, codes } = r.items;
  const values = blank.slice();
  values[0] = r.name;
  values[1] = verdictWord(lang, r.verdict);
  const cells: (Look | undefined)[] = [undefined, fillLook(FILL[r.verdict])];
  const symbols = shown.map((state) => SYMBOL[state] ?? state);
  const looks = shown.map(stateLook);
  for (let k = 0; k < at.length; k++) {
    const s = codes.charCodeAt(k) - 48;
    values[at[k]] = symbols[s];
    cells[at[k]] = looks[s];
  }
  return { values, cells };
}

const ROTATED: Look = { alignment: { textRotation: 90, vertical: 'bottom', horizontal: 'center' } };

/** Sheet 矩阵: areas (`rows`, worst first) × items, each state a coloured symbol (✓ ✗ ? ! —), the header naming 项目 and place; a legend beneath. */
export async function matrixSheet(book: ReportBook, layout: BatchColumns, rows: Iterable<Pick<AreaRow, 'name' | 'verdict'> & { items: ItemStates }>, lang: Lang): Promise<void> {
  const { columns, seen } = layout;
  // The states that appear (the legend's), from each area's distinct ones.
  const shown = new Set<string>();
  const header = [t(lang, 'xlsx.area'), t(lang, 'xlsx.verdict'), ...columns.map((c) => c.label)];
  const sheet = tableSheet(book, '矩阵', header.length, { freezeColumns: 2, widths: [18, 10, ...columns.map(() => 4)] });
  await sheet.add({ ...headerRow(header, [undefined, undefined, ...columns.map(() => ROTATED)]), notes: [undefined, undefined, ...columns.map((c) => c.text)], height: 90 });
  // Each list of ids (a standard's items) placed among the columns once.
  const places = new WeakMap<readonly string[], number[]>();
  // A row before its area's symbols: its name and verdict, then every item's column blank.
  const blank: (string | null)[] = [null, null, ...columns.map(() => '')];
  for (const r of rows) {
    const { ids, shown: states } = r.items;
    let at = places.get(ids);
    if (!at) places.set(ids, (at = ids.map((id) => seen.get(id)! + 2)));
    for (const state of states) shown.add(state);
    // A function of its own, not the loop's body: this loop runs once, so its body was compiled
    // only by on-stack replacement, late, and again after each deoptimisation.
    await sheet.add(matrixRow(r, at, blank, lang));
  }
  await sheet.add({ values: [] });
  // The legend: the symbols that appear.
  for (const s of Object.keys(SYMBOL).filter((k) => shown.has(k))) {
    await sheet.add({ values: [SYMBOL[s], stateWord(lang, s)], cells: [{ font: { bold: true, color: { argb: COLOUR[s] } } }] });
  }
}

/**
 * An input that could not be assessed, in one cell of 总览: its place once and why, then what to
 * type instead on a line of its own (invalidWords). The message itself would name the input twice
 * and indent its fix.
 */
function invalidText(bad: InvalidInput): string {
  const words = invalidWords(bad);
  return [`${words.place}: ${words.reason}`, ...words.more].join('\n');
}

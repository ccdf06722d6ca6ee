import type { DataValidation } from 'exceljs';
import { rectificationList } from '../../assess/rectification.js';
import type { AssessResult, Lang } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';
import { FILL } from './sheet.js';
import { stateWord, vetoWord, word } from './words.js';
import { factsOf, whyOf } from '../facts.js';
import { labels } from '../labels.js';
import { boundWidths, fillLook, headerRow, measureWidths, widest, over, tableSheet, Table, type Look, type ReportBook, type Value } from './writer.js';

const TO_FILL = ['xlsx.measures', 'xlsx.owner', 'xlsx.deadline', 'xlsx.closed'] as const;

/** Long texts wrap, top-aligned: a row is as tall as its longest text. */
export const WRAP_TOP: Look = { alignment: { vertical: 'top', wrapText: true } };
const DATE: Look = over(WRAP_TOP, { numFmt: 'yyyy-mm-dd' });

/** A row of the 整改清单 as made where its area is assessed (plain data): its values, and the state that colours it (`veto`: a negative-list item's). */
export interface RectificationRow {
  values: Value[];
  state: string;
  veto?: true;
}

/** The sheet's columns: with `withArea` (整改台账), the area and period first. */
function headerOf(lang: Lang, withArea: boolean): string[] {
  return [
    ...(withArea ? ['xlsx.area', 'xlsx.period'] : []),
    'xlsx.responsible', 'xlsx.aspect', 'xlsx.content', 'xlsx.number', 'xlsx.text', 'xlsx.state', 'xlsx.reason',
    ...TO_FILL,
  ].map((id) => word(lang, id as `xlsx.${string}`));
}

/**
 * One area's rows of the 整改清单 (整改台账 with `withArea`): one row per open item × 责任单位, a
 * triggered (or undecided) negative-list item first, as it decides the verdict.
 */
export function rectificationRows(r: AssessResult, lang: Lang, withArea: boolean): RectificationRow[] {
  const list = rectificationList(r);
  const area = r.area.name ?? r.input ?? t(lang, 'xlsx.unnamedArea');
  const facts = factsOf(r, {});
  const where = withArea ? [area, r.period ?? ''] : [];
  const rows: RectificationRow[] = [];
  for (const v of list.vetoes) {
    rows.push({ values: [...where, t(lang, 'xlsx.negativeList'), labels(lang).negativeItem, '', v.number, v.text, vetoWord(lang, v.state), whyOf(v, lang, facts), null, null, null, null], state: v.state, veto: true });
  }
  for (const g of list.groups) {
    const unit = g.by === 'responsible' ? g.key : t(lang, 'xlsx.noResponsible');
    for (const i of g.items) rows.push({ values: [...where, unit, i.aspect, i.content ?? '', i.number, i.text, stateWord(lang, i.state), whyOf(i, lang, facts), null, null, null, null], state: i.state });
  }
  return rows;
}

/**
 * The open items, one row per item × 责任单位 (an item with three units is each one's to fix),
 * with empty 整改措施 / 责任人 / 完成时限 / 销号日期 columns the office fills in and tracks.
 * One area: sheet 整改清单; several (or --by responsible): 整改台账, with the area on each row so the
 * 区 office filters one unit (派出所) and sees every 街道's open items. `rows()` gives every area's
 * rows (rectificationRows) in turn, read afresh for each pass; `measured`: their widths
 * (measureWidths, each area's widened together), so the sheet is one pass over the rows.
 */
export async function rectificationSheet(book: ReportBook, lang: Lang, name: '整改清单' | '整改台账', rows: Iterable<RectificationRow>, measured: readonly number[], rowsPerSheet?: number): Promise<void> {
  const withArea = name === '整改台账';
  const header = headerOf(lang, withArea);
  const stateCol = header.indexOf(t(lang, 'xlsx.state'));
  const deadlineCol = header.indexOf(t(lang, 'xlsx.deadline'));
  // The dates the office types in: checked by Excel as they are typed (one object, so a run of rows is one range).
  const dates: DataValidation[] = [deadlineCol, deadlineCol + 1].map((col) => ({ type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(2000, 0, 1))], showErrorMessage: true, errorTitle: t(lang, 'xlsx.errorTitle'), error: t(lang, 'xlsx.inputDate', { fact: header[col] }) }));
  const widths = boundWidths(widest(measureWidths([headerRow(header)]), measured), 8, RECTIFICATION_WIDEST);
  for (let c = header.length - 4; c < header.length; c++) widths[c] = Math.max(widths[c] ?? 0, 14);
  widths[header.length - 4] = 30; // 整改措施: room to write
  // Past a sheet's rows, 整改台账（2） and on (Table).
  const sheet = await Table.start((sheetName) => tableSheet(book, sheetName, header.length, { freezeColumns: withArea ? 3 : 1, widths, fitHeightsFrom: 2 }), name, headerRow(header), rowsPerSheet);
  for (const row of rows) {
    const cells: (Look | undefined)[] = [];
    if (row.veto) {
      cells[stateCol] = fillLook(row.state === 'triggered' ? FILL.veto : FILL.missing);
      await sheet.add({ values: row.values, look: WRAP_TOP, cells });
      continue;
    }
    cells[stateCol] = fillLook(FILL[row.state as keyof typeof FILL]);
    cells[deadlineCol] = cells[deadlineCol + 1] = DATE;
    const validations: (DataValidation | undefined)[] = [];
    validations[deadlineCol] = dates[0];
    validations[deadlineCol + 1] = dates[1];
    await sheet.add({ values: row.values, look: WRAP_TOP, cells, validations });
  }
}

/** The widest a column of the sheet is made (longer text wraps): each area's rows need be measured no further. */
export const RECTIFICATION_WIDEST = 50;

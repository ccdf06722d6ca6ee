import type { DataValidation } from 'exceljs';
import { rectificationList } from '../../assess/rectification.js';
import type { AssessResult, Lang } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';
import { FILL } from './sheet.js';
import { stateWord, vetoWord, word } from './words.js';
import { factsOf, whyOf } from '../facts.js';
import { labels } from '../labels.js';
import { fillLook, fitWidths, headerRow, over, tableSheet, type Look, type ReportBook, type RowSpec } from './writer.js';

const TO_FILL = ['xlsx.measures', 'xlsx.owner', 'xlsx.deadline', 'xlsx.closed'] as const;

/** Long texts wrap, top-aligned: a row is as tall as its longest text. */
export const WRAP_TOP: Look = { alignment: { vertical: 'top', wrapText: true } };
const DATE: Look = over(WRAP_TOP, { numFmt: 'yyyy-mm-dd' });

/**
 * The open items, one row per item × 责任单位 (an item with three units is each one's to fix),
 * with empty 整改措施 / 责任人 / 完成时限 / 销号日期 columns the office fills in and tracks.
 * One area: sheet 整改清单; several (or --by responsible): 整改台账, with the area on each row so the
 * 区 office filters one unit (派出所) and sees every 街道's open items.
 */
export async function rectificationSheet(book: ReportBook, results: AssessResult[], lang: Lang, name: '整改清单' | '整改台账'): Promise<void> {
  const withArea = name === '整改台账';
  const header = [
    ...(withArea ? ['xlsx.area', 'xlsx.period'] : []),
    'xlsx.responsible', 'xlsx.aspect', 'xlsx.content', 'xlsx.number', 'xlsx.text', 'xlsx.state', 'xlsx.reason',
    ...TO_FILL,
  ].map((id) => word(lang, id as `xlsx.${string}`));
  const stateCol = header.indexOf(t(lang, 'xlsx.state'));
  const deadlineCol = header.indexOf(t(lang, 'xlsx.deadline'));
  // The dates the office types in: checked by Excel as they are typed (one object, so a run of rows is one range).
  const dates: DataValidation[] = [deadlineCol, deadlineCol + 1].map((col) => ({ type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(2000, 0, 1))], showErrorMessage: true, errorTitle: t(lang, 'xlsx.errorTitle'), error: t(lang, 'xlsx.inputDate', { fact: header[col] }) }));
  function* rows(): Generator<RowSpec> {
    for (const r of results) {
      const list = rectificationList(r);
      const area = r.area.name ?? r.input ?? t(lang, 'xlsx.unnamedArea');
      const facts = factsOf(r, {});
      const where = withArea ? [area, r.period ?? ''] : [];
      // A triggered (or undecided) negative-list item decides the verdict: the area's first rows.
      for (const v of list.vetoes) {
        const cells: (Look | undefined)[] = [];
        cells[stateCol] = fillLook(v.state === 'triggered' ? FILL.veto : FILL.missing);
        yield { values: [...where, t(lang, 'xlsx.negativeList'), labels(lang).negativeItem, '', v.number, v.text, vetoWord(lang, v.state), () => whyOf(v, lang, facts), null, null, null, null], look: WRAP_TOP, cells };
      }
      for (const g of list.groups) {
        const unit = g.by === 'responsible' ? g.key : t(lang, 'xlsx.noResponsible');
        for (const i of g.items) {
          const cells: (Look | undefined)[] = [];
          cells[stateCol] = fillLook(FILL[i.state as keyof typeof FILL]);
          cells[deadlineCol] = cells[deadlineCol + 1] = DATE;
          const validations: (DataValidation | undefined)[] = [];
          validations[deadlineCol] = dates[0];
          validations[deadlineCol + 1] = dates[1];
          yield { values: [...where, unit, i.aspect, i.content ?? '', i.number, i.text, stateWord(lang, i.state), () => whyOf(i, lang, facts), null, null, null, null], look: WRAP_TOP, cells, validations };
        }
      }
    }
  }
  const widths = fitWidths([headerRow(header), ...rows()], 8, 50);
  for (let c = header.length - 4; c < header.length; c++) widths[c] = Math.max(widths[c] ?? 0, 14);
  widths[header.length - 4] = 30; // 整改措施: room to write
  const sheet = tableSheet(book, name, header.length, { freezeColumns: withArea ? 3 : 1, widths, fitHeightsFrom: 2 });
  await sheet.add(headerRow(header));
  for (const row of rows()) await sheet.add(row);
}

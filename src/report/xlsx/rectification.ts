import type { Workbook } from 'exceljs';
import { rectificationList } from '../../assess/rectification.js';
import type { AssessResult, Lang } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';
import { FILL, fillCell, fitColumns, fitRowHeights, tableSheet } from './sheet.js';
import { stateWord, vetoWord, word } from './words.js';
import { factsOf, whyOf } from '../facts.js';
import { labels } from '../labels.js';

const TO_FILL = ['xlsx.measures', 'xlsx.owner', 'xlsx.deadline', 'xlsx.closed'] as const;

/**
 * The open items, one row per item × 责任单位 (an item with three units is each one's to fix),
 * with empty 整改措施 / 责任人 / 完成时限 / 销号日期 columns the office fills in and tracks.
 * One area: sheet 整改清单; several (or --by responsible): 整改台账, with the area on each row so the
 * 区 office filters one unit (派出所) and sees every 街道's open items.
 */
export function rectificationSheet(book: Workbook, results: AssessResult[], lang: Lang, name: '整改清单' | '整改台账'): void {
  const withArea = name === '整改台账';
  const header = [
    ...(withArea ? ['xlsx.area', 'xlsx.period'] : []),
    'xlsx.responsible', 'xlsx.aspect', 'xlsx.content', 'xlsx.number', 'xlsx.text', 'xlsx.state', 'xlsx.reason',
    ...TO_FILL,
  ].map((id) => word(lang, id as `xlsx.${string}`));
  const sheet = tableSheet(book, name, header, { freezeColumns: withArea ? 3 : 1 });
  const stateCol = header.indexOf(t(lang, 'xlsx.state')) + 1;
  const deadlineCol = header.indexOf(t(lang, 'xlsx.deadline')) + 1;
  for (const r of results) {
    const list = rectificationList(r);
    const area = r.area.name ?? r.input ?? t(lang, 'xlsx.unnamedArea');
    const facts = factsOf(r, {});
    // A triggered (or undecided) negative-list item decides the verdict: the area's first rows.
    for (const v of list.vetoes) {
      const row = sheet.addRow([...(withArea ? [area, r.period ?? ''] : []), t(lang, 'xlsx.negativeList'), labels(lang).negativeItem, '', v.number, v.text, vetoWord(lang, v.state), whyOf(v, lang, facts), null, null, null, null]);
      fillCell(row.getCell(stateCol), v.state === 'triggered' ? FILL.veto : FILL.missing);
      row.alignment = { vertical: 'top', wrapText: true };
    }
    for (const g of list.groups) {
      const unit = g.by === 'responsible' ? g.key : t(lang, 'xlsx.noResponsible');
      for (const i of g.items) {
        const row = sheet.addRow([...(withArea ? [area, r.period ?? ''] : []), unit, i.aspect, i.content ?? '', i.number, i.text, stateWord(lang, i.state), whyOf(i, lang, facts), null, null, null, null]);
        fillCell(row.getCell(stateCol), FILL[i.state as keyof typeof FILL]);
        row.alignment = { vertical: 'top', wrapText: true };
        for (const col of [deadlineCol, deadlineCol + 1]) {
          const cell = row.getCell(col);
          cell.numFmt = 'yyyy-mm-dd';
          cell.dataValidation = { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(2000, 0, 1))], showErrorMessage: true, errorTitle: t(lang, 'xlsx.errorTitle'), error: t(lang, 'xlsx.inputDate', { fact: header[col - 1] }) };
        }
      }
    }
  }
  fitColumns(sheet, 8, 50);
  for (let c = header.length - 3; c <= header.length; c++) sheet.getColumn(c).width = Math.max(sheet.getColumn(c).width ?? 0, 14);
  sheet.getColumn(header.length - 3).width = 30; // 整改措施: room to write
  fitRowHeights(sheet);
}

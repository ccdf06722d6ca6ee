import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { progressSheet, type ProgressRow } from '../../src/report/xlsx/progress.js';
import { rectificationSheet, type RectificationRow } from '../../src/report/xlsx/rectification.js';
import { ReportBook, SHEET_ROWS, tableSheet } from '../../src/report/xlsx/writer.js';

/**
 * Excel and WPS open 1,048,576 rows of a sheet; a 整改台账 of a national batch can be longer
 * (38,600 areas × 30 open items in a month when many facts are still missing). Its rows go on in
 * 整改台账（2）, （3）…, each a table of its own with the header again — never a sheet past the
 * limit, which Excel cuts short or refuses as damaged. Shown here with sheets of a few rows.
 */
const rectified = (n: number): RectificationRow[] =>
  Array.from({ length: n }, (_, k) => ({ values: [`街道${k + 1}`, '2023', '派出所', '司法保护', '法治宣传教育', 1, '工作标准', '未达标', '原因', null, null, null, null], state: 'fail' }));

async function sheetsOf(bytes: Buffer): Promise<{ name: string; rows: unknown[][]; views: unknown; filter: unknown }[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  return book.worksheets.map((s) => ({ name: s.name, rows: s.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1)), views: s.views, filter: s.autoFilter }));
}

describe('a table longer than a sheet', () => {
  it('整改台账 goes on in 整改台账（2）, （3）, each with the header, panes and filter again', async () => {
    const book = await ReportBook.open();
    // 4 rows a sheet: the header and 3 of the 7 areas' rows.
    await rectificationSheet(book, 'zh', '整改台账', rectified(7), [10, 10, 10], 4);
    const sheets = await sheetsOf(await book.bytes());
    expect(sheets.map((s) => s.name)).toEqual(['整改台账', '整改台账（2）', '整改台账（3）']);
    expect(sheets.map((s) => s.rows.length)).toEqual([4, 4, 2]);
    for (const s of sheets) {
      expect(s.rows[0].slice(0, 3)).toEqual(['地区', '期间', '责任单位']);
      expect(s.views).toEqual(sheets[0].views);
      expect(s.filter).toEqual(sheets[0].filter);
    }
    // Every row once, in order.
    expect(sheets.flatMap((s) => s.rows.slice(1).map((r) => r[0]))).toEqual(rectified(7).map((r) => r.values[0]));
  });

  it('a table that fits is one sheet of its name', async () => {
    const book = await ReportBook.open();
    await rectificationSheet(book, 'zh', '整改台账', rectified(3), [10], 4);
    expect((await sheetsOf(await book.bytes())).map((s) => [s.name, s.rows.length])).toEqual([['整改台账', 4]]);
  });

  it('本期进展 goes on likewise, each area\'s score bars on the sheet its row is in', async () => {
    const rows: ProgressRow[] = Array.from({ length: 5 }, (_, k) => ({ values: [`街道${k + 1}`, '2023', '不达标', '不达标', 0.8, 0.9, 0.8, 0.9], summary: true }));
    const book = await ReportBook.open();
    await progressSheet(book, 'en', rows, [10], 3);
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load((await book.bytes()) as never);
    expect(loaded.worksheets.map((s) => [s.name, s.rowCount])).toEqual([['本期进展', 3], ['本期进展（2）', 3], ['本期进展（3）', 2]]);
  });

  it('a sheet past Excel\'s last row is refused with words, not written', async () => {
    expect(SHEET_ROWS).toBe(2 ** 20);
    const book = await ReportBook.open();
    const sheet = tableSheet(book, '总览', 2, { widths: [10, 10] });
    (sheet as unknown as { rows: number }).rows = SHEET_ROWS;
    const refused = await sheet.add({ values: ['x'] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OutputError);
    expect((refused as OutputError).message).toBe('sheet "总览" would have more than 1,048,576 rows, more than Excel and WPS open in a sheet');
  });
});

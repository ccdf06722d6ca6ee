import type { Worksheet } from 'exceljs';

/**
 * What every workbook weibao writes shares (the 台账 template and the report workbooks): exceljs
 * loaded on demand, a header row that stays in view and prints on every page, A4 landscape, column
 * widths that fit the text.
 */
/** exceljs (and its ~190 packages) only for a workbook: no other format or input ever loads it. */
export async function loadExcel(): Promise<typeof import('exceljs')> {
  const m = (await import('exceljs')) as typeof import('exceljs') & { default?: typeof import('exceljs') };
  return m.default ?? m;
}

/** Shared look of every sheet weibao writes: a bold header row on a pale fill, frozen, printed on each page. */
export function styleHeader(sheet: Worksheet, columns: number): void {
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle' };
  for (let c = 1; c <= columns; c++) {
    row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
    row.getCell(c).border = { bottom: { style: 'thin' } };
  }
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
}

/** A4 landscape, one page wide, the header row on every page: what an office prints and files. */
export function printSetup(sheet: Worksheet, header = true): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(header ? { printTitlesRow: '1:1' } : {}),
  };
  sheet.headerFooter = { oddFooter: '&C&P / &N' };
}

/** Display width of text in Excel's character units: a CJK character takes two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

/** Column widths that fit the longest line of each column, within bounds (long text wraps). */
export function fitColumns(sheet: Worksheet, min = 6, max = 60): void {
  sheet.columns.forEach((column, i) => {
    let widest = min;
    sheet.getColumn(i + 1).eachCell({ includeEmpty: false }, (cell) => {
      const text = cell.text ?? '';
      for (const line of String(text).split('\n')) widest = Math.max(widest, textWidth(line) + 2);
    });
    column.width = Math.min(widest, max);
  });
}


/** Fills by meaning, the same in every sheet: green met, red failed or vetoed, amber missing, grey not applicable. */
export const FILL = {
  pass: 'FFC6EFCE',
  fail: 'FFFFC7CE',
  veto: 'FFFF9999',
  missing: 'FFFFEB9C',
  unsupported: 'FFFCE4D6',
  not_applicable: 'FFEDEDED',
  pending: 'FFDDEBF7',
  in_progress: 'FFDDEBF7', // verdict 进行中 (part-year, src/assess/period.ts): the colour of pending
} as const;

export function fillCell(cell: import('exceljs').Cell, argb: string | undefined): void {
  if (argb) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** A sheet with a header row, frozen, filtered and print-ready; rows added after. */
export function tableSheet(book: import('exceljs').Workbook, name: string, header: string[], opts: { filter?: boolean; freezeColumns?: number } = {}): Worksheet {
  const sheet = book.addWorksheet(name);
  sheet.addRow(header);
  styleHeader(sheet, header.length);
  if (opts.freezeColumns) sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: opts.freezeColumns }];
  if (opts.filter !== false) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  printSetup(sheet);
  return sheet;
}

/** Score cells: a percentage, and a bar across each cell (a data bar conditional format) so the weak ones show at a glance. */
export function scoreBars(sheet: Worksheet, column: number, firstRow: number, lastRow: number): void {
  if (lastRow < firstRow) return;
  const letter = sheet.getColumn(column).letter;
  for (let r = firstRow; r <= lastRow; r++) sheet.getCell(r, column).numFmt = '0.0%';
  sheet.addConditionalFormatting({
    ref: `${letter}${firstRow}:${letter}${lastRow}`,
    rules: [{ type: 'dataBar', priority: 1, minLength: 0, maxLength: 100, cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 1 }], color: { argb: 'FF638EC6' }, gradient: false } as never],
  });
}

/**
 * Row heights for wrapped text, from the column widths: a spreadsheet that opens the file does not
 * always measure rows itself (LibreOffice keeps the default height), and a clipped requirement
 * text is a wrong one. 15 points a line.
 */
export function fitRowHeights(sheet: Worksheet, fromRow = 2): void {
  const widths = sheet.columns.map((c) => c.width ?? 9);
  sheet.eachRow((row, n) => {
    if (n < fromRow) return;
    let lines = 1;
    row.eachCell((cell, col) => {
      if (!cell.alignment?.wrapText) return;
      const room = Math.max(1, (widths[col - 1] ?? 9) - 1);
      let count = 0;
      for (const line of String(cell.text ?? '').split('\n')) count += Math.max(1, Math.ceil(textWidth(line) / room));
      lines = Math.max(lines, count);
    });
    if (lines > 1) row.height = Math.min(409, 15 * lines);
  });
}

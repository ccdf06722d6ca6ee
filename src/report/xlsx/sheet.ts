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

/** The header row's look: bold, centred vertically; each header cell on a pale fill with a rule beneath. */
export const HEADER_ROW = { font: { bold: true }, alignment: { vertical: 'middle' } } as const;
export const HEADER_CELL = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } }, border: { bottom: { style: 'thin' } } } as const;

/** Shared look of every sheet weibao writes: a bold header row on a pale fill, frozen, printed on each page. */
export function styleHeader(sheet: Worksheet, columns: number): void {
  const row = sheet.getRow(1);
  row.font = { ...HEADER_ROW.font };
  row.alignment = { ...HEADER_ROW.alignment };
  for (let c = 1; c <= columns; c++) {
    row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
    row.getCell(c).border = { bottom: { style: 'thin' } };
  }
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
}

/** A4 landscape, one page wide, the header row on every page (`header`): what an office prints and files. */
export function pageSetupOf(header = true): Partial<Worksheet['pageSetup']> {
  return {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(header ? { printTitlesRow: '1:1' } : {}),
  };
}

/** Page numbers at the foot of each printed page: 1 / 3. */
export const FOOTER = { oddFooter: '&C&P / &N' };

export function printSetup(sheet: Worksheet, header = true): void {
  sheet.pageSetup = pageSetupOf(header) as Worksheet['pageSetup'];
  sheet.headerFooter = { ...FOOTER };
}

/** Display width of text in Excel's character units: a CJK character takes two (a character outside the BMP, one). */
export function textWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++; // one character, two code units
      w += 1;
    } else w += wide(c) ? 2 : 1;
  }
  return w;
}

function wide(c: number): boolean {
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
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
      if (cell.alignment?.wrapText) lines = Math.max(lines, linesOf(String(cell.text ?? ''), widths[col - 1] ?? 9));
    });
    if (lines > 1) row.height = rowHeight(lines);
  });
}

/** Lines a text takes in a column of this width. */
export function linesOf(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  let count = 0;
  for (const line of text.split('\n')) count += Math.max(1, Math.ceil(textWidth(line) / room));
  return count;
}

/** 15 points a line, up to Excel's highest row. */
export const rowHeight = (lines: number): number => Math.min(409, 15 * lines);

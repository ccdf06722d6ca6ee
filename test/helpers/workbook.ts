import { expect } from 'vitest';

/**
 * What a clerk sees of a workbook, to compare two: every sheet's name, column widths, views and
 * filter, each row's height, and each cell's value, style, note and validation. Its bytes can't be
 * compared: an xlsx carries its creation time.
 */
export async function workbookCells(bytes: Uint8Array): Promise<unknown[]> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as never);
  const out: unknown[] = [];
  book.eachSheet((s) => {
    out.push(s.name, s.columns?.map((c) => c.width), s.views, s.autoFilter);
    s.eachRow({ includeEmpty: true }, (row, r) => {
      out.push(r, row.height);
      row.eachCell({ includeEmpty: true }, (c, k) => out.push([r, k, c.value, c.style, c.note, c.dataValidation]));
    });
  });
  // A workbook that failed to load as sheets would compare equal to another empty one.
  expect(out.length).toBeGreaterThan(100);
  return out;
}

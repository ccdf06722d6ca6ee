import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

export const root = fileURLToPath(new URL('../../', import.meta.url));

/** The CLI in-process (dist/, so `npm run build` first, as `npm test` does): argv after `assess`. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { main } = await import(join(root, 'dist/cli/main.js'));
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) => ({ write: (s: string | Uint8Array) => (append(typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), true), isTTY: false, columns: 100, on() {}, once() {} });
  const io = { stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)) };
  const code = await main(['node', 'assess', ...args], io);
  return { code, stdout, stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'weibao-xlsx-'));
}

/** Every facts fixture at the top of fixtures/ (the JSON/YAML path's own examples). */
export function factFixtures(): string[] {
  return readdirSync(join(root, 'fixtures'))
    .filter((f) => /\.(json|ya?ml)$/.test(f) && !/baseline/.test(f))
    .map((f) => join('fixtures', f));
}

export async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

/** Column number of a header in row 1. */
export function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, col) => {
    if (cell.value === header) found = col;
  });
  if (!found) throw new Error(`no column ${header} in ${sheet.name}`);
  return found;
}

/**
 * Fill a 台账 template as a clerk would: 基本信息 from the facts file's area and period, and each
 * 填报值 found by its 键 — booleans as 是/否 from the drop-down, numbers as numbers, evidence
 * lists joined with ';'.
 */
export async function fillTemplate(template: string, out: string, doc: { area?: { name?: string; code?: string }; period?: string | number; facts?: Record<string, unknown>; evidence?: Record<string, unknown[]> }): Promise<void> {
  const book = await readBook(template);
  const info = book.getWorksheet('基本信息')!;
  info.eachRow((row) => {
    const label = row.getCell(1).value;
    if (label === '地区名称' && doc.area?.name) row.getCell(2).value = doc.area.name;
    if (label === '地区代码' && doc.area?.code) row.getCell(2).value = doc.area.code;
    if (label === '期间' && doc.period !== undefined && doc.period !== null) row.getCell(2).value = String(doc.period);
  });
  const sheet = book.getWorksheet('事实')!;
  const keyCol = columnOf(sheet, '键');
  const valueCol = columnOf(sheet, '填报值');
  const evidenceCol = columnOf(sheet, '证明材料');
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const key = String(row.getCell(keyCol).value);
    const v = doc.facts?.[key];
    if (v !== undefined && v !== null) row.getCell(valueCol).value = typeof v === 'boolean' ? (v ? '是' : '否') : (v as number | string);
    const ev = doc.evidence?.[key];
    if (ev?.length) row.getCell(evidenceCol).value = ev.map((e) => (typeof e === 'string' ? e : (e as { path: string }).path)).join(';');
  });
  await book.xlsx.writeFile(out);
}

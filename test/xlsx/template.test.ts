import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { cli, columnOf, readBook, root, tempDir } from './helpers.js';

/** The 台账 template read back: sheets, header, one row per fact in document order, validations, frozen panes, print setup. */
describe('assess init --format xlsx', () => {
  const dir = tempDir();
  let book: ExcelJS.Workbook;
  let standard: { items: { aspect: string; reads: string[] }[]; facts: Record<string, { type: string; zh: string; unit?: string; maximum?: number }> };
  beforeAll(async () => {
    const file = join(dir, '台账.xlsx');
    const r = await cli('init', '--standard', 'changning-demo-street@2023', '--format', 'xlsx', '--output', file);
    expect(r.code, r.stderr).toBe(0);
    book = await readBook(file);
    const show = await cli('standards', 'show', 'changning-demo-street@2023', '--format', 'json');
    standard = JSON.parse(show.stdout);
    // The standard applies the negative list: its facts are in the template too, after the items'.
    const negative = JSON.parse((await cli('standards', 'show', 'negative-list@2023', '--format', 'json')).stdout);
    standard = { items: [...standard.items, ...negative.items], facts: { ...standard.facts, ...negative.facts } };
  }, 120_000);

  it('has the sheets 说明, 基本信息, 事实 in that order', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['说明', '基本信息', '事实']);
    const guide = book.getWorksheet('说明')!;
    expect(String(guide.getCell('B2').value)).toContain('changning-demo-street@2023');
    expect(String(guide.getCell('B3').value)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('基本信息: 字段/值 with 地区名称, 地区代码, 期间 and the standard pre-filled', () => {
    const info = book.getWorksheet('基本信息')!;
    const rows = [1, 2, 3, 4, 5].map((n) => [info.getCell(n, 1).value, info.getCell(n, 2).value]);
    expect(rows).toEqual([['字段', '值'], ['地区名称', null], ['地区代码', null], ['期间', null], ['标准', 'changning-demo-street@2023']]);
    expect(info.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('事实: the header, one row per fact read, grouped by 项目 in document order, 键 greyed', () => {
    const sheet = book.getWorksheet('事实')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['项目', '所涉工作标准', '事实', '单位', '类型', '填报值', '证明材料', '键']);
    const keys: string[] = [];
    const aspects: string[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      keys.push(String(row.getCell(8).value));
      aspects.push(String(row.getCell(1).value));
    });
    // Every fact the standard reads, once.
    const read = new Set(standard.items.flatMap((i) => i.reads));
    expect(new Set(keys)).toEqual(read);
    expect(keys.length).toBe(read.size);
    // Grouped: each 项目 in one run, the runs in the document's order (negative list first, as in the standard).
    const runs = aspects.filter((a, i) => i === 0 || aspects[i - 1] !== a);
    expect(new Set(runs).size).toBe(runs.length);
    const docOrder = [...new Set(standard.items.map((i) => i.aspect))];
    expect(runs.filter((a) => docOrder.includes(a))).toEqual(docOrder.filter((a) => runs.includes(a)));
    const key = sheet.getCell(2, 8);
    expect(key.font?.color?.argb).toBe('FF808080');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    for (let c = 1; c <= 8; c++) expect(sheet.getColumn(c).width).toBeGreaterThan(5);
  });

  it('填报值 carries data validation by type, with an input message naming the fact and unit', () => {
    const sheet = book.getWorksheet('事实')!;
    const valueCol = columnOf(sheet, '填报值');
    let checked = { boolean: 0, integer: 0, number: 0 };
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const spec = standard.facts[String(row.getCell(8).value)];
      const v = row.getCell(valueCol).dataValidation;
      expect(v?.showInputMessage).toBe(true);
      expect(v?.prompt).toContain(spec.zh.slice(0, 20));
      if (spec.type === 'boolean') {
        expect(v).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
        checked.boolean++;
      } else if (spec.type === 'integer') {
        expect(v?.type).toBe('whole');
        expect(v?.formulae?.[0]).toBe(0);
        if (spec.maximum !== undefined) expect(v?.formulae?.[1]).toBe(spec.maximum);
        if (spec.unit) expect(v?.prompt).toContain(spec.unit);
        checked.integer++;
      } else if (spec.type === 'number') {
        expect(v?.type).toBe('decimal');
        checked.number++;
      }
    });
    expect(checked.boolean).toBeGreaterThan(10);
    expect(checked.integer).toBeGreaterThan(10);
  });

  it('needs --output, and says so (exit 4)', async () => {
    const r = await cli('init', '--standard', 'changning-demo-street@2023', '--format', 'xlsx');
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('--output');
  });

  it('writes the instructions in English with --lang en, sheet and column names unchanged', async () => {
    const file = join(dir, 'en.xlsx');
    expect((await cli('init', '--standard', 'yangshi-demo-point@2022', '--format', 'xlsx', '--output', file, '--lang', 'en')).code).toBe(0);
    const en = await readBook(file);
    expect(en.worksheets.map((s) => s.name)).toEqual(['说明', '基本信息', '事实']);
    expect(String(en.getWorksheet('说明')!.getCell('A5').value)).toBe('How to fill it in');
    void root;
  });
});

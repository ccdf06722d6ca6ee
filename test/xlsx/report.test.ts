import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { cli, factFixtures, readBook, root, tempDir } from './helpers.js';

type Item = { id: string; state: string; responsible: string[]; text: string };
type Result = { input: string; verdict: string; score: number; area: { name?: string }; items: Item[]; vetoes: { state: string }[] };
const open = (i: Item) => i.state !== 'pass' && i.state !== 'not_applicable' && i.state !== 'pending';
const column = (sheet: ExcelJS.Worksheet, n: number) => {
  const out: unknown[] = [];
  sheet.eachRow((row, r) => {
    if (r > 1) out.push(row.getCell(n).value);
  });
  return out;
};
const headerOf = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);

/** Report workbooks read back: sheet names, cells, frozen panes, filters, conditional formats, for one area, a batch, --by responsible and --baseline. */
describe('assess --format xlsx', () => {
  const dir = tempDir();
  const fixtures = factFixtures().map((f) => join(root, f));

  describe('one area: 结论, 工作标准, 整改清单', () => {
    let book: ExcelJS.Workbook;
    let result: Result;
    beforeAll(async () => {
      const file = join(dir, 'area.xlsx');
      const input = join(root, 'fixtures/changning-failing.json');
      const r = await cli(input, '--format', 'xlsx', '--output', file);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toBe('');
      book = await readBook(file);
      result = JSON.parse((await cli(input, '--format', 'json')).stdout).results[0];
    }, 120_000);

    it('has the three sheets', () => {
      expect(book.worksheets.map((s) => s.name)).toEqual(['结论', '工作标准', '整改清单']);
    });

    it('结论: area, verdict, score, score per 项目 with data bars, the negative list', () => {
      const s = book.getWorksheet('结论')!;
      expect(s.getCell('A1').value).toBe('地区');
      expect(s.getCell('B1').value).toBe(result.area.name);
      expect(s.getCell('B4').value).toBe('不达标');
      expect(s.getCell('B5').value).toBeCloseTo(result.score, 10);
      expect(s.getCell('B5').numFmt).toBe('0.0%');
      const bars = (s as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
      expect(bars.some((c) => c.rules.some((r) => r.type === 'dataBar') && /^D\d+:D\d+$/.test(c.ref))).toBe(true);
      const states: unknown[] = [];
      s.eachRow((row) => {
        if (['未触发', '已触发', '缺少事实'].includes(String(row.getCell(3).value))) states.push(row.getCell(3).value);
      });
      expect(states).toHaveLength(result.vetoes.length);
    });

    it('工作标准: every item with its state in words, the actual values in words, frozen and filtered', () => {
      const s = book.getWorksheet('工作标准')!;
      expect(headerOf(s)).toEqual(['项目', '内容', '序号', '工作标准', '状态', '实际值', '原因', '责任单位']);
      expect(column(s, 4)).toEqual(result.items.map((i) => i.text));
      const words: Record<string, string> = { pass: '达标', fail: '未达标', missing: '缺少事实', not_applicable: '不适用', unsupported: '证明材料不足' };
      expect(column(s, 5)).toEqual(result.items.map((i) => words[i.state]));
      expect(column(s, 6).some((v) => /次|：是|：否/.test(String(v)))).toBe(true);
      expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(s.autoFilter).toBeTruthy();
      expect(s.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    });

    it('整改清单: one row per open item and 责任单位, with empty columns to fill', () => {
      const s = book.getWorksheet('整改清单')!;
      expect(headerOf(s)).toEqual(['责任单位', '项目', '内容', '序号', '工作标准', '状态', '原因', '整改措施', '责任人', '完成时限', '销号日期']);
      const expected = result.items.filter(open).reduce((n, i) => n + Math.max(1, new Set(i.responsible).size), 0);
      expect(s.rowCount - 1).toBe(expected);
      expect(s.getCell(2, 8).value).toBeNull();
      expect(s.getCell(2, 10).dataValidation?.type).toBe('date');
    });
  });

  describe('a batch: 总览, 矩阵, 整改台账', () => {
    let book: ExcelJS.Workbook;
    let results: Result[];
    beforeAll(async () => {
      const file = join(dir, 'batch.xlsx');
      const r = await cli(...fixtures, '--format', 'xlsx', '--output', file);
      expect(r.code, r.stderr).toBe(2);
      book = await readBook(file);
      results = JSON.parse((await cli(...fixtures, '--format', 'json')).stdout).results;
    }, 120_000);

    it('has the three sheets', () => {
      expect(book.worksheets.map((s) => s.name)).toEqual(['总览', '矩阵', '整改台账']);
    });

    it('总览: one row per area, 否决 → 不达标 → 达标, by score within each, filtered, score bars', () => {
      const s = book.getWorksheet('总览')!;
      expect(headerOf(s).slice(0, 4)).toEqual(['地区', '期间', '结论', '得分']);
      const verdicts = column(s, 3) as string[];
      expect(verdicts).toHaveLength(results.length);
      // 进行中 (part-year, on track: fixtures/changning-2023-q2.json, yangshi-2022-q1.json) ranks with 达标.
      const rank = (v: string) => ['否决', '不达标', '进行中', '达标'].indexOf(v);
      expect([...verdicts].sort((a, b) => rank(a) - rank(b))).toEqual(verdicts);
      expect(new Set(verdicts)).toEqual(new Set(['否决', '不达标', '进行中', '达标']));
      const scores = column(s, 4) as number[];
      for (let k = 1; k < scores.length; k++) if (verdicts[k] === verdicts[k - 1]) expect(scores[k]).toBeGreaterThanOrEqual(scores[k - 1]);
      expect(s.autoFilter).toBeTruthy();
      expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 1 });
      // Written a row at a time (src/report/xlsx/writer.ts): what exceljs's streaming writer leaves
      // out is put back — the table centred on the printed page, and solid data bars across the
      // whole cell (the x14 extension; without it Excel draws the 2007 gradient bar).
      expect(s.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, horizontalCentered: true, printTitlesRow: '1:1' });
      const bars = (s as unknown as { conditionalFormattings: { ref: string; rules: { type: string; x14Id?: string; gradient?: boolean; minLength?: number; maxLength?: number }[] }[] }).conditionalFormattings;
      expect(bars.map((c) => c.ref)).toContain(`D2:D${results.length + 1}`);
      for (const c of bars) expect(c.rules[0]).toMatchObject({ type: 'dataBar', x14Id: expect.stringMatching(/^\{[0-9A-F-]{36}\}$/), gradient: false, minLength: 0, maxLength: 100 });
      expect(s.getCell('D2').numFmt).toBe('0.0%');
    });

    it('矩阵: areas × items, each state a symbol', () => {
      const s = book.getWorksheet('矩阵')!;
      const ids = new Set(results.flatMap((r) => r.items.map((i) => i.id)));
      expect(headerOf(s).length).toBe(2 + ids.size);
      const symbols = new Set<string>();
      for (let r = 2; r <= results.length + 1; r++) s.getRow(r).eachCell((c, n) => n > 2 && symbols.add(String(c.value)));
      expect([...symbols].every((x) => ['✓', '✗', '?', '!', '—', '…', ''].includes(x))).toBe(true);
      expect(symbols.has('✓') && symbols.has('✗')).toBe(true);
    });

    it('整改台账: every open item of every area, one row per area × item × 责任单位, filtered', () => {
      const s = book.getWorksheet('整改台账')!;
      expect(headerOf(s).slice(0, 3)).toEqual(['地区', '期间', '责任单位']);
      // …and first in each area, a row per negative-list item triggered (or undecided): a veto heads the list.
      const expected = results.reduce((n, r) => n + r.vetoes.filter((v) => v.state !== 'clear').length + r.items.filter(open).reduce((m, i) => m + Math.max(1, new Set(i.responsible).size), 0), 0);
      expect(s.rowCount - 1).toBe(expected);
      expect(results.some((r) => r.vetoes.some((v) => v.state === 'triggered'))).toBe(true);
      expect(column(s, 3)).toContain('负面清单');
      expect(s.autoFilter).toBeTruthy();
      // The dates to fill are checked as typed: every item row's 完成时限 and 销号日期, none of a veto's.
      const deadline = headerOf(s).indexOf('完成时限') + 1;
      s.eachRow((row, n) => {
        if (n === 1) return;
        const veto = row.getCell(3).value === '负面清单';
        expect(row.getCell(deadline).dataValidation?.type, `row ${n}`).toBe(veto ? undefined : 'date');
        expect(row.getCell(deadline + 1).dataValidation?.type, `row ${n}`).toBe(veto ? undefined : 'date');
        expect(row.getCell(deadline).numFmt, `row ${n}`).toBe(veto ? undefined : 'yyyy-mm-dd');
      });
      // 杨市's items name 责任单位: the 派出所 rows are there to filter.
      expect((column(s, 3) as string[]).some((u) => u.includes('派出所'))).toBe(true);
    });
  });

  it('总览: an input that could not be assessed is a row, its place once and why, then the fix, wrapped in its column', async () => {
    // A template nobody filled in, refused in a batch with what to do instead (input.blank).
    const broken = join(dir, 'blank.json');
    writeFileSync(broken, '{\n  "standard": "changning-demo-street@2023",\n  "area": { "name": "" },\n  "period": "",\n  "facts": {}\n}\n');
    const file = join(dir, 'with-invalid.xlsx');
    const r = await cli(join(root, 'fixtures/changning-compliant.json'), broken, '--format', 'xlsx', '--output', file);
    expect(r.code, r.stderr).toBe(3);
    const s = (await readBook(file)).getWorksheet('总览')!;
    let row: ExcelJS.Row | undefined;
    s.eachRow((x, n) => n > 1 && x.getCell(1).value === broken && (row = x));
    expect(row!.getCell(3).value).toBe('无法评估');
    const cell = row!.getCell(headerOf(s).length);
    const [first, fix, ...rest] = String(cell.value).split('\n');
    // The place once (the message would say the file twice), why, and what to type instead, unindented.
    expect(first.startsWith(`${broken}:`)).toBe(true);
    expect(first.split(broken)).toHaveLength(2);
    expect(first).toContain('什么都没有填写');
    expect(fix).toMatch(/^改为: 填写后再评估/);
    expect(rest).toEqual([]);
    // Wrapped in its column, the row tall enough for it: whole on screen, and the printed page not shrunk to fit a long line.
    expect(cell.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(s.getColumn(headerOf(s).length).width).toBeLessThanOrEqual(40);
    expect(row!.height).toBeGreaterThan(15 * 2);
  }, 120_000);

  it('--by responsible --format xlsx: the 整改台账 alone', async () => {
    const file = join(dir, 'by.xlsx');
    const r = await cli(...fixtures, '--by', 'responsible', '--format', 'xlsx', '--output', file);
    expect(r.code).toBe(2);
    expect((await readBook(file)).worksheets.map((s) => s.name)).toEqual(['整改台账']);
  }, 120_000);

  it('--baseline adds 本期进展 (newly met, newly failed, still open)', async () => {
    const file = join(dir, 'progress.xlsx');
    const r = await cli(join(root, 'fixtures/packs'), '--baseline', join(root, 'fixtures/packs-baseline.json'), '--format', 'xlsx', '--output', file);
    expect(r.code, r.stderr).toBe(2);
    // It shows the progress, so it is not told --baseline has no effect.
    expect(r.stderr).not.toContain('--baseline');
    const book = await readBook(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['总览', '矩阵', '整改台账', '本期进展']);
    const changes = column(book.getWorksheet('本期进展')!, 2).map(String);
    const json = JSON.parse((await cli(join(root, 'fixtures/packs'), '--baseline', join(root, 'fixtures/packs-baseline.json'), '--format', 'json')).stdout).results as { progress?: Record<string, unknown[]> }[];
    const count = (k: string) => json.reduce((n, r) => n + ((r.progress?.[k] as unknown[] | undefined)?.length ?? 0), 0);
    expect(changes.filter((c) => c === '新达标')).toHaveLength(count('newlyMet'));
    expect(changes.filter((c) => c === '新不达标')).toHaveLength(count('newlyFailed'));
    expect(changes.filter((c) => c === '仍未达标')).toHaveLength(count('stillOpen'));
    expect(changes.filter((c) => c === '得分')).toHaveLength(json.filter((r) => r.progress).length);
    expect(count('newlyMet') + count('newlyFailed')).toBeGreaterThan(0);
  }, 120_000);

  it('--lang en: headers in English, sheet names as the contract has them', async () => {
    const file = join(dir, 'en.xlsx');
    await cli(join(root, 'fixtures/yangshi-failing.json'), '--format', 'xlsx', '--output', file, '--lang', 'en');
    const book = await readBook(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['结论', '工作标准', '整改清单']);
    expect(headerOf(book.getWorksheet('工作标准')!)).toEqual(['Aspect', 'Content', 'No.', 'Requirement', 'State', 'Actual', 'Reason', 'Responsible']);
  }, 120_000);

  it('needs --output (exit 4)', async () => {
    const r = await cli(join(root, 'fixtures/changning-compliant.json'), '--format', 'xlsx');
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('--output');
  });
});

import { copyFileSync, linkSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REPORT_SHEETS, isReportBook } from '../../src/source/xlsx/layout.js';
import { openWorkbook } from '../../src/source/xlsx/workbook.js';
import { isAssessReport } from '../../src/source/report-file.js';
import { DEFAULT_LIMITS } from '../../src/source/types.js';
import { root, runInProcess as assess } from '../helpers/cli.js';

/**
 * A clerk keeps the reports beside the facts files: `assess areas/ --output areas/报告.xlsx`, run
 * again next week. The report this run replaces is not an area; a report of another run is said
 * to be one in a line; a facts file is never overwritten by a report.
 */
describe('a folder that holds its own reports', () => {
  let dir: string;
  const facts = ['changning-compliant.json', 'changning-failing.json'];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'weibao-reports-'));
    for (const f of facts) copyFileSync(join(root, 'fixtures', f), join(dir, f));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['xlsx', 'report.xlsx'],
    ['json', 'report.json'],
    ['json --compact', 'report.json'],
  ])('--format %s --output inside the folder: run again, the old report is replaced, not read as an area', async (format, name) => {
    const output = join(dir, name);
    const args = [dir, '--format', ...format.split(' '), '--output', output];
    const first = await assess(args);
    expect(first.code, first.stderr).toBe(1);
    expect(isAssessReport(output, DEFAULT_LIMITS)).toBe(true);
    const again = await assess(args);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(1);
    if (format.startsWith('json')) {
      const doc = JSON.parse(readFileSync(output, 'utf8'));
      expect(doc.results.map((r: { input: string }) => r.input.split('/').pop())).toEqual(facts);
      expect(doc.summary.byVerdict.invalid).toBe(0);
    }
  });

  it('another run\'s report in the folder is an input said in one line to be a report (exit 3), in both languages', async () => {
    expect((await assess([dir, '--format', 'xlsx', '--output', join(dir, 'report.xlsx')])).code).toBe(1);
    expect((await assess([join(root, 'fixtures/changning-failing.json'), '--format', 'json', '--output', join(dir, 'last.json')])).code).toBe(1);
    const zh = await assess([dir]);
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain(`${join(dir, 'last.json')}:1:1: 这是 assess 生成的报告（有 schemaVersion，没有 facts），不是填报的事实文件\n  改为: `);
    expect(zh.stderr).toContain(`${join(dir, 'report.xlsx')}: 这是 assess 生成的报告工作簿（工作表：总览、矩阵、整改台账），不是填报的台账\n  改为: `);
    expect(zh.stderr.match(/^错误: /gm)).toHaveLength(2);
    const en = await assess([dir, '--lang', 'en']);
    expect(en.stderr).toContain(`${join(dir, 'report.xlsx')}: this is a report workbook written by assess (sheets: 总览、矩阵、整改台账), not a facts workbook\n  fix: `);
  });

  it('the --baseline kept in the folder is the baseline, not an area', async () => {
    const last = join(dir, '上月.json');
    expect((await assess([dir, '--format', 'json', '--output', last])).code).toBe(1);
    const r = await assess([dir, '--baseline', last, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.results.map((x: { input: string }) => x.input.split('/').pop())).toEqual(facts);
    expect(doc.results[0].progress).toBeDefined();
  });

  it('--output naming a facts file of the folder is refused (exit 4) and the file is left as it was', async () => {
    const target = join(dir, facts[1]);
    const before = readFileSync(target);
    for (const format of ['json', 'xlsx']) {
      const r = await assess([dir, '--format', format, '--output', target]);
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/是本次读取的输入文件/);
      expect(readFileSync(target).equals(before)).toBe(true);
    }
  });

  it('--output reaching a facts file of the folder by another name is refused too: a hard link, a link in the folder, the folder by a link', async () => {
    const target = join(dir, facts[1]);
    const before = readFileSync(target);
    const other = mkdtempSync(join(tmpdir(), 'weibao-reports-other-'));
    try {
      // The output is a second name of a facts file (a hard link elsewhere).
      const hard = join(other, 'hard.json');
      linkSync(target, hard);
      // A facts file of the folder is a link to the output.
      const report = join(other, 'report.json');
      writeFileSync(report, readFileSync(join(root, 'fixtures', facts[0])));
      symlinkSync(report, join(dir, 'linked.json'));
      // The folder named by a link, the output by the folder's own path.
      const via = join(other, 'areas');
      symlinkSync(dir, via);
      for (const [input, output] of [[dir, hard], [dir, report], [via, target]]) {
        const r = await assess([input, '--format', 'json', '--output', output]);
        expect(r.code, `${input} → ${output}`).toBe(4);
        expect(r.stderr).toMatch(/是本次读取的输入文件/);
      }
      expect(readFileSync(target).equals(before)).toBe(true);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('a report named as an input and as --output is refused as before: it is an input', async () => {
    const output = join(dir, 'report.json');
    await assess([dir, '--format', 'json', '--output', output]);
    expect((await assess([output, '--format', 'json', '--output', output])).code).toBe(4);
  });
});

describe('REPORT_SHEETS: what a report workbook is', () => {
  it('holds the sheets of every xlsx report (one area, a batch, --by responsible, --baseline), and no facts workbook is one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weibao-sheets-'));
    try {
      const runs = [
        ['fixtures/changning-failing.json'],
        ['fixtures/changning-failing.json', 'fixtures/changning-compliant.json'],
        ['fixtures/changning-failing.json', '--by', 'responsible'],
        ['fixtures/changning-failing.json', 'fixtures/changning-compliant.json', '--by', 'responsible'],
        ['fixtures/packs', '--baseline', 'fixtures/packs-baseline.json'],
      ];
      for (const [n, args] of runs.entries()) {
        const file = join(dir, `${n}.xlsx`);
        const r = await assess([...args.map((a) => (a.startsWith('fixtures') ? join(root, a) : a)), '--format', 'xlsx', '--output', file]);
        expect(r.code, r.stderr).toBeLessThan(3);
        const names = openWorkbook(readFileSync(file)).sheetNames;
        expect(names.filter((s) => !REPORT_SHEETS.includes(s)), args.join(' ')).toEqual([]);
        expect(isReportBook(names)).toBe(true);
      }
      const template = join(dir, 'template.xlsx');
      expect((await assess(['init', '--standard', 'changning-demo-street@2023', '--format', 'xlsx', '--output', template])).code).toBe(0);
      expect(isReportBook(openWorkbook(readFileSync(template)).sheetNames)).toBe(false);
      expect(isAssessReport(template, DEFAULT_LIMITS)).toBe(false);
      expect(isAssessReport(join(root, 'fixtures/changning-failing.json'), DEFAULT_LIMITS)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cli, factFixtures, fillTemplate, root, tempDir } from './helpers.js';

/**
 * The workbooks opened by a real spreadsheet program: LibreOffice headless converts each sheet to
 * CSV (as shown on screen), and the cells must be what a clerk would see. Needs `soffice`
 * (Debian: libreoffice-calc-nogui, installed by .ci/run); without it this is skipped, saying so.
 */
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!soffice) console.warn('test/xlsx/libreoffice.test.ts skipped: soffice not on PATH (apt-get install libreoffice-calc-nogui)');

// 44 ',' · 34 '"' · 76 UTF-8 · from line 1 · … · save cell contents as shown · every sheet (-1), each to <name>-<sheet>.csv
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

function sheetsAsCsv(dir: string, files: string[]): Record<string, string[][]> {
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', CSV_FILTER, '--outdir', join(dir, 'csv'), ...files], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  const out: Record<string, string[][]> = {};
  for (const f of readdirSync(join(dir, 'csv'))) out[f.replace(/\.csv$/, '')] = parse(readFileSync(join(dir, 'csv', f), 'utf8'), { relax_column_count: true });
  return out;
}

describe.skipIf(!soffice)('LibreOffice opens the template and a batch report', () => {
  const dir = tempDir();
  let sheets: Record<string, string[][]>;
  let results: { area: { name: string }; verdict: string }[];
  beforeAll(async () => {
    expect((await cli('init', '--standard', 'yangshi-demo-point@2022', '--format', 'xlsx', '--output', join(dir, 'template.xlsx'))).code).toBe(0);
    const fixtures = factFixtures().map((f) => join(root, f));
    expect((await cli(...fixtures, '--format', 'xlsx', '--output', join(dir, 'batch.xlsx'))).code).toBe(2);
    results = JSON.parse((await cli(...fixtures, '--format', 'json')).stdout).results;
    sheets = sheetsAsCsv(dir, [join(dir, 'template.xlsx'), join(dir, 'batch.xlsx')]);
  }, 600_000);

  it('the template: 说明, 基本信息 with the standard filled in, 事实 with its header and one key per row', () => {
    expect(Object.keys(sheets).filter((k) => k.startsWith('template-')).sort()).toEqual(['template-事实', 'template-基本信息', 'template-说明']);
    expect(sheets['template-基本信息']).toContainEqual(['标准', 'yangshi-demo-point@2022']);
    expect(sheets['template-说明'].flat().join('\n')).toContain('yangshi-demo-point@2022');
    const facts = sheets['template-事实'];
    expect(facts[0]).toEqual(['项目', '所涉工作标准', '事实', '单位', '类型', '填报值', '证明材料', '键']);
    const keys = facts.slice(1).map((row) => row[7]);
    expect(keys.length).toBeGreaterThan(50);
    expect(keys.every((k) => /^[a-z0-9_]+$/.test(k))).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('the batch report: 总览 worst first with verdicts in words, 矩阵 symbols, 整改台账 rows', () => {
    const overview = sheets['batch-总览'];
    expect(overview[0].slice(0, 4)).toEqual(['地区', '期间', '结论', '得分']);
    const rows = overview.slice(1).filter((r) => r[0]);
    expect(rows.map((r) => r[0]).sort()).toEqual(results.map((r) => r.area.name).sort());
    expect(rows[0][2]).toBe('否决');
    expect(rows[rows.length - 1][2]).toBe('达标');
    expect(rows.every((r) => /^\d+(\.\d)?%$/.test(r[3]))).toBe(true);
    expect(sheets['batch-矩阵'].slice(1, 1 + results.length).flat().some((c) => c === '✓')).toBe(true);
    expect(sheets['batch-整改台账'][0].slice(0, 3)).toEqual(['地区', '期间', '责任单位']);
    expect(sheets['batch-整改台账'].length).toBeGreaterThan(5);
  });

  it('a filled 台账 saved again by LibreOffice (its own xlsx writer) reads to the same result as the JSON', async () => {
    for (const fixture of ['fixtures/changning-failing.json', 'fixtures/yangshi-failing.json']) {
      const direct = JSON.parse((await cli(join(root, fixture), '--format', 'json')).stdout).results[0];
      const ref = `${direct.standard.id}@${direct.standard.version}`;
      const base = fixture.replace(/\W+/g, '_');
      const template = join(dir, `${base}-template.xlsx`);
      expect((await cli('init', '--standard', ref, '--format', 'xlsx', '--output', template)).code).toBe(0);
      await fillTemplate(template, join(dir, `${base}.xlsx`), parseYaml(readFileSync(join(root, fixture), 'utf8')));
      const resaved = join(dir, 'resaved');
      const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', resaved, join(dir, `${base}.xlsx`)], { encoding: 'utf8', timeout: 300_000 });
      expect(r.status, r.stderr).toBe(0);
      const got = await cli(join(resaved, `${base}.xlsx`), '--format', 'json');
      expect(got.stderr).not.toMatch(/internal error/);
      const result = JSON.parse(got.stdout).results[0];
      expect([result.verdict, result.score]).toEqual([direct.verdict, direct.score]);
      expect(result.items.map((i: { state: string }) => i.state)).toEqual(direct.items.map((i: { state: string }) => i.state));
    }
  }, 600_000);
});

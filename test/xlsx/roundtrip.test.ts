import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cli, factFixtures, fillTemplate, root, tempDir } from './helpers.js';

/**
 * Issue 16's round trip: for every fixture, init --format xlsx → fill 填报值 from the fixture →
 * assess the workbook → the same item states, score and verdict as assessing the fixture itself.
 */
describe('xlsx round trip: the same result as the JSON/YAML path', () => {
  const dir = tempDir();
  for (const fixture of factFixtures()) {
    it(fixture, async () => {
      const direct = await cli(join(root, fixture), '--format', 'json');
      expect(direct.code, direct.stderr).toBeLessThan(3);
      const expected = JSON.parse(direct.stdout).results[0];
      const ref = `${expected.standard.id}@${expected.standard.version}`;
      const base = fixture.replace(/\W+/g, '_');
      const template = join(dir, `${base}-template.xlsx`);
      const init = await cli('init', '--standard', ref, '--format', 'xlsx', '--output', template);
      expect(init.code, init.stderr).toBe(0);
      const doc = parse(readFileSync(join(root, fixture), 'utf8'));
      const filled = join(dir, `${base}.xlsx`);
      await fillTemplate(template, filled, doc);

      const viaExcel = await cli(filled, '--format', 'json');
      expect(viaExcel.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
      expect(viaExcel.code).toBe(direct.code);
      const got = JSON.parse(viaExcel.stdout).results[0];
      expect(got.verdict).toBe(expected.verdict);
      expect(got.score).toBe(expected.score);
      expect(got.standard).toEqual(expected.standard);
      expect(got.area).toEqual(expected.area);
      expect(got.period).toEqual(expected.period);
      expect(got.items.map((i: { id: string; state: string }) => [i.id, i.state])).toEqual(expected.items.map((i: { id: string; state: string }) => [i.id, i.state]));
      expect(got.vetoes.map((v: { id: string; state: string }) => [v.id, v.state])).toEqual(expected.vetoes.map((v: { id: string; state: string }) => [v.id, v.state]));
    }, 120_000); // exceljs loads and writes several workbooks: slow on a busy machine, not hung
  }
});

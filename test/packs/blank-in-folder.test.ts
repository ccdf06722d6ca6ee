import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessInput } from '../../src/assess/input.js';
import { InputError } from '../../src/errors.js';
import { invalidWords } from '../../src/report/invalid-words.js';
import { root, runInProcess as assess } from '../helpers/cli.js';

/**
 * A clerk makes the 台账 with `assess init`, saves it into the folder of this month's
 * submissions, and forgets it there unfilled. In a batch it is no area: assessed, it stood first
 * among the areas needing attention ("—", 0%) and was counted in every item's failures. It is
 * invalid input, said in one line with what to do; assessed on its own it is still every fact
 * missing, the list of what to fill in.
 */
describe('an unfilled template in a folder batch', () => {
  let dir: string;
  const filled = ['changning-compliant.json', 'changning-failing.json'];
  const blanks = { json: '模板.json', yaml: '模板.yaml', xlsx: '台账.xlsx' } as const;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'weibao-blank-'));
    for (const f of filled) copyFileSync(join(root, 'fixtures', f), join(dir, f));
    for (const [format, name] of Object.entries(blanks)) {
      const made = await assess(['init', '--standard', 'changning-demo-street@2023', '--format', format, '--output', join(dir, name)]);
      expect(made.code, made.stderr).toBe(0);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('each unfilled template (json, yaml, xlsx) is invalid input with its place and a fix; the filled areas alone are counted', async () => {
    const r = await assess([dir, '--format', 'json']);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc.results.map((x: { input: string }) => x.input.split('/').pop()).sort()).toEqual([...filled].sort());
    expect(doc.summary.byVerdict.invalid).toBe(3);
    expect(r.stderr.match(/^错误: /gm)).toHaveLength(3);
    for (const name of Object.values(blanks)) {
      expect(r.stderr).toContain(`${join(dir, name)}`);
    }
    // The workbook's place is its cell; the text files' their line.
    expect(r.stderr).toContain(`${join(dir, '台账.xlsx')} 事实!A1: 什么都没有填写：地区名称、期间和所有事实都是空的`);
    expect(r.stderr).toMatch(new RegExp(`${join(dir, '模板.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: 什么都没有填写`));
    expect(r.stderr).toContain('  改为: 填写后再评估；若它只是空白模板，请把它移出要评估的目录');
    const en = await assess([dir, '--format', 'json', '--lang', 'en']);
    expect(en.stderr).toContain('nothing is filled in: the area name, the period and every fact are empty');
    expect(en.stderr).toContain('  fix: fill it in before assessing it; if it is only a blank template, move it out of the folder being assessed');
  });

  it('the district table names the workbook\'s place once, with its cell, and does not rank the template among the areas', async () => {
    const r = await assess([dir]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain(`${join(dir, '台账.xlsx')} 事实!A1: 什么都没有填写`);
    expect(r.stdout).not.toContain(`${join(dir, '台账.xlsx')}: ${join(dir, '台账.xlsx')}`);
    const attention = r.stdout.slice(r.stdout.indexOf('最需关注的街道'));
    expect(attention).not.toMatch(/0\.0%/);
    expect(r.stdout).toContain('汇总：5 个数据包  达标 1，不达标 1，否决 0，无效输入 3');
  });

  it('on its own, an unfilled template is assessed: every fact missing is the list of what to fill in', () => {
    for (const name of Object.values(blanks)) {
      const result = assessInput(join(dir, name));
      expect(result.verdict).toBe('fail');
      expect(result.items.every((i) => i.state === 'missing' || i.state === 'not_applicable')).toBe(true);
    }
  });

  it('refuseBlank: blank means absent, null or blank text everywhere; one value given is a submission', () => {
    const at = (name: string, text: string) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    };
    const refused = (file: string) => {
      try {
        assessInput(file, { refuseBlank: true });
        return false;
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        return e.problems.some((p) => p.id === 'input.blank');
      }
    };
    expect(refused(at('b1.json', '{"facts": {}}'))).toBe(true);
    expect(refused(at('b2.json', '{"standard": "changning-demo-street@2023", "area": {"name": null, "code": " "}, "period": null, "facts": {"xi_thought_education_activities_per_year": null}, "evidence": {}}'))).toBe(true);
    // One thing filled in: the area's name, the period, a fact (false and 0 are answers) or evidence.
    expect(refused(at('f1.json', '{"area": {"name": "某街道"}, "facts": {}}'))).toBe(false);
    expect(refused(at('f2.json', '{"period": "2023", "facts": {}}'))).toBe(false);
    expect(refused(at('f3.json', '{"facts": {"political_ability_in_cadre_study_plan": false}}'))).toBe(false);
    expect(refused(at('f4.json', '{"facts": {"xi_thought_education_activities_per_year": 0}}'))).toBe(false);
    expect(refused(at('f5.json', '{"facts": {}, "evidence": {"xi_thought_education_activities_per_year": ["a.pdf"]}}'))).toBe(false);
    // Not blank but wrong (validation says what): facts missing, or of the wrong kind.
    expect(refused(at('w1.json', '{"area": {"name": null}}'))).toBe(false);
    expect(refused(at('w2.json', '{"facts": []}'))).toBe(false);
    // Without the option (one input on its own), nothing is refused for being blank.
    expect(assessInput(join(dir, 'b1.json')).verdict).toBe('fail');
    for (const f of ['b1', 'b2', 'f1', 'f2', 'f3', 'f4', 'f5', 'w1', 'w2']) rmSync(join(dir, `${f}.json`));
  });

  it('invalidWords places a workbook\'s problem by its file and cell, and leaves any other text after the file alone', () => {
    const file = join(dir, '台账.xlsx');
    expect(invalidWords({ input: file, message: `${file} 事实!A1: 什么都没有填写\n  改为: 填写`, where: { file, line: 1, column: 1, cell: '事实!A1' } })).toEqual({ place: `${file} 事实!A1`, reason: '什么都没有填写', more: ['改为: 填写'] });
    expect(invalidWords({ input: file, message: `${file} 不是台账: 原因`, where: { file } })).toEqual({ place: file, reason: `${file} 不是台账: 原因`, more: [] });
  });
});

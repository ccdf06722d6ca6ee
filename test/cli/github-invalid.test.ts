import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';

// Issue 14 item 6: the annotation for an invalid pack names the facts file inside it and the line.
describe('--format github: an invalid pack is annotated on its facts file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'weibao-gh-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('names <pack>/facts.json, line and column, with the fix', async () => {
    cpSync('fixtures/packs/a-clean', join(dir, 'a-clean'), { recursive: true });
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'facts.json'), '{\n  "area": {"name": "x"},\n  "facts": {"coordination_meetings_per_year": "２"}\n}\n');
    const r = await runInProcess([dir, '--format', 'github', '--lang', 'en']);
    expect(r.code).toBe(3);
    const file = join(dir, 'bad', 'facts.json').replace(/:/g, '%3A').replace(/,/g, '%2C');
    expect(r.stdout).toContain(`::error file=${file},line=3,col=47,title=weibao%3A invalid input::`);
    expect(r.stdout).toContain('fix: full-width digits: type the half-width 2');
  });

  it.each([
    ['facts.json', '{\n  "standard": "changning-demo-street@2023",\n  "period": "2024-Q1",\n  "facts": {}\n}\n', 3, 13, 'period（期间）"2024-Q1" 不在标准 changning-demo-street@2023 的年度（2023 年）内'],
    ['facts.yaml', 'area:\n  name: x\nstandard: changning-demo-streat@2023\nfacts: {}\n', 3, 11, '没有名为 "changning-demo-streat@2023" 的标准'],
    ['facts.json', '{\n  "facts": {\n    "coordination_meetings_per_year": 3,\n  }\n}\n', 3, 40, '最后一项之后多了一个逗号（JSON 不允许）'],
  ])('in zh, %s: the file inside the pack, its line and column, the words and the fix', async (name, text, line, col, words) => {
    // A directory of packs (as CI runs it): the bad pack beside a good one.
    const packs = join(dir, `zh-${line}-${col}-${name.replace('.', '-')}`);
    const pack = join(packs, 'bad');
    mkdirSync(pack, { recursive: true });
    cpSync('fixtures/packs/a-clean', join(packs, 'a-clean'), { recursive: true });
    writeFileSync(join(pack, name), text);
    const r = await runInProcess([packs, '--format', 'github']);
    expect(r.code).toBe(3);
    const file = join(pack, name).replace(/:/g, '%3A').replace(/,/g, '%2C');
    const annotation = r.stdout.split('\n').find((l) => l.startsWith('::error '));
    expect(annotation).toContain(`::error file=${file},line=${line},col=${col},title=weibao：输入无效::`);
    expect(annotation).toContain(words);
    expect(annotation).toMatch(/%0A {2}改为: /);
  });
});

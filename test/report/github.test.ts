import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command, escapeData, escapeProperty } from '../../src/report/github.js';
import { root, runInProcess, spawnAssess as assess } from '../helpers/cli.js';

const lines = (file: string) => readFileSync(join(root, file), 'utf8').split('\n');

describe('--format github', () => {
  it('escapes data (% CR LF) and properties (also : and ,) as the Actions runner unescapes them', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(command('error', { file: 'p/facts.json', line: 3, title: 'x: y' }, 'm')).toBe('::error file=p/facts.json,line=3,title=x%3A y::m');
    expect(command('notice', { file: undefined }, 'm')).toBe('::notice::m');
  });

  it('one ::error per item not met, at the line of its fact in the facts file', () => {
    const r = assess(['fixtures/packs/d-failing', '--format', 'github']);
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error '));
    const json = JSON.parse(assess(['fixtures/packs/d-failing', '--format', 'json']).stdout).results[0];
    expect(errors).toHaveLength(json.items.filter((i: { state: string }) => i.state !== 'pass' && i.state !== 'not_applicable').length);
    // The line named is where the first fact the rule reads stands in facts.json.
    const meetings = errors.find((l) => l.includes('org.coordination-meetings'))!;
    const line = Number(/,line=(\d+),/.exec(meetings)![1]);
    expect(lines('fixtures/packs/d-failing/facts.json')[line - 1]).toMatch(/"coordination_meetings_per_year":/);
  });

  it('evidence problems point at the evidence list of the fact', () => {
    const out = assess(['fixtures/packs/b-evidence-problems', '--format', 'github']).stdout;
    const l = out.split('\n').find((x) => x.includes('org.performance-evaluation'))!;
    const line = Number(/,line=(\d+),/.exec(l)![1]);
    expect(lines('fixtures/packs/b-evidence-problems/facts.json')[line - 1]).toMatch(/^\s{4}"minor_protection_in_performance_evaluation": \[/);
  });

  it('a lone invalid input is an ::error on the file and line of its problem, as in a batch (the whole report; stderr as before)', async () => {
    for (const [file, lang] of [['fixtures/invalid/malformed.yaml', 'en'], ['fixtures/invalid/duplicate-key.json', 'zh']] as const) {
      const alone = await runInProcess([file, '--format', 'github', '--lang', lang]);
      expect(alone.code).toBe(3);
      await expect(alone.stdout).toMatchFileSnapshot(`golden/${file.split('/').pop()}.${lang}.github.txt`);
      // The same annotation a batch gives it (after the others' lines).
      const batch = await runInProcess(['fixtures/packs/a-clean', file, '--format', 'github', '--lang', lang]);
      expect(batch.stdout.endsWith(alone.stdout)).toBe(true);
      expect(alone.stderr).toBe((await runInProcess([file, '--format', 'json', '--lang', lang])).stderr);
    }
    // No other format prints a report for it.
    expect((await runInProcess(['fixtures/invalid/malformed.yaml', '--format', 'json'])).stdout).toBe('');
  });

  it('an invalid input with several problems is annotated at the first of them in the file, as stderr lists them', async () => {
    // wrong-types.json's checks find line 7 before line 5; the annotation goes where the reader starts.
    const r = await runInProcess(['fixtures/invalid/wrong-types.json', '--format', 'github']);
    const firstPrinted = r.stderr.match(/wrong-types\.json:(\d+):(\d+)/)!;
    expect(r.stdout).toMatch(new RegExp(`^::error file=fixtures/invalid/wrong-types\\.json,line=${firstPrinted[1]},col=${firstPrinted[2]},`));
    expect(firstPrinted[1]).toBe('5');
  });

  it('matches the golden annotations', async () => {
    const r = assess(['fixtures/packs/', '--format', 'github']);
    await expect(r.stdout).toMatchFileSnapshot('../packs/golden/packs.github.txt');
  });
});

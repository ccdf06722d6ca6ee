import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';

/**
 * The inverse of the Han scan (issue 14): in the default language every error and warning is
 * Chinese. Each command below is given bad input; stderr may hold ids, paths, codes, flags,
 * commands and values the user wrote, but no English sentence (three English words in a row once
 * those are taken out). A failure lists each offending line with the command that printed it.
 */
const dir = mkdtempSync(join(tmpdir(), 'weibao-zh-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const badSchema = write('bad-schema.yaml', 'id: x\nversion: "2023"\nkind: checklist\ntitle: t\nitems:\n  - id: a\n    aspect: A\n    number: one\n    colour: red\n');
const GOOD = 'fixtures/changning-compliant.json';
const H = 'fixtures/hostile';

const runs: string[][] = [
  [GOOD, '--standard', 'nowhere@2020'],
  [GOOD, '--standard', 'changning-demo-streat@2023'],
  [GOOD, '--standard', 'changning-demo-street@2019'],
  [GOOD, '--standard', 'nowhere.yaml'],
  [GOOD, '--negative-list', 'changning-demo-street@2023'],
  [GOOD, '--standard', badSchema],
  [GOOD, '--standard', `${H}/standard-log-op.yaml`],
  [GOOD, '--standard', 'test/hostile/tiny-standard.yaml', '--negative-list', `${H}/standard-negative-redefines.yaml`],
  [`${H}/standard-two-ats.json`],
  [`${H}/standard-unknown.json`],
  ['fixtures/packs/a-clean', '--baseline', GOOD],
  ['fixtures/mistakes/period-wrong-year.json'],
  ['diff', 'nowhere@1', 'changning-demo-street@2023'],
  ['diff', 'changning-demo-street@2023', 'yangshi-demo-point@2022', '--facts', 'fixtures/mistakes/fact-name-typo.json'],
  ['diff', 'changning-demo-street@2023', 'yangshi-demo-point@2022', '--facts', 'fixtures/mistakes/bool-shi.json'],
  ['standards', 'show', 'nowhere'],
  ['standards', 'lint', `${H}/standard-unknown-op.yaml`, `${H}/standard-reads-nothing.yaml`, badSchema],
  ['init'],
  ['init', '--standard', 'nowhere@1'],
  ['--bogus'],
  [GOOD, '--format', 'nope'],
  ['standards', 'lsit'],
  // Reading: a file over --max-bytes, a directory that is no pack, a device.
  [GOOD, '--max-bytes', '100'],
  [`${H}/no-facts-dir`],
  ['/dev/null', '--standard', 'test/hostile/tiny-standard.yaml'],
  [GOOD, '--standard', 'fixtures'],
  ...readdirSync('fixtures/mistakes').filter((f) => /\.(json|yaml)$/.test(f)).map((f) => [`fixtures/mistakes/${f}`]),
];

/** What may stay Latin in a Chinese line: paths, ids, quoted values, flags, commands, pointers, code. */
function englishSentences(text: string): string[] {
  return text.split('\n').filter((line) => {
    const rest = line
      .replace(/"(?:[^"\\]|\\.)*"|“[^”]*”|'[^']*'/g, ' ') // values and names the user wrote, ids
      .replace(/\{[^}]*\}/g, ' ') // a JSON-Logic snippet
      .replace(/\bassess(?: [a-z][a-z-]*)*/g, ' ') // a command to type
      .replace(/(?:^|\s)[^\s]*[/\\@][^\s]*/g, ' ') // paths, pointers, id@version
      .replace(/--?[a-z][a-z-]*/g, ' ') // flags
      .replace(/\b[a-z]+(?:[_.][a-z0-9]+)+\b/g, ' ') // fact names, file names
      .replace(/\b(?:time|year|quarters|quarter|period|now|min_score|negative_lists|content|rule|veto_if|applies_if|var|policy|facts|true|false|null|UTF-8|JSON|YAML|JSON-Logic|README|Untrusted input|standard|area|name|code|id|items)\b/g, ' ');
    return /\b[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}\b/.test(rest);
  });
}

describe('zh errors say no English sentence', () => {
  it.each(runs.map((r) => [r.join(' '), r]))('assess %s', async (_, args) => {
    const r = await runInProcess(args as string[]);
    expect(r.stderr.length, 'every run here says something on stderr').toBeGreaterThan(0);
    expect(englishSentences(r.stderr)).toEqual([]);
  });

  it('the check finds English (it is not vacuous)', () => {
    expect(englishSentences('错误: f.json:1:2: standard "x" has no version "1"')).toHaveLength(1);
    expect(englishSentences('错误: f.json: no such file or directory')).toHaveLength(1);
    expect(englishSentences('错误: f.json:1:2: 标准 x 没有 "1" 版\n  改为: 可用的版本：x@2023')).toHaveLength(0);
  });
});

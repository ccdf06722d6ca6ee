import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';

// The exit-code contract through the real binary (bin/assess.js → dist/), as CI and users see it.

describe('exit codes', () => {
  it.each([
    ['fixtures/changning-compliant.json', 0],
    ['fixtures/changning-failing.json', 1],
    ['fixtures/changning-vetoed.json', 2],
    ['fixtures/changning-incomplete.yaml', 1],
  ])('%s exits %i', (file, code) => {
    const r = run(file);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(r.code).toBe(code);
  });

  it('several inputs exit with the worst', () => {
    expect(run('fixtures/changning-compliant.json', 'fixtures/changning-vetoed.json', 'fixtures/changning-failing.json').code).toBe(2);
    const r = run('fixtures/changning-compliant.json', 'fixtures/invalid/malformed.json', '--format', 'json');
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout).results).toHaveLength(1); // the good input is still reported
  });

  it('usage errors exit 4', () => {
    expect(run('--bogus').code).toBe(4);
    expect(run().code).toBe(4);
    expect(run('fixtures/changning-compliant.json', '--format', 'pdf').code).toBe(4);
    expect(run('standards', 'show').code).toBe(4);
  });

  it('help and version exit 0', () => {
    expect(run('--help').code).toBe(0);
    expect(run('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run('standards', 'lint').code).toBe(0);
  }, 60_000); // three processes, one linting every standard: generous on a busy machine
});

describe('invalid inputs: exit 3, the file, the place and what was expected, no stack', () => {
  const dir = fileURLToPath(new URL('../../fixtures/invalid/', import.meta.url));
  const expectations: Record<string, RegExp> = {
    'malformed.json': /malformed\.json:\d+:\d+: .*\n  fix: /,
    'malformed.yaml': /malformed\.yaml:\d+:\d+: /,
    'wrong-types.json': /wrong-types\.json:5:\d+: facts\.coordination_meetings_per_year \(.+\): expected a whole number ≥ 0 \(times\), got "2" \(string\)\n  fix: remove the quotes: 2\n.*wrong-types\.json:6:\d+: .*got -1[^]*wrong-types\.json:7:\d+: .*got 1\.5/,
    'unknown-standard.json': /unknown-standard\.json:2:\d+: standard "changning-demo-street" has no version "2019"\n  fix: the versions are: changning-demo-street@2023/,
    'duplicate-key.json': /duplicate-key\.json:\d+:\d+: duplicate key "\w+" \(first at line \d+:\d+\)/,
    'not-an-object.yaml': /not-an-object\.yaml:1:1: the document is an array, expected an object with "facts"/,
  };
  const files = readdirSync(dir);
  it('every invalid fixture has an expectation', () => expect(files.sort()).toEqual(Object.keys(expectations).sort()));
  it.each(Object.entries(expectations))('%s', (file, pattern) => {
    const r = run(`fixtures/invalid/${file}`, '--lang', 'en');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
  it('an unknown --standard is invalid input too', () => {
    const r = run('fixtures/changning-compliant.json', '--standard', 'nowhere@2020');
    expect(r.code).toBe(3);
    // In the default language (zh), with the standards there are as the fix.
    expect(r.stderr).toMatch(/^错误: 没有名为 "nowhere@2020" 的标准\n  改为: 可用的标准：changning-demo-street（长宁区未成年人保护示范街道（镇）创建达标体系）、negative-list（负面工作清单项（.*）、yangshi-demo-point（创建全国未成年人保护示范点责任清单）/);
  });
});

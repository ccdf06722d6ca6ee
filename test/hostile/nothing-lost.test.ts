import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

/**
 * Issue 7, "nothing lost" and "no lies" at the CLI's edge, in-process through main(): a batch
 * with one bad input still reports every other; a failed run leaves the previous --output
 * report as it was; an unknown fact is a warning naming the closest known one; every error
 * names the file and the place, and a stack trace appears only with --debug.
 */
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const TINY = here('./tiny-standard.yaml');
const GOOD = here('./good-facts.json');
const HOSTILE = (f: string) => here(`../../fixtures/hostile/${f}`);
const tmp = mkdtempSync(join(tmpdir(), 'weibao-lost-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...args: string[]) {
  const out = { stdout: '', stderr: '' };
  const stream = (k: 'stdout' | 'stderr') => ({ write: (s: string) => ((out[k] += s), true), isTTY: false, columns: 100 }) as unknown as NodeJS.WriteStream;
  // The fragments below are the English words; the default language (zh) is asked for by name.
  const lang = args.includes('--lang') ? [] : ['--lang', 'en'];
  const code = await main(['node', 'assess', ...args, ...lang], { stdout: stream('stdout'), stderr: stream('stderr') });
  return { code, ...out };
}

describe('a batch with bad inputs still reports all the others', () => {
  it('good, malformed, good, missing, good → three results, both failures named, exit 3', async () => {
    const failing = join(tmp, 'failing.json');
    writeFileSync(failing, JSON.stringify({ facts: { tiny_meetings_per_year: 1, tiny_child_directors: 2, tiny_plan_date: '2023-02-01', tiny_funding: 5 } }));
    const r = (await run(GOOD, HOSTILE('trailing-comma.json'), failing, join(tmp, 'absent.json'), HOSTILE('utf8-bom.json'), '--standard', TINY, '--format', 'json'));
    expect(r.code).toBe(3);
    const results = (JSON.parse(r.stdout) as { results: { input: string; verdict: string }[] }).results;
    expect(results.map((x) => [x.input, x.verdict])).toEqual([
      [GOOD, 'pass'],
      [failing, 'fail'],
      [HOSTILE('utf8-bom.json'), 'pass'],
    ]);
    expect(r.stderr).toMatch(/trailing-comma\.json:3:32: unexpected "}" or "]" after a comma/);
    expect(r.stderr).toMatch(/absent\.json: no such file/);
  });
});

describe('--output is written atomically', () => {
  it('a run that fails leaves the previous report as it was, and no temporary file behind', async () => {
    const dir = mkdtempSync(join(tmp, 'out-'));
    const report = join(dir, 'report.json');
    expect((await run(GOOD, '--standard', TINY, '--format', 'json', '--output', report)).code).toBe(0);
    const before = readFileSync(report, 'utf8');
    expect(JSON.parse(before).results).toHaveLength(1);
    const r = (await run(HOSTILE('duplicate-key.json'), '--standard', TINY, '--format', 'json', '--output', report));
    expect(r.code).toBe(3);
    expect(readFileSync(report, 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('an --output that cannot be written is a usage error naming the path, not an internal error', async () => {
    const target = join(tmp, 'no', 'such', 'dir', 'r.txt');
    const r = await run(GOOD, '--standard', TINY, '--output', target, '--lang', 'en');
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(`error: cannot write the report to ${target}: its directory does not exist\n  fix: choose a writable --output path (or leave --output out to print the report)\n`);
    expect((await run(GOOD, '--standard', TINY, '--output', tmp, '--lang', 'en')).stderr).toMatch(/cannot write the report to .*: it is a directory/);
    expect((await run(GOOD, '--standard', TINY, '--output', target, '--lang', 'zh')).stderr).toMatch(/无法把报告写到 .*：所在的目录不存在/);
  });
});

describe('unknown facts', () => {
  it('warn, naming the closest known fact and its description, and do not stop the assessment', async () => {
    const r = (await run(HOSTILE('typo-fact.json'), '--standard', TINY, '--format', 'json'));
    expect(r.code).toBe(1); // tiny_meetings_per_year itself is missing
    expect(r.stderr).toMatch(/warning: .*typo-fact\.json:3:\d+: unknown fact "tiny_meetings_per_yaer" .*\n  fix: did you mean "tiny_meetings_per_year" \(Meetings held per year\)\?/);
    const item = JSON.parse(r.stdout).results[0].items.find((i: { id: string }) => i.id === 'tiny.meetings');
    expect(item.state).toBe('missing');
  });

  it('far from every known fact, get no suggestion', async () => {
    const file = join(tmp, 'stranger.json');
    writeFileSync(file, JSON.stringify({ facts: { completely_unrelated_thing: 1 } }));
    const r = (await run(file, '--standard', TINY));
    expect(r.stderr).toMatch(/unknown fact "completely_unrelated_thing" \(not in this standard's vocabulary; it is not read\)\n$/);
  });
});

describe('errors: file, place, what was expected; a stack only with --debug', () => {
  it('without --debug, no stack', async () => {
    const r = (await run(HOSTILE('count-as-string.json'), '--standard', TINY));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/count-as-string\.json:7:31: .*expected a whole number ≥ 0, got "2" \(string\)\n  fix: remove the quotes: 2/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('with --debug, the stack', async () => {
    const r = (await run(HOSTILE('count-as-string.json'), '--standard', TINY, '--debug'));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/\n\s+at .+validate/);
  });
});

describe('--max-bytes', () => {
  it.each(['0', '-1', 'abc', '1.5'])('refuses %s as a usage error, said once', async (v) => {
    const r = (await run(GOOD, '--standard', TINY, '--max-bytes', v));
    expect(r.code).toBe(4);
    // The words are the catalogue's (src/cli/commander-words.ts), with the fix on a line of its own.
    expect(r.stderr).toMatch(new RegExp(`^error: option --max-bytes: "${v.replace('.', '\\.')}" is not a valid value\\n  fix: a positive whole number, e\\.g\\. --max-bytes 2\\n`));
    expect(r.stderr.match(/error:/g)).toHaveLength(1);
  });

  it('raises the limit', async () => {
    expect((await run(HOSTILE('tight-limit.json'), '--standard', TINY, '--max-bytes', '100')).code).toBe(3);
    expect((await run(HOSTILE('tight-limit.json'), '--standard', TINY, '--max-bytes', '100000')).code).toBe(0);
  });
});

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../helpers/cli.js';

// `--jobs n` gives byte for byte the report of `--jobs 1`: same order, same summary, same exit
// code, the broken inputs reported where they were. The binary is spawned: worker threads and the
// process's exit code are the point. No timing here (that is `npm run bench`); the limits below
// are only there so a hung run fails, and are generous for a busy 2-core machine.
function assess(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/assess.js', ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1', CI: '1' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

async function same(args: string[], jobs = 3) {
  const [one, many] = await Promise.all([assess([...args, '--jobs', '1']), assess([...args, '--jobs', String(jobs)])]);
  expect(many.stdout).toBe(one.stdout);
  expect(many.stderr).toBe(one.stderr);
  expect(many.code).toBe(one.code);
  return one;
}

const LONG = { timeout: 600_000 };

describe('--jobs on the pack fixtures', () => {
  it.each([['table'], ['json'], ['junit'], ['github'], ['markdown'], ['csv'], ['jsonl']])('--format %s', LONG, async (format) => {
    const r = await same(['fixtures/packs/', '--format', format], 2);
    expect(r.code).toBe(2);
    expect(r.stdout.length).toBeGreaterThan(0);
  });

  it('--by responsible, --lang en and loose facts files too', LONG, async () => {
    await same(['fixtures/packs/', 'fixtures/changning-failing.json', 'fixtures/changning-incomplete.yaml', '--by', 'responsible', '--lang', 'en']);
  });

  it('html, and the 整改台账 in html (from slimmed results), the same', LONG, async () => {
    await same(['fixtures/packs/', 'fixtures/changning-failing.json', '--format', 'html', '--date', '2026-11-30']);
    await same(['fixtures/packs/', 'fixtures/changning-failing.json', '--format', 'html', '--by', 'responsible', '--date', '2026-11-30']);
  });

  it('--jobs must be a positive whole number', LONG, async () => {
    for (const bad of ['0', '-1', 'two', '1.5']) expect((await assess(['fixtures/packs/', '--jobs', bad])).code).toBe(4);
  });
});

describe('--jobs on 500 generated packs, some broken', () => {
  let dir: string;
  const broken = ['pack-007', 'pack-123', 'pack-250', 'pack-251', 'pack-499'];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'weibao-jobs-'));
    const r = spawnSync(process.execPath, [join(root, 'scripts/make-packs.mjs'), '500', dir, '--seed', '7', '--documents', '2'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    // Broken in every way an input can be: no facts file, not JSON, a value out of range, a
    // standard that doesn't exist; and a loose facts file beside the packs.
    rmSync(join(dir, broken[0], 'facts.json'));
    writeFileSync(join(dir, broken[1], 'facts.json'), '{"facts": {"hotels": 3,}}');
    const facts = JSON.parse(readFileSync(join(dir, broken[2], 'facts.json'), 'utf8'));
    facts.facts.key_tasks_assigned = -4;
    writeFileSync(join(dir, broken[2], 'facts.json'), JSON.stringify(facts));
    writeFileSync(join(dir, broken[3], 'facts.json'), JSON.stringify({ ...facts, standard: 'no-such-standard@2023' }));
    rmSync(join(dir, broken[4], 'facts.json'));
    mkdirSync(join(dir, broken[4], 'facts.json'));
    cpSync(join(root, 'fixtures/changning-incomplete.yaml'), join(dir, 'loose.yaml'));
  }, LONG.timeout);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([['json'], ['csv'], ['html']])('--format %s: the same bytes, the broken packs reported', LONG, async (format) => {
    const r = await same([dir, '--format', format]);
    expect(r.code).toBe(3);
    for (const name of broken.slice(0, 4)) expect(r.stderr).toContain(join(dir, name));
    if (format === 'json') {
      const doc = JSON.parse(r.stdout);
      expect(doc.results).toHaveLength(501 - 5);
      expect(doc.summary.invalid).toHaveLength(5);
      expect(doc.results.map((x: { input: string }) => x.input)).toEqual([...doc.results.map((x: { input: string }) => x.input)].sort());
    }
  });
});

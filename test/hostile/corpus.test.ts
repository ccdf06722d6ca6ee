import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, spawnMeasured } from '../helpers/cli.js';

/**
 * The hostile-input corpus (issue 7): fixtures/hostile/cases.yaml lists every hostile file with
 * the exit code and the stderr fragments it must produce. Each runs through the real binary
 * (bin/assess.js → dist/, so `npm run build` first, as `npm test` does) and must finish within
 * the issue's bound of 2 seconds. The bound is held on the process's own CPU time (spawnMeasured,
 * test/helpers/cli.ts), which a busy CI machine doesn't inflate the way it does wall time; a run
 * that is still going after HANG_MS of wall time is killed and fails as a hang.
 */
const dir = join(root, 'fixtures/hostile');
const TINY = 'test/hostile/tiny-standard.yaml';
const GOOD = 'test/hostile/good-facts.json';
const BOUND_MS = 2000;
// A hang detector, not a budget (that is BOUND_MS of CPU): generous, so a loaded machine never trips it.
const HANG_MS = 60_000;

interface Case {
  file: string;
  role?: 'facts' | 'standard' | 'alone' | 'lint' | 'diff' | 'diff-facts';
  generate?: 'huge' | 'unreadable' | 'fifo' | 'long-string' | 'long-key' | 'many-unknown' | 'many-errors';
  args?: string[];
  exit: number;
  stderr?: string[];
  stdout?: string[];
}

const cases = (parse(readFileSync(join(dir, 'cases.yaml'), 'utf8')) as { cases: Case[] }).cases;

// Root reads a mode-000 file anyway (CI runs as root): there the unreadable case runs the binary
// as the unprivileged user `nobody`, for whom the mode does stop the read. If dropping to nobody
// fails, the spawn error lands in stderr and the case fails: it never passes without the proof.
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let tmp: string;
const good = readFileSync(join(root, GOOD), 'utf8');
const goodFacts = (JSON.parse(good) as { facts: Record<string, unknown> }).facts;

function generate(c: Case): string {
  const path = join(tmp, c.file);
  switch (c.generate) {
    case 'huge':
      writeFileSync(path, `{"facts": {}, "area": {"name": "${'x'.repeat(11 * 1024 * 1024)}"}}`);
      break;
    case 'unreadable':
      writeFileSync(path, good);
      chmodSync(path, 0o000);
      break;
    case 'fifo':
      if (spawnSync('mkfifo', [path]).status !== 0) throw new Error('mkfifo failed');
      break;
    case 'long-string':
      writeFileSync(path, JSON.stringify({ area: { name: '长'.repeat(1_000_000) }, facts: { ...goodFacts, tiny_plan_date: 'y'.repeat(1_000_000) } }));
      break;
    case 'long-key':
      writeFileSync(path, JSON.stringify({ facts: { ...goodFacts, ['x'.repeat(200_000)]: 1 } }));
      break;
    case 'many-unknown': {
      const extra = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`tiny_extra_${i}`, i]));
      writeFileSync(path, JSON.stringify({ facts: { ...goodFacts, ...extra } }));
      break;
    }
    case 'many-errors': {
      const evidence = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`e${i}`, [1]]));
      writeFileSync(path, JSON.stringify({ facts: goodFacts, evidence }));
      break;
    }
  }
  return path;
}

function run(args: string[], uid?: number) {
  // The corpus's fragments are the English messages.
  return spawnMeasured(args, { env: { WEIBAO_LANG: 'en' }, uid, hangMs: HANG_MS });
}

function argsFor(c: Case, path: string): string[] {
  const byRole: Record<string, string[]> = {
    facts: [path, '--standard', TINY],
    standard: [GOOD, '--standard', path],
    alone: [path],
    lint: ['standards', 'lint', path],
    diff: ['diff', TINY, path],
    'diff-facts': ['diff', TINY, TINY, '--facts', path],
  };
  const args = byRole[c.role ?? 'facts'];
  return [...args, ...(c.args ?? [])];
}

function pathOf(c: Case): string {
  if (c.generate) return join(tmp, c.file);
  if (isAbsolute(c.file)) return c.file;
  return `fixtures/hostile/${c.file}`;
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'weibao-hostile-'));
  chmodSync(tmp, 0o755); // `nobody` must reach the unreadable file to be refused by its mode
  for (const c of cases) if (c.generate) generate(c);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('hostile corpus: fixtures/hostile/cases.yaml', () => {
  it('has at least 25 cases, each file listed once', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    const keys = cases.map((c) => `${c.role ?? 'facts'}:${c.file}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  // Each case is a test of its own, run concurrently (vitest's maxConcurrency, vitest.config.ts,
  // keeps two or so at a time): a case's time limit starts when the case does, never while it
  // waits for a slot, so a busy machine slows the corpus down without failing it.
  for (const c of cases) {
    const name = `${c.file}${c.role && c.role !== 'facts' ? ` (${c.role})` : ''} → exit ${c.exit}`;
    it.concurrent(name, async () => {
      const uid = c.generate === 'unreadable' && isRoot ? NOBODY : undefined;
      const r = await run(argsFor(c, pathOf(c)), uid);
      expect(r.killed, `killed after ${HANG_MS} ms: it hangs`).toBe(false);
      expect(r.code, r.stderr).toBe(c.exit);
      expect(r.cpuMs, 'CPU time of the run (ms)').toBeLessThan(BOUND_MS);
      for (const fragment of c.stderr ?? []) expect(r.stderr).toMatch(new RegExp(fragment));
      for (const fragment of c.stdout ?? []) expect(r.stdout).toMatch(new RegExp(fragment));
      // Never a stack trace (only --debug shows one), never an internal error, no line twice.
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n|internal error/);
      // Never a warning of Node's own ("(node:123) Warning: Keys with collection values …").
      expect(r.stderr).not.toMatch(/\(node:\d+\) \w*Warning/);
      const lines = r.stderr.split('\n').filter((l) => l.startsWith('error:') || l.startsWith('warning:'));
      expect(lines.length - new Set(lines).size, 'a message printed twice').toBe(0);
      // Invalid input gets messages, not a half report (lint's report is its count of problems).
      if (c.exit === 3 && c.role !== 'lint') expect(r.stdout).toBe('');
      if (c.role === 'lint') expect(r.stdout).toMatch(/^1 file checked: [1-9]\d* errors?/m);
    }, HANG_MS * 2);
  }
});

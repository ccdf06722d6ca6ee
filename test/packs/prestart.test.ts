import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INPUTS_PER_JOB, inputsForJobs, jobsFor, looksLikeBatch } from '../../src/packs/prestart.js';

// bin/assess.js starts a batch's worker thread before the CLI loads, on a guess from the command
// line alone (src/packs/prestart.ts). A wrong guess costs a thread's start-up, not a wrong
// report: these hold the guess to what users type.
const dir = mkdtempSync(join(tmpdir(), 'weibao-prestart-'));
const batch = join(dir, 'areas');
const pack = join(dir, 'pack');
// A folder with enough areas for a second job when --jobs is left to its default (jobsFor).
const large = join(dir, 'province');
mkdirSync(batch);
mkdirSync(pack);
mkdirSync(large);
for (let i = 0; i < 2 * INPUTS_PER_JOB; i++) writeFileSync(join(large, `area-${i}.json`), '{}');
writeFileSync(join(pack, 'facts.json'), '{}');
writeFileSync(join(dir, 'a.json'), '{}');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('looksLikeBatch', () => {
  it('--jobs n: a directory of packs or several inputs is a batch, whatever the cores', () => {
    expect(looksLikeBatch([batch, '--jobs', '2'], 2)).toBe(true);
    expect(looksLikeBatch([batch, '--format', 'csv', '-j', '2'], 2)).toBe(true);
    expect(looksLikeBatch(['--format', 'jsonl', batch, '-o', 'out.jsonl', '--jobs=2'], 2)).toBe(true);
    expect(looksLikeBatch(['x.json', 'y.json', '-j2'], 2)).toBe(true);
    expect(looksLikeBatch(['--jobs', '2', '--', '--odd-name.json', 'y.json'], 2)).toBe(true);
    expect(looksLikeBatch([batch, '--jobs', '4'], 1)).toBe(true);
  });

  it('--jobs left to its default: a thread only for a batch with enough inputs for a second job', () => {
    // A district's folder, or a few files: one thread does it sooner.
    expect(looksLikeBatch([batch], 2)).toBe(false);
    expect(looksLikeBatch(['x.json', 'y.json'], 2)).toBe(false);
    expect(looksLikeBatch(['--format', 'csv', batch, join(dir, 'a.json')], 16)).toBe(false);
    // A province's folder (its entries counted, as far as enough), or as many files listed.
    expect(looksLikeBatch([large], 2)).toBe(true);
    expect(looksLikeBatch(['--format', 'jsonl', large, '-o', 'out.jsonl'], 2)).toBe(true);
    expect(looksLikeBatch(Array.from({ length: 2 * INPUTS_PER_JOB }, (_, i) => `a${i}.json`), 2)).toBe(true);
    expect(looksLikeBatch([large], 1)).toBe(false);
    // One input short of a second job by jobsFor: no thread.
    expect(looksLikeBatch(Array.from({ length: inputsForJobs(2) - 1 }, (_, i) => `a${i}.json`), 2)).toBe(false);
  });

  it('inputsForJobs is jobsFor undone: the fewest inputs for each count of jobs', () => {
    for (const jobs of [1, 2, 3, 8]) {
      expect(jobsFor(inputsForJobs(jobs), 64)).toBe(jobs);
      if (jobs > 1) expect(jobsFor(inputsForJobs(jobs) - 1, 64)).toBe(jobs - 1);
    }
  });

  it('jobsFor: one job per INPUTS_PER_JOB inputs, at least one, at most the cores', () => {
    expect(jobsFor(0, 8)).toBe(1);
    expect(jobsFor(20, 8)).toBe(1);
    expect(jobsFor(2 * INPUTS_PER_JOB - 1, 8)).toBe(1);
    expect(jobsFor(2 * INPUTS_PER_JOB, 8)).toBe(2);
    expect(jobsFor(5 * INPUTS_PER_JOB + 10, 8)).toBe(5);
    expect(jobsFor(38_600, 2)).toBe(2);
    expect(jobsFor(38_600, 64)).toBe(38);
    expect(jobsFor(38_600, 1)).toBe(1);
  });

  it('one job (asked for, or one core): no thread', () => {
    for (const jobs of [['--jobs', '1'], ['-j', '1'], ['--jobs=1'], ['-j1']]) expect(looksLikeBatch([batch, ...jobs], 2), jobs.join(' ')).toBe(false);
    expect(looksLikeBatch([batch], 1)).toBe(false);
  });

  it('one input (a facts file, a pack), a missing path, a command or help: no thread', () => {
    expect(looksLikeBatch([join(dir, 'a.json')], 2)).toBe(false);
    expect(looksLikeBatch([pack], 2)).toBe(false);
    expect(looksLikeBatch([join(dir, 'missing')], 2)).toBe(false);
    expect(looksLikeBatch([], 2)).toBe(false);
    // An option's value is not an input: the standard and the baseline are files too.
    expect(looksLikeBatch(['--standard', 'x.yaml', '--baseline', 'last.json', 'a.json'], 2)).toBe(false);
    expect(looksLikeBatch(['standards', 'lint', 'a.yaml', 'b.yaml'], 2)).toBe(false);
    expect(looksLikeBatch(['diff', 'a.yaml', 'b.yaml'], 2)).toBe(false);
    expect(looksLikeBatch([batch, '--help'], 2)).toBe(false);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { looksLikeBatch } from '../../src/packs/prestart.js';

// bin/assess.js starts a batch's worker thread before the CLI loads, on a guess from the command
// line alone (src/packs/prestart.ts). A wrong guess costs a thread's start-up, not a wrong
// report: these hold the guess to what users type.
const dir = mkdtempSync(join(tmpdir(), 'weibao-prestart-'));
const batch = join(dir, 'areas');
const pack = join(dir, 'pack');
mkdirSync(batch);
mkdirSync(pack);
writeFileSync(join(pack, 'facts.json'), '{}');
writeFileSync(join(dir, 'a.json'), '{}');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('looksLikeBatch', () => {
  it('a directory of packs or several inputs, with more than one core: a batch', () => {
    expect(looksLikeBatch([batch], 2)).toBe(true);
    expect(looksLikeBatch([batch, '--format', 'csv'], 2)).toBe(true);
    expect(looksLikeBatch(['--format', 'jsonl', batch, '-o', 'out.jsonl'], 2)).toBe(true);
    expect(looksLikeBatch(['x.json', 'y.json'], 2)).toBe(true);
    expect(looksLikeBatch(['--', '--odd-name.json', 'y.json'], 2)).toBe(true);
    expect(looksLikeBatch([batch, '--jobs', '4'], 1)).toBe(true);
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

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressFor } from '../../src/cli/progress.js';
import { root, runInProcess } from '../helpers/cli.js';

/**
 * Issue 13 item 17: what reaches a terminal stays readable. 50,000 evidence warnings print 50
 * lines and one "N more" line (the JSON report keeps every finding), as facts problems are
 * capped; with TERM=dumb the progress bar draws nothing (`\r\e[2K` would show as text).
 */
let tmp: string;
const N = 50_000;

/** A pack naming `n` evidence files that don't exist: n warnings with --evidence warn. */
function packWith(name: string, n: number): string {
  const pack = join(tmp, name);
  cpSync(join(root, 'fixtures/packs/a-clean'), pack, { recursive: true });
  const facts = JSON.parse(readFileSync(join(pack, 'facts.json'), 'utf8'));
  facts.evidence.xi_thought_education_activities_per_year = Array.from({ length: n }, (_, i) => `evidence/missing-${i}.pdf`);
  writeFileSync(join(pack, 'facts.json'), JSON.stringify(facts));
  return pack;
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'weibao-warnings-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('warnings capped', () => {
  for (const [lang, n] of [['en', N], ['zh', 1000]] as const) {
    it(`${lang}: ${n.toLocaleString('en')} evidence warnings → 50 lines and one "more" line; the JSON report has them all`, async () => {
      const r = await runInProcess([packWith(`pack-${lang}`, n), '--format', 'json', '--evidence', 'warn', '--lang', lang]);
      expect(r.code).toBe(0);
      const lines = r.stderr.split('\n').filter(Boolean);
      expect(lines.length).toBe(51);
      expect(lines[50]).toMatch(lang === 'en' ? new RegExp(`^warning: ${n - 50} more warnings not shown \\(the --format json report has them all\\)$`) : new RegExp(`^警告: 另有 ${n - 50} 条警告未显示`));
      const report = JSON.parse(r.stdout) as { results: { evidenceFindings: unknown[] }[] };
      expect(report.results[0].evidenceFindings.length).toBe(n);
    });
  }

  it('a batch: the cap is per input (each pack its 50 and its "more" line)', async () => {
    const batch = join(tmp, 'batch');
    const pack = packWith('pack-200', 200);
    cpSync(pack, join(batch, 'p1'), { recursive: true });
    cpSync(pack, join(batch, 'p2'), { recursive: true });
    const r = await runInProcess([batch, '--format', 'jsonl', '--evidence', 'warn', '--lang', 'en']);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines.length).toBe(102);
    expect(lines.filter((l) => /more warnings not shown/.test(l))).toHaveLength(2);
  });
});

describe('TERM=dumb', () => {
  it('draws no progress bar even on a terminal; log lines still printed', () => {
    const written: string[] = [];
    const stream = { isTTY: true, columns: 80, write: (t: string) => (written.push(t), true) } as unknown as NodeJS.WriteStream;
    const p = progressFor(stream, 100, { TERM: 'dumb' });
    for (let i = 0; i < 100; i++) p.tick(`packs/p${i}`);
    p.log('warning: x\n');
    p.done();
    expect(written).toEqual(['warning: x\n']);
    expect(written.join('')).not.toMatch(/\r|\x1b/);
  });

  it('the same stream with TERM=xterm does draw (the check above is not vacuous)', () => {
    const written: string[] = [];
    const stream = { isTTY: true, columns: 80, write: (t: string) => (written.push(t), true) } as unknown as NodeJS.WriteStream;
    const p = progressFor(stream, 100, { TERM: 'xterm-256color' });
    p.tick('packs/p0');
    p.done();
    expect(written.join('')).toMatch(/\r\x1b\[2K/);
  });
});

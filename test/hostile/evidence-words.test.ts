import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessInput } from '../../src/assess/input.js';
import { root } from '../helpers/cli.js';

/**
 * Issue 13 item 17: an evidence finding's words never show a raw system code (EACCES, ELOOP,
 * EISDIR, ENOTDIR …) nor English inside a Chinese report. A pack whose evidence list names a
 * symlink loop, a directory, a dangling link, a file over the per-file bound and one
 * taking the pack over its total: every finding's `detail`, `message` and warning is words.
 */
let pack: string;
const RAW_CODE = /\bE[A-Z]{2,}\b/;

beforeAll(() => {
  const tmp = mkdtempSync(join(tmpdir(), 'weibao-evidence-words-'));
  pack = join(tmp, 'pack');
  cpSync(join(root, 'fixtures/packs/a-clean'), pack, { recursive: true });
  symlinkSync('loop-b', join(pack, 'evidence', 'loop-a'));
  symlinkSync('loop-a', join(pack, 'evidence', 'loop-b'));
  symlinkSync('nothing-here', join(pack, 'evidence', 'dangling'));
  mkdirSync(join(pack, 'evidence', 'a-directory'));
  writeFileSync(join(pack, 'evidence', 'big-1.txt'), 'x'.repeat(600));
  writeFileSync(join(pack, 'evidence', 'big-2.txt'), 'y'.repeat(1500));
  const facts = JSON.parse(readFileSync(join(pack, 'facts.json'), 'utf8'));
  facts.evidence.xi_thought_education_activities_per_year = [
    'evidence/loop-a',
    'evidence/a-directory',
    { path: 'evidence/a-directory', sha256: '0'.repeat(64) },
    'evidence/dangling',
    'evidence/big-1.txt',
    'evidence/big-2.txt',
  ];
  writeFileSync(join(pack, 'facts.json'), JSON.stringify(facts));
  return () => rmSync(tmp, { recursive: true, force: true });
});

afterAll(() => undefined);

describe('evidence findings in words', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`${lang}: no raw errno code in detail, message or warning; each problem said`, () => {
      // The whole pack's evidence is far over 1 KiB: so big-2 (1,500 bytes, over the 1,000-byte
      // per-file bound) is over the file bound, big-1 (600) fits the file bound but not the total.
      const r = assessInput(pack, { lang, evidence: 'warn', evidenceLimits: { maxFileBytes: 1000, maxPackBytes: 100_000 } });
      const findings = r.evidenceFindings ?? [];
      const byPath = new Map(findings.map((f) => [f.path, f]));
      for (const f of findings) {
        expect(f.detail ?? '', `${f.path} detail`).not.toMatch(RAW_CODE);
        expect(f.message, `${f.path} message`).not.toMatch(RAW_CODE);
      }
      for (const w of r.warnings) expect(w).not.toMatch(RAW_CODE);
      const words = (path: string) => `${byPath.get(path)?.message} / ${byPath.get(path)?.detail}`;
      if (lang === 'en') {
        expect(words('evidence/loop-a')).toMatch(/the symlinks form a loop/);
        expect(words('evidence/a-directory')).toMatch(/it is a directory/);
        expect(words('evidence/dangling')).toMatch(/a symlink to nothing/);
        expect(words('evidence/big-2.txt')).toMatch(/over the limit of 1000 bytes \(change it with --max-evidence-bytes\)/);
      } else {
        expect(words('evidence/loop-a')).toMatch(/符号链接形成了循环/);
        expect(words('evidence/a-directory')).toMatch(/它是一个目录/);
        expect(words('evidence/dangling')).toMatch(/符号链接/);
        expect(words('evidence/big-2.txt')).toMatch(/超过 1000 bytes 的上限（可用 --max-evidence-bytes 调整）/);
        // No English detail inside the Chinese words.
        for (const f of findings) expect(f.detail ?? '', `${f.path}`).not.toMatch(/\b(a symlink|a directory|in the pack)\b/);
      }
    });
  }

  it('the pack total: a file that takes the evidence over --max-evidence-total is said so, with the flag', () => {
    const r = assessInput(pack, { lang: 'en', evidence: 'warn', evidenceLimits: { maxFileBytes: 100_000, maxPackBytes: 2048 } });
    const over = (r.evidenceFindings ?? []).filter((f) => f.problem === 'too-large');
    expect(over.length).toBeGreaterThan(0);
    for (const f of over) expect(f.detail).toMatch(/takes the pack's evidence over 2 KiB in all \(change it with --max-evidence-total\)/);
  });
});

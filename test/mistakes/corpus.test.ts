import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';

/**
 * The clerks' mistakes corpus (issue 14, fixtures/mistakes/cases.yaml): each file holds one
 * mistake a 街道/区 clerk makes. Through the CLI (in-process), in zh and en, each must exit as
 * listed and print every listed problem where it stands (file:line:column), in words, with the fix
 * on the next line — and never a stack trace.
 */
interface Problem {
  at: string;
  zh: string;
  zhFix: string;
  en: string;
  enFix: string;
}
interface Case {
  file: string;
  args?: string[];
  exit: number;
  problems: Problem[];
}

const cases = (parse(readFileSync('fixtures/mistakes/cases.yaml', 'utf8')) as { cases: Case[] }).cases;

describe('clerks\' mistakes: where, what, and what to type instead', () => {
  it('holds at least 40 mistakes, each file listed once and each with a located problem and its fix', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.file)).size).toBe(cases.length);
    for (const c of cases) {
      expect(c.problems.length, c.file).toBeGreaterThan(0);
      for (const p of c.problems) {
        expect(p.at, c.file).toMatch(/^\d+:\d+$/);
        expect(p.zhFix && p.enFix, `${c.file}: every message names the fix`).toBeTruthy();
      }
    }
  });

  describe.each(cases)('$file', (c) => {
    const file = `fixtures/mistakes/${c.file}`;
    it.each(['zh', 'en'] as const)('%s', async (lang) => {
      const r = await runInProcess([file, ...(c.args ?? []), '--lang', lang]);
      expect(r.code).toBe(c.exit);
      expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/);
      for (const p of c.problems) {
        const [label, fix] = lang === 'zh' ? ['(错误|警告)', '改为'] : ['(error|warning)', 'fix'];
        const message = lang === 'zh' ? p.zh : p.en;
        const hint = lang === 'zh' ? p.zhFix : p.enFix;
        const expected = new RegExp(`(^|\\n)${label}: ${escape(file)}:${p.at}: ${escape(message)}\\n  ${fix}: ${escape(hint)}(\\n|$)`);
        expect(r.stderr).toMatch(expected);
      }
      // A file refused (exit 3) prints no report.
      if (c.exit === 3) expect(r.stdout).toBe('');
    });
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

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

// A platform loads a district's batch as jsonl and counts the refused inputs by what was wrong:
// each refused file's line holds every listed problem as data — its place, its words and its fix
// as stderr printed them, and the catalogue ids, the same in both languages.
describe('the same mistakes in a batch, as jsonl: each problem as data', () => {
  const refused = cases.filter((c) => c.exit === 3 && !c.args);
  const lines = async (lang: 'zh' | 'en') => {
    const r = await runInProcess([...refused.map((c) => `fixtures/mistakes/${c.file}`), '--format', 'jsonl', '--jobs', '1', '--lang', lang]);
    expect(r.code).toBe(3);
    return new Map(r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l)).map((l) => [l.input, l]));
  };
  it('every listed problem with its place, words, fix and catalogue id', async () => {
    expect(refused.length).toBeGreaterThanOrEqual(40);
    const [zh, en] = [await lines('zh'), await lines('en')];
    for (const c of refused) {
      const file = `fixtures/mistakes/${c.file}`;
      const [a, b] = [zh.get(file), en.get(file)];
      expect(a?.verdict, file).toBe('invalid');
      expect(a.kind, file).toMatch(/^(parse|schema|read|not-found)$/);
      expect(b.kind, file).toBe(a.kind);
      for (const p of c.problems) {
        const [line, column] = p.at.split(':').map(Number);
        const at = (l: { problems: { line?: number; column?: number; file?: string }[] }) => l.problems.find((r) => r.file === file && r.line === line && r.column === column);
        const [x, y] = [at(a), at(b)] as { id?: string; message: string; fix?: { id: string; message: string } }[];
        expect(x, `${file}:${p.at}`).toMatchObject({ message: p.zh, fix: { message: p.zhFix } });
        expect(y, `${file}:${p.at}`).toMatchObject({ message: p.en, fix: { message: p.enFix } });
        expect(x.id, `${file}:${p.at}`).toMatch(/^input\./);
        expect([y.id, y.fix!.id]).toEqual([x.id, x.fix!.id]);
      }
    }
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

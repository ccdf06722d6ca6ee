import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/packs/batch.js';
import { root, spawnAssess as assess } from '../helpers/cli.js';

const PACKS = ['a-clean', 'b-evidence-problems', 'c-vetoed', 'd-failing'];

describe('a directory of packs', () => {
  it('is expanded to its sub-directories, sorted; loose files and hidden directories are not packs', () => {
    expect(expandInputs([join(root, 'fixtures/packs')]).inputs.map((p) => p.split('/').pop())).toEqual(PACKS);
    expect(expandInputs(['fixtures/packs/a-clean'])).toEqual({ inputs: ['fixtures/packs/a-clean'], batch: false, skipped: [] });
    expect(expandInputs(['fixtures/packs/a-clean', 'fixtures/packs/c-vetoed']).batch).toBe(true);
  });

  it('`assess fixtures/packs/` prints one line per pack and a summary, and exits with the worst code', () => {
    const r = assess(['fixtures/packs/']);
    expect(r.code).toBe(2);
    const lines = r.stdout.split('\n');
    // The path may be cut at its start to fit 80 columns; its end names the pack.
    for (const p of PACKS) expect(lines.filter((l) => l.endsWith(`/${p}`))).toHaveLength(1);
    expect(r.stdout).toMatch(/汇总：4 个数据包 {2}达标 1，不达标 2，否决 1，无效输入 0/);
  });

  it('`assess fixtures/packs/*` is the same batch', () => {
    const a = assess(['fixtures/packs/', '--format', 'json']);
    const b = assess([...PACKS.map((p) => `fixtures/packs/${p}`), '--format', 'json']);
    const strip = (s: string) => s.replaceAll('fixtures/packs//', 'fixtures/packs/');
    expect(strip(a.stdout)).toBe(b.stdout);
    const doc = JSON.parse(b.stdout);
    expect(doc.results.map((x: { verdict: string }) => x.verdict)).toEqual(['pass', 'fail', 'veto', 'fail']);
    expect(doc.summary.byVerdict).toEqual({ pass: 1, fail: 2, veto: 1, invalid: 0 });
    expect(doc.summary.worst[0]).toMatchObject({ area: '示例街道丙（虚构）', verdict: 'veto' });
  });

  it('a single pack is a full report with no summary key', () => {
    const doc = JSON.parse(assess(['fixtures/packs/a-clean', '--format', 'json']).stdout);
    expect(doc.summary).toBeUndefined();
    expect(doc.results[0].evidenceFindings).toEqual([]);
  });
});

describe('a batch with a broken pack', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'weibao-batch-'));
    cpSync(join(root, 'fixtures/packs/a-clean'), join(dir, 'good'), { recursive: true });
    mkdirSync(join(dir, 'no-facts'));
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', 'facts.json'), '{"facts": {"hotels": 3,}}');
    writeFileSync(join(dir, 'README.txt'), 'not a pack');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports the broken ones (exit 3) and still every other pack', () => {
    const r = assess([dir, '--format', 'json']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/broken\/facts\.json:1:\d+: /);
    expect(r.stderr).toMatch(/no-facts: 这个目录里没有 facts\.json 或 facts\.yaml/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    const doc = JSON.parse(r.stdout);
    expect(doc.results).toHaveLength(1);
    expect(doc.summary.byVerdict).toEqual({ pass: 1, fail: 0, veto: 0, invalid: 2 });
    expect(doc.summary.invalid.map((i: { input: string }) => i.input.split('/').pop())).toEqual(['broken', 'no-facts']);
  });

  it('lists them in the table and the JUnit report too', () => {
    expect(assess([dir]).stdout).toMatch(/^无效输入 {2}.*no-facts: /m);
    // The place once: the broken file and line, not the pack's path and then the file's
    const table = assess([dir]).stdout;
    expect(table).toMatch(/^无效输入 {2}\S*broken\/facts\.json:1:\d+: \S/m);
    expect(table).not.toMatch(/broken: \S*broken\/facts\.json/);
    expect(assess([dir, '--format', 'junit']).stdout).toMatch(/<error message="[^"]*这个目录里没有 facts\.json/);
  });
});

describe('--fail-on', () => {
  it.each([
    ['fail', 'fixtures/packs/d-failing', 1],
    ['missing', 'fixtures/packs/d-failing', 0],
    ['veto', 'fixtures/packs/d-failing', 0],
    ['missing', 'fixtures/packs/b-evidence-problems', 1], // evidence that does not hold: incomplete
    ['veto', 'fixtures/packs/b-evidence-problems', 0],
    ['missing', 'fixtures/changning-incomplete.yaml', 1],
    ['veto', 'fixtures/changning-incomplete.yaml', 0],
    ['veto', 'fixtures/packs/c-vetoed', 2],
    ['missing', 'fixtures/packs/c-vetoed', 2],
    ['veto', 'fixtures/invalid/malformed.json', 3], // invalid input always stands
  ])('--fail-on %s: %s exits %i', (level, input, code) => {
    expect(assess([input, '--fail-on', level, '--format', 'json']).code).toBe(code);
  });

  it('is documented in --help, and a wrong level is a usage error', () => {
    expect(assess(['--help'], { WEIBAO_LANG: 'en' }).stdout.replace(/\s+/g, ' ')).toMatch(/--fail-on <level> .*missing = only an incomplete pack/);
    expect(assess(['fixtures/packs/a-clean', '--fail-on', 'never']).code).toBe(4);
  });
});

describe('--evidence', () => {
  it('strict (default): the tampered and the missing file make items unsupported → 不达标', () => {
    const doc = JSON.parse(assess(['fixtures/packs/b-evidence-problems', '--format', 'json']).stdout);
    const r = doc.results[0];
    expect(r.verdict).toBe('fail');
    const unsupported = r.items.filter((i: { state: string }) => i.state === 'unsupported').map((i: { id: string }) => i.id);
    expect(unsupported).toEqual(['ideology.guide-practice', 'ideology.implement-decisions', 'org.performance-evaluation']);
    expect(r.evidenceFindings.map((f: { path: string; problem: string }) => `${f.path} ${f.problem}`)).toEqual(expect.arrayContaining(['evidence/年度工作计划.txt sha256', 'evidence/绩效考核方案.txt not-found']));
  });

  it('warn: the same problems are warnings on stderr and the pack passes', () => {
    const r = assess(['fixtures/packs/b-evidence-problems', '--evidence', 'warn', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/警告: fixtures\/packs\/b-evidence-problems：minor_protection_in_performance_evaluation 的证明材料：evidence\/绩效考核方案\.txt 不存在/);
  });

  it('a lone facts file is not checked for evidence (it has no pack to hold documents)', () => {
    expect(assess(['fixtures/changning-compliant.json']).code).toBe(0);
  });
});

describe('progress bar', () => {
  it('is never drawn when stderr is not a terminal', () => {
    const r = assess(['fixtures/packs/', '--format', 'json'], { CI: '' });
    expect(r.stderr).toBe('');
  });
});

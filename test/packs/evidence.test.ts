import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemResult } from '../../src/assess/types.js';
import { checkEvidence, checkFile, pathProblem, tidyPath } from '../../src/assess/evidence.js';
import { explain } from '../../src/messages/explain.js';
import { packFiles, type PackFiles } from '../../src/source/pack.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

let base: string;
let pack: string;
let files: PackFiles;
const reads: string[] = [];

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'weibao-evidence-'));
  pack = join(base, 'pack');
  mkdirSync(join(pack, 'docs', 'sub'), { recursive: true });
  writeFileSync(join(pack, 'docs', 'minutes.txt'), '会议纪要\n');
  writeFileSync(join(pack, 'docs', 'empty.txt'), '');
  writeFileSync(join(pack, 'docs', 'sub', 'plan.txt'), '工作计划\n');
  writeFileSync(join(pack, 'docs', '扫描件.PDF'), '扫描件\n');
  writeFileSync(join(pack, 'docs', '纪要、签到表.txt'), '纪要\n');
  writeFileSync(join(pack, 'docs', 'twin.txt'), 'one\n');
  writeFileSync(join(pack, 'docs', 'TWIN.txt'), 'other\n');
  // Unpacked from a Mac's zip: the name in NFD (e and a combining accent).
  writeFileSync(join(pack, 'docs', 'Cafe\u0301.txt'), 'café\n');
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(base, 'outside', 'secret.txt'), 'not part of the pack\n');
  symlinkSync(join(base, 'outside', 'secret.txt'), join(pack, 'docs', 'escape.txt'));
  symlinkSync(join(base, 'outside'), join(pack, 'linked-dir'));
  symlinkSync(join(pack, 'docs', 'minutes.txt'), join(pack, 'docs', 'inside-link.txt'));
  symlinkSync(join(pack, 'docs', 'nothing.txt'), join(pack, 'docs', 'dangling.txt'));
  // Record every path hashed, to prove nothing outside the pack is ever read.
  const real = packFiles(pack);
  files = { probe: (p) => real.probe(p), sha256: (p) => (reads.push(p), real.sha256(p)) };
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('evidence path rules', () => {
  it.each([
    ['/etc/passwd', 'absolute'],
    ['\\\\server\\share\\x.pdf', 'absolute'],
    ['C:\\docs\\x.pdf', 'absolute'],
    ['../outside/secret.txt', 'parent'],
    ['docs/../../outside/secret.txt', 'parent'],
    ['docs\\..\\..\\x', 'parent'],
    ['docs/minutes.txt', undefined],
    ['docs/..minutes', undefined],
  ])('%s → %s', (path, expected) => expect(pathProblem(path)).toBe(expected));
});

describe('checkFile in a pack on disk', () => {
  it('accepts a file inside, with or without its sha256 (either case of hex)', () => {
    expect(checkFile('docs/minutes.txt', files)).toBeUndefined();
    expect(checkFile({ path: 'docs/sub/plan.txt', sha256: sha('工作计划\n').toUpperCase() }, files)).toBeUndefined();
    expect(checkFile('docs/inside-link.txt', files)).toBeUndefined(); // a symlink that stays inside is fine
  });

  it('a name in another case finds the one file it names, as on Windows and macOS; two that differ in case alone, neither', () => {
    expect(checkFile({ path: 'docs/扫描件.pdf', sha256: sha('扫描件\n') }, files)).toBeUndefined();
    expect(checkFile('DOCS/Sub/PLAN.txt', files)).toBeUndefined();
    expect(checkFile('docs\\扫描件.pdf', files)).toBeUndefined();
    expect(checkFile('docs/twin.txt', files)).toBeUndefined();
    expect(checkFile('docs/Twin.txt', files)?.problem).toBe('not-found');
    expect(checkFile('docs/扫描.pdf', files)?.problem).toBe('not-found');
    reads.length = 0;
    expect(checkFile({ path: 'docs/ESCAPE.txt', sha256: sha('not part of the pack\n') }, files)?.problem).toBe('outside');
    expect(checkFile({ path: 'Linked-Dir/secret.txt', sha256: sha('not part of the pack\n') }, files)?.problem).toBe('outside');
    expect(reads).toEqual([]);
    expect(checkFile('docs/Dangling.txt', files)).toEqual({ problem: 'not-found', detail: 'dangling' });
  });

  it('a name typed in NFC finds the file a Mac named in NFD, as a Mac would', () => {
    expect('docs/Café.txt'.normalize('NFC')).not.toBe('docs/Cafe\u0301.txt');
    expect(checkFile({ path: 'docs/Café.txt'.normalize('NFC'), sha256: sha('café\n') }, files)).toBeUndefined();
    expect(checkFile('docs/café.TXT'.normalize('NFC'), files)).toBeUndefined();
    expect(checkFile('docs/Cafe.txt', files)?.problem).toBe('not-found');
  });

  it('a path with spaces around a part or a full-width separator is not found on any machine, and says the path it meant', () => {
    expect(tidyPath(' docs ／ sub\u200b\\plan．txt ')).toBe('docs/sub\\plan.txt');
    expect(tidyPath('docs/会议 纪要.pdf')).toBe('docs/会议 纪要.pdf');
    expect(checkFile('docs/minutes.txt ', files)).toEqual({ problem: 'not-found', detail: 'near:docs/minutes.txt' });
    expect(checkFile({ path: 'docs／sub／plan.txt', sha256: sha('工作计划\n') }, files)).toEqual({ problem: 'not-found', detail: 'near:docs/sub/plan.txt' });
    expect(checkFile(' docs/nothing.txt', files)).toEqual({ problem: 'not-found' });
    // Dots after a name (Windows drops them), a sentence's mark after the path.
    expect(tidyPath('docs.. /sub/plan.txt. ')).toBe('docs/sub/plan.txt');
    expect(tidyPath('docs/minutes.txt，')).toBe('docs/minutes.txt');
    expect(tidyPath('docs/minutes.txt 。')).toBe('docs/minutes.txt');
    expect(tidyPath('./docs/../x')).toBe('./docs/../x');
    expect(tidyPath('...')).toBe('...');
    expect(checkFile('docs/minutes.txt.', files)).toEqual({ problem: 'not-found', detail: 'near:docs/minutes.txt' });
    expect(checkFile('docs/minutes.txt,', files)).toEqual({ problem: 'not-found', detail: 'near:docs/minutes.txt' });
    expect(checkFile('docs/sub/plan.txt。', files)).toEqual({ problem: 'not-found', detail: 'near:docs/sub/plan.txt' });
    expect(checkFile('docs/nothing.txt；', files)).toEqual({ problem: 'not-found' });
    // A long run of spaces or marks costs a loop, not a backtracking search.
    const cpu = process.cpuUsage();
    tidyPath(' '.repeat(100_000) + '。x');
    tidyPath('x' + ' 。'.repeat(50_000) + 'y');
    expect(process.cpuUsage(cpu).user).toBeLessThan(2_000_000);
    const near = [{ kind: 'evidence' as const, code: 'not-found', fact: 'budget', path: 'docs/minutes.txt ', data: { detail: 'near:docs/minutes.txt' } }];
    expect(explain(near, 'zh', {})).toBe('证明材料不足：docs/minutes.txt  不存在（路径中有多余的空格、标点或全角字符，应为 docs/minutes.txt）');
    expect(explain(near, 'en', {})).toBe('evidence does not hold: docs/minutes.txt  does not exist (the path has stray spaces, punctuation or full-width characters; it should read docs/minutes.txt)');
    reads.length = 0;
    expect(checkFile({ path: '.．/outside/secret.txt', sha256: sha('not part of the pack\n') }, files)).toEqual({ problem: 'not-found' });
    expect(reads).toEqual([]);
  });

  it('several files written as one path (、 ， or a comma between them) are named as such; a name that holds those marks is still a name', () => {
    expect(checkFile('docs/minutes.txt、docs/sub/plan.txt', files)).toEqual({ problem: 'not-found', detail: 'several' });
    expect(checkFile('docs/minutes.txt， docs/扫描件.pdf', files)).toEqual({ problem: 'not-found', detail: 'several' });
    expect(checkFile('docs/minutes.txt,docs/nothing.txt', files)).toEqual({ problem: 'not-found' });
    expect(checkFile('docs/minutes.txt、docs/sub/plan.txt。', files)).toEqual({ problem: 'not-found', detail: 'several' });
    expect(checkFile('docs/纪要、签到表.txt', files)).toBeUndefined();
    const several = [{ kind: 'evidence' as const, code: 'not-found', fact: 'budget', path: 'a.pdf、b.pdf', data: { detail: 'several' } }];
    expect(explain(several, 'zh', {})).toBe('证明材料不足：a.pdf、b.pdf 不存在（这是几个文件：每个文件单独列出，台账中用“；”或换行分隔）');
  });

  it('a path written on Windows (backslashes) finds the same file on every machine; one that is not there is not found', () => {
    expect(checkFile({ path: 'docs\\sub\\plan.txt', sha256: sha('工作计划\n') }, files)).toBeUndefined();
    expect(checkFile('docs\\minutes.txt', files)).toBeUndefined();
    expect(checkFile('docs\\nothing.txt', files)?.problem).toBe('not-found');
    reads.length = 0;
    expect(checkFile({ path: 'docs\\escape.txt', sha256: sha('not part of the pack\n') }, files)?.problem).toBe('outside');
    expect(reads).toEqual([]);
  });

  it.each([
    ['../outside/secret.txt', 'parent'],
    [join('/', 'etc', 'passwd'), 'absolute'],
    ['docs/escape.txt', 'outside'],
    ['linked-dir/secret.txt', 'outside'],
    ['docs/nothing.txt', 'not-found'],
    ['docs/dangling.txt', 'not-found'],
    ['docs/empty.txt', 'empty'],
    ['docs/sub', 'not-file'],
  ])('%s is reported as %s and not read', (path, problem) => {
    reads.length = 0;
    // The right hash of the outside file: were it read, the check would pass.
    expect(checkFile({ path, sha256: sha('not part of the pack\n') }, files)?.problem).toBe(problem);
    expect(reads).toEqual([]);
  });

  it('a sha256 mismatch is reported with the actual hash', () => {
    const bad = checkFile({ path: 'docs/minutes.txt', sha256: sha('something else') }, files);
    expect(bad).toEqual({ problem: 'sha256', detail: `sha256 ${sha('会议纪要\n')}` });
  });
});

function item(id: string, facts: string[], state: ItemResult['state'] = 'pass'): ItemResult {
  return {
    id, aspect: '组织领导', content: '组织协调', number: 1, text: `${id} 的原文`, state, reads: facts, actual: {}, explanation: '', reasons: [],
    responsible: [], missing: [], evidence: facts.map((fact) => ({ fact, documents: ['会议纪要'] })), weight: 1,
  };
}

describe('checkEvidence (between evaluation and scoring)', () => {
  const items = [item('a.proven', ['meetings']), item('b.tampered', ['plan']), item('c.none', ['budget']), item('d.failed', ['budget'], 'fail')];
  const evidence = {
    meetings: ['docs/minutes.txt'],
    plan: [{ path: 'docs/sub/plan.txt', sha256: sha('an older plan') }],
    unused: ['../outside/secret.txt'],
  };

  it('strict: a met item whose evidence does not hold is unsupported, its problems its reasons (codes, no words)', () => {
    const r = checkEvidence(items, evidence, files, 'strict');
    expect(Object.fromEntries(r.items.map((i) => [i.id, i.state]))).toEqual({ 'a.proven': 'pass', 'b.tampered': 'unsupported', 'c.none': 'unsupported', 'd.failed': 'fail' });
    expect(r.items[1].reasons).toEqual([{ kind: 'evidence', code: 'sha256', fact: 'plan', path: 'docs/sub/plan.txt', data: { detail: expect.stringMatching(/^sha256 [0-9a-f]{64}$/) } }]);
    expect(r.items[2].reasons).toEqual([{ kind: 'evidence', code: 'none', fact: 'budget', data: { documents: ['会议纪要'] } }]);
    expect(explain(r.items[1].reasons, 'en', {})).toMatch(/^evidence does not hold: docs\/sub\/plan\.txt does not match its declared sha256/);
    expect(explain(r.items[2].reasons, 'zh', {})).toBe('证明材料不足：budget 没有证明材料（会议纪要）');
    expect(r.findings.map((f) => [f.fact, f.problem, f.items])).toEqual([
      ['plan', 'sha256', ['b.tampered']],
      ['unused', 'parent', []],
      ['budget', 'none', ['c.none']],
    ]);
  });

  it('warn: states stay as they were, every problem is still a finding', () => {
    const r = checkEvidence(items, evidence, files, 'warn');
    expect(r.items.map((i) => i.state)).toEqual(['pass', 'pass', 'pass', 'fail']);
    expect(r.findings).toHaveLength(3);
  });

  it('does not change the items it was given', () => {
    const copy = structuredClone(items);
    checkEvidence(items, evidence, files, 'strict');
    expect(items).toEqual(copy);
  });
});

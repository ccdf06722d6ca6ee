import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AssessResult, ItemResult } from '../../src/assess/types.js';
import { compareWithBaseline, findBaseline, readBaseline, type BaselineResult } from '../../src/packs/baseline.js';
import { spawnAssess as assess } from '../helpers/cli.js';

const item = (id: string, aspect: string, state: ItemResult['state']): ItemResult => ({
  id, aspect, content: '内容', number: 1, text: id, state, reads: [], actual: {}, explanation: '', responsible: [], missing: [], evidence: [], weight: 1, reasons: [],
});
const now: AssessResult = {
  area: { name: '甲街道' }, period: '2023-12', standard: { id: 's', version: '1', title: 'S' }, verdict: 'fail', score: 0.5, warnings: [],
  aspects: [{ name: 'A', met: 1, applicable: 2, score: 0.5 }, { name: 'B', met: 1, applicable: 2, score: 0.5 }],
  items: [item('a1', 'A', 'pass'), item('a2', 'A', 'fail'), item('b1', 'B', 'unsupported'), item('b2', 'B', 'pass'), item('b3', 'B', 'not_applicable'), item('new', 'B', 'missing')],
  vetoes: [{ id: 'v1', list: { id: 'n', version: '1' }, number: 1, text: 'v', state: 'clear', reads: [], actual: {}, explanation: '', missing: [], reasons: [] }],
};
const before: BaselineResult = {
  area: { name: '甲街道' }, period: '2023-11', standard: { id: 's', version: '1' }, verdict: 'veto', score: 0.25,
  aspects: [{ name: 'A', score: 0 }, { name: 'B', score: 0.5 }],
  items: [{ id: 'a1', state: 'fail' }, { id: 'a2', state: 'missing' }, { id: 'b1', state: 'pass' }, { id: 'b2', state: 'pass' }, { id: 'b3', state: 'fail' }],
  vetoes: [{ id: 'v1', state: 'triggered' }],
};

describe('compareWithBaseline', () => {
  it('newly met, newly failed, still open, score and aspect deltas, veto changes', () => {
    const p = compareWithBaseline(now, before);
    expect(p.newlyMet.map((i) => [i.id, i.before, i.after])).toEqual([['a1', 'fail', 'pass']]);
    expect(p.newlyFailed.map((i) => [i.id, i.before, i.after])).toEqual([['b1', 'pass', 'unsupported'], ['new', null, 'missing']]);
    expect(p.stillOpen.map((i) => [i.id, i.before, i.after])).toEqual([['a2', 'missing', 'fail']]);
    expect(p.score).toEqual({ before: 0.25, after: 0.5, delta: 0.25 });
    expect(p.aspects).toEqual([{ name: 'A', before: 0, after: 0.5, delta: 0.5 }, { name: 'B', before: 0.5, after: 0.5, delta: 0 }]);
    expect(p.vetoes).toEqual([{ id: 'v1', number: 1, before: 'triggered', after: 'clear' }]);
    expect(p.verdict).toEqual({ before: 'veto', after: 'fail' });
  });

  it('with nothing to compare, everything open is newly failed and deltas are null', () => {
    const p = compareWithBaseline(now, undefined);
    expect(p.baseline).toBeNull();
    expect(p.score.delta).toBeNull();
    expect(p.newlyFailed.map((i) => i.id)).toEqual(['a2', 'b1', 'new']);
    expect(p.vetoes).toEqual([]);
  });

  it('matches by area code, else by name, and only within the same standard', () => {
    const other = { ...before, standard: { id: 'other', version: '1' } };
    expect(findBaseline(now, [other])).toBeUndefined();
    expect(findBaseline(now, [other, before])).toBe(before);
    const coded = { ...now, area: { name: '改了名字的街道', code: '310105001' } };
    const withCode = { ...before, area: { name: '甲街道', code: '310105001' } };
    expect(findBaseline(coded, [withCode])).toBe(withCode);
  });
});

describe('--baseline on the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'weibao-baseline-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds progress to the JSON result', () => {
    const r = assess(['fixtures/packs/a-clean', '--baseline', 'fixtures/packs-baseline.json', '--format', 'json']);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout).results[0].progress;
    expect(p.baseline).toMatchObject({ period: '2023-11', verdict: 'fail' });
    expect(p.newlyMet.length).toBeGreaterThan(0);
    expect(p.newlyFailed).toEqual([]);
    expect(p.score.after).toBe(1);
  });

  it('a baseline that is not a weibao report is invalid input (exit 3), located, no stack trace', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "schemaVersion": 1,\n  "results": [{"area": {}, "standard": {"id": "s"}, "score": "high", "items": []}]\n}\n');
    const r = assess(['fixtures/packs/a-clean', '--baseline', bad]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/bad\.json:3:\d+: baseline: \/results\/0\/score：应为数/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(assess(['fixtures/packs/a-clean', '--baseline', join(dir, 'none.json')]).code).toBe(3);
    expect(() => readBaseline(bad)).toThrow(/score must be number/);
  });
});

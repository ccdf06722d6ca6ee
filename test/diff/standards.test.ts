import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffStandards } from '../../src/diff/standards.js';
import { loadStandardSync } from '../../src/standard/load.js';
import { cli, root } from './helpers.js';

const fixture = (f: string) => loadStandardSync(join(root, 'test/fixtures/diff', f));

describe('diffStandards on small standards of our own', () => {
  const d = diffStandards(fixture('old.yaml'), fixture('new.yaml'));

  it('matches by id only: a renamed id is removed + added, with a rename hint', async () => {
    expect(d.items.removed.map((i) => i.id)).toEqual(['dt.system']);
    expect(d.items.added.map((i) => i.id)).toEqual(['dt.system-check']);
    expect(d.renameHints).toEqual([{ removed: 'dt.system', added: 'dt.system-check', similarity: 0.98 }]);
  });

  it('moved = same id, different 项目/内容/number', async () => {
    expect(d.items.moved).toEqual([
      { id: 'dt.hotline', text: '开通保护热线。', from: { aspect: '组织领导', content: '组织协调', number: 5 }, to: { aspect: '工作机制', content: '保护热线', number: 1 } },
    ]);
  });

  it('reworded = same id, different text', async () => {
    expect(d.items.reworded.map((r) => r.id)).toEqual(['dt.meetings', 'dt.response', 'dt.ratio']);
  });

  it('thresholds carry a direction from the comparison around them', async () => {
    expect(d.items.thresholds.map((t) => [t.id, t.operator, t.from, t.to, t.direction])).toEqual([
      ['dt.meetings', '>=', 2, 4, 'stricter'], // a minimum raised
      ['dt.response', '<=', 5, 3, 'stricter'], // a maximum lowered
      ['dt.ratio', 'not <', 50, 40, 'looser'], // !(ratio < 50) is a minimum: lowered
      ['dt.exact', '==', 3, 5, 'changed'],
    ]);
  });

  it('a rule whose shape changed is an other rule change, with the facts it now reads', async () => {
    expect(d.items.rules.map((r) => [r.id, r.readsAdded, r.readsRemoved])).toEqual([['dt.shape', ['dt_new_rule'], []]]);
  });

  it('责任单位, verdict policy, negative lists and facts', async () => {
    expect(d.items.responsible).toMatchObject([{ id: 'dt.hotline', added: ['共青团'], removed: [] }]);
    expect(d.verdictPolicy).toEqual({ from: { policy: 'all_applicable_met', minScore: null }, to: { policy: 'min_score', minScore: 0.8 } });
    expect(d.negativeList.from).toEqual(['negative-list@2023']);
    expect(d.negativeList.to).toEqual([]);
    expect(d.summary.negativeList.removed).toBe(d.negativeList.items.removed.length);
    expect(d.negativeList.items.removed.length).toBeGreaterThan(0);
    expect(d.facts.added.map((f) => [f.path, f.readBy])).toEqual([['dt_new_rule', ['dt.system-check', 'dt.shape']]]);
    expect(d.facts.removed.map((f) => f.path)).toContain('dt_old_rule');
    expect(d.identical).toBe(false);
  });

  it('on a negative list a veto that fires later is looser, sooner is stricter', async () => {
    const v = diffStandards(fixture('veto-old.yaml'), fixture('veto-new.yaml'));
    expect(v.items.thresholds.map((t) => [t.id, t.field, t.from, t.to, t.direction])).toEqual([
      ['dtv.incidents', 'veto_if', 0, 1, 'looser'],
      ['dtv.complaints', 'veto_if', 5, 3, 'stricter'],
    ]);
  });

  it('a standard against itself is identical', async () => {
    const s = fixture('old.yaml');
    const same = diffStandards(s, s);
    expect(same.identical).toBe(true);
    expect(same.summary.unchanged).toBe(s.items.length);
  });
});

describe('assess diff exit codes', () => {
  it('identical standards: "no changes", exit 0 even with --exit-code', async () => {
    for (const format of ['table', 'markdown']) {
      const r = (await cli('diff', 'changning-demo-street@2023', 'standards/changning-demo-street/2023.yaml', '--exit-code', '--format', format, '--lang', 'en'));
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('no changes');
    }
    const j = (await cli('diff', 'test/fixtures/diff/old.yaml', 'test/fixtures/diff/old.yaml', '--exit-code', '--format', 'json'));
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout).identical).toBe(true);
  });

  it('different standards exit 0, or 1 with --exit-code', async () => {
    expect((await cli('diff', 'test/fixtures/diff/old.yaml', 'test/fixtures/diff/new.yaml')).code).toBe(0);
    expect((await cli('diff', 'test/fixtures/diff/old.yaml', 'test/fixtures/diff/new.yaml', '--exit-code')).code).toBe(1);
  });

  it('an unknown or invalid standard exits 3; a missing argument 4', async () => {
    expect((await cli('diff', 'changning-demo-street@1999', 'changning-demo-street@2023')).code).toBe(3);
    expect((await cli('diff', 'test/fixtures/diff/nope.yaml', 'changning-demo-street@2023')).code).toBe(3);
    expect((await cli('diff', 'changning-demo-street@2023', 'changning-demo-street@2023', '--facts', 'fixtures/invalid/wrong-types.json')).code).toBe(3);
    expect((await cli('diff', 'changning-demo-street@2023')).code).toBe(4);
  });
});

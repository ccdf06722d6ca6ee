import { describe, expect, it } from 'vitest';
import { cli, DRAFT } from './helpers.js';

/**
 * Golden files of changning-demo-street@2023 → the 2024 draft fixture, in every format, without
 * colour. Review a change to them like a change to the output contract; update with `vitest -u`.
 */
// zh (the default) in <name>.<ext>, English in <name>.en.<ext>.
const FORMATS = (['zh', 'en'] as const).flatMap((lang) => [['table', 'txt'], ['markdown', 'md'], ['json', 'json']].map(([format, ext]) => [lang, format, `${lang === 'en' ? 'en.' : ''}${ext}`] as const));

describe('assess diff 2023 → 2024-draft (golden)', () => {
  it.each(FORMATS)('%s %s', async (lang, format, ext) => {
    const r = (await cli('diff', 'changning-demo-street@2023', DRAFT, '--format', format, '--no-color', '--exit-code', '--lang', lang));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    await expect(r.stdout).toMatchFileSnapshot(`golden/changning-2023-to-2024-draft.${ext}`);
  });

  it.each(FORMATS)('with --facts, %s %s', async (lang, format, ext) => {
    const r = (await cli('diff', 'changning-demo-street@2023', DRAFT, '--facts', 'test/fixtures/diff/area.json', '--format', format, '--no-color', '--lang', lang));
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`golden/changning-2023-to-2024-draft.impact.${ext}`);
  });

  it('impact: 达标 → 不达标, the raised threshold newly failing, the added item missing its fact', async () => {
    const { impact } = JSON.parse((await cli('diff', 'changning-demo-street@2023', DRAFT, '--facts', 'test/fixtures/diff/area.json', '--format', 'json')).stdout);
    expect([impact.before.verdict, impact.after.verdict]).toEqual(['pass', 'fail']);
    expect(impact.changes.map((c: { id: string; before: string; after: string }) => [c.id, c.before, c.after])).toEqual([
      ['org.coordination-meetings', 'pass', 'fail'],
      ['online.minor-mode', 'absent', 'missing'],
      ['social.public-service-ads', 'pass', 'absent'],
    ]);
    expect([impact.newlyFailing, impact.newlyMissing]).toEqual([1, 1]);
    expect(impact.factsToCollect.map((f: { path: string }) => f.path)).toEqual(['minor_mode_promotion_activities_per_year']);
  });

  it('the draft reads as described in its header: one change of each kind', async () => {
    const d = JSON.parse((await cli('diff', 'changning-demo-street@2023', DRAFT, '--format', 'json')).stdout);
    expect(d.to.draft).toBe(true);
    expect(d.items.added.map((i: { id: string }) => i.id)).toEqual(['online.minor-mode']);
    expect(d.items.removed.map((i: { id: string }) => i.id)).toEqual(['social.public-service-ads']);
    expect(d.items.moved.map((i: { id: string }) => i.id)).toEqual(['social.station-services']);
    expect(d.items.reworded.map((i: { id: string }) => i.id)).toEqual(['ideology.theory-study', 'org.coordination-meetings']);
    expect(d.items.thresholds).toMatchObject([{ id: 'org.coordination-meetings', fact: 'coordination_meetings_per_year', operator: '>=', from: 2, to: 4, direction: 'stricter' }]);
    expect(d.items.responsible).toMatchObject([{ id: 'judicial.police-specialization', added: ['司法所'] }]);
  });
});

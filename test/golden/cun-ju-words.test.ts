import { describe, expect, it } from 'vitest';
import { loadStandardSync } from '../../src/standard/load.js';
import { runInProcess } from '../helpers/cli.js';

/**
 * 村(居) in English. The sources count 村(居) — a village (村, with its villagers' committee) or an
 * urban residential community (居, with its residents' committee): 杨市's "每个村(居)至少设立1名
 * 儿童主任", 长宁's "每个居民区". The English unit said "residential areas", which drops the villages
 * and is not what a reader of Chinese official English expects; it is "villages and residential
 * communities", the same words as the facts' names, for every fact that counts 村(居).
 */
const CUN_JU = 'villages and residential communities';

describe('村(居) in English', () => {
  const standards = ['changning-demo-street@2023', 'yangshi-demo-point@2022'].map((ref) => loadStandardSync(ref));

  it('every fact counting 村(居) has the unit and the name the sources mean', () => {
    const counted = new Map<string, { en: string; unit_en?: string }>();
    for (const s of standards) for (const [id, spec] of Object.entries(s.vocabulary)) if (spec.zh.includes('村(居)')) counted.set(id, spec);
    expect([...counted.keys()].sort()).toEqual(['communities_with_care_venue', 'residential_areas', 'residential_areas_with_child_director', 'residential_areas_with_volunteer_team']);
    for (const [id, spec] of counted) {
      expect(spec.unit_en, id).toBe(CUN_JU);
      expect(spec.en.toLowerCase(), id).toContain(CUN_JU);
    }
  });

  it('no English word of the vocabulary says "residential area"', () => {
    for (const s of standards) for (const spec of Object.values(s.vocabulary)) expect(`${spec.en} ${spec.unit_en ?? ''}`).not.toMatch(/residential areas?\b/i);
  });

  it('the report reads "17 of 18" against 18 villages and residential communities, and zh is unchanged', async () => {
    const en = await runInProcess(['fixtures/changning-failing.json', '--format', 'markdown', '--lang', 'en']);
    expect(en.stdout).toContain(`required to be at least as many as the ${CUN_JU} (村(居): each with its villagers' or residents' committee) in the area (18 ${CUN_JU})`);
    const zh = await runInProcess(['fixtures/changning-failing.json', '--format', 'markdown']);
    expect(zh.stdout).toContain('儿童主任人数 17 名，要求不少于辖区村(居)数（含居民区和村），即 18 个');
  });
});

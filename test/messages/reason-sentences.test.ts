import { describe, expect, it } from 'vitest';
import { explain, type FactDictionary } from '../../src/messages/explain.js';
import { t } from '../../src/messages/catalogue.js';
import type { Reason } from '../../src/reasons.js';

// A finding is a sentence a 未保办 clerk (or an English reader) would write: the numbers, each
// fact named once, the requirement after the value — not "X 17 areas, required at least Y (18 areas)".
const facts: FactDictionary = {
  residential_areas: { zh: '辖区村(居)数（含居民区和村）', en: "Villages and residential areas (村(居): each residents' or villagers' committee) in the area", type: 'integer', unit: '个', unit_en: 'residential areas' },
  with_director: { zh: '已设立儿童主任的村(居)数（居民区和村）', en: 'Villages and residential areas (村(居)) with a child director', type: 'integer', unit: '个', unit_en: 'residential areas' },
  child_directors: { zh: '儿童主任人数', en: 'Child directors', type: 'integer', unit: '名', unit_en: 'people' },
  meetings: { zh: '每年召开协调机制会议次数', en: 'Coordination-mechanism meetings held per year', type: 'integer', unit: '次', unit_en: 'times' },
  reply: { zh: '被建议单位作出书面回复的最长用时', en: 'Longest time for a recommended unit to reply in writing', type: 'number', unit: '个月', unit_en: 'months' },
  cases: { zh: '违法违规发放保障资金的起数', en: 'Cases of support funds granted unlawfully', type: 'integer', unit: '起', unit_en: 'cases' },
};

const part: Reason = { kind: 'compare_fact', fact: 'with_director', op: '>=', actual: 17, other: 'residential_areas', otherActual: 18 };
const perUnit: Reason = { kind: 'compare_fact', fact: 'child_directors', op: '>=', actual: 17, other: 'residential_areas', otherActual: 18 };

describe('reason sentences', () => {
  it('a count of 村(居) against all 村(居) reads "17 of 18, all required", the Chinese term once', () => {
    const en = explain([part], 'en', facts);
    expect(en).toBe('Villages and residential areas (村(居)) with a child director: 17 of 18, all required');
    expect(en.split('村(居)').length - 1).toBe(1);
    expect(explain([part], 'zh', facts)).toBe('已设立儿童主任的村(居)数（居民区和村） 17 个，要求不少于辖区村(居)数（含居民区和村），即 18 个');
  });

  it('a count in another unit names what it is measured against, in the sentence', () => {
    expect(explain([perUnit], 'en', facts)).toBe(
      "Child directors: 17 people, required to be at least as many as the villages and residential areas (村(居): each residents' or villagers' committee) in the area (18 residential areas)",
    );
    expect(explain([perUnit], 'zh', facts)).toBe('儿童主任人数 17 名，要求不少于辖区村(居)数（含居民区和村），即 18 个');
  });

  it('a threshold: the value, then what is required (or allowed), in the right number', () => {
    expect(explain([{ kind: 'compare', fact: 'meetings', op: '>=', actual: 1, expected: 2 }], 'en', facts)).toBe('Coordination-mechanism meetings held per year: 1 time, at least 2 times required');
    expect(explain([{ kind: 'compare', fact: 'reply', op: '<=', actual: 1.5, expected: 1 }], 'en', facts)).toBe('Longest time for a recommended unit to reply in writing: 1.5 months, at most 1 month allowed');
    expect(explain([{ kind: 'compare', fact: 'meetings', op: '>=', actual: 1, expected: 2 }], 'zh', facts)).toBe('每年召开协调机制会议次数 1 次，要求至少 2 次');
  });

  it('a triggered negative-list item names the fact and its value', () => {
    expect(explain([{ kind: 'triggered', facts: [{ fact: 'cases', actual: 1 }] }], 'en', facts)).toBe('Cases of support funds granted unlawfully: 1 case');
  });

  it('a yearly count not yet due: singular where one, the date in words', () => {
    const pending: Reason = { kind: 'pending', fact: 'meetings', op: '>=', actual: 1, expected: 2, remaining: 1, due: '2023-12-31' };
    expect(explain([pending], 'en', facts)).toBe('Coordination-mechanism meetings held per year: 1 time, at least 2 times required in the year — not yet due, 1 time more by 31 December 2023');
    expect(explain([pending], 'zh', facts)).toBe('每年召开协调机制会议次数 1 次，全年要求至少 2 次：未到期，还需 1 次（2023年12月31日前）');
  });

  it('a batch counts areas as "1 of 4 areas"', () => {
    expect(t('en', 'report.batch.areas', { n: 1, total: 4 })).toBe('1 of 4 areas');
  });
});

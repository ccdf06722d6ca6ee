import { describe, expect, it } from 'vitest';
import { assessFacts } from '../../src/assess/assess.js';
import { parsePeriod } from '../../src/assess/period.js';
import { exitForVerdict } from '../../src/cli/exit.js';
import { checkStandard } from '../../src/standard/load.js';
import { loadStandardSync } from '../../src/standard/load.js';
import { parseYaml } from '../../src/source/yaml.js';
import { DEFAULT_LIMITS } from '../../src/source/types.js';
import compliant from '../../fixtures/changning-compliant.json' with { type: 'json' };

/** Part-year periods (issue 15, the 月报): the forms read, pending with what remains, in_progress exits 0. */
describe('parsePeriod', () => {
  it.each([
    ['2023', { year: 2023, endMonth: 12, full: true, quartersElapsed: 4, end: '2023-12-31' }],
    [2023, { year: 2023, endMonth: 12, full: true }],
    ['2023-Q2', { year: 2023, endMonth: 6, full: false, quartersElapsed: 2, end: '2023-06-30' }],
    ['2023-Q4', { year: 2023, endMonth: 12, full: true, quartersElapsed: 4 }],
    ['2023-05', { year: 2023, endMonth: 5, full: false, quartersElapsed: 1, end: '2023-05-31' }],
    ['2024-02', { endMonth: 2, quartersElapsed: 0, end: '2024-02-29' }],
    ['2023-12', { endMonth: 12, full: true }],
  ])('%s', (text, want) => expect(parsePeriod(text)).toMatchObject(want));

  it.each(['2023-Q5', '2023-13', '2023-00', '23', '2023-5', 'Q2', '2023年', '', '2023-Q2-05'])('%s is not a period', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });
});

describe('assessing part of a year', () => {
  const std = loadStandardSync('changning-demo-street@2023');
  const facts = { ...compliant.facts, coordination_meetings_per_year: 1 };

  it('a yearly count short in 2023-Q2 is pending with what remains; the verdict is in_progress and exits 0', () => {
    const r = assessFacts(std, { area: {}, period: '2023-Q2', facts, evidence: {} });
    expect(r.verdict).toBe('in_progress');
    expect(exitForVerdict(r.verdict)).toBe(0);
    const item = r.items.find((i) => i.id === 'org.coordination-meetings')!;
    expect(item.state).toBe('pending');
    expect(item.remaining).toEqual([{ kind: 'pending', fact: 'coordination_meetings_per_year', op: '>=', actual: 1, expected: 2, remaining: 1, due: '2023-12-31', unit: '次' }]);
    expect(item.explanation).toBe('每年召开协调机制会议次数 1 次，全年要求至少 2 次：未到期，还需 1 次（2023年12月31日前）');
    const en = assessFacts(std, { area: {}, period: '2023-Q2', facts, evidence: {} }, { lang: 'en' }).items.find((i) => i.id === 'org.coordination-meetings')!;
    expect(en.explanation).toBe('Coordination-mechanism meetings held per year 1 times; the year requires at least 2 times: not yet due, 1 times to go by 2023-12-31');
  });

  it('the same facts for the whole year fail exactly as before', () => {
    for (const period of ['2023', '2023-Q4', '2023-12', undefined]) {
      const r = assessFacts(std, { area: {}, ...(period ? { period } : {}), facts, evidence: {} });
      expect(r.verdict).toBe('fail');
      expect(r.items.find((i) => i.id === 'org.coordination-meetings')!.state).toBe('fail');
      expect(r.items.some((i) => i.state === 'pending')).toBe(false);
    }
  });
});

describe('lint: every fact an item reads says how time enters it', () => {
  const standard = (time: string) => `
id: t
version: "1"
title: T
kind: checklist
facts:
  t_meetings_per_year: {type: integer, minimum: 0, ${time} zh: 每年会议次数, en: Meetings per year}
items:
  - {id: t.meetings, aspect: 组织领导, content: 协调, number: 1, text: 每年至少召开2次会议。, rule: {">=": [{var: t_meetings_per_year}, 2]}}
`;
  it('refuses an item reading a fact without time', () => {
    const { problems } = checkStandard(parseYaml(standard(''), 't.yaml', DEFAULT_LIMITS), 't.yaml');
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual(['fact "t_meetings_per_year" does not say how time enters it']);
  });
  it('accepts it with time', () => {
    const { problems } = checkStandard(parseYaml(standard('time: year,'), 't.yaml', DEFAULT_LIMITS), 't.yaml');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assessFacts } from '../../src/assess/assess.js';
import type { AssessResult, Lang } from '../../src/assess/types.js';
import { dateWords, explain, factValue, singular, type FactDictionary } from '../../src/messages/explain.js';
import { formatOf } from '../../src/report/formats.js';
import { factsOf } from '../../src/report/facts.js';
import type { FormatOptions, Formatter } from '../../src/report/types.js';
import { loadStandardSync } from '../../src/standard/load.js';

// Reports in words (issue 14 item 4): facts by their description, values in words, ids only in
// the JSON and in the HTML's small print; a veto heads every 整改清单; a clear negative list is said.
const std = loadStandardSync('changning-demo-street@2023');
const load = (f: string) => JSON.parse(readFileSync(f, 'utf8'));
const assess = (f: string, lang: Lang) => assessFacts(std, load(f), { input: f, lang });
const options = (lang: Lang): FormatOptions => ({ lang, color: false, width: 80, date: '2023-12-28' });

const facts: FactDictionary = {
  held: { zh: '召开会议次数', en: 'Meetings held', type: 'integer', unit: '次', unit_en: 'times' },
  rate: { zh: '覆盖率', en: 'Coverage', type: 'number', unit: '%', unit_en: '%' },
  kids: { zh: '儿童数', en: 'Children', type: 'integer', unit: '名', unit_en: 'children' },
  done: { zh: '已建立强制报告工作流程', en: 'Mandatory-reporting procedure established', type: 'boolean' },
  since: { zh: '制度印发日期', en: 'Date the rules were issued', type: 'date' },
};

describe('values in words', () => {
  it('booleans 是/否, numbers with units (English singular for one), percentages, dates', () => {
    expect(factValue('done', true, 'zh', facts)).toBe('是');
    expect(factValue('done', false, 'en', facts)).toBe('no');
    expect(factValue('held', 3, 'zh', facts)).toBe('3 次');
    expect(factValue('held', 1, 'en', facts)).toBe('1 time');
    expect(factValue('held', 2, 'en', facts)).toBe('2 times');
    expect(factValue('kids', 1, 'en', facts)).toBe('1 child');
    expect(factValue('rate', 50, 'zh', facts)).toBe('50%');
    expect(factValue('since', '2023-05-01', 'zh', facts)).toBe('2023年5月1日');
    expect(factValue('since', '2023-05-01', 'en', facts)).toBe('1 May 2023');
    expect(factValue('held', null, 'zh', facts)).toBe('未填写');
    expect(dateWords('not a date', 'zh')).toBe('not a date');
    expect(['times', 'agencies', 'years of age', 'people', 'working days', '10k yuan', 'yuan/month'].map(singular)).toEqual(['time', 'agency', 'year of age', 'person', 'working day', '10k yuan', 'yuan/month']);
  });

  it('a missing fact by its description; its id only where the JSON keeps it', () => {
    const reasons = [{ kind: 'missing' as const, facts: ['done', 'unknown_fact'] }];
    expect(explain(reasons, 'zh', facts)).toBe('缺少事实：已建立强制报告工作流程（done）；unknown_fact');
    expect(explain(reasons, 'zh', facts, { ids: false })).toBe('缺少事实：已建立强制报告工作流程；unknown_fact');
    expect(explain(reasons, 'en', facts, { ids: false })).toBe('missing facts: Mandatory-reporting procedure established; unknown_fact');
  });

  it('the words of a standard read from a file: its own facts too (FormatOptions.standardFile)', () => {
    const file = 'fixtures/standards/changning-demo-street-2024-draft.yaml';
    const own = factsOf({ standard: { id: 'changning-demo-street', version: '2024-draft', title: '' } }, { standardFile: file });
    expect(own.minor_mode_promotion_activities_per_year?.zh).toBe('年内开展未成年人模式推广宣传活动次数');
    // Another standard's results are not read with that file's words.
    expect(factsOf({ standard: { id: 'changning-demo-street', version: '2023', title: '' } }, { standardFile: file }).minor_mode_promotion_activities_per_year).toBeUndefined();
  });
});

async function render(name: string, by: 'report' | 'responsible', results: AssessResult[], lang: Lang): Promise<string> {
  const format = formatOf(name)!;
  const f: Formatter = await (by === 'responsible' ? format.byResponsible!() : format.load());
  return String(await f(results, options(lang)));
}

const FIXTURES = ['changning-failing.json', 'changning-vetoed.json', 'changning-compliant.json', 'changning-2023-q2.json'].map((f) => `fixtures/${f}`);
const READ = ['table', 'markdown', 'html'] as const;

describe.each(['zh', 'en'] as const)('reports for people (%s)', (lang) => {
  const results = FIXTURES.map((f) => assess(f, lang));
  const incomplete = assessFacts(std, parse(readFileSync('fixtures/changning-incomplete.yaml', 'utf8')), { input: 'fixtures/changning-incomplete.yaml', lang });
  const all = [...results, incomplete];
  // (Ids that are English words too — hotels, schools — are also units of the English text.)
  const factIds = Object.keys(std.vocabulary).filter((id) => id.includes('_'));

  it.each(READ)('%s names no fact by its id outside the HTML small print, and doubles no prefix', async (name) => {
    for (const by of ['report', 'responsible'] as const) {
      for (const r of all) {
        let out = await render(name, by, [r], lang);
        // HTML: ids stand in attributes and in <code> small print (once each), never in the words.
        if (name === 'html') out = out.replace(/<code>[^<]*<\/code>/g, '').replace(/<[^>]*>/g, ' ');
        const named = factIds.filter((id) => new RegExp(`(^|[^\\w.])${id}([^\\w]|$)`).test(out));
        expect(named, `${name} ${by} ${r.input}`).toEqual([]);
        expect(out).not.toMatch(/缺少事实：\s*缺少事实|missing facts:\s*missing|missing：|未达标：未达标|fail: fail/);
      }
    }
  });

  it('the JSON keeps the ids (explanation and missing)', async () => {
    const json = JSON.parse(await render('json', 'report', [incomplete], lang));
    const item = json.results[0].items.find((i: { state: string }) => i.state === 'missing');
    expect(item.missing.length).toBeGreaterThan(0);
    expect(item.explanation).toContain(item.missing[0]);
  });

  it.each(['table', 'markdown', 'json', 'csv', 'html'])('a triggered veto heads the %s 整改清单, which never says nothing is open', async (name) => {
    const vetoed = results[1];
    expect(vetoed.verdict).toBe('veto');
    const v = vetoed.vetoes.find((x) => x.state === 'triggered')!;
    const out = await render(name, 'responsible', [vetoed], lang);
    const head = v.text.slice(0, 12); // a terminal wraps the rest
    expect(out.indexOf(head), name).toBeGreaterThan(-1);
    for (const nothing of ['无未达标项', 'Nothing open', '各项工作标准均已达标，无需整改', 'Every item is met: nothing to rectify']) expect(out).not.toContain(nothing);
    if (name === 'json') expect(JSON.parse(out).rectification[0].vetoes[0].id).toBe(v.id);
    // First in the area's list: before any item of it.
    const withItems = { ...vetoed, items: results[0].items, verdict: 'veto' as const };
    const both = await render(name, 'responsible', [withItems], lang);
    const firstItem = results[0].items.find((i) => i.state === 'fail')!;
    expect(both.indexOf(head), name).toBeLessThan(both.indexOf(firstItem.text.slice(0, 12)));
  });

  it.each(READ)('a passing %s report says the negative list was checked and nothing triggered', async (name) => {
    const passing = results[2];
    expect(passing.verdict).toBe('pass');
    const said = lang === 'zh' ? /负面工作清单 9 项(已核查，)?均未触发/ : /(Negative list checked \(9 items\): none triggered|none of the 9 negative-list items triggered)/;
    expect(await render(name, 'report', [passing], lang)).toMatch(said);
    expect(await render(name, 'responsible', [passing], lang)).toMatch(said);
  });

  it('the HTML 实际值 shows a fact in words, its id as a tooltip; 原因 prints each missing id once', async () => {
    const out = await render('html', 'report', [incomplete], lang);
    const done = std.vocabulary.police_report_procedure_established;
    if (done) expect(out).toContain(`title="police_report_procedure_established">${lang === 'zh' ? done.zh + '：' : done.en + ': '}`);
    for (const why of out.match(/<p class="problem-why">.*?<\/p>/g) ?? []) {
      for (const id of why.match(/<code>([^<]*)<\/code>/g) ?? []) expect(why.split(id).length - 1, why).toBe(1);
      expect(why.replace(/<code>[^<]*<\/code>/g, '')).not.toMatch(/[a-z]+_[a-z_]+/);
    }
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AssessResult, ItemResult } from '../../src/assess/types.js';
import { CHART_TRACK_WIDTH } from '../../src/report/html/chart.js';
import { html } from '../../src/report/html/index.js';
import { loadFormatter } from '../../src/report/formats.js';

function item(over: Partial<ItemResult> & { id: string }): ItemResult {
  return {
    aspect: '组织领导',
    content: '组织协调',
    number: 1,
    text: `工作标准 ${over.id}`,
    state: 'pass',
    reads: [],
    actual: {},
    explanation: '',
    responsible: [],
    missing: [],
    evidence: [],
    weight: 1,
    ...over,
  };
}

function result(over: Partial<AssessResult> = {}): AssessResult {
  return {
    input: 'fixtures/x.json',
    area: { name: '新华路街道', code: '310105002' },
    period: '2023',
    standard: { id: 'changning-demo-street', version: '2023', title: '长宁区未成年人保护示范街道（镇）创建达标体系' },
    verdict: 'fail',
    score: 0.6,
    aspects: [
      { name: '组织领导', met: 1, applicable: 2, score: 0.5 },
      { name: '家庭保护', met: 2, applicable: 3, score: 2 / 3 },
      { name: '网络保护', met: 0, applicable: 0, score: 1 },
    ],
    items: [
      item({ id: 'org.a', state: 'pass' }),
      item({ id: 'org.b', state: 'fail', explanation: '会议次数 1 次，要求至少 2 次', evidence: [{ fact: 'meetings', documents: ['会议纪要', '制度文件'] }, { fact: 'rules', documents: ['制度文件'] }] }),
      item({ id: 'fam.a', aspect: '家庭保护', state: 'missing', missing: ['family_sites'], responsible: ['民政', '妇联'] }),
      item({ id: 'fam.b', aspect: '家庭保护', state: 'fail', responsible: ['妇联'] }),
      item({ id: 'fam.c', aspect: '家庭保护', state: 'pass' }),
      item({ id: 'net.a', aspect: '网络保护', state: 'not_applicable' }),
    ],
    vetoes: [{ id: 'neg.one', list: { id: 'negative-list', version: '2023' }, number: 1, text: '发生未成年人重大安全事故', state: 'clear', reads: [], actual: {}, explanation: '', missing: [] }],
    warnings: [],
    ...over,
  };
}

const zh = { lang: 'zh' as const, color: false, width: 100 };
const en = { lang: 'en' as const, color: false, width: 100 };
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('html formatter', () => {
  it('is registered as --format html', async () => {
    expect(await loadFormatter('html')).toBe(html);
  });

  it('is one self-contained document: no URL to fetch, one script, CSP hashes matching our own style and script', () => {
    const out = html([result()], zh);
    expect(out.startsWith('<!doctype html>')).toBe(true);
    expect(out).not.toMatch(/https?:|\/\/[a-z]|@import|url\(|<link|src=/i);
    expect(count(out, /<script>/g)).toBe(1);
    const style = out.match(/<style>([\s\S]*?)<\/style>/)![1];
    const script = out.match(/<script>([\s\S]*?)<\/script>/)![1];
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const csp = out.match(/Content-Security-Policy" content="([^"]*)"/)![1];
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain("default-src 'none'");
  });

  it('escapes every string from the input', () => {
    const evil = '<script>alert(1)</script>"\'&';
    const r = result({
      input: evil,
      area: { name: evil, code: evil },
      period: evil,
      aspects: [{ name: evil, met: 0, applicable: 1, score: 0 }],
      items: [item({ id: evil, aspect: evil, content: evil, text: evil, state: evil as never, explanation: evil, responsible: [evil], missing: [evil], actual: { [evil]: evil }, evidence: [{ fact: evil, documents: [evil] }] })],
      vetoes: [{ id: evil, list: { id: 'n', version: '1' }, number: 1, text: evil, state: 'triggered', reads: [], actual: {}, explanation: evil, missing: [] }],
      warnings: [evil],
      verdict: 'veto',
    });
    for (const out of [html([r], zh), html([r, r], en)]) {
      expect(out).not.toContain('<script>alert');
      expect(out).not.toContain('"\'&');
      expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
      expect(count(out, /<script/g)).toBe(1);
    }
  });

  it('shows the verdict in a banner, 否决 in its own colour with the triggered negative-list item', () => {
    const vetoed = result({
      verdict: 'veto',
      score: 1,
      vetoes: [{ id: 'neg.welfare', list: { id: 'negative-list', version: '2023' }, number: 3, text: '保障资金没有落实到位', state: 'triggered', reads: [], actual: {}, explanation: '违法违规发放 1 起', missing: [] }],
    });
    const out = html([vetoed], zh);
    expect(out).toMatch(/<header class="banner verdict-veto">/);
    expect(out).toMatch(/<span class="verdict" data-verdict="veto">否决<\/span>/);
    expect(out).toContain('触发负面工作清单项 3：保障资金没有落实到位');
    expect(html([result()], zh)).toMatch(/<span class="verdict" data-verdict="fail">不达标<\/span>/);
    expect(html([result()], zh)).not.toContain('veto-triggered');
  });

  it('draws one bar per 项目 whose data and width are the aspect score', () => {
    const r = result();
    const bars = [...html([r], zh).matchAll(/<rect class="bar ([\w-]+)"[^>]* width="([\d.]+)"[^>]* data-aspect="([^"]*)" data-score="([^"]*)"/g)];
    expect(bars.map((b) => [b[3], Number(b[4])])).toEqual(r.aspects.map((a) => [a.name, a.score]));
    for (const [i, b] of bars.entries()) expect(Number(b[2])).toBeCloseTo(Math.min(1, r.aspects[i].score) * CHART_TRACK_WIDTH, 1);
    expect(bars.map((b) => b[1])).toEqual(['partial', 'partial', 'none-applicable']);
  });

  it('lists every open item (fail, missing, and states it does not know yet) with its evidence to supply', () => {
    const r = result();
    r.items.push(item({ id: 'ev.a', state: 'unsupported', explanation: '佐证材料缺失' }));
    r.items.push(item({ id: 'ev.b', state: 'under_review' as never }));
    const out = html([r], zh);
    const rows = [...out.matchAll(/<tr class="finding" data-state="([^"]+)" data-item="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([['fail', 'org.b'], ['missing', 'fam.a'], ['fail', 'fam.b'], ['unsupported', 'ev.a'], ['under_review', 'ev.b']]);
    expect(out).toContain('<span class="state state-unsupported">证明材料不足</span>');
    expect(out).toContain('<span class="state state-under_review">under_review</span>');
    // one line per document, however many facts it proves
    expect(out).toContain('<ul class="docs"><li>会议纪要</li><li>制度文件</li></ul>');
    expect(out).toContain('<code>family_sites</code>');
  });

  it('groups the 整改清单 by 责任单位 where the standard names them, by 项目 where it does not, and says which', () => {
    const out = html([result()], zh);
    const rect = out.slice(out.indexOf('<div class="rectification">'), out.indexOf('</div>\n<details'));
    const groups = [...rect.matchAll(/<h4>([^<]+)<\/h4><ol>(.*?)<\/ol>/g)].map((m) => [m[1], [...m[2].matchAll(/data-item="([^"]+)"/g)].map((x) => x[1])]);
    expect(groups).toEqual([
      ['责任单位：民政', ['fam.a']],
      ['责任单位：妇联', ['fam.a', 'fam.b']],
      ['项目：组织领导（未列明责任单位）', ['org.b']],
    ]);
    expect(rect).toContain('按责任单位分组');
    expect(rect).toContain('本标准未列明这些工作标准的责任单位，按项目分组。');

    const noUnits = result({ items: result().items.map((i) => ({ ...i, responsible: [] })) });
    const only = html([noUnits], en);
    expect(only).toContain('grouped by aspect (项目)');
    expect(only).not.toContain('Grouped by responsible unit');
  });

  it('puts the full item list in a collapsed <details>', () => {
    const out = html([result()], zh);
    expect(out).toMatch(/<details class="all-items"><summary>全部工作标准（6 项）<\/summary>/);
    expect(count(out, /<tr class="item" /g)).toBe(6);
  });

  it('prints on A4 and speaks English with --lang en', () => {
    const out = html([result()], en);
    expect(out).toContain('@page { size: A4');
    expect(out).toContain('<html lang="en">');
    expect(out).toContain('data-verdict="fail">FAIL (不达标)</span>');
    expect(out).toContain('Rectification list (整改清单)');
    expect(out).toContain('Evidence to supply');
    expect(out).not.toMatch(/整改清单<\/h3>|需提供的佐证材料/);
  });

  it('gives a batch an overview table, sortable, linking each area to its section', () => {
    const a = result({ area: { name: '甲街道' }, score: 0.6 });
    const b = result({ area: { name: '乙街道' }, verdict: 'pass', score: 1, aspects: [{ name: '组织领导', met: 2, applicable: 2, score: 1 }] });
    const c = result({ area: {}, input: 'packs/c', verdict: 'veto', score: 0.9 });
    const out = html([a, b, c], zh);
    const rows = [...out.matchAll(/<tr data-verdict="(\w+)"><td data-sort="[^"]*"><a href="#([\w-]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual([['fail', 'area-1', '甲街道'], ['pass', 'area-2', '乙街道'], ['veto', 'area-3', 'packs/c']]);
    for (const [, anchor] of rows) expect(out).toContain(`<section class="area" id="${anchor}"`);
    expect(out).toMatch(/<table class="overview sortable">/);
    // worst 项目: the lowest applicable score; none when all are met
    expect(out).toContain('<td data-sort="0.5">组织领导 <span class="muted">50.0%</span></td>');
    expect(out).toMatch(/<tr data-verdict="pass">.*<td data-sort="2"><span class="muted">—<\/span><\/td><\/tr>/);
    expect(html([a], zh)).not.toContain('class="overview');
  });

  it('says so when there is nothing to report', () => {
    expect(html([], zh)).toContain('没有可报告的评估结果。');
  });
});

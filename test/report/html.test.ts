import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AssessResult, ItemResult } from '../../src/assess/types.js';
import { CHART_TRACK_WIDTH } from '../../src/report/html/chart.js';
import { html, htmlProblems } from '../../src/report/html/index.js';
import { formatOf, loadFormatter } from '../../src/report/formats.js';

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
    reasons: [],
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
    vetoes: [{ id: 'neg.one', list: { id: 'negative-list', version: '2023' }, number: 1, text: '发生未成年人重大安全事故', state: 'clear', reads: [], actual: {}, explanation: '', missing: [], reasons: [] }],
    warnings: [],
    ...over,
  };
}

const zh = { lang: 'zh' as const, color: false, width: 100, date: '2023-12-28' };
const en = { lang: 'en' as const, color: false, width: 100, date: '2023-12-28' };
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('html formatter', () => {
  it('is registered as --format html, and as html --by responsible', async () => {
    expect(await loadFormatter('html')).toBe(html);
    expect(await formatOf('html')!.byResponsible!()).toBe(htmlProblems);
  });

  it('is one self-contained document: no URL to fetch, one script, CSP hashes matching our own styles and script', () => {
    const out = html([result()], zh);
    expect(out.startsWith('<!doctype html>')).toBe(true);
    expect(out).not.toMatch(/https?:|\/\/[a-z]|@import|url\((?!#)|<link|src=/i);
    expect(count(out, /<script>/g)).toBe(1);
    const styles = [...out.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    expect(styles).toHaveLength(2);
    const script = out.match(/<script>([\s\S]*?)<\/script>/)![1];
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const csp = out.match(/Content-Security-Policy" content="([^"]*)"/)![1];
    expect(csp).toContain(`style-src ${styles.map(hash).join(' ')}`);
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).toContain("default-src 'none'");
    expect(out).not.toMatch(/ style="/);
  });

  it('escapes every string from the input, in the markup and in the running header', () => {
    const evil = '<script>alert(1)</script>"\'&';
    const r = result({
      input: evil,
      area: { name: evil, code: evil },
      period: evil,
      standard: { id: evil, version: evil, title: evil },
      aspects: [{ name: evil, met: 0, applicable: 1, score: 0 }],
      items: [item({ id: evil, aspect: evil, content: evil, text: evil, state: evil as never, explanation: evil, responsible: [evil], missing: [evil], actual: { [evil]: evil }, evidence: [{ fact: evil, documents: [evil] }] })],
      vetoes: [{ id: evil, list: { id: 'n', version: '1' }, number: 1, text: evil, state: 'triggered', reads: [], actual: {}, explanation: evil, missing: [], reasons: [] }],
      warnings: [evil],
      verdict: 'veto',
    });
    for (const out of [html([r], zh), html([r, r], en), htmlProblems([r], zh), htmlProblems([r, r], en)]) {
      expect(out).not.toContain('<script>alert');
      expect(out).not.toContain('"\'&');
      expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
      expect(count(out, /<script/g)).toBeLessThanOrEqual(1);
    }
    expect(html([r], zh)).toContain('@top-center { content: "\\3c script\\3e alert(1)\\3c /script\\3e \\22 \\27 \\26 ');
  });

  it('a batch left with one area or none, the rest refused, still names what could not be assessed, after the report', () => {
    const invalid = [{ input: 'areas/b.xls', message: 'areas/b.xls: 这是旧版 Excel 97-2003 工作簿（.xls），无法读取\n  改为: 另存为 .xlsx' }];
    const summary = { total: 2, byVerdict: { pass: 0, fail: 1, veto: 0, invalid: 1 }, worst: [], mostFailed: [], vetoes: [], invalid };
    for (const out of [html([result()], { ...zh, summary }), htmlProblems([result()], { ...zh, summary }), html([], { ...zh, summary: { ...summary, byVerdict: { ...summary.byVerdict, fail: 0 } } })]) {
      expect(out).toContain('<section class="doc invalid-inputs">');
      expect(out).toContain('<li><code>areas/b.xls</code> 这是旧版 Excel 97-2003 工作簿（.xls），无法读取<br>改为: 另存为 .xlsx</li>');
    }
    // After the area's own document, not in place of it.
    const one = html([result()], { ...zh, summary });
    expect(one.indexOf('class="area doc"')).toBeLessThan(one.indexOf('invalid-inputs'));
    // With nothing refused, no such section.
    expect(html([result()], zh)).not.toContain('invalid-inputs');
  });

  it('is titled as the standard names it, with 报送单位, 报告日期 and the period', () => {
    const out = html([result()], zh);
    expect(out).toContain('<h1 class="doc-title" data-verdict="fail">长宁区未成年人保护示范街道（镇）创建达标自评报告</h1>');
    expect(out).toContain('<dt>报送单位</dt><dd>新华路街道</dd>');
    expect(out).toContain('<dt>报告日期</dt><dd>2023年12月28日</dd>');
    expect(out).toContain('<dt>评估周期</dt><dd>2023</dd>');
    expect(html([result()], { ...zh, issuer: '长宁区新华路街道办事处' })).toContain('<dt>报送单位</dt><dd>长宁区新华路街道办事处</dd>');
    const yangshi = result({ standard: { id: 'yangshi-demo-point', version: '2022', title: '创建全国未成年人保护示范点责任清单' } });
    expect(html([yangshi], zh)).toContain('>创建全国未成年人保护示范点自评报告</h1>');
    // Without --date: today, as the office dates a document the day it is made.
    const now = new Date();
    expect(html([result()], { lang: 'zh', color: false, width: 100 })).toContain(`<dd>${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日</dd>`);
  });

  it('sums up in sentences: counts by state, the negative list, the verdict', () => {
    expect(html([result()], zh)).toContain('<p class="verdict-sentence">对照 6 项工作标准，达标 2 项，未达标 2 项，缺少材料 1 项，不适用 1 项；负面工作清单 1 项均未触发；结论：不达标。</p>');
    expect(html([result()], en)).toContain('<p class="verdict-sentence">Of 6 items, 2 met, 2 failed, 1 missing facts, 1 not applicable; none of the 1 negative-list items triggered; verdict: FAIL.</p>');
    expect(html([result({ vetoes: [] })], zh)).toContain('；未适用负面工作清单；结论：不达标。');
    const undecided = result({ vetoes: [{ ...result().vetoes[0], state: 'missing' }] });
    expect(html([undecided], zh)).toContain('负面工作清单 1 项未触发，其中 1 项缺少材料、无法判断');
  });

  it('names a triggered negative-list item first, in the banner and the sentence; 否决 in its own colour', () => {
    const vetoed = result({
      verdict: 'veto',
      score: 1,
      vetoes: [{ id: 'neg.welfare', list: { id: 'negative-list', version: '2023' }, number: 3, text: '保障资金没有落实到位', state: 'triggered', reads: [], actual: {}, explanation: '违法违规发放 1 起', missing: [], reasons: [] }],
    });
    const out = html([vetoed], zh);
    expect(out).toMatch(/<div class="banner verdict-veto">/);
    expect(out).toMatch(/<span class="verdict" data-verdict="veto">否决<\/span>/);
    expect(out).toContain('触发负面工作清单项 3：保障资金没有落实到位');
    expect(out).toContain('<p class="verdict-sentence">触发负面工作清单第 3 项（保障资金没有落实到位），一票否决；对照 6 项工作标准，');
    expect(out).toContain('；结论：否决。</p>');
    expect(html([result()], zh)).toMatch(/<span class="verdict" data-verdict="fail">不达标<\/span>/);
    expect(html([result()], zh)).not.toContain('veto-triggered');
  });

  it('states the negative list item by item even when nothing triggered', () => {
    const out = html([result()], zh);
    expect(out).toMatch(/<section class="negative">\n<h2>[一二三四五六]、负面工作清单<\/h2>\n<p>负面工作清单 1 项均未触发。<\/p>/);
    expect(out).toContain('<tr class="veto" data-state="clear" data-veto="neg.one">');
    expect(html([result({ vetoes: [] })], zh)).toContain('本次评估未适用负面工作清单');
  });

  it('keeps the document order: summary, chart, 问题清单, negative list, sign-off, then the full list as 附件', () => {
    const out = html([result()], zh);
    const at = (s: string) => out.indexOf(s);
    const order = ['class="doc-title"', '一、总体情况', '二、各项目得分', '三、问题清单', '四、负面工作清单', 'class="signoff"', '<h2 class="annex-title">附件</h2>', 'class="all-items"'].map(at);
    expect(order.every((n) => n > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const word of ['填报人', '审核人', '负责人', '日期']) expect(out).toMatch(new RegExp(`${word}：</span><span class="blank"></span>`));
  });

  it('draws one bar per 项目 whose data and width are the aspect score', () => {
    const r = result();
    const bars = [...html([r], zh).matchAll(/<rect class="bar ([\w-]+)"[^>]* width="([\d.]+)"[^>]* data-aspect="([^"]*)" data-score="([^"]*)"/g)];
    expect(bars.map((b) => [b[3], Number(b[4])])).toEqual(r.aspects.map((a) => [a.name, a.score]));
    for (const [i, b] of bars.entries()) expect(Number(b[2])).toBeCloseTo(Math.min(1, r.aspects[i].score) * CHART_TRACK_WIDTH, 1);
    expect(bars.map((b) => b[1])).toEqual(['partial', 'partial', 'none-applicable']);
  });

  it('shows 未填报, not 0%, for a 项目 whose facts are all missing', () => {
    const r = result({
      aspects: [{ name: '组织领导', met: 1, applicable: 2, score: 0.5 }, { name: '家庭保护', met: 0, applicable: 2, score: 0 }],
      items: [item({ id: 'org.a' }), item({ id: 'org.b', state: 'fail' }), item({ id: 'fam.a', aspect: '家庭保护', state: 'missing', missing: ['x'] }), item({ id: 'fam.b', aspect: '家庭保护', state: 'missing', missing: ['y'] })],
    });
    const out = html([r], zh);
    expect(out).toMatch(/<rect class="bar unreported"[^>]* width="0"[^>]* data-aspect="家庭保护"[^>]* data-standing="unreported">/);
    expect(out).toMatch(/<text class="value unreported"[^>]*>未填报<\/text>/);
    expect(out).not.toMatch(/>0\.0%<\/text>/);
    expect(out).toContain('“未填报”：该项目适用的工作标准均缺少材料');
    expect(out).toContain('家庭保护未填报');
  });

  it('lists every open item in the 问题清单 with why, the evidence to supply, and 整改措施 / 责任单位 / 完成时限 to fill', () => {
    const r = result();
    r.items.push(item({ id: 'ev.a', state: 'unsupported', explanation: '佐证材料缺失' }));
    r.items.push(item({ id: 'ev.b', state: 'under_review' as never }));
    const out = html([r], zh);
    const rows = [...out.matchAll(/<li class="problem" data-state="([^"]+)" data-item="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([['fail', 'org.b'], ['missing', 'fam.a'], ['fail', 'fam.b'], ['unsupported', 'ev.a'], ['under_review', 'ev.b']]);
    expect(out).toContain('<span class="state state-unsupported">证明材料不足</span>');
    expect(out).toContain('<span class="state state-under_review">under_review</span>');
    const first = out.slice(out.indexOf('data-item="org.b"'), out.indexOf('</li>', out.indexOf('data-item="org.b"')));
    expect(first).toContain('存在问题：</span>会议次数 1 次，要求至少 2 次');
    expect(first).toContain('需提供材料：</span>会议纪要、制度文件');
    expect(first).toContain('整改措施：</span><span class="blank wide"></span>');
    expect(first).toContain('责任单位：</span><span class="blank"></span>');
    expect(first).toContain('完成时限：</span><span class="blank short"></span>');
    // Where the standard names the 责任单位, they are printed on the line.
    expect(out).toContain('责任单位：</span><span class="blank filled">民政、妇联</span>');
    expect(out).toContain('<code>family_sites</code>');
    expect(html([result({ items: [item({ id: 'a' })] })], zh)).toContain('各项工作标准均已达标，无需整改的问题。');
  });

  it('--by responsible: the 整改清单 alone, by 责任单位 where the standard names them, by 项目 where it does not', () => {
    const out = htmlProblems([result()], zh);
    expect(out).toContain('>长宁区未成年人保护示范街道（镇）创建达标问题清单</h1>');
    expect(out).not.toContain('class="all-items"');
    expect(out).not.toContain('svg class="chart"');
    const groups = [...out.matchAll(/<div class="ledger-group" data-by="(\w+)" data-key="([^"]+)">[\s\S]*?<\/table><\/div>/g)].map((m) => [
      m[1],
      m[2],
      [...m[0].matchAll(/<tr class="ledger-row" data-item="([^"]+)"/g)].map((x) => x[1]),
    ]);
    expect(groups).toEqual([
      ['responsible', '民政', ['fam.a']],
      ['responsible', '妇联', ['fam.a', 'fam.b']],
      ['aspect', '组织领导', ['org.b']],
    ]);
    expect(out).toContain('<h3>项目：组织领导（未列明责任单位，1 项）</h3>');
    expect(out).toContain('填报人');
    expect(html([result()], zh)).not.toBe(out);
  });

  it('puts the full item list in a collapsed <details> in the 附件', () => {
    const out = html([result()], zh);
    expect(out).toMatch(/<details class="all-items"><summary>全部工作标准（6 项）<\/summary>/);
    expect(count(out, /<tr class="item" /g)).toBe(6);
  });

  it('prints on A4 with the GB/T 9704 margins and page numbers, and speaks English with --lang en', () => {
    const out = html([result()], en);
    expect(out).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm;');
    expect(out).toContain('content: "—\\2002" counter(page) "\\2002—"');
    expect(out).toContain('<html lang="en">');
    expect(out).toContain('data-verdict="fail">FAIL</span>');
    expect(out).toContain('Problem list');
    expect(out).toContain('Evidence to supply');
    expect(out).not.toMatch(/问题清单|需提供材料|填报人/);
  });

  it('gives a 月报 its 本月进展 after the summary, and its month in the title', () => {
    const r = result({ period: '2023-12' });
    r.progress = {
      baseline: { period: '2023-11', standard: { id: 'changning-demo-street', version: '2023' }, verdict: 'fail', score: 0.5 },
      verdict: { before: 'fail', after: 'fail' },
      score: { before: 0.5, after: 0.6, delta: 0.1 },
      newlyMet: [{ id: 'org.a', aspect: '组织领导', content: '组织协调', number: 1, text: 'x', before: 'fail', after: 'pass' }],
      newlyFailed: [],
      stillOpen: [{ id: 'org.b', aspect: '组织领导', content: '组织协调', number: 2, text: 'y', before: 'fail', after: 'fail' }],
      aspects: [
        { name: '组织领导', before: 0, after: 0.5, delta: 0.5 },
        { name: '家庭保护', before: null, after: 2 / 3, delta: null },
      ],
      vetoes: [],
    };
    const out = html([r], zh);
    expect(out).toContain('>长宁区未成年人保护示范街道（镇）创建达标工作月报（2023年12月）</h1>');
    expect(out.indexOf('二、本月进展')).toBeGreaterThan(out.indexOf('一、总体情况'));
    expect(out.indexOf('二、本月进展')).toBeLessThan(out.indexOf('三、各项目得分'));
    expect(out).toContain('与上期（2023-11）相比，得分由 50.0% 变为 60.0%（+10.0 个百分点）；结论仍为“不达标”；新达标 1 项，新出现问题 0 项，仍未达标 1 项。');
    expect(out).toMatch(/<div class="changes" data-kind="newly-met">.*data-item="org\.a"/);
    expect(out).toMatch(/<g class="row" data-aspect="组织领导" data-before="0" data-after="0.5" data-delta="0.5">/);
    expect(out).toMatch(/<g class="row" data-aspect="家庭保护" data-before="" data-after="0.6666666666666666" data-delta="">/);
    // No earlier report of the area: said so, nothing listed as newly met.
    const alone = result();
    alone.progress = { ...r.progress, baseline: null };
    expect(html([alone], zh)).toContain('未找到该地区的上期报告');
    expect(html([alone], zh)).not.toContain('data-kind="newly-met"');
    expect(html([result()], zh)).not.toContain('本月进展');
  });

  it('gives a batch the district view: sorted 否决 → 不达标 → 达标 then score, heat map, 整改台账, links to each area', () => {
    const a = result({ area: { name: '甲街道' }, score: 0.6 });
    const b = result({ area: { name: '乙街道' }, verdict: 'pass', score: 1, aspects: [{ name: '组织领导', met: 2, applicable: 2, score: 1 }], items: [item({ id: 'org.a' })] });
    const c = result({ area: {}, input: 'packs/c', verdict: 'veto', score: 0.9 });
    const d = result({ area: { name: '丁街道' }, score: 0.4 });
    const out = html([a, b, c, d], zh);
    const rows = [...out.matchAll(/<tr data-verdict="(\w+)"><td data-sort="[^"]*"><a href="#([\w-]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual([['veto', 'area-1', 'packs/c'], ['fail', 'area-2', '丁街道'], ['fail', 'area-3', '甲街道'], ['pass', 'area-4', '乙街道']]);
    for (const [, anchor] of rows) expect(out).toContain(`<section class="area doc" id="${anchor}"`);
    expect(out).toMatch(/<table class="overview sortable">/);
    expect(out).toContain('<p class="district-sentence">共评估 4 个地区：否决 1 个，不达标 2 个，达标 1 个。</p>');
    // worst 项目: the lowest applicable score; none when all are met
    expect(out).toContain('<td data-sort="0.5">组织领导 <span class="muted">50.0%</span></td>');
    expect(out).toMatch(/<tr data-verdict="pass">.*<td data-sort="2"><span class="muted">—<\/span><\/td><\/tr>/);

    // Heat map: a row per area in the same order, a cell per 项目 and the total, the number in each.
    const heat = out.slice(out.indexOf('<svg class="heatmap"'), out.indexOf('</svg>', out.indexOf('<svg class="heatmap"')));
    expect([...heat.matchAll(/<g class="heat-row" data-area="([^"]+)"/g)].map((m) => m[1])).toEqual(['packs/c', '丁街道', '甲街道', '乙街道']);
    expect(count(heat, /<rect class="cell/g)).toBe(4 * 4);
    expect(heat).toMatch(/<rect class="cell" [^>]*fill="#d7191c" data-aspect="组织领导" data-score="0.5"[^>]*\/><text class="cell-text"[^>]*>50\.0<\/text>/);
    expect(heat).toMatch(/data-aspect="网络保护" data-score="" data-standing="not-applicable"/);
    expect(heat).toContain('<a href="#area-2"><text class="row"');

    // 整改台账: one table per 责任单位 with every area's open items, linked to the area.
    const ledger = out.slice(out.indexOf('<section class="ledger-section">'), out.indexOf('</section>', out.indexOf('<section class="ledger-section">')));
    const unit = ledger.slice(ledger.indexOf('data-key="妇联"'), ledger.indexOf('</table>', ledger.indexOf('data-key="妇联"')));
    expect([...unit.matchAll(/data-item="([^"]+)" data-area="([^"]+)"/g)].map((m) => `${m[2]}:${m[1]}`)).toEqual([
      'packs/c:fam.a', 'packs/c:fam.b', '丁街道:fam.a', '丁街道:fam.b', '甲街道:fam.a', '甲街道:fam.b',
    ]);
    expect(unit).toContain('<a href="#area-2">丁街道</a>');
    expect(html([a], zh)).not.toContain('class="overview');
  });

  it('--by responsible on a batch: the 整改台账 across areas alone', () => {
    const out = htmlProblems([result({ area: { name: '甲街道' } }), result({ area: { name: '乙街道' } })], zh);
    expect(out).toContain('>长宁区未成年人保护示范街道（镇）创建达标整改台账（2 个地区）</h1>');
    expect(count(out, /<tr class="ledger-row" /g)).toBe(2 * 4);
    expect(out).not.toContain('class="heatmap"');
  });

  it('says so when there is nothing to report', () => {
    expect(html([], zh)).toContain('没有可报告的评估结果。');
  });
});

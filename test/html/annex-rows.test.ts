import { describe, expect, it } from 'vitest';
import type { AssessResult, ItemResult } from '../../src/assess/types.js';
import { areaDocument, areaDocumentBytes } from '../../src/report/html/area.js';

/**
 * The annex's rows are kept whole once made (area.ts annexRow): a row must still say what each
 * area's own item says — its state and each fact's value — whichever rows came before it, and
 * a value that is a list or a record is worded afresh every time.
 */
function item(over: Partial<ItemResult> & { id: string }): ItemResult {
  return { aspect: '组织领导', content: '组织协调', number: 1, text: `工作标准 ${over.id}`, state: 'pass', reads: [], actual: {}, explanation: '', responsible: [], missing: [], evidence: [], weight: 1, reasons: [], ...over };
}

function area(name: string, items: ItemResult[]): AssessResult {
  return {
    input: `${name}.json`,
    area: { name },
    period: '2023',
    standard: { id: 'annex-rows-test', version: '1', title: '测试标准' },
    verdict: 'fail',
    score: 0.5,
    aspects: [{ name: '组织领导', met: 1, applicable: 2, score: 0.5 }],
    items,
    vetoes: [],
    warnings: [],
  };
}

const ctx = { lang: 'zh' as const, date: { year: 2023, month: 12, day: 28 }, medium: 'screen' as const };

/** The annex's rows of a document, by item id: the row's text from its `<tr>` to the next. */
function rows(doc: string): Record<string, string> {
  const annex = doc.slice(doc.indexOf('<section class="annex">'));
  const out: Record<string, string> = {};
  for (const m of annex.matchAll(/<tr class="item" data-state="([^"]+)" data-item="([^"]+)">([\s\S]*?)(?=<tr class="item"|<\/tbody>)/g)) out[m[2]] = `${m[1]} ${m[3]}`;
  return out;
}

const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');

describe('html annex rows', () => {
  it("say each area's own states and values, in any order of areas", () => {
    const a = area('甲街道', [item({ id: 'x.one', state: 'pass', actual: { meetings: 3, rules: true } }), item({ id: 'x.two', state: 'fail', actual: { sites: 0 } })]);
    const b = area('乙街道', [item({ id: 'x.one', state: 'fail', actual: { meetings: 1, rules: true } }), item({ id: 'x.two', state: 'fail', actual: { sites: '0' } })]);
    const c = area('丙街道', [item({ id: 'x.one', state: 'pass', actual: { meetings: 3, rules: false } }), item({ id: 'x.two', state: 'missing', actual: { sites: null } })]);
    const first = [a, b, c].map((r) => rows(text(areaDocumentBytes(r, 'area-0', ctx))));
    // Made again after the others (rows now kept): the same bytes.
    const again = [c, b, a].map((r) => rows(areaDocument(r, 'area-0', ctx))).reverse();
    expect(again).toEqual(first);
    const [ra, rb, rc] = first;
    expect(ra['x.one']).toMatch(/^pass [\s\S]*title="meetings">[^<]*3[^<]*<\/span><br><span class="fact" title="rules">/);
    expect(rb['x.one']).toMatch(/^fail [\s\S]*title="meetings">[^<]*1[^<]*<\/span>/);
    expect(rc['x.one']).not.toBe(ra['x.one']);
    // 0 and "0" are two values: each its own row, neither taken for the other.
    expect(ra['x.two']).toMatch(/^fail /);
    expect(rb['x.two']).toMatch(/^fail /);
    expect(rc['x.two']).toMatch(/^missing /);
    expect(new Set([ra['x.one'], rb['x.one'], rc['x.one']]).size).toBe(3);
    // The same values in another state: another row.
    const d = area('丁街道', [item({ id: 'x.one', state: 'fail', actual: { meetings: 3, rules: true } })]);
    const rd = rows(areaDocument(d, 'area-0', ctx))['x.one'];
    expect(rd).toMatch(/^fail [\s\S]*<span class="state state-fail">/);
    expect(rd).toMatch(/title="meetings">[^<]*3[^<]*<\/span>/);
  });

  it('word a list or a record afresh, never from a row kept for another area', () => {
    const one = area('甲街道', [item({ id: 'y.list', actual: { units: ['民政', '妇联'], count: 2 } })]);
    const two = area('乙街道', [item({ id: 'y.list', actual: { units: ['公安'], count: 2 } })]);
    const [r1, r2] = [one, two].map((r) => rows(areaDocument(r, 'area-0', ctx))['y.list']);
    expect(r1).toContain('民政');
    expect(r2).toContain('公安');
    expect(r2).not.toContain('民政');
    expect(rows(areaDocument(one, 'area-0', ctx))['y.list']).toBe(r1);
  });

  it('follow an item whose facts change (another standard under the same id)', () => {
    const before = rows(areaDocument(area('甲街道', [item({ id: 'z.one', actual: { a: 1 } })]), 'area-0', ctx))['z.one'];
    const after = rows(areaDocument(area('甲街道', [item({ id: 'z.one', actual: { b: 1 } })]), 'area-0', ctx))['z.one'];
    expect(before).toContain('title="a"');
    expect(after).toContain('title="b"');
    expect(after).not.toContain('title="a"');
  });
});

import { describe, expect, it } from 'vitest';
import { splitDocument } from '../../src/report/pdf/split.js';
import { heatMap, ROWS_A_BLOCK, type HeatRow } from '../../src/report/html/heatmap.js';

/** The elements a piece of our html leaves open (tags only; ours are well formed). */
function balance(html: string): string[] {
  const open: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z][a-z0-9]*)(?:\s[^>]*)?>/g)) {
    if (m[0].endsWith('/>')) continue;
    if (m[1]) expect(open.pop(), `${m[0]} in ${html}`).toBe(m[2]);
    else open.push(m[2]);
  }
  return open;
}

describe('the district view cut into prints (src/report/pdf/split.ts)', () => {
  const rows = Array.from({ length: 40 }, (_, i) => `\n<tr><td><a href="#area-${i + 1}">地区${i + 1}</a></td><td>${i}</td></tr>`);
  const pieces = [
    '<section class="district doc" id="overview"><h1>汇总</h1>',
    '<section class="heatmap-section"><svg viewBox="0 0 10 10"><rect x="0" y="0" width="1" height="1"/>',
    ...Array.from({ length: 30 }, (_, i) => `\n<g><rect x="${i}" y="0" width="1" height="1"/><text>${i}</text></g>`),
    '</svg></section>',
    '<section class="overview-section"><table class="overview"><thead><tr><th>地区</th><th>得分</th></tr></thead>\n<tbody>',
    ...rows,
    '</tbody></table></section>',
    '</section>',
  ];

  it('each print is a whole document; put together they are the view, each row once', () => {
    const prints = [...splitDocument(pieces, 300)];
    expect(prints.length).toBeGreaterThan(5);
    for (const p of prints) expect(balance(p)).toEqual([]);
    const all = prints.join('');
    for (const row of rows) expect(all.split(row.trim()).length - 1).toBe(1);
    // The ids are not repeated: only the first print has the view's.
    expect(all.match(/id="overview"/g)).toHaveLength(1);
  });

  it('never inside the heat map: its drawing is one print', () => {
    const prints = [...splitDocument(pieces, 300)];
    const drawing = prints.filter((p) => p.includes('<svg'));
    expect(drawing).toHaveLength(1);
    expect(drawing[0]).toContain('</svg>');
    expect((drawing[0].match(/<g>/g) ?? []).length).toBe(30);
  });

  it('a print that goes on with a table opens it again with its header row', () => {
    const prints = [...splitDocument(pieces, 300)];
    const going = prints.filter((p) => p.startsWith('<section class="district doc"><section class="overview-section">'));
    expect(going.length).toBeGreaterThan(2);
    for (const p of going) expect(p).toMatch(/^<section class="district doc"><section class="overview-section"><table class="overview"><thead><tr><th>地区<\/th><th>得分<\/th><\/tr><\/thead>\n?<tbody>\n<tr>/);
    // Every row is under a header row, in whichever print it is.
    for (const p of prints.filter((p) => p.includes('<tr><td>'))) expect(p).toContain('<thead><tr><th>地区</th>');
  });

  it('a view within the budget is one print, as it was', () => {
    expect([...splitDocument(pieces, 1e9)]).toEqual([pieces.join('')]);
  });

  it('the heat map is cut only between its drawings of 20 rows, which tile it: same width, each viewBox where the last ended', () => {
    const aspects = ['组织领导', '家庭保护', '学校保护'];
    const count = 3 * ROWS_A_BLOCK + 7;
    const rows: [HeatRow, string][] = Array.from({ length: count }, (_, i) => [
      { title: `地区${i + 1}`, verdict: 'fail', score: (i % 10) / 10, aspects: [['组织领导', i % 3 ? 0.5 : null, i % 3 ? 'scored' : 'unreported'], ['家庭保护', 1, 'scored'], ['学校保护', 0.85, 'scored']] },
      `area-${i + 1}`,
    ]);
    const pieces = ['<section class="heatmap-section"><h2>二、各地区各项目得分</h2>', ...heatMap(aspects, 6, count, rows, 'zh'), '</section>'];
    const whole = pieces.join('');
    const drawings = [...whole.matchAll(/<svg class="heatmap"[^>]* width="(\d+)" height="(\d+)" viewBox="0 (\d+) (\d+) (\d+)">/g)].map((m) => m.slice(1).map(Number));
    expect(drawings).toHaveLength(4);
    // One width; each drawing starts where the one before ended (the first at 0, over the column heads), its height that of its rows.
    expect(new Set(drawings.map((d) => d[0])).size).toBe(1);
    for (let b = 1; b < drawings.length; b++) expect(drawings[b][2]).toBe(drawings[b - 1][2] + drawings[b - 1][4]);
    expect(drawings.slice(1, 3).map((d) => d[4])).toEqual([ROWS_A_BLOCK * 26, ROWS_A_BLOCK * 26]);
    expect(drawings[3][4]).toBe(7 * 26 + 4);
    // Every row once; the hatch a drawing's cells use is its own (a print may hold only that drawing).
    expect(whole.match(/<g class="heat-row"/g)).toHaveLength(count);
    for (const svg of whole.split('<svg').slice(1)) {
      const own = /<pattern id="([^"]+)"/.exec(svg)![1];
      for (const m of svg.matchAll(/url\(#([^)]+)\)/g)) expect(m[1]).toBe(own);
    }
    // Cut into prints of ~1 drawing: several prints hold a part of the heat map, each whole drawings.
    const prints = [...splitDocument(pieces, 5_000)];
    const withDrawing = prints.filter((p) => p.includes('<svg'));
    expect(withDrawing.length).toBeGreaterThan(1);
    for (const p of prints) expect(balance(p)).toEqual([]);
    expect(prints.join('').match(/<g class="heat-row"/g)).toHaveLength(count);
  });

  it('a heat map of up to 20 rows is one drawing, as it always was', () => {
    const rows: [HeatRow, string][] = [[{ title: '甲', verdict: 'pass', score: 1, aspects: [['组织领导', 1, 'scored']] }, 'area-1']];
    const svg = [...heatMap(['组织领导'], 2, 1, rows, 'zh')].join('');
    expect(svg.match(/<svg/g)).toHaveLength(1);
    expect(svg).toContain('<pattern id="hatch"');
  });
});


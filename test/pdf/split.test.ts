import { describe, expect, it } from 'vitest';
import { splitDocument } from '../../src/report/pdf/split.js';

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
});

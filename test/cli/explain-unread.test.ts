import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessInput } from '../../src/assess/input.js';
import { FORMAT_NAMES, formatOf } from '../../src/report/formats.js';

// `assess --format csv|table|markdown|html` asks for no `explanation` words (formats.ts marks
// them `unworded`): those reports word an item from its reasons or print none. Held here: each gives the
// same bytes from results with and without explanations — failing, vetoed, pending, missing
// facts, a pack with evidence problems, one area and a batch, zh and en. A format that starts
// printing `explanation` fails here, and is then no longer marked.
const inputs = [
  ...['changning-failing.json', 'changning-vetoed.json', 'changning-2023-q2.json', 'changning-2023-q4-behind.json', 'changning-incomplete.yaml', 'yangshi-failing.json'].map((f) => `fixtures/${f}`),
  ...readdirSync('fixtures/packs').map((p) => `fixtures/packs/${p}`),
];

describe('reports that read no explanation', () => {
  const unworded = FORMAT_NAMES.filter((f) => formatOf(f)!.unworded);
  it('are the formats marked so', () => expect(unworded.sort()).toEqual(['csv', 'html', 'markdown', 'table']));
  for (const name of unworded) {
    it(`${name}: the same report with and without explanation words`, async () => {
      const format = await formatOf(name)!.load();
      for (const lang of ['zh', 'en'] as const) {
        const worded = inputs.map((f) => assessInput(f, { lang }));
        const bare = inputs.map((f) => assessInput(f, { lang, explain: false }));
        // Not a test that cannot fail: there are words to leave out.
        expect(worded.some((r) => r.items.some((i) => i.explanation !== ''))).toBe(true);
        expect(bare.every((r) => r.items.every((i) => i.explanation === '') && r.vetoes.every((v) => v.explanation === ''))).toBe(true);
        const options = { lang, color: false, width: 100, date: '2026-01-01' };
        for (let i = 0; i < inputs.length; i++) expect(await format([bare[i]], options), `${name} ${lang} ${inputs[i]}`).toBe(await format([worded[i]], options));
        expect(await format(bare, options), `${name} ${lang} batch`).toBe(await format(worded, options));
      }
    });
  }
});

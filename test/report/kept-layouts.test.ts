import { describe, expect, it } from 'vitest';
import { fixtureResult } from '../helpers/results.js';
import { PartSpool } from '../../src/cli/part-spool.js';
import { compareWithBaseline } from '../../src/packs/baseline.js';
import { SummaryBuilder } from '../../src/packs/summary.js';
import { markdown, markdownLayout } from '../../src/report/markdown.js';
import { table, tableLayout } from '../../src/report/table.js';
import type { FormatOptions } from '../../src/report/types.js';

// A batch's Markdown is laid out at the end from each area's section, set aside on disk, and the
// few fields of each result its head reads (MarkdownRow, kept instead of the result): it must be
// the text markdown() gives from the whole results — with and without progress (本月进展), a
// score's change unknown (no previous result) among them.
const a = fixtureResult('changning-failing.json', 'a.json');
const b = fixtureResult('changning-compliant.json', 'b.json');
const plain = [a, fixtureResult('yangshi-failing.json', 'c|d.json'), fixtureResult('changning-vetoed.json', 'e.json'), { ...b, area: { name: '甲|乙\n街道' }, period: undefined }];
const withProgress = [{ ...a, progress: compareWithBaseline(a, b) }, { ...b, progress: compareWithBaseline(b, undefined) }, plain[1]];

describe('markdown for a batch, laid out from sections set aside and rows kept', () => {
  for (const [name, results] of [['without progress', plain], ['with progress', withProgress]] as const) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${name} (${lang}): the text markdown() gives at once, little kept per area`, () => {
        const summary = new SummaryBuilder();
        for (const r of results) summary.add(r);
        const options: FormatOptions = { lang, color: false, width: 100, summary: summary.summary() };
        const layout = markdownLayout(options);
        const spool = new PartSpool(lang);
        try {
          // Sections as a worker makes them (in any order), set aside in input order; rows cloned as from a worker.
          for (const part of [...results].reverse().map((r) => layout.part(r)).reverse()) spool.add(part);
          const kept = results.map((r) => structuredClone(layout.keep!(r)));
          expect(JSON.stringify(kept).length).toBeLessThan(150 * results.length);
          const text = [...(layout.write(kept, (i, s) => spool.get(i, s), options.summary) as Iterable<string>)].join('');
          expect(text).toBe(markdown(results, options));
          if (results === withProgress) expect(text).toMatch(/\| [+−±]\d+\.\d pt \|[\s\S]*\| — \|/);
        } finally {
          spool.close();
        }
      });
    }
  }
});

// The table of a batch keeps a line's fields per area (TableRow) and lays the lines out at the end.
describe('table for a batch, laid out from rows kept', () => {
  for (const [name, results] of [['without progress', plain], ['with progress', withProgress]] as const) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${name} (${lang}): the text table() gives at once, little kept per area`, () => {
        const summary = new SummaryBuilder();
        for (const r of results) summary.add(r);
        summary.addInvalid({ input: 'broken.json', message: 'bad\nsecond line' });
        const options: FormatOptions = { lang, color: false, width: 100, summary: summary.summary() };
        const layout = tableLayout(options);
        expect(layout.part).toBeUndefined();
        const kept = results.map((r) => structuredClone(layout.keep(r)));
        expect(JSON.stringify(kept).length).toBeLessThan(150 * results.length);
        const never = () => {
          throw new Error('a kept layout asks for no part');
        };
        const text = [...(layout.write(kept, never, options.summary) as Iterable<string>)].join('');
        expect(text).toBe(table(results, options));
        if (results === withProgress) expect(text).toMatch(/[+−±]\d+\.\d pt[\s\S]*  +— /);
      });
    }
  }
});

import { describe, expect, it } from 'vitest';
import { fixtureBatch } from '../helpers/results.js';
import { workbookCells } from '../helpers/workbook.js';
import type { AssessResult } from '../../src/assess/types.js';
import { SummaryBuilder } from '../../src/packs/summary.js';
import { formatOf } from '../../src/report/formats.js';
import { html, htmlLayout, htmlProblems, htmlProblemsLayout } from '../../src/report/html/index.js';
import { PartSpool } from '../../src/cli/part-spool.js';
import { SlimShare, slimmed } from '../../src/report/slim.js';
import type { FormatOptions } from '../../src/report/types.js';

// A batch of xlsx, or of the 整改台账 in html and xlsx, holds each result slimmed (src/report/slim.ts):
// the report must be the same as from the whole results, or slimming dropped something it reads.
const results = fixtureBatch();
const summary = new SummaryBuilder();
for (const r of results) summary.add(r);
const options: FormatOptions = { lang: 'zh', color: false, width: 100, date: '2026-11-30', summary: summary.summary() };
const share = new SlimShare();
const slim = results.map((r) => share.share(structuredClone(slimmed(r))));

describe('slimmed results', () => {
  it('are smaller, and alike met items are one object across areas', () => {
    expect(JSON.stringify(slim).length).toBeLessThan(JSON.stringify(results).length / 2);
    const met = (r: AssessResult) => r.items.find((i) => i.id === 'family.guardianship-guidance' || i.state === 'pass')!;
    expect(slim[0].items.find((i) => i.state === 'pass')).toBe(slim[6].items.find((i) => i.state === 'pass'));
    expect(met(slim[0]).reasons).toEqual([]);
  });

  // (pdf --by responsible prints html's 整改台账 document: the html case covers what it reads.)
  it('are asked for by html, pdf and xlsx only where checked here', () => {
    expect(formatOf('html')!.slim).toEqual({ byResponsible: true });
    expect(formatOf('pdf')!.slim).toEqual({ byResponsible: true });
  });

  for (const [name, by] of [['html', true], ['xlsx', false], ['xlsx', true]] as const) {
    const format = formatOf(name)!;
    it(`${name}${by ? ' --by responsible' : ''}: the same report from slimmed results`, async () => {
      expect(format.slim?.[by ? 'byResponsible' : 'report']).toBe(true);
      const formatter = await (by ? format.byResponsible!() : format.load());
      const whole = await formatter(results, options);
      const slimmedReport = await formatter(slim, options);
      if (typeof whole === 'string') expect(slimmedReport).toBe(whole);
      else expect(await workbookCells(slimmedReport as Uint8Array)).toEqual(await workbookCells(whole));
    });
  }
});

describe('html for a batch, laid out from parts set aside', () => {
  for (const by of [false, true]) {
    it(`${by ? '--by responsible: ' : ''}is the document html gives at once: parts made from whole results, set aside on disk, little kept`, async () => {
      const layout = by ? htmlProblemsLayout(options) : htmlLayout(options);
      // Parts as a worker makes them (in any order), set aside on disk in input order; what the batch keeps of each result.
      const made = [...results].reverse().map((r) => layout.part(r)).reverse();
      const spool = new PartSpool('zh');
      try {
        for (const part of made) spool.add(part);
        const kept = results.map((r) => structuredClone(layout.keep!(r)));
        expect(JSON.stringify(kept).length).toBeLessThan(100 * results.length);
        // Copied as they come, as the report's sink does: a part's bytes are good until the next is read.
        const pieces: Buffer[] = [];
        for (const p of layout.write(kept, (i, s) => spool.bytes(i, s), options.summary) as Iterable<string | Uint8Array>) pieces.push(Buffer.from(p));
        const text = Buffer.concat(pieces).toString('utf8');
        expect(text).toBe(by ? htmlProblems(results, options) : html(results, options));
      } finally {
        spool.close();
      }
    });
  }
});

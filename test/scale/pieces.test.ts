import { describe, expect, it } from 'vitest';
import { fixtureResult } from '../helpers/results.js';
import { SummaryBuilder, summarised } from '../../src/packs/summary.js';
import { FORMAT_NAMES, formatOf } from '../../src/report/formats.js';
import type { FormatOptions } from '../../src/report/types.js';

// `--jobs n` sends each worker's piece of the report (ReportStream.piece) and the summary's part
// of a result (summarised) to the main thread instead of the result: both must give exactly what
// the result itself gives, or reports would differ by the number of jobs.
const result = fixtureResult;
const results = [
  result('changning-failing.json', 'a.json'),
  result('yangshi-failing.json', 'b.json'),
  result('changning-vetoed.json', 'c.json'),
  { ...result('changning-compliant.json', 'd.json'), area: { name: '=x,"街道"' } },
  result('changning-2023-q2.json', 'e.json'),
];

describe('ReportStream piece + place', () => {
  const streamed = FORMAT_NAMES.filter((name) => formatOf(name)!.stream);
  it('every streamed format splits its items (a format without piece would send whole results)', () => {
    expect(streamed.length).toBeGreaterThanOrEqual(5);
  });
  for (const name of streamed) {
    for (const extra of name === 'json' ? [{}, { compact: true }] : [{}]) {
      it(`${name}${'compact' in extra ? ' --compact' : ''}: place(piece(r)) in order is item(r) in order, pieces made by another stream`, async () => {
        const make = await formatOf(name)!.stream!();
        const options: FormatOptions = { lang: 'zh', color: false, width: 100, ...extra };
        const one = make(options);
        const writer = make(options);
        const worker = make(options); // another thread's stream: its state must not matter
        expect(writer.piece && writer.place).toBeTruthy();
        const whole = results.map((r) => one.item(r)).join('') + one.tail();
        // A worker's pieces arrive cloned, in any order of making; placed in input order.
        const pieces = [...results].reverse().map((r) => structuredClone(worker.piece!(r))).reverse();
        // place may give its text in parts (ReportText), written one after the other, some as UTF-8 (json, jsonl).
        const text = (parts: ReturnType<NonNullable<typeof writer.place>>) => [parts].flat().map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('utf8'))).join('');
        const placed = pieces.map((p) => text(writer.place!(p))).join('') + writer.tail();
        expect(placed).toBe(whole);
        expect(writer.head()).toBe(one.head());
      });
      it(`${name}${'compact' in extra ? ' --compact' : ''}: a worker's piece as UTF-8 (placeBytes) is placed as the same bytes, a lone surrogate too`, async () => {
        const make = await formatOf(name)!.stream!();
        const options: FormatOptions = { lang: 'zh', color: false, width: 100, ...extra };
        const one = make(options);
        const writer = make(options);
        if (!writer.placeBytes) return; // pieces of this format cross threads as they are
        const odd = [...results, { ...results[0], area: { name: '\ud800半个代理对' } }];
        // A piece made as UTF-8 already (json, jsonl) is carried as it is (assess-step.ts).
        const utf8 = (text: string | readonly string[] | Uint8Array) => (text instanceof Uint8Array ? text : Buffer.from([text].flat().join('')));
        const whole = Buffer.from(odd.map((r) => one.item(r)).join('') + one.tail());
        const placed = Buffer.concat([...odd.flatMap((r) => writer.placeBytes!(utf8(writer.piece!(r) as string[] | Uint8Array)).map((p) => (typeof p === 'string' ? Buffer.from(p) : p))), Buffer.from(writer.tail())]);
        expect(placed.equals(whole)).toBe(true);
      });
    }
  }
});

describe('summarised', () => {
  it('gives the same summary as the results themselves, worst list and ties included', () => {
    // Many ties (same verdict and score) across more areas than the worst list keeps.
    const many = Array.from({ length: 40 }, (_, i) => ({ ...results[i % results.length], input: `in-${i}`, area: { name: `区${i % 7}` } }));
    const whole = new SummaryBuilder(6);
    const slim = new SummaryBuilder(6);
    for (const r of many) {
      whole.add(r);
      slim.add(structuredClone(summarised(r)));
    }
    expect(slim.summary()).toEqual(whole.summary());
    // and the worst list is a stable sort of all of them, cut to six
    const rank = (v: string) => (v === 'veto' ? 0 : v === 'fail' ? 1 : 2);
    const sorted = many.filter((r) => r.verdict !== 'pass').map((r) => ({ area: r.area.name!, verdict: r.verdict, score: r.score, input: r.input }));
    sorted.sort((a, b) => rank(a.verdict) - rank(b.verdict) || a.score - b.score || a.area.localeCompare(b.area));
    expect(whole.summary().worst.map((w) => w.input)).toEqual(sorted.slice(0, 6).map((w) => w.input));
  });
});

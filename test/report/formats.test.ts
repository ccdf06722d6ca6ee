import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessFacts } from '../../src/assess/assess.js';
import { FORMAT_NAMES, FORMATS, formatOf, loadFormatter } from '../../src/report/formats.js';
import type { Format } from '../../src/report/formats.js';
import { loadStandardSync } from '../../src/standard/load.js';
import { DIFF_FORMAT_NAMES, loadDiffFormatter } from '../../src/diff/format/formats.js';

const std = loadStandardSync('changning-demo-street@2023');
const results = ['fixtures/changning-failing.json', 'fixtures/changning-vetoed.json'].map((f) => assessFacts(std, JSON.parse(readFileSync(f, 'utf8')), { input: f }));
const options = { lang: 'zh' as const, color: false, width: 100 };

/**
 * A batch's summary two ways, for a report that says it reads only the invalid inputs: in full
 * (the results summarised, one input that could not be assessed), and that input alone.
 */
async function summaries() {
  const { SummaryBuilder, summarised } = await import('../../src/packs/summary.js');
  const bad = { input: 'areas/坏.json', message: '第 3 行: 键 "name" 重复', where: { file: 'areas/坏.json', line: 3 } };
  const full = new SummaryBuilder();
  for (const r of results) full.add(summarised(r));
  full.addInvalid(bad);
  const invalidOnly = new SummaryBuilder();
  invalidOnly.addInvalid(bad);
  return { full, invalidOnly };
}

describe('the one list of report formats', () => {
  it('names the contract\'s formats, each loading a formatter', async () => {
    for (const name of ['table', 'json', 'markdown', 'junit', 'github', 'html']) expect(FORMAT_NAMES).toContain(name);
    for (const name of FORMAT_NAMES) expect(typeof (await loadFormatter(name))).toBe('function');
  });

  it('knows only its own keys', () => {
    expect(formatOf('constructor')).toBeUndefined();
    expect(formatOf('toString')).toBeUndefined();
    expect(loadFormatter('nope')).toBeUndefined();
  });

  it('a stream formatter gives exactly the whole report, piece by piece', async () => {
    for (const name of FORMAT_NAMES) {
      const format: Format = FORMATS[name];
      if (!format.stream || format.binary) continue;
      const stream = (await format.stream())(options);
      const pieces = results.map((r) => stream.item(r)).join('');
      const tail = stream.tail();
      expect(stream.head() + pieces + tail, name).toBe(await (await format.load())(results, options));
    }
  });

  it('a stream that says its tail reads only the invalid inputs (tailReads) ends the same whatever else the summary holds: a batch does not summarise results for it', async () => {
    const { full, invalidOnly } = await summaries();
    let marked = 0;
    for (const name of FORMAT_NAMES) {
      const format: Format = FORMATS[name];
      for (const made of [format.stream, format.byResponsibleStream]) {
        if (!made) continue;
        for (const lang of ['zh', 'en'] as const) {
          const open = (await made())({ ...options, lang });
          if (open.tailReads !== 'invalid') continue;
          marked++;
          // Two streams alike, fed the same results, ended with each summary.
          const other = (await made())({ ...options, lang });
          for (const r of results) {
            open.item(r);
            other.item(r);
          }
          expect(open.tail(full.summary()), name).toBe(other.tail(invalidOnly.summary()));
        }
      }
    }
    expect(marked).toBeGreaterThanOrEqual(16);
  });

  it('a layout that says it reads only the invalid inputs (tailReads) writes the same report whatever else the summary holds', async () => {
    const { listEntries, extract } = await import('../../src/source/xlsx/zip.js');
    const { full, invalidOnly } = await summaries();
    // A workbook is compared entry by entry, its times of writing and exceljs's random ids aside; any other report byte for byte.
    const contents = (bytes: Buffer) => {
      if (bytes.subarray(0, 2).toString('latin1') !== 'PK') return [bytes.toString('utf8')];
      return listEntries(bytes, { maxEntries: 100, maxTotalSize: 1 << 26 }).map((e) => `${e.name}\n${extract(bytes, e).toString('utf8').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T').replace(/\{[0-9A-F]{8}(?:-[0-9A-F]{4}){3}-[0-9A-F]{12}\}/g, 'GUID')}`);
    };
    let marked = 0;
    let listed = 0;
    for (const name of FORMAT_NAMES) {
      // pdf's layouts are not marked (they print through Chromium); the others open without a browser.
      if (name === 'pdf') continue;
      const format: Format = FORMATS[name];
      for (const made of [format.layout, format.byResponsibleLayout]) {
        if (!made) continue;
        for (const lang of ['zh', 'en'] as const) {
          const layout = (await made())({ ...options, lang });
          if (layout.tailReads !== 'invalid' || !layout.part) continue;
          marked++;
          const parts = results.map((r) => layout.part!(r));
          const kept = results.map((r) => (layout.keep ? layout.keep(r) : r));
          const part = (i: number, section = 0) => {
            const p = parts[i];
            return typeof p === 'string' || p instanceof Uint8Array ? p : p[section];
          };
          const written = async (summary: ReturnType<typeof full.summary>) => {
            const chunks: Buffer[] = [];
            for await (const chunk of layout.write(kept, part, summary)) chunks.push(Buffer.from(chunk));
            return contents(Buffer.concat(chunks));
          };
          const withAll = await written(full.summary());
          expect(withAll, name).toEqual(await written(invalidOnly.summary()));
          // The reports that list the invalid input show they were given the summary at all.
          if (withAll.join('\n').includes('areas/坏.json')) listed++;
        }
      }
    }
    expect(marked).toBeGreaterThanOrEqual(8);
    expect(listed).toBeGreaterThanOrEqual(2);
  });

  it('json, json --compact and jsonl make a result\'s piece as its UTF-8, in a buffer of its own (held, or moved between threads, as it is), exactly JSON.stringify\'s text', async () => {
    const { jsonStream, toJson } = await import('../../src/report/json.js');
    const { jsonlStream } = await import('../../src/report/jsonl.js');
    // A big area: every item ten times over, with a bidi override and U+2028 in its explanations.
    const big = { ...results[0], items: Array.from({ length: 10 }, () => results[0].items.map((i) => ({ ...i, explanation: `${i.explanation}\u202e\u2028` }))).flat() };
    const safe = (text: string) => text.replace(/[\u202e\u2028]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
    const cases = [
      [jsonStream(options), JSON.stringify({ schemaVersion: 1, results: [toJson(big)] }, null, 2) + '\n', JSON.stringify({ schemaVersion: 1, results: [toJson(big), toJson(results[1])] }, null, 2) + '\n'],
      [jsonStream({ ...options, compact: true }), JSON.stringify({ schemaVersion: 1, results: [toJson(big)] }) + '\n', JSON.stringify({ schemaVersion: 1, results: [toJson(big), toJson(results[1])] }) + '\n'],
      [jsonlStream(options), JSON.stringify(toJson(big)) + '\n', JSON.stringify(toJson(big)) + '\n' + JSON.stringify(toJson(results[1])) + '\n'],
    ] as const;
    for (const [stream, one, two] of cases) {
      const piece = stream.piece!(big) as Uint8Array;
      // Its own ArrayBuffer, whole: a worker transfers it (packs/workers-entry.ts).
      expect(piece).toBeInstanceOf(Uint8Array);
      expect(piece.byteOffset === 0 && piece.buffer.byteLength === piece.length).toBe(true);
      // The stream's builder is reused: a piece held while the next is made is unchanged.
      const copy = Buffer.from(piece);
      const next = stream.piece!(results[1]) as Uint8Array;
      expect(Buffer.from(piece).equals(copy)).toBe(true);
      const text = (parts: ReturnType<NonNullable<typeof stream.place>>) => [parts].flat().map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('utf8'))).join('');
      const first = text(stream.place!(piece));
      expect(stream.head() + first + stream.tail()).toBe(safe(one));
      expect(stream.head() + first + text(stream.place!(next)) + stream.tail()).toBe(safe(two));
    }
  });

  it('--by responsible exists for table, json, markdown and html', async () => {
    for (const name of ['table', 'json', 'markdown', 'html'] as const) expect(typeof (await FORMATS[name].byResponsible?.())).toBe('function');
  });
});

describe('the one list of diff formats', () => {
  it('table, json and markdown', async () => {
    expect(DIFF_FORMAT_NAMES).toEqual(['table', 'json', 'markdown']);
    for (const name of DIFF_FORMAT_NAMES) expect(typeof (await loadDiffFormatter(name))).toBe('function');
    expect(loadDiffFormatter('__proto__')).toBeUndefined();
  });
});

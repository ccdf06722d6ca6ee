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

  it('json, json --compact and jsonl place a result in parts, each under V8\'s large-object size (128 KB), together exactly JSON.stringify\'s text', async () => {
    const { jsonStream, toJson } = await import('../../src/report/json.js');
    const { jsonlStream } = await import('../../src/report/jsonl.js');
    // A big area: every item ten times over, with a bidi override and U+2028 in its explanations.
    const big = { ...results[0], items: Array.from({ length: 10 }, () => results[0].items.map((i) => ({ ...i, explanation: `${i.explanation}\u202e\u2028` }))).flat() };
    const safe = (text: string) => text.replace(/[\u202e\u2028]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
    const cases = [
      [jsonStream(options), JSON.stringify({ schemaVersion: 1, results: [toJson(big)] }, null, 2) + '\n'],
      [jsonStream({ ...options, compact: true }), JSON.stringify({ schemaVersion: 1, results: [toJson(big)] }) + '\n'],
      [jsonlStream(options), JSON.stringify(toJson(big)) + '\n'],
    ] as const;
    for (const [stream, expected] of cases) {
      const parts = stream.place!(stream.piece!(big)) as string[];
      expect(parts.length).toBeGreaterThan(10);
      for (const part of parts) expect(part.length * 2).toBeLessThan(128 * 1024);
      expect(stream.head() + parts.join('') + stream.tail()).toBe(safe(expected));
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

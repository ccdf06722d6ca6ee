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

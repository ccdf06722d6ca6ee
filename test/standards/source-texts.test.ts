import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadStandardSync } from '../../src/standard/load.js';

// Every item's text is the document's wording: a verbatim run of the source file (only white
// space may differ). The sources live in the steering repo's shared/sources, beside a clone in CI.
const sources = fileURLToPath(new URL('../../../shared/sources/', import.meta.url));
const squash = (s: string) => s.replace(/\s+/g, '');

const cases = [
  { ref: 'changning-demo-street@2023', file: '004_1a96fbc6e8f1422f.txt', items: 71, aspects: 10, contents: 31 },
  { ref: 'negative-list@2023', file: '004_1a96fbc6e8f1422f.txt', items: 9, aspects: 1, contents: 0 },
  { ref: 'yangshi-demo-point@2022', file: '002_e7d7f89f3d8073b6.txt', items: 41, aspects: 11, contents: 26 },
];

describe.runIf(existsSync(sources)).each(cases)('$ref against shared/sources/$file', ({ ref, file, items, aspects, contents }) => {
  const std = loadStandardSync(ref);
  // describe bodies run even when skipped: read only where the sources are there.
  const doc = existsSync(sources) ? squash(readFileSync(sources + file, 'utf8')) : '';

  it(`has ${items} items, ${aspects} 项目, ${contents} 内容`, () => {
    expect(std.items).toHaveLength(items);
    expect(new Set(std.items.map((i) => i.aspect)).size).toBe(aspects);
    expect(new Set(std.items.filter((i) => i.content).map((i) => `${i.aspect}/${i.content}`)).size).toBe(contents);
  });

  it('every text stands verbatim in the document', () => {
    expect(std.items.filter((i) => !doc.includes(squash(i.text))).map((i) => i.id)).toEqual([]);
  });

  it.runIf(ref.startsWith('yangshi'))('every 责任单位 list is the row\'s own cell, split on 、', () => {
    expect(std.items.filter((i) => !doc.includes(squash(`${i.text}|${i.responsible.join('、')}|`))).map((i) => i.id)).toEqual([]);
  });

  it('items appear in the document\'s order', () => {
    const at = std.items.map((i) => doc.indexOf(squash(i.text)));
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });
});

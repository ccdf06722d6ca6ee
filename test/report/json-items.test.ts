import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessFacts } from '../../src/assess/assess.js';
import type { AssessResult, ItemResult, VetoResult } from '../../src/assess/types.js';
import { jsonStream, toJson } from '../../src/report/json.js';
import { jsonlStream } from '../../src/report/jsonl.js';
import { loadStandardSync } from '../../src/standard/load.js';
import { safeJson } from '../../src/text/safe.js';

/**
 * json-items.ts writes an item's standard members once per batch and only the area's own per
 * area. Whatever a batch holds — several standards whose items share ids, results put together
 * by hand (members missing, odd values, a standard's text with a bidi override, facts named like
 * numbers) — each line and each document is exactly JSON.stringify's text of toJson's shape
 * (escaped by safeJson), area after area through one stream.
 */
const changning = loadStandardSync('changning-demo-street@2023');
const yangshi = loadStandardSync('yangshi-demo-point@2022');
const real: AssessResult[] = [
  ...['changning-failing.json', 'changning-vetoed.json', 'changning-compliant.json'].map((f) => assessFacts(changning, JSON.parse(readFileSync(`fixtures/${f}`, 'utf8')), { input: f })),
  ...['yangshi-failing.json', 'yangshi-compliant.json'].map((f) => assessFacts(yangshi, JSON.parse(readFileSync(`fixtures/${f}`, 'utf8')), { input: f })),
];

// The last few: a veto's list in another order, with a member more, or of other values (its bytes are kept per veto).
const odd = fc.constantFrom<unknown>(undefined, null, NaN, Infinity, -0, 1e21, 2.5, true, '', 'x\u202ey\u2028', '新\u0085', '"\\\n', [], {}, { '2': 1, a: [null, undefined] }, () => 1, ['a', 'b'], { version: '2023', id: 'negative-list' }, { id: 'negative-list', version: '2023', x: 1 }, { id: 'negative-list', version: 2023 }, { id: 'negative-list', version: '2024' }, { id: 'other', version: '2023' }, { id: 'x\u202e', version: '2023' });
const itemKeys = ['id', 'aspect', 'content', 'number', 'text', 'state', 'reads', 'actual', 'explanation', 'reasons', 'responsible', 'missing', 'evidence', 'weight'] as const;
const vetoKeys = ['id', 'list', 'number', 'text', 'state', 'reads', 'actual', 'explanation', 'reasons', 'missing'] as const;
/** A result with some members of some items and vetoes changed (a fresh value, or another's), or an item's actual keyed like numbers. */
const changed = fc
  .tuple(fc.nat(real.length - 1), fc.array(fc.tuple(fc.nat(200), fc.boolean(), fc.nat(20), odd), { maxLength: 6 }))
  .map(([k, changes]) => {
    const r = real[k];
    const items: ItemResult[] = r.items.map((i) => ({ ...i }));
    const vetoes: VetoResult[] = r.vetoes.map((v) => ({ ...v }));
    for (const [at, veto, key, value] of changes) {
      const target = (veto ? vetoes : items) as unknown as Record<string, unknown>[];
      if (!target.length) continue;
      const keys = veto ? vetoKeys : itemKeys;
      const one = target[at % target.length];
      const actual = one.actual as Record<string, unknown> | undefined;
      if (key === 20) one.actual = { '10': 1, b: 'x', '2': true };
      // One value of the facts read changed (the keys and their order kept), or the same values without a prototype.
      else if (key === 19 && actual && typeof actual === 'object') one.actual = { ...actual, [Object.keys(actual)[0] ?? 'x']: value };
      else if (key === 18 && actual && typeof actual === 'object') one.actual = Object.assign(Object.create(null), actual);
      // Fewer keys than the facts read; a prototype whose (non-enumerable) toJSON JSON.stringify obeys.
      else if (key === 16 && actual && typeof actual === 'object') one.actual = Object.fromEntries(Object.entries(actual).slice(0, -1));
      else if (key === 15 && actual && typeof actual === 'object') one.actual = Object.assign(Object.create(Object.defineProperty({}, 'toJSON', { value: () => 'own' })), actual);
      else if (key === 17 && actual && typeof actual === 'object') one.actual = { ...actual, [Object.keys(actual)[0] ?? 'x']: [1e21, -0, 'x\u202e'][at % 3] };
      else if (value === undefined && key % 3 === 0) delete one[keys[key % keys.length]];
      else one[keys[key % keys.length]] = value;
    }
    return { ...r, items, vetoes };
  });

/** What a stream placed, as text: its parts in order, those given as UTF-8 (json, jsonl) decoded. */
const text = (parts: string | readonly (string | Uint8Array)[]) => [parts].flat().map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('utf8'))).join('');

describe('json-items: an item written from kept standard members is JSON.stringify\'s', () => {
  it('jsonl, json --compact and json, area after area through one stream, as the whole text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(changed, fc.constantFrom(...real)), { minLength: 1, maxLength: 6 }), (batch) => {
        const line = jsonlStream({ lang: 'zh', color: false, width: 80 });
        const compact = jsonStream({ lang: 'zh', color: false, width: 80, compact: true });
        const indented = jsonStream({ lang: 'zh', color: false, width: 80 });
        for (const r of batch) expect(text(line.place!(line.piece!(r)))).toBe(safeJson(JSON.stringify(toJson(r))) + '\n');
        const whole = (s: typeof compact) => s.head() + batch.map((r) => text(s.place!(s.piece!(r)))).join('') + s.tail();
        expect(whole(compact)).toBe(safeJson(JSON.stringify({ schemaVersion: 1, results: batch.map(toJson) })) + '\n');
        expect(whole(indented)).toBe(safeJson(JSON.stringify({ schemaVersion: 1, results: batch.map(toJson) }, null, 2)) + '\n');
      }),
      { numRuns: 60 },
    );
  });

  it('a standard text with a bidi override or U+2028 is escaped wherever it is kept', () => {
    const r = real[0];
    const items = r.items.map((i, k) => (k === 0 ? { ...i, text: 'a\u202eb', aspect: '\u2028', reads: ['x\u0085'] } : i));
    const line = jsonlStream({ lang: 'zh', color: false, width: 80 });
    const placed = text(line.place!(line.piece!({ ...r, items })));
    expect(placed).toContain('"a\\u202eb"');
    expect(placed).toContain('"aspect":"\\u2028"');
    expect(placed).toContain('["x\\u0085"]');
    expect(JSON.parse(placed).items[0].text).toBe('a\u202eb');
  });

  it('a veto\'s list of another list, version, order or shape after the usual one, as JSON.stringify writes it', () => {
    const r = real.find((x) => x.vetoes.length)!;
    const lists: unknown[] = [{ id: 'other', version: '2023' }, { id: r.vetoes[0].list.id, version: '2024' }, { version: r.vetoes[0].list.version, id: r.vetoes[0].list.id }, { ...r.vetoes[0].list, x: 1 }, null];
    const line = jsonlStream({ lang: 'zh', color: false, width: 80 });
    for (const list of [r.vetoes[0].list, ...lists, r.vetoes[0].list]) {
      const odd = { ...r, vetoes: r.vetoes.map((v) => ({ ...v, list }) as VetoResult) };
      expect(text(line.place!(line.piece!(odd)))).toBe(JSON.stringify(toJson(odd)) + '\n');
    }
  });

  it('an item without the standard\'s members, or without any, and states of every kind, as JSON.stringify writes them', () => {
    const r = real[0];
    const bare = (i: ItemResult) => ({ ...i, id: undefined, aspect: undefined, content: undefined, number: undefined, text: undefined }) as unknown as ItemResult;
    const none = Object.fromEntries(itemKeys.map((k) => [k, undefined])) as unknown as ItemResult;
    const states: unknown[] = ['pass', 'fail', null, 3, { a: 1 }, ...Array.from({ length: 12 }, (_, k) => `s${k}`)];
    const items = [...r.items.slice(0, 3).map(bare), none, ...states.map((state, k) => ({ ...r.items[k % r.items.length], state }) as ItemResult)];
    const odd = { ...r, items };
    // Twice through one stream: what it kept the first time is what it writes the second.
    const line = jsonlStream({ lang: 'zh', color: false, width: 80 });
    for (let k = 0; k < 2; k++) expect(text(line.place!(line.piece!(odd)))).toBe(JSON.stringify(toJson(odd)) + '\n');
    for (const compact of [false, true]) {
      const stream = jsonStream({ lang: 'zh', color: false, width: 80, compact });
      const placed = stream.head() + text(stream.place!(stream.piece!(odd))) + text(stream.place!(stream.piece!(odd))) + stream.tail();
      expect(placed).toBe(JSON.stringify({ schemaVersion: 1, results: [toJson(odd), toJson(odd)] }, null, compact ? undefined : 2) + '\n');
    }
  });

  it('aspects of other shapes or values, and warnings or none, as JSON.stringify writes them, area after area', () => {
    const aspectOf = fc.oneof(
      fc.record({ name: fc.constantFrom('思想引领', 'x\u202e', ''), met: fc.nat(20), applicable: fc.nat(20), score: fc.oneof(fc.double(), fc.constant(1)) }),
      fc.record({ name: fc.string(), met: odd, applicable: fc.nat(), score: odd }),
      fc.constantFrom<unknown>({ met: 1, name: 'a', applicable: 1, score: 1 }, { name: 'a' }, { name: 'a', met: 1, applicable: 2, score: 1, x: 1 }, {}, null, undefined, 'x', [1], Object.assign(Object.create(null), { name: 'n', met: 1 })),
    );
    const resultOf = fc.tuple(fc.nat(real.length - 1), fc.option(fc.array(aspectOf, { maxLength: 4 }), { nil: undefined }), fc.constantFrom<unknown>([], ['w\u2028'], undefined, 'x')).map(([k, aspects, warnings]) => ({ ...real[k], ...(aspects ? { aspects } : {}), warnings }) as unknown as AssessResult);
    fc.assert(
      fc.property(fc.array(resultOf, { minLength: 1, maxLength: 5 }), (batch) => {
        const line = jsonlStream({ lang: 'zh', color: false, width: 80 });
        for (const r of batch) expect(text(line.place!(line.piece!(r)))).toBe(safeJson(JSON.stringify(toJson(r))) + '\n');
        for (const compact of [false, true]) {
          const stream = jsonStream({ lang: 'zh', color: false, width: 80, compact });
          const placed = stream.head() + batch.map((r) => text(stream.place!(stream.piece!(r)))).join('') + stream.tail();
          expect(placed).toBe(safeJson(JSON.stringify({ schemaVersion: 1, results: batch.map(toJson) }, null, compact ? undefined : 2)) + '\n');
        }
      }),
      { numRuns: 100 },
    );
  });
});

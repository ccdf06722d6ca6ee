import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessFacts } from '../../src/assess/assess.js';
import { Spares } from '../../src/packs/spares.js';
import { jsonStream, toJson } from '../../src/report/json.js';
import { jsonlStream } from '../../src/report/jsonl.js';
import { Utf8Builder } from '../../src/report/utf8-builder.js';
import { loadStandardSync } from '../../src/standard/load.js';
import { safeJson } from '../../src/text/safe.js';

/**
 * A builder given `bytesOf` hands over the buffer it wrote into (no copy) and goes on in the
 * next one: each piece is whole until its buffer is given back, and a buffer given back is
 * written into again — json and jsonl lines made so are the same text.
 */
describe('Utf8Builder with bytesOf: pieces written straight into buffers used again', () => {
  it('take() gives the buffer bytesOf gave (whole ArrayBuffer, from 0), and goes on in another', () => {
    const given: ArrayBuffer[] = [];
    const bytesOf = (size: number) => {
      const b = Buffer.from(new ArrayBuffer(size + 3), 0, size);
      given.push(b.buffer);
      return b;
    };
    const out = new Utf8Builder(bytesOf);
    out.text('未保'.repeat(40_000)); // grows past the first buffer
    out.ascii('!');
    const piece = out.take();
    expect(given).toContain(piece.buffer);
    expect(piece.byteOffset).toBe(0);
    expect(Buffer.from(piece).toString('utf8')).toBe('未保'.repeat(40_000) + '!');
    out.ascii('next');
    // The next piece is in a buffer of its own: the first is untouched.
    expect(out.take().buffer).not.toBe(piece.buffer);
    expect(Buffer.from(piece).toString('utf8')).toBe('未保'.repeat(40_000) + '!');
  });

  it('json and jsonl lines through Spares, each buffer given back once read, are JSON.stringify\'s', () => {
    const changning = loadStandardSync('changning-demo-street@2023');
    const results = ['changning-failing.json', 'changning-vetoed.json', 'changning-compliant.json', 'changning-failing.json'].map((f) => assessFacts(changning, JSON.parse(readFileSync(`fixtures/${f}`, 'utf8')), { input: f }));
    const options = { lang: 'zh' as const, color: false, width: 80 };
    for (const [make, expected] of [
      [jsonlStream, (r: (typeof results)[0]) => safeJson(JSON.stringify(toJson(r))) + '\n'],
      [(o: typeof options, b: (size: number) => Buffer) => jsonStream({ ...o, compact: true }, b), (r: (typeof results)[0], k: number) => (k ? ',' : '') + safeJson(JSON.stringify(toJson(r)))],
    ] as const) {
      const spares = new Spares();
      const stream = make(options, spares.bytesOf);
      const seen = new Set<ArrayBuffer>();
      results.forEach((r, k) => {
        const piece = stream.piece!(r) as Uint8Array;
        const placed = stream.place!(piece);
        expect([placed].flat().map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('utf8'))).join('')).toBe(expected(r, k));
        seen.add(piece.buffer as ArrayBuffer);
        spares.add(piece.buffer as ArrayBuffer);
      });
      // Two buffers take turns: the one being written into, the one being read.
      expect(seen.size).toBeLessThanOrEqual(3);
    }
  });
});

import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFactsSource } from '../../src/facts/load.js';
import { parseJson } from '../../src/source/json.js';
import { readBounded } from '../../src/source/read.js';
import { DEFAULT_LIMITS } from '../../src/source/types.js';

/**
 * readBounded reads a file of the size fstat gives in one read (no second read to be told the
 * file ended): what it answers must still be the file's bytes, every one, at every size around
 * the buffer it asks for, and the bound must still hold on what was read.
 */
const dir = mkdtempSync(join(tmpdir(), 'weibao-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readBounded', () => {
  it('gives a file its bytes, whole, at every size, into a new buffer or the reused one', () => {
    for (const reuse of [false, true]) {
      for (const size of [0, 1, 2, 4095, 4096, 4097, 47_741, (1 << 20) - 2, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 7, 5]) {
        const file = join(dir, `f${size}`);
        const bytes = randomBytes(size);
        writeFileSync(file, bytes);
        expect(readBounded(file, 10 << 20, reuse).equals(bytes), `${size} bytes, reuse ${reuse}`).toBe(true);
      }
    }
  });

  it('reuses its buffer for a facts file, and what was read of the file before is not changed by the next', () => {
    // The reused buffer's bytes are good until the next read: nothing read from them may keep them.
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    writeFileSync(a, `{\n  "area": { "name": "甲街道" },\n  "period": "2023",\n  "facts": { "会议": 2, "x": "一二三" }\n}\n`);
    writeFileSync(b, `{"facts":{"zzzzzzzz":1,"yy":"${'乙'.repeat(40)}"},"area":{"name":"乙"},"period":"2024"}`);
    const first = readFactsSource(a);
    const where = () => ['/facts/x', '/facts/会议', '/period'].map((p) => first.parsed.locate(p));
    const before = JSON.stringify(first.parsed.value);
    const second = readFactsSource(b);
    expect(readBounded(a, 1 << 20, true).buffer).toBe(readBounded(b, 1 << 20, true).buffer);
    expect(JSON.stringify(first.parsed.value)).toBe(before);
    // Where the reader of the decoded text says (json.ts parseJson), and where a person counts.
    const decoded = parseJson(readFileSync(a, 'utf8'), a, DEFAULT_LIMITS);
    expect(where()).toEqual(['/facts/x', '/facts/会议', '/period'].map((p) => decoded.locate(p)));
    expect(where()[1]).toEqual({ line: 4, column: 20 });
    expect(second.parsed.locate('/facts/yy')).toEqual(parseJson(readFileSync(b, 'utf8'), b, DEFAULT_LIMITS).locate('/facts/yy'));
  });

  it('holds the bound at the size fstat gives and one byte past it', () => {
    const file = join(dir, 'limit');
    writeFileSync(file, Buffer.alloc(100, 0x20));
    expect(readBounded(file, 100).length).toBe(100);
    expect(() => readBounded(file, 99)).toThrow(/over the limit of 99/);
  });

  it('reads on where fstat says 0 bytes (a /proc file holds more)', () => {
    const proc = '/proc/self/status';
    let expected: string;
    try {
      expected = readFileSync(proc, 'utf8');
    } catch {
      return; // no /proc here
    }
    const text = readBounded(proc, 10 << 20).toString('utf8');
    // Its figures change between two reads; its first line does not.
    expect(text.length).toBeGreaterThan(0);
    expect(text.split('\n')[0]).toBe(expected.split('\n')[0]);
  });
});

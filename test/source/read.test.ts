import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { InputError } from '../../src/errors.js';
import { readBounded, readDocument } from '../../src/source/read.js';

/**
 * readBounded reads a file of the size fstat gives in one read (no second read to be told the
 * file ended): what it answers must still be the file's bytes, every one, at every size around
 * the buffer it asks for, and the bound must still hold on what was read.
 */
const dir = mkdtempSync(join(tmpdir(), 'weibao-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readBounded', () => {
  it('gives a file its bytes, whole, at every size', () => {
    for (const size of [0, 1, 2, 4095, 4096, 4097, 47_741, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 7]) {
      const file = join(dir, `f${size}`);
      const bytes = randomBytes(size);
      writeFileSync(file, bytes);
      expect(readBounded(file, 10 << 20).equals(bytes), `${size} bytes`).toBe(true);
    }
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

describe('a file that cannot be read as facts says what to give instead', () => {
  const hintOf = (file: string) => {
    try {
      readDocument(file);
    } catch (e) {
      return (e as InputError).problems[0];
    }
  };
  it('an empty file', () => {
    const file = join(dir, 'empty.yaml');
    writeFileSync(file, '  \n');
    expect(hintOf(file)).toMatchObject({ id: 'input.empty', hint: { id: 'input.fix.empty' } });
  });
  it('a pipe', () => {
    const fifo = join(dir, 'pipe.json');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      return; // no mkfifo here
    }
    expect(hintOf(fifo)).toMatchObject({ id: 'input.read.notRegular', hint: { id: 'input.fix.regularFile' } });
  });

  it('a directory, a link in a loop, a file named as a directory', () => {
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    expect(hintOf(sub)).toMatchObject({ id: 'input.read.directory', hint: { id: 'input.fix.notDirectory' } });
    const loop = join(dir, 'loop.json');
    symlinkSync(loop, loop);
    expect(hintOf(loop)).toMatchObject({ id: 'io.read.failed', data: { code: 'ELOOP' }, hint: { id: 'input.fix.link' } });
    writeFileSync(join(dir, 'plain'), '{}');
    expect(hintOf(join(dir, 'plain', 'facts.json'))).toMatchObject({ id: 'io.read.failed', data: { code: 'ENOTDIR' }, hint: { id: 'input.fix.checkPath' } });
  });
});

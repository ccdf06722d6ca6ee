import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as zlib from 'node:zlib';
import { tableCrc32, ZipWriter } from '../../src/report/xlsx/zip.js';
import { describeError } from '../../src/error-words.js';

// jszip: what exceljs reads a workbook with (its dependency), here with every CRC checked.
type Zip = { files: Record<string, { async(type: 'string'): Promise<string> }> };
const JSZip = createRequire(import.meta.url)('jszip') as { loadAsync(data: Buffer, options: { checkCRC32: boolean }): Promise<Zip> };

/** Text that deflates poorly in places (numbers) and well in others, to cross several pieces. */
function text(n: number, seed: number): string {
  let s = '';
  let x = seed;
  while (s.length < n) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += `<c r="A${x % 9973}"><v>${x}</v></c>中文${x % 7 ? '✓' : '✗'}`;
  }
  return s.slice(0, n);
}

/** The zip the report workbooks are written into (src/report/xlsx/zip.ts), read back by another reader. */
describe('ZipWriter', () => {
  it('writes entries in the order opened, each piece by piece, readable with its CRC checked', async () => {
    const chunks: Buffer[] = [];
    const zip = new ZipWriter((c) => void chunks.push(c), new Date(2026, 11, 1, 11, 30, 10));
    const big = text(700_000, 1); // three pieces of 256 KB
    const sheet = zip.entry('/xl/worksheets/sheet1.xml');
    // Opened while the sheet is written: waits, then follows it.
    const notes = zip.entry('xl/comments1.xml');
    notes.write('<comments>');
    for (let at = 0; at < big.length; at += 30_000) sheet.write(big.slice(at, at + 30_000));
    notes.write(Buffer.from('<c/>'));
    notes.write({ toBuffer: () => Buffer.from('</comments>') });
    sheet.end();
    notes.end();
    zip.add('empty.xml', '');
    zip.add('[Content_Types].xml', text(1000, 2));
    await zip.finish();
    const book = await JSZip.loadAsync(Buffer.concat(chunks), { checkCRC32: true });
    expect(Object.keys(book.files)).toEqual(['xl/worksheets/sheet1.xml', 'xl/comments1.xml', 'empty.xml', '[Content_Types].xml']);
    expect(await book.files['xl/worksheets/sheet1.xml'].async('string')).toBe(big);
    expect(await book.files['xl/comments1.xml'].async('string')).toBe('<comments><c/></comments>');
    expect(await book.files['empty.xml'].async('string')).toBe('');
    expect(await book.files['[Content_Types].xml'].async('string')).toBe(text(1000, 2));
    // Deflated: the sheet's 700 K characters (numbers, and CJK at three bytes) in far fewer bytes.
    expect(Buffer.concat(chunks).length).toBeLessThan(Buffer.byteLength(big) / 2);
  });

  it('hands on its pieces one at a time, each when the output has taken the one before (drained)', async () => {
    const taken: Buffer[] = [];
    let release: (() => void) | undefined;
    const zip = new ZipWriter((c) => new Promise<void>((done) => (release = () => (taken.push(c), done()))), new Date());
    const e = zip.entry('a.xml');
    e.write(text(600_000, 3));
    let drained = false;
    void zip.drained().then(() => (drained = true));
    await new Promise((r) => setImmediate(r));
    // The header is out, waiting to be taken; nothing after it is handed on before it is.
    expect(drained).toBe(false);
    while (!drained) {
      release?.();
      release = undefined;
      await new Promise((r) => setImmediate(r));
    }
    expect(taken.length).toBeGreaterThanOrEqual(2); // the header, a piece
    e.end();
    let finished = false;
    const done = zip.finish().then(() => (finished = true));
    while (!finished) {
      release?.();
      release = undefined;
      await new Promise((r) => setImmediate(r));
    }
    await done;
    expect((await JSZip.loadAsync(Buffer.concat(taken), { checkCRC32: true })).files['a.xml']).toBeDefined();
  });

  // The fallback for Node 20 before 20.15 (no zlib.crc32), which package.json allows: the same
  // CRC as zlib's, whole and continued piece by piece (how an entry's pieces are checked).
  it('checks by table what zlib.crc32 checks, in one piece or several', () => {
    const zcrc = (zlib as unknown as { crc32(data: Uint8Array, value?: number): number }).crc32;
    const data = Buffer.from(text(100_000, 4), 'utf8');
    expect(tableCrc32(Buffer.alloc(0), 0)).toBe(0);
    expect(tableCrc32(data, 0)).toBe(zcrc(data, 0));
    let c = 0;
    for (let at = 0; at < data.length; at += 7_777) c = tableCrc32(data.subarray(at, at + 7_777), c);
    expect(c).toBe(zcrc(data, 0));
    expect(tableCrc32(Buffer.from('123456789'), 0)).toBe(0xcbf43926); // the CRC-32 check value
  });

  // 4 GB of workbook is ~1.3 million areas' 矩阵, so the limit is reached by moving the offset
  // rather than by writing: past it, the run ends with words and a fix, exit 74, not a stack.
  it('refuses past 4 GB (no zip64) with words in both languages and the output exit code', async () => {
    const zip = new ZipWriter(() => undefined, new Date());
    zip.add('a.xml', 'x');
    (zip as unknown as { offset: number }).offset = 2 ** 32;
    const err = await zip.finish().then(() => undefined, (e: unknown) => e);
    const zh = describeError(err, false, 'zh');
    expect(zh.code).toBe(74);
    expect(zh.lines.join('\n')).toMatch(/4 GB[\s\S]*分成几批/);
    expect(describeError(err, false, 'en').lines.join('\n')).toMatch(/larger than 4 GB[\s\S]*split the batch/);
  });
});

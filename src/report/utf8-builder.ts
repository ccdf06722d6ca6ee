import { threadId } from 'node:worker_threads';

/**
 * A report's text assembled as UTF-8: pieces that are already bytes (the standard's members of
 * an item, encoded once per stream: json-items.ts) are copied in, and only the area's own text is
 * encoded. A 70 KB JSON line is three quarters the standard's words, mostly Chinese: encoding
 * them again for each of 2,000 areas (a two-byte string, flattened from its parts first) was the
 * largest cost of `--format jsonl` after reading the facts.
 *
 * html's documents are built the same way (html/area.ts: an area's report is ~80 KB, most of
 * it each item's text and each fact's description, the same in every area).
 *
 * One per stream, reused: `take()` gives what was assembled in a buffer of its own (not a slice
 * of a shared pool), so that it can be held, or moved to another thread (ReportStream.piece).
 */
export class Utf8Builder {
  private buf: Buffer;
  private at = 0;

  /**
   * `bytesOf`: where pieces are assembled (a stream's, StreamFormatter), each a buffer of its own
   * that the writer uses again once it is written (packs/spares.ts). `take()` then hands over the
   * very buffer it wrote into and goes on in the next from `bytesOf`: a 70 KB JSON line is not
   * copied into a buffer of its own (made afresh for each piece: 140 MB of external memory per
   * 2,000 areas, which only a full collection frees) before it is written. Without it, `take()`
   * copies what was assembled and the builder keeps its buffer.
   */
  constructor(private readonly bytesOf?: (size: number) => Buffer) {
    this.buf = bytesOf ? whole(bytesOf(1 << 16)) : Buffer.allocUnsafeSlow(1 << 16);
  }

  /** Bytes written so far (where the next piece goes). */
  get length(): number {
    return this.at;
  }

  /** Text, encoded (a lone surrogate as U+FFFD, as Buffer.from writes it: JSON text has none). */
  text(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (s.length * 3 > this.buf.length - this.at) this.room(s.length * 3);
    this.at += this.buf.write(s, this.at);
  }

  /** A few ASCII characters (separators, brackets): set one by one, no call into the encoder. */
  ascii(s: string): void {
    if (s.length > this.buf.length - this.at) this.room(s.length);
    for (let k = 0; k < s.length; k++) this.buf[this.at++] = s.charCodeAt(k);
  }

  /** UTF-8 made before, copied in. */
  bytes(b: Uint8Array): void {
    if (b.length > this.buf.length - this.at) this.room(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  /** Take back what was written from `offset` on. */
  rewind(offset: number): void {
    this.at = offset;
  }

  /** Replace the byte at `offset` (written before) with an ASCII character. */
  put(offset: number, c: string): void {
    this.buf[offset] = c.charCodeAt(0);
  }

  /** What was assembled, in a buffer of its own (from `bytesOf`, if given); the builder starts again, empty. */
  take(): Uint8Array {
    if (this.bytesOf) {
      const piece = this.buf.subarray(0, this.at);
      // The next piece is about as long as this one (Spares gives a kept buffer that fits).
      this.buf = whole(this.bytesOf(Math.max(this.at, 1 << 12)));
      this.at = 0;
      return piece;
    }
    const out = Buffer.allocUnsafeSlow(this.at);
    this.buf.copy(out, 0, 0, this.at);
    this.at = 0;
    return out;
  }

  /** What was assembled, as text; the builder starts again, empty. */
  takeText(): string {
    const text = this.buf.toString('utf8', 0, this.at);
    this.at = 0;
    return text;
  }

  private room(more: number): void {
    let size = this.buf.length * 2;
    while (size - this.at < more) size *= 2;
    const grown = this.bytesOf ? whole(this.bytesOf(size)) : Buffer.allocUnsafeSlow(size);
    this.buf.copy(grown, 0, 0, this.at);
    this.buf = grown;
  }
}

/** All of a buffer's ArrayBuffer from where it starts (a kept spare is larger than the size asked for). */
function whole(b: Buffer): Buffer {
  return Buffer.from(b.buffer, b.byteOffset, b.buffer.byteLength - b.byteOffset);
}

/** UTF-8 of text, in a buffer of its own. */
export function utf8Of(s: string): Uint8Array {
  const b = Buffer.allocUnsafeSlow(Buffer.byteLength(s));
  b.write(s, 0);
  return b;
}

/** Text of UTF-8 bytes. */
export function textOf(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.length).toString('utf8');
}

/**
 * A piece written again and again in the parts a batch sets aside (html's annex rows: 142,000 in
 * a 2,000-area batch, a few hundred unlike, ~950 bytes each — 85% of the 160 MB set aside), named
 * where it is written into a part so that the spool (cli/part-spool.ts) keeps it once in memory
 * and writes only its name to disk, and writes it out whole when the part is read back.
 *
 * A part with named pieces begins with NAMED, a byte UTF-8 never has (so never the first of a
 * text part); each piece in it is NAMED, its name (the thread that made it, and its number there:
 * two little-endian u32) and its length (u32), then its bytes. The bytes come whole with every
 * part, so each part stands alone: a spool that has not kept a piece (one it never saw, or past
 * what it keeps) writes it as it came.
 */
export class NamedPiece {
  /** The piece as written into a part: NAMED, name, length, bytes. */
  readonly marked: Uint8Array;
  /** The piece's bytes alone. */
  readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    const marked = Buffer.allocUnsafeSlow(NAMED_HEAD + bytes.length);
    marked[0] = NAMED;
    marked.writeUInt32LE(threadId, 1);
    marked.writeUInt32LE(pieces++, 5);
    marked.writeUInt32LE(bytes.length, 9);
    marked.set(bytes, NAMED_HEAD);
    this.marked = marked;
    this.bytes = marked.subarray(NAMED_HEAD);
  }
}

/** The byte that begins a part with named pieces, and each piece in it. */
export const NAMED = 0xff;
/** A named piece's head: NAMED, thread (u32), number (u32), length (u32). */
export const NAMED_HEAD = 13;
/** The first byte of a part with named pieces. */
export const NAMED_PART = Uint8Array.of(NAMED);
/** Pieces named in this thread so far: with the thread's id, a name no other piece of the process has. */
let pieces = 0;

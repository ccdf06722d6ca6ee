import * as zlib from 'node:zlib';
import { EXIT, OutputError } from '../../errors.js';

/**
 * The zip an .xlsx is, written as it goes: entries one after another, each deflated (level 1, as
 * exceljs's archiver did) a piece at a time and handed on, then the central directory. What
 * archiver did for exceljs's streaming writer, with node:zlib alone — archiver and its streams
 * were a third of the CPU a workbook's zip cost and ~0.1 s to load.
 *
 * Each piece is deflated on its own and ended with a sync flush (no final block), so pieces laid
 * end to end are one deflate stream (as pigz does): no stream objects, no thread-pool round trip
 * per write. An entry's pieces are 256 KB of its text, so the window lost at each start costs
 * little. Sizes and CRC follow each entry (data descriptor), as they are known only at its end.
 *
 * Entries may be opened while another is being written (exceljs opens a sheet's comments while
 * the sheet is written): what is written to one not yet at the head waits in memory (a sheet's
 * notes, its relationships: small) and goes out in its turn.
 */
export class ZipWriter {
  private offset = 0;
  private readonly central: Buffer[] = [];
  private centralSize = 0;
  private readonly queue: ZipEntry[] = [];
  /** The pieces handed on so far, in order: each waits for the one before. */
  private tail: Promise<void> = Promise.resolve();
  private readonly time: number;
  private readonly date: number;

  constructor(
    private readonly out: (chunk: Buffer) => Promise<void> | void,
    when: Date,
  ) {
    // MS-DOS date and time, local (as archiver wrote them).
    this.time = (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1);
    this.date = (Math.max(0, when.getFullYear() - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate();
  }

  /** An entry written a piece at a time (write, then end); a leading `/` is dropped, as archiver did. */
  entry(name: string): ZipEntry {
    const e = new ZipEntry(this, name.replace(/^\/+/, ''));
    this.queue.push(e);
    if (this.queue.length === 1) this.start(e);
    return e;
  }

  /** A whole entry at once. */
  add(name: string, text: string | Buffer): void {
    const e = this.entry(name);
    e.write(text);
    e.end();
  }

  /** Until what was handed on so far has been taken (the output's own pace). */
  drained(): Promise<void> {
    return this.tail;
  }

  /** The central directory after the last entry; then until every piece has been taken. */
  async finish(): Promise<void> {
    if (this.queue.length) throw new Error(`zip: ${this.queue[0].name} not ended`);
    const count = this.central.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(count, 8);
    end.writeUInt16LE(count, 10);
    end.writeUInt32LE(this.centralSize, 12);
    end.writeUInt32LE(this.checked(this.offset), 16);
    this.emit(Buffer.concat([...this.central, end]));
    await this.tail;
  }

  /** @internal An entry's bytes, in order. */
  emit(chunk: Buffer): void {
    this.offset += chunk.length;
    const { out } = this;
    this.tail = this.tail.then(() => out(chunk));
  }

  /** @internal The head entry is done: its central record kept, the next one started. */
  ended(e: ZipEntry, local: number, crc: number, compressed: number, size: number): void {
    const name = Buffer.from(e.name, 'utf8');
    const c = Buffer.alloc(46 + name.length);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4); // made by: MS-DOS, zip 2.0
    c.writeUInt16LE(20, 6); // needed: 2.0 (deflate)
    c.writeUInt16LE(FLAGS, 8);
    c.writeUInt16LE(8, 10); // deflated
    c.writeUInt16LE(this.time, 12);
    c.writeUInt16LE(this.date, 14);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(this.checked(compressed), 20);
    c.writeUInt32LE(this.checked(size), 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(this.checked(local), 42);
    name.copy(c, 46);
    this.central.push(c);
    this.centralSize += c.length;
    this.queue.shift();
    if (this.queue.length) this.start(this.queue[0]);
  }

  /** The entry at the head: its local header, then what it was given while it waited. */
  private start(e: ZipEntry): void {
    const name = Buffer.from(e.name, 'utf8');
    const h = Buffer.alloc(30 + name.length);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(FLAGS, 6);
    h.writeUInt16LE(8, 8);
    h.writeUInt16LE(this.time, 10);
    h.writeUInt16LE(this.date, 12);
    // CRC and sizes: 0 here, in the data descriptor after the data (FLAGS bit 3).
    h.writeUInt16LE(name.length, 26);
    name.copy(h, 30);
    const local = this.offset;
    this.emit(h);
    e.started(local);
  }

  /** A size or offset as the 32-bit fields hold it (no zip64: an .xlsx past 4 GB is past Excel's own limits). */
  private checked(n: number): number {
    if (n > 0xffffffff) throw new OutputError('io.xlsx.tooLarge', {}, EXIT.output, 'io.xlsx.tooLarge.fix');
    return n;
  }
}

/** Bit 3: CRC and sizes in a data descriptor after the data; bit 11: names in UTF-8. */
const FLAGS = 0x0808;

/** How much of an entry's text is deflated at once. */
const PIECE = 1 << 18;

const SYNC = { level: 1, finishFlush: zlib.constants.Z_SYNC_FLUSH };
const LAST = { level: 1 };

/** One entry of a ZipWriter: `write` its text (strings as UTF-8), then `end`. */
export class ZipEntry {
  private local = -1;
  private waiting: Buffer[] = [];
  private waitingSize = 0;
  private done = false;
  private crc = 0;
  private size = 0;
  private compressed = 0;

  constructor(
    private readonly zip: ZipWriter,
    readonly name: string,
  ) {}

  /** What exceljs's writers call on a stream they are given (WorksheetWriter pauses its stream). */
  pause(): void {}

  /** Text (UTF-8), bytes, or exceljs's StringBuf (its buffer is reused: copied here). */
  write(data: string | Uint8Array | { toBuffer(): Buffer }): boolean {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data instanceof Uint8Array ? Buffer.from(data) : Buffer.from(data.toBuffer());
    this.waiting.push(bytes);
    this.waitingSize += bytes.length;
    if (this.local >= 0 && this.waitingSize >= PIECE) this.deflate(false);
    return true;
  }

  end(): void {
    if (this.done) return;
    this.done = true;
    if (this.local >= 0) this.close();
  }

  /** @internal Now at the head of the zip, its header written at `local`. */
  started(local: number): void {
    this.local = local;
    if (this.waitingSize >= PIECE) this.deflate(false);
    if (this.done) this.close();
  }

  private deflate(last: boolean): void {
    const text = this.waiting.length === 1 ? this.waiting[0] : Buffer.concat(this.waiting, this.waitingSize);
    this.waiting = [];
    this.waitingSize = 0;
    if (text.length) this.crc = crc32(text, this.crc);
    this.size += text.length;
    const piece = zlib.deflateRawSync(text, last ? LAST : SYNC);
    this.compressed += piece.length;
    this.zip.emit(piece);
  }

  private close(): void {
    this.deflate(true);
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(this.crc, 4);
    d.writeUInt32LE(Math.min(this.compressed, 0xffffffff), 8);
    d.writeUInt32LE(Math.min(this.size, 0xffffffff), 12);
    this.zip.emit(d);
    this.zip.ended(this, this.local, this.crc, this.compressed, this.size);
  }
}

/** CRC-32 of the zip: node:zlib's (Node ≥ 20.15), else by table (earlier Node 20s, which the package allows). */
const crc32: (data: Uint8Array, value: number) => number = (zlib as { crc32?: (data: Uint8Array, value: number) => number }).crc32 ?? tableCrc32;

let table: Int32Array | undefined;
/** @internal Exported for its test: Node 20.20 has zlib.crc32, so a run never takes this path. */
export function tableCrc32(data: Uint8Array, value: number): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

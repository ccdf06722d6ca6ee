import type { Lang } from '../messages/types.js';
import { TempFile } from '../report/temp-file.js';
import type { Part } from '../report/types.js';
import { NAMED, NAMED_HEAD } from '../report/utf8-builder.js';

/**
 * The parts of a report laid out at the end (ReportLayout: html's area documents and the rows of
 * its district's view), set aside on disk in input order as they come and read back one section
 * at a time when placed, so a batch holds a few numbers per area instead of its whole document
 * (TempFile: removed by close(); a disk that fills is the run's output error, exit 74).
 *
 * A part's named pieces (NamedPiece: html's annex rows, 85% of its bytes) are kept here once, in
 * memory, and set aside by name: 2,000 areas' html set aside 25 MB, not 161 MB, written to disk
 * and read back (its sections are made whole again as they are read).
 */
export class PartSpool {
  private readonly file: TempFile;
  /** By section (every part's in turn): where it starts and its length; `first[i]`: part i's first section. */
  private readonly at: number[] = [];
  private readonly size: number[] = [];
  private readonly first: number[] = [];
  /** By section: its length made whole again (named pieces written out), -1 where it has none. */
  private readonly whole: number[] = [];
  /** Named pieces by name (thread × 2³² + number), and their bytes in all: at most NAMED_KEPT. */
  private readonly named = new Map<number, Buffer>();
  private namedBytes = 0;
  /** By part: whether it has a section with named pieces. */
  private readonly withNamed: boolean[] = [];
  /** A part with named pieces as set aside (`compact`), and a section read back made whole (`made`). */
  private compact = Buffer.allocUnsafe(1 << 16);
  private made = Buffer.allocUnsafe(1 << 17);
  private end = 0;
  /** Sections not yet written: the small ones (a line, a sheet's rows) go out together, not a system call each. */
  private pending = Buffer.allocUnsafe(1 << 20);
  private pendingFrom = 0;
  private pendingUsed = 0;
  private buffer = Buffer.allocUnsafe(1 << 17);
  /** What `buffer` holds of the file, read last. */
  private cacheAt = 0;
  private cacheSize = 0;

  constructor(lang: Lang) {
    this.file = new TempFile('weibao-parts-', 'parts', lang);
  }

  /** The next part: one text, or several sections (each read back alone: `bytes(i, s)`); text made as UTF-8 is written as it is. */
  add(part: Part): void {
    this.first.push(this.at.length);
    this.withNamed.push(false);
    if (typeof part === 'string' || part instanceof Uint8Array) this.section(part);
    else for (const text of part) this.section(text);
  }

  private section(text: string | Uint8Array): void {
    if (typeof text !== 'string' && text[0] === NAMED) return this.namedSection(text);
    this.whole.push(-1);
    this.plainSection(text);
  }

  private plainSection(text: string | Uint8Array): void {
    let size: number;
    const room = this.pending.length - this.pendingUsed;
    if (typeof text === 'string' && text.length * 3 <= room) size = this.pending.write(text, this.pendingUsed);
    else if (typeof text !== 'string' && text.length <= room && text.length < DIRECT) {
      this.pending.set(text, this.pendingUsed);
      size = text.length;
    } else {
      // Large (an area's html document, made as UTF-8), or no room left: what waits goes first, then this.
      this.flush();
      const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      if (bytes.length < DIRECT) return this.plainSection(bytes);
      this.file.writeAt(bytes, this.end);
      this.pendingFrom = this.end + bytes.length;
      this.placed(bytes.length);
      return;
    }
    this.pendingUsed += size;
    this.placed(size);
  }

  /**
   * A section with named pieces (its first byte NAMED): set aside with each piece kept here by its
   * name (the first time it comes, while there is room) and written as NAMED and the name alone.
   */
  private namedSection(part: Uint8Array): void {
    this.withNamed[this.withNamed.length - 1] = true;
    const bytes = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
    if (this.compact.length < bytes.length) this.compact = Buffer.allocUnsafe(bytes.length * 2);
    const out = this.compact;
    let size = 0;
    let whole = 0;
    for (let from = 1; ; ) {
      // Rows follow one another: the next piece is mostly right here, with nothing to search or copy before it.
      const at = bytes[from] === NAMED ? from : bytes.indexOf(NAMED, from);
      const end = at < 0 ? bytes.length : at;
      if (end > from) {
        out.set(bytes.subarray(from, end), size);
        size += end - from;
        whole += end - from;
      }
      if (at < 0) break;
      const name = bytes.readUInt32LE(at + 1) * 2 ** 32 + bytes.readUInt32LE(at + 5);
      const length = bytes.readUInt32LE(at + 9);
      from = at + NAMED_HEAD + length;
      whole += length;
      let known = this.named.has(name);
      if (!known && this.namedBytes + length <= NAMED_KEPT) {
        this.named.set(name, Buffer.from(bytes.subarray(at + NAMED_HEAD, from)));
        this.namedBytes += length;
        known = true;
      }
      if (known) for (let b = at; b < at + NAMED_NAME; b++) out[size++] = bytes[b];
      else {
        out.set(bytes.subarray(at + NAMED_HEAD, from), size);
        size += length;
      }
    }
    this.whole.push(whole);
    this.plainSection(out.subarray(0, size));
  }

  private placed(size: number): void {
    this.at.push(this.end);
    this.size.push(size);
    this.end += size;
  }

  private flush(): void {
    if (this.pendingUsed) this.file.writeAt(this.pending.subarray(0, this.pendingUsed), this.pendingFrom);
    this.pendingFrom += this.pendingUsed;
    this.pendingUsed = 0;
  }

  /** The i-th part added (its s-th section). */
  get(i: number, s = 0): string {
    return this.bytes(i, s).toString('utf8');
  }

  /**
   * The i-th part added, as the UTF-8 it was set aside in: written out as it is, never decoded
   * (160 MB of html at 2,000 areas). Read into one buffer, reused: the bytes are good until the
   * next call — the report's sink writes or copies them at once (output.ts), so 2,000 parts are
   * not 2,000 buffers waiting for the garbage collector. A small part is read whole at its first
   * section wanted: its others (xlsx's head, ids and states of an area) are then at hand.
   */
  bytes(i: number, s = 0): Buffer {
    const k = this.first[i] + s;
    const read = this.read(i, k);
    return this.whole[k] < 0 ? read : this.madeWhole(read, this.whole[k]);
  }

  /** A section with named pieces as set aside (namedSection), made whole: each piece's name replaced by its bytes. */
  private madeWhole(compact: Buffer, whole: number): Buffer {
    if (this.made.length < whole) this.made = Buffer.allocUnsafe(Math.max(whole, this.made.length * 2));
    const out = this.made;
    let size = 0;
    for (let from = 0; ; ) {
      const at = compact[from] === NAMED ? from : compact.indexOf(NAMED, from);
      const end = at < 0 ? compact.length : at;
      if (end > from) {
        out.set(compact.subarray(from, end), size);
        size += end - from;
      }
      if (at < 0) break;
      const piece = this.named.get(compact.readUInt32LE(at + 1) * 2 ** 32 + compact.readUInt32LE(at + 5))!;
      out.set(piece, size);
      size += piece.length;
      from = at + NAMED_NAME;
    }
    return out.subarray(0, size);
  }

  /** Section k (of part i) as set aside. */
  private read(i: number, k: number): Buffer {
    this.flush();
    const at = this.at[k];
    const size = this.size[k];
    if (at >= this.cacheAt && at + size <= this.cacheAt + this.cacheSize) return this.buffer.subarray(at - this.cacheAt, at - this.cacheAt + size);
    const last = (i + 1 < this.first.length ? this.first[i + 1] : this.at.length) - 1;
    const whole = this.at[last] + this.size[last] - this.at[this.first[i]];
    // A part with named pieces is an area's html document (~80 KB made whole) and its lines: each read alone, as it was before its pieces were named.
    const [from, length] = whole <= READ_AHEAD && !this.withNamed[i] ? [this.at[this.first[i]], whole] : [at, size];
    if (length > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.max(length, this.buffer.length * 2));
    this.cacheSize = 0; // until the read is whole
    this.file.readAt(this.buffer.subarray(0, length), from);
    this.cacheAt = from;
    this.cacheSize = length;
    return this.buffer.subarray(at - from, at - from + size);
  }

  close(): void {
    this.file.close();
  }
}

/** Sections this large are written at once, not gathered. */
const DIRECT = 1 << 16;
/** What a named piece is set aside as, where it is kept: NAMED and its name. */
const NAMED_NAME = 9;
/** Named pieces' bytes kept at most (then set aside in full): 2,000 areas' html rows, one thread's, are ~0.4 MB. */
const NAMED_KEPT = 1 << 24;
/** A part this small is read whole. */
const READ_AHEAD = 1 << 14;

import type { Lang } from '../messages/types.js';
import { TempFile } from '../report/temp-file.js';
import type { Part } from '../report/types.js';

/**
 * The parts of a report laid out at the end (ReportLayout: html's area documents and the rows of
 * its district's view), set aside on disk in input order as they come and read back one section
 * at a time when placed, so a batch holds a few numbers per area instead of its whole document
 * (TempFile: removed by close(); a disk that fills is the run's output error, exit 74).
 */
export class PartSpool {
  private readonly file: TempFile;
  /** By section (every part's in turn): where it starts and its length; `first[i]`: part i's first section. */
  private readonly at: number[] = [];
  private readonly size: number[] = [];
  private readonly first: number[] = [];
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
    if (typeof part === 'string' || part instanceof Uint8Array) this.section(part);
    else for (const text of part) this.section(text);
  }

  private section(text: string | Uint8Array): void {
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
      if (bytes.length < DIRECT) return this.section(bytes);
      this.file.writeAt(bytes, this.end);
      this.pendingFrom = this.end + bytes.length;
      this.placed(bytes.length);
      return;
    }
    this.pendingUsed += size;
    this.placed(size);
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
    this.flush();
    const k = this.first[i] + s;
    const at = this.at[k];
    const size = this.size[k];
    if (at >= this.cacheAt && at + size <= this.cacheAt + this.cacheSize) return this.buffer.subarray(at - this.cacheAt, at - this.cacheAt + size);
    const last = (i + 1 < this.first.length ? this.first[i + 1] : this.at.length) - 1;
    const whole = this.at[last] + this.size[last] - this.at[this.first[i]];
    const [from, length] = whole <= READ_AHEAD ? [this.at[this.first[i]], whole] : [at, size];
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
/** A part this small is read whole. */
const READ_AHEAD = 1 << 14;

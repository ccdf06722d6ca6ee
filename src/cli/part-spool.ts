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
  private buffer = Buffer.allocUnsafe(1 << 17);

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
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    this.file.writeAt(bytes, this.end);
    this.at.push(this.end);
    this.size.push(bytes.length);
    this.end += bytes.length;
  }

  /** The i-th part added (its s-th section). */
  get(i: number, s = 0): string {
    return this.bytes(i, s).toString('utf8');
  }

  /**
   * The i-th part added, as the UTF-8 it was set aside in: written out as it is, never decoded
   * (160 MB of html at 2,000 areas). Read into one buffer, reused: the bytes are good until the
   * next call — the report's sink writes or copies them at once (output.ts), so 2,000 parts are
   * not 2,000 buffers waiting for the garbage collector.
   */
  bytes(i: number, s = 0): Buffer {
    const k = this.first[i] + s;
    if (this.size[k] > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.max(this.size[k], this.buffer.length * 2));
    const bytes = this.buffer.subarray(0, this.size[k]);
    this.file.readAt(bytes, this.at[k]);
    return bytes;
  }

  close(): void {
    this.file.close();
  }
}

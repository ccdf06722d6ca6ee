import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lang } from '../../assess/types.js';
import { EXIT, OutputError } from '../../errors.js';
import { errnoWords } from '../../messages/errno.js';
import type { XrefStore } from './join.js';

/**
 * The joined PDF's xref table set aside on disk as it is made (20 bytes an object: a national
 * batch has tens of millions of objects), each line at its object's place, read back in order at
 * the end. A private temporary directory (0700), removed by close(); a disk that fills is the
 * run's output error (exit 74), as for the report.
 */
export class XrefFile implements XrefStore {
  private readonly dir: string;
  private fd: number | undefined;

  constructor(private readonly lang: Lang) {
    const base = tmpdir();
    try {
      this.dir = mkdtempSync(join(base, 'weibao-pdf-'));
      this.fd = openSync(join(this.dir, 'xref'), 'w+', 0o600);
    } catch (e) {
      throw new OutputError('io.temp.failed', { dir: base, why: errnoWords(e, lang) }, EXIT.output, 'io.temp.failed.fix');
    }
  }

  put(first: number, entries: Uint8Array): void {
    try {
      for (let done = 0; done < entries.length; ) done += writeSync(this.fd!, entries, done, entries.length - done, (first - 1) * 20 + done);
    } catch (e) {
      throw new OutputError('io.temp.failed', { dir: this.dir, why: errnoWords(e, this.lang) }, EXIT.output, 'io.temp.failed.fix');
    }
  }

  *read(count: number): Generator<Uint8Array> {
    const total = (count - 1) * 20;
    const size = 1 << 20;
    for (let at = 0; at < total; at += size) {
      const piece = Buffer.allocUnsafe(Math.min(size, total - at));
      for (let done = 0; done < piece.length; ) {
        const n = readSync(this.fd!, piece, done, piece.length - done, at + done);
        if (n === 0) throw new OutputError('io.temp.failed', { dir: this.dir, why: 'short read' }, EXIT.output, 'io.temp.failed.fix');
        done += n;
      }
      yield piece;
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.dir, { recursive: true, force: true });
  }
}

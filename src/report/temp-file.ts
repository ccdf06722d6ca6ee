import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lang } from '../assess/types.js';
import { EXIT, OutputError } from '../errors.js';
import { errnoWords } from '../messages/errno.js';

/**
 * One file in a private temporary directory (0700), written and read at given offsets, removed by
 * close(): where a batch sets aside what it must not hold in memory (html's parts, a joined PDF's
 * xref). A disk that fills, or a file cut short under us, is the run's output error (exit 74), as
 * for the report itself.
 */
export class TempFile {
  readonly dir: string;
  private fd: number | undefined;

  constructor(prefix: string, name: string, private readonly lang: Lang) {
    const base = tmpdir();
    try {
      this.dir = mkdtempSync(join(base, prefix));
      this.fd = openSync(join(this.dir, name), 'w+', 0o600);
    } catch (e) {
      throw this.failed(e, base);
    }
  }

  writeAt(bytes: Uint8Array, at: number): void {
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd!, bytes, done, bytes.length - done, at + done);
    } catch (e) {
      throw this.failed(e, this.dir);
    }
  }

  /** Fills `bytes` from `at`; a short read means the file changed under us: an error, never stale bytes. */
  readAt(bytes: Uint8Array, at: number): void {
    for (let done = 0; done < bytes.length; ) {
      const n = readSync(this.fd!, bytes, done, bytes.length - done, at + done);
      if (n === 0) throw new OutputError('io.temp.failed', { dir: this.dir, why: 'short read' }, EXIT.output, 'io.temp.failed.fix');
      done += n;
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.dir, { recursive: true, force: true });
  }

  private failed(e: unknown, dir: string): OutputError {
    if (e instanceof OutputError) return e;
    return new OutputError('io.temp.failed', { dir, why: errnoWords(e, this.lang) }, EXIT.output, 'io.temp.failed.fix');
  }
}

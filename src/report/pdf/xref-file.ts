import type { Lang } from '../../assess/types.js';
import { TempFile } from '../temp-file.js';
import type { XrefStore } from './join.js';

/**
 * The joined PDF's xref table set aside on disk as it is made (20 bytes an object: a national
 * batch has tens of millions of objects), each line at its object's place, read back in order at
 * the end (TempFile: removed by close(), a disk that fills is exit 74).
 */
export class XrefFile implements XrefStore {
  private readonly file: TempFile;

  constructor(lang: Lang) {
    this.file = new TempFile('weibao-pdf-', 'xref', lang);
  }

  put(first: number, entries: Uint8Array): void {
    this.file.writeAt(entries, (first - 1) * 20);
  }

  *read(count: number): Generator<Uint8Array> {
    const total = (count - 1) * 20;
    const size = 1 << 20;
    for (let at = 0; at < total; at += size) {
      const piece = Buffer.allocUnsafe(Math.min(size, total - at));
      this.file.readAt(piece, at);
      yield piece;
    }
  }

  close(): void {
    this.file.close();
  }
}

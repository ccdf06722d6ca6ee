import { closeSync, openSync, readSync, realpathSync, lstatSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';

// node:crypto (and the dozen modules it brings) only once a pack declares a hash.
const require = createRequire(import.meta.url);
let crypto: typeof import('node:crypto') | undefined;
const createHash = (algorithm: string) => (crypto ??= require('node:crypto') as typeof import('node:crypto')).createHash(algorithm);

/** What a pack knows about one of its files, without reading anything outside the pack. */
export type ProbeResult =
  | { kind: 'file'; size: number }
  | { kind: 'not-found' | 'not-file' | 'outside' | 'unreadable'; detail?: string };

/**
 * The file system of one data pack, as the evidence check sees it. `rel` has already been
 * checked to be relative and free of `..` (evidence.ts); this is where links are followed.
 */
export interface PackFiles {
  probe(rel: string): ProbeResult;
  /** Hex sha256 of a file `probe` called `file`. */
  sha256(rel: string): string;
}

/**
 * A pack directory on disk. Every path is resolved with realpath and must stay under the pack's
 * own realpath, so a symlink (or a symlinked sub-directory) pointing out of the pack is reported
 * as `outside` and never opened; the hash reads the resolved path that was checked.
 */
export function packFiles(root: string): PackFiles {
  const realRoot = realpathSync(root);
  const resolved = new Map<string, { real: string; size: number; sha256?: string }>();
  const inside = (p: string) => p === realRoot || p.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
  return {
    probe(rel) {
      const full = join(root, rel);
      let real: string;
      try {
        real = realpathSync(full);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'not-found', detail: isSymlink(full) ? 'a symlink to nothing' : undefined };
        if (code === 'ELOOP') return { kind: 'unreadable', detail: 'a symlink loop' };
        return { kind: 'unreadable', detail: code };
      }
      if (!inside(real)) return { kind: 'outside' };
      try {
        const st = statSync(real);
        if (!st.isFile()) return { kind: 'not-file', detail: st.isDirectory() ? 'a directory' : undefined };
        const known = resolved.get(rel);
        if (!known || known.real !== real || known.size !== st.size) resolved.set(rel, { real, size: st.size });
        return { kind: 'file', size: st.size };
      } catch (e) {
        return { kind: 'unreadable', detail: (e as NodeJS.ErrnoException).code };
      }
    },
    sha256(rel) {
      const file = resolved.get(rel);
      if (!file) throw new Error(`sha256 of ${rel} before it was probed as a file inside the pack`);
      // Many facts name the same document (with the same or another declared hash): read it once.
      return (file.sha256 ??= hashFile(file.real, file.size));
    },
  };
}

function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

const CHUNK = 1 << 20;
let chunk: Buffer | undefined;

/**
 * Hash in chunks: evidence can be a large scan, and only its digest is needed. One buffer for
 * the process (reads are synchronous), so a batch of thousands of files doesn't churn the heap.
 */
function hashFile(path: string, size: number): string {
  const hash = createHash('sha256');
  const buf = (chunk ??= Buffer.allocUnsafe(CHUNK));
  const fd = openSync(path, 'r');
  try {
    // Most evidence fits one read; the size from stat saves the read that would find the end.
    if (size < CHUNK) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === size) return hash.update(buf.subarray(0, n)).digest('hex');
      hash.update(buf.subarray(0, n)); // it changed since stat: carry on reading to the end
    }
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(n === buf.length ? buf : buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { hint, InputError, problem } from '../errors.js';

// node:crypto (and the dozen modules it brings) only once a pack declares a hash.
const require = createRequire(import.meta.url);
let crypto: typeof import('node:crypto') | undefined;
const createHash = (algorithm: string) => (crypto ??= require('node:crypto') as typeof import('node:crypto')).createHash(algorithm);

/** What a pack knows about one of its files, without reading anything outside the pack. */
export type ProbeResult =
  | { kind: 'file'; size: number }
  | { kind: 'not-found' | 'not-file' | 'outside' | 'unreadable' | 'too-large'; detail?: string };
// `detail` is data, put in words where it is shown (messages/errno.ts evidenceDetail): an errno code
// (EACCES, ELOOP, EISDIR …), `dangling` (a symlink to nothing), `max-file:<bytes>` or
// `max-pack:<bytes>` (the limit passed), `nul` (a NUL byte in the path), `sha256 <hex>`, and
// from evidence.ts `near:<path>` (the path meant, where this one has stray spaces, punctuation or
// full-width characters) and `several` (files of the pack written as one path, parted by 、 ， or a comma).

/**
 * How much evidence a pack may make us read. A sparse `truncate -s 64G` file with a sha256 would
 * otherwise be hashed until the run is killed: a file over `maxFileBytes`, or one that takes the
 * pack's evidence over `maxPackBytes` in all, is `too-large` and never read.
 */
export interface EvidenceLimits {
  maxFileBytes: number;
  maxPackBytes: number;
}

export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = { maxFileBytes: 200 * 1024 * 1024, maxPackBytes: 1024 * 1024 * 1024 };


/**
 * The file system of one data pack, as the evidence check sees it. `rel` has already been
 * checked to be relative and free of `..` (evidence.ts), `/` or `\` between its parts; this is
 * where links are followed.
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
export function packFiles(root: string, limits: EvidenceLimits = DEFAULT_EVIDENCE_LIMITS): PackFiles {
  const realRoot = realpathSync(root);
  const resolved = new Map<string, { real: string; size: number; sha256?: string }>();
  // Each file counted once towards the pack's total, however many facts name it.
  const counted = new Map<string, number>();
  let total = 0;
  const inside = (p: string) => p === realRoot || p.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
  return {
    probe(rel) {
      // A backslash is a separator on every machine, as it is on Windows: a pack whose facts file
      // was written there (evidence\\纪要.pdf, copied from Explorer) finds the same files, and
      // gets the same verdict, on the Linux machine that runs CI as on the clerk's own.
      const parts = rel.split(/[\\/]/).filter((p) => p !== '' && p !== '.');
      let full = join(root, ...parts);
      let real: string;
      try {
        real = realpathSync(full);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // Not there as written: as Windows and macOS would find it, in another case
        // (会议纪要.PDF from the scanner, named 会议纪要.pdf), so a pack gets the same verdict in CI
        // on Linux as on the clerk's machine. Only where one name matches.
        const found = code === 'ENOENT' || code === 'ENOTDIR' ? inAnyCase(root, parts) : undefined;
        if (found === undefined) return unresolved(full, code);
        full = found;
        try {
          real = realpathSync(full);
        } catch (again) {
          return unresolved(full, (again as NodeJS.ErrnoException).code);
        }
      }
      if (!inside(real)) return { kind: 'outside' };
      try {
        const st = statSync(real);
        if (!st.isFile()) return { kind: 'not-file', detail: st.isDirectory() ? 'EISDIR' : undefined };
        if (st.size > limits.maxFileBytes) return { kind: 'too-large', detail: `max-file:${limits.maxFileBytes}` };
        if (!counted.has(real)) {
          if (total + st.size > limits.maxPackBytes) return { kind: 'too-large', detail: `max-pack:${limits.maxPackBytes}` };
          counted.set(real, st.size);
          total += st.size;
        }
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
      return (file.sha256 ??= hashFile(file.real, file.size, limits.maxFileBytes));
    },
  };
}

/** A path realpath could not resolve, by its errno: not found (a symlink to nothing is `dangling`), or unreadable (ELOOP, EACCES …: in words where it is shown, messages/errno.ts). */
function unresolved(full: string, code: string | undefined): ProbeResult {
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'not-found', detail: isSymlink(full) ? 'dangling' : undefined };
  return { kind: 'unreadable', detail: code };
}

/**
 * The path of `parts` under `root` with each part that is not there as written matched in any
 * case (and Unicode normalisation) to the one name of its directory that differs from it in those
 * alone; undefined where a part matches none or several (two names that differ in case only,
 * possible on Linux).
 */
function inAnyCase(root: string, parts: readonly string[]): string | undefined {
  let dir = root;
  for (const part of parts) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return undefined;
    }
    if (!names.includes(part)) {
      // In NFC too: a name unpacked from a Mac's zip is in NFD (é as e and its accent), and a
      // Mac finds it by the name typed in NFC.
      const folded = part.normalize('NFC').toLowerCase();
      const same = names.filter((name) => name.normalize('NFC').toLowerCase() === folded);
      if (same.length !== 1) return undefined;
      dir = join(dir, same[0]);
    } else {
      dir = join(dir, part);
    }
  }
  return dir;
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
 * Opened non-blocking and checked on the descriptor (a file swapped for a pipe since the probe
 * must not hang the run), and read no further than `max` bytes (a file that grew since the probe
 * is too large, not hashed for ever).
 */
function hashFile(path: string, size: number, max: number): string {
  const hash = createHash('sha256');
  const buf = (chunk ??= Buffer.allocUnsafe(CHUNK));
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error(`${path} is no longer a regular file`), { code: 'ENOTREG' });
    // Most evidence fits one read; the size from stat saves the read that would find the end.
    let read = 0;
    if (size < CHUNK) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === size) return hash.update(buf.subarray(0, n)).digest('hex');
      hash.update(buf.subarray(0, n)); // it changed since stat: carry on reading to the end
      read = n;
    }
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      read += n;
      if (read > max) throw Object.assign(new Error(`${path} grew past ${max} bytes while it was read`), { code: 'EFBIG' });
      hash.update(n === buf.length ? buf : buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * A file of `dir` that is one of a pack's facts file `names` in all but its name's case, spaces
 * around it, or a `.txt` that Notepad adds when it saves (facts.json.txt, shown as facts.json where
 * Windows hides extensions): the file found, and the name it should have. undefined for none.
 */
export function misnamedFactsFile(dir: string, names: readonly string[]): { found: string; name: string } | undefined {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return undefined;
  }
  for (const found of entries) {
    const name = misnamedAs(found, names);
    if (name) return { found, name };
  }
  return undefined;
}

/** The one of `names` that `entry` is in all but case, spaces around it and a trailing `.txt`; undefined where it is none, or that name exactly. */
export function misnamedAs(entry: string, names: readonly string[]): string | undefined {
  const plain = entry.trim().toLowerCase().replace(/\.txt$/, '');
  const name = names.find((n) => n === plain);
  return name !== undefined && name !== entry ? name : undefined;
}

/**
 * The facts file of a pack directory, which must be one file, inside the pack. Refused: a pack
 * holding two (facts.json and facts.yaml: which is meant?), a facts file that is a symlink out
 * of the pack (facts.yaml → /tmp/secret.yaml or /proc/self/status would be read and echoed in
 * the error — the evidence rule applies to it too), a directory that can't be listed (said as
 * such, not as "no facts file"). Undefined when the directory holds no facts file at all.
 */
export function packFactsFile(dir: string, names: readonly string[]): string | undefined {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (e) {
    throw new InputError('read', dir, [problem({ hint: hint('io.pack.unreadable.fix') }, 'io.pack.unreadable', { code: (e as NodeJS.ErrnoException).code ?? String(e) })]);
  }
  const present = names.filter((n) => entries.includes(n));
  if (present.length > 1) throw new InputError('read', dir, [problem({ hint: hint('io.pack.both.fix') }, 'io.pack.both', { files: present.join(', ') })]);
  if (!present.length) return undefined;
  const file = join(dir, present[0]);
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return file; // a dangling link: reading it says "no such file"
  }
  const root = realpathSync(dir);
  if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep)) {
    throw new InputError('read', file, [problem({ hint: hint('io.pack.factsOutside.fix') }, 'io.pack.factsOutside', { name: present[0] })]);
  }
  return file;
}

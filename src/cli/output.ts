import { closeSync, constants, readdirSync, fchmodSync, fchownSync, fstatSync, lstatSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Dirent, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { basename, dirname, join, resolve } from 'node:path';
import { PACK_FACTS_FILES } from '../facts/load.js';
import { isFactsFileName } from '../packs/batch.js';
import type { Lang } from '../messages/types.js';
import { t } from '../messages/catalogue.js';
import { EXIT, OutputError } from './exit.js';
import { errnoWords as words } from '../messages/errno.js';

/** ENOENT on a path to write means its directory is missing (the file itself is to be made). */
const errnoWords = (e: unknown, lang: Lang) => ((e as NodeJS.ErrnoException)?.code === 'ENOENT' ? t(lang, 'io.noDirectory') : words(e, lang));

// node:crypto only when a temporary name is needed (cold start: most runs print to stdout).
const require = createRequire(import.meta.url);
const randomName = () => (require('node:crypto') as typeof import('node:crypto')).randomBytes(9).toString('base64url');

// ── Temporary files: every one made is listed, so a signal can remove what a run left ──

const temps = new Set<string>();

/** Report text held for a standard output that is a file or a device (FdWriter), not yet written. */
const held = new Set<FdWriter>();

/**
 * Remove every temporary file this process still has (on a signal, or an abandoned report), and
 * write out what is held for standard output: a run stopped by a signal leaves what it printed.
 */
export function removeTemps(): void {
  for (const w of held) {
    try {
      w.flush();
    } catch {
      // the signal is what the run reports
    }
  }
  for (const t of temps) rmSync(t, { force: true });
  temps.clear();
}

/**
 * A new temporary file in `dir`: a random name, created exclusively (`wx`: O_CREAT|O_EXCL, which
 * also refuses to follow a symlink planted at that name), so in a shared directory (/tmp, 1777)
 * nobody can predict the name or make us write through their link.
 */
function createTemp(dir: string, stem: string, mode = 0o666): { path: string; fd: number } {
  for (let attempt = 0; ; attempt++) {
    const path = join(dir, `.${stem}.${randomName()}.tmp`);
    try {
      const fd = openSync(path, 'wx', mode);
      temps.add(path);
      return { path, fd };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 8) continue;
      throw e;
    }
  }
}

function dropTemp(path: string): void {
  rmSync(path, { force: true });
  temps.delete(path);
}

// ── Where the report goes ──

/**
 * How a --output target is written. A regular file (or a new one) is replaced atomically: a
 * temporary file beside it, renamed over it at the end, so a failed run leaves the previous
 * report. Anything else is never renamed over (as root that would replace /dev/null with a
 * file): a character device or a named pipe is written directly; a block device, socket or
 * directory is refused.
 */
type Target =
  | { kind: 'replace'; file: string; final: string; stat?: Stats }
  | { kind: 'direct'; file: string; fifo: boolean };

function targetOf(file: string, lang: Lang): Target {
  // A link another user planted in a shared directory (/tmp: sticky, world-writable) is not
  // followed, to a file or a device: `/tmp/report.txt → /etc/passwd` would have root overwrite
  // the password file. The kernel's rule for open (fs.protected_symlinks), kept here, where
  // realpath would sidestep it: follow only a link owned by us or by the directory's owner.
  refuseForeignLink(file, lang);
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'replace', file, final: file };
    throw usage('io.output.cannotOpen', { file, why: errnoWords(e, lang) }, 'io.output.cannotOpen.fix');
  }
  if (st.isDirectory()) throw usage('io.output.cannotOpen', { file, why: errnoWords('EISDIR', lang) }, 'io.output.cannotOpen.fix');
  if (st.isCharacterDevice() || st.isFIFO()) return { kind: 'direct', file, fifo: st.isFIFO() };
  if (!st.isFile()) throw usage('io.output.notWritable', { file, kind: t(lang, st.isBlockDevice() ? 'io.kind.block' : 'io.kind.socket') }, 'io.output.notWritable.fix');
  // /dev/stderr, /dev/fd/N, /proc/self/fd/N name an open descriptor, not a place to put a file.
  if (/^\/(dev|proc)\//.test(resolve(file))) return { kind: 'direct', file, fifo: false };
  // A symlinked report is rewritten where it really is; the link stays a link.
  let final = file;
  try {
    final = realpathSync(file);
  } catch {
    // raced away: write where the user said
  }
  return { kind: 'replace', file, final, stat: st };
}

function refuseForeignLink(file: string, lang: Lang): void {
  let link: Stats;
  let dir: Stats;
  try {
    link = lstatSync(file);
    if (!link.isSymbolicLink()) return;
    dir = statSync(dirname(file));
  } catch {
    return;
  }
  const shared = (dir.mode & 0o1002) === 0o1002; // sticky and writable by anyone
  const me = process.getuid?.();
  if (shared && me !== undefined && link.uid !== me && link.uid !== dir.uid) {
    throw usage('io.output.foreignLink', { file }, 'io.output.foreignLink.fix');
  }
}

/**
 * `--output` must not name a file the run reads (a facts file, a pack's facts file, a standard,
 * a facts file in a folder given as a batch): the report would overwrite it. Refused before
 * anything is read (exit 4). `replacing`: the file is a report of ours, which a folder's batch
 * leaves out (expandInputs) — it is refused only where named as an input itself.
 */
export function refuseOverwritingInputs(file: string | undefined, inputs: readonly string[], lang: Lang = 'zh', replacing = false): void {
  if (file === undefined) return;
  let out: Stats;
  try {
    out = statSync(file);
  } catch {
    return; // not there yet: no input can be it
  }
  if (!out.isFile()) return;
  // A file of one name (not a hard link) is reached by that name alone, whatever the path: a loose
  // file of a folder (not a link) by any other name is another file, known from its listing. A
  // folder of 38,600 areas is not looked at file by file to write this month's report over last
  // month's (a stat each: 30 ms of a 2,000-area run).
  let ownName: string | undefined;
  if (out.nlink === 1) {
    try {
      ownName = basename(realpathSync(file));
    } catch {
      // raced away: each file is looked at
    }
  }
  const same = (p: string) => {
    try {
      const st = statSync(p);
      return st.ino === out.ino && st.dev === out.dev;
    } catch {
      return false;
    }
  };
  for (const input of inputs) {
    let dir = false;
    try {
      dir = statSync(input).isDirectory();
    } catch {
      continue;
    }
    // A pack (or a folder of packs and facts files, one level down) is read through its facts files.
    const candidates = dir ? [input, ...PACK_FACTS_FILES.map((f) => join(input, f)), ...membersFacts(input, replacing, ownName)] : [input];
    if (candidates.some(same)) throw usage('io.output.isInput', { file }, 'io.output.isInput.fix');
  }
}

/**
 * The facts files a folder given as a batch would read that may be the output: each
 * sub-directory's, and its own loose ones (unless `packsOnly`) — of these, where the output has
 * one name (`ownName`), only a link or a file of that name.
 */
function membersFacts(dir: string, packsOnly: boolean, ownName: string | undefined): string[] {
  const mayBe = (d: Dirent) => ownName === undefined || !d.isFile() || d.name === ownName;
  try {
    return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? PACK_FACTS_FILES.map((f) => join(dir, d.name, f)) : !packsOnly && isFactsFileName(d.name) && mayBe(d) ? [join(dir, d.name)] : []));
  } catch {
    return [];
  }
}

function usage(id: string, data: Record<string, unknown>, fix: string): OutputError {
  return new OutputError(id, data, EXIT.usage, fix);
}

/** Open a direct target: a pipe nobody reads is refused rather than waited on for ever. */
function openDirect(target: Extract<Target, { kind: 'direct' }>, lang: Lang): number {
  try {
    if (target.fifo) {
      // Non-blocking open fails (ENXIO) when no reader is there; with a reader, reopen blocking
      // so writes wait for it instead of failing with EAGAIN.
      const probe = openSync(target.file, constants.O_WRONLY | constants.O_NONBLOCK);
      try {
        return openSync(target.file, constants.O_WRONLY);
      } finally {
        closeSync(probe);
      }
    }
    const fd = openSync(target.file, constants.O_WRONLY | constants.O_TRUNC);
    // Swapped for something else since the stat: still never a rename, but not a block device either.
    const st = fstatSync(fd);
    if (st.isBlockDevice()) {
      closeSync(fd);
      throw usage('io.output.notWritable', { file: target.file, kind: t(lang, 'io.kind.block') }, 'io.output.notWritable.fix');
    }
    return fd;
  } catch (e) {
    if (e instanceof OutputError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENXIO') throw usage('io.output.noReader', { file: target.file }, 'io.output.noReader.fix');
    throw usage('io.output.cannotOpen', { file: target.file, why: errnoWords(e, lang) }, 'io.output.cannotOpen.fix');
  }
}

/** A temporary file beside the target, with the target's mode (and owner, when we may). */
function openReplacement(target: Extract<Target, { kind: 'replace' }>, lang: Lang): { path: string; fd: number } {
  let tmp: { path: string; fd: number };
  try {
    tmp = createTemp(dirname(target.final), basename(target.final), target.stat ? target.stat.mode & 0o7777 : 0o666);
  } catch (e) {
    throw usage('io.output.cannotOpen', { file: target.file, why: errnoWords(e, lang) }, 'io.output.cannotOpen.fix');
  }
  if (target.stat) {
    try {
      // open's mode went through the umask: a 600 report must stay 600, not become 644.
      fchmodSync(tmp.fd, target.stat.mode & 0o7777);
      if (process.getuid?.() === 0) fchownSync(tmp.fd, target.stat.uid, target.stat.gid);
    } catch {
      // Not ours to change (another owner's directory): the content still goes where asked.
    }
  }
  return tmp;
}

/** Write all of `data` to `fd`; a failure is an OutputError (exit 74) naming the target. */
function writeAll(fd: number, data: string | Uint8Array, target: string, lang: Lang): void {
  try {
    if (typeof data === 'string') writeSync(fd, data);
    else for (let off = 0; off < data.length; ) off += writeSync(fd, data, off, data.length - off);
  } catch (e) {
    throw new OutputError('io.output.failed', { target, why: errnoWords(e, lang) }, EXIT.output, 'io.output.failed.fix');
  }
}

/**
 * Write a report in one go (diff, the whole-batch formats): atomically to a regular file,
 * directly to a device or pipe.
 */
export function writeAtomic(file: string, text: string | Uint8Array, lang: Lang = 'zh'): void {
  const target = targetOf(file, lang);
  if (target.kind === 'direct') {
    const fd = openDirect(target, lang);
    try {
      writeAll(fd, text, file, lang);
    } finally {
      closeSync(fd);
    }
    return;
  }
  const tmp = openReplacement(target, lang);
  let open = true;
  try {
    writeAll(tmp.fd, text, file, lang);
    open = false;
    closeFinal(tmp.fd, file, lang);
    rename(tmp.path, target, lang);
  } finally {
    if (open) closeSync(tmp.fd);
    dropTemp(tmp.path);
  }
}

/** Close a written file: a full disk may only say so now (NFS, quotas). */
function closeFinal(fd: number, where: string, lang: Lang): void {
  try {
    closeSync(fd);
  } catch (e) {
    throw new OutputError('io.output.failed', { target: where, why: errnoWords(e, lang) }, EXIT.output, 'io.output.failed.fix');
  }
}

function rename(tmp: string, target: Extract<Target, { kind: 'replace' }>, lang: Lang): void {
  try {
    renameSync(tmp, target.final);
  } catch (e) {
    throw usage('io.output.cannotOpen', { file: target.file, why: errnoWords(e, lang) }, 'io.output.cannotOpen.fix');
  }
  temps.delete(tmp);
}

/** Where a report goes piece by piece: --output (atomically, at finish) or stdout. */
export interface ReportSink {
  /** Something has been written. */
  started: boolean;
  /** Text in parts is written part after part (ReportText); bytes are UTF-8 already (a part read back from disk: html's area documents; a worker's piece: ReportStream.placeBytes). */
  write(text: string | Uint8Array | readonly (string | Uint8Array)[]): Promise<void>;
  /** Put `head` before everything written (a head known only at the end), and make it final. */
  finish(head: string): Promise<void>;
  /** Remove what an unfinished run left (its temporary files); nothing after finish. */
  abandon(): void;
}

/**
 * A report written as it is made. To a regular file: into a temporary file beside it, renamed
 * at the end. To a device or pipe: directly. `deferHead`: the body is spooled to a temporary
 * file until the head is known, then head and body are written out in order (memory stays flat
 * either way). Every failure is an OutputError: exit 4 where the path is wrong, 74 where
 * writing failed.
 */
export function openReport(file: string | undefined, stdout: NodeJS.WritableStream | undefined, deferHead: boolean, lang: Lang = 'zh'): ReportSink {
  const target = file === undefined ? undefined : targetOf(file, lang);
  let fd: number | undefined;
  let replacement: string | undefined;
  // Written through a buffer of its own: a system call per piece (junit's suites, ~9 KB each) was
  // 0.14 s of a 2,000-area run's 1.6 s.
  let spool: { path: string; fd: number; writer: FdWriter } | undefined;
  const where = file ?? t(lang, 'io.stdout');
  try {
    if (target?.kind === 'replace') ({ path: replacement, fd } = openReplacement(target, lang));
    else if (target?.kind === 'direct') fd = openDirect(target, lang);
    if (deferHead) {
      const dir = target?.kind === 'replace' ? dirname(target.final) : tmpdir();
      try {
        const temp = createTemp(dir, `weibao-${process.pid}.body`, 0o600);
        spool = { ...temp, writer: new FdWriter(temp.fd, temp.path, lang) };
      } catch (e) {
        throw new OutputError('io.temp.failed', { dir, why: words(e, lang) }, EXIT.output, 'io.temp.failed.fix');
      }
    }
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    if (replacement) dropTemp(replacement);
    throw e;
  }
  // Standard output redirected to a file or a device (`> areas.jsonl`) is written as --output is,
  // through the descriptor: the stream would copy every piece into a Buffer of its own first.
  const writer = fd !== undefined ? new FdWriter(fd, where, lang) : stdout && fileDescriptorOf(stdout) !== undefined ? new FdWriter(fileDescriptorOf(stdout)!, where, lang) : undefined;
  const toStdout = fd === undefined && writer !== undefined;
  if (toStdout) held.add(writer);
  const toOut = async (text: string | Uint8Array) => {
    if (!text) return;
    if (writer) {
      if (typeof text === 'string') writer.write(text);
      else writer.writeBytes(text);
    } else if (stdout) await writeTo(stdout, text);
  };
  const put = (part: string | Uint8Array): Promise<void> | undefined => {
    if (!spool) return toOut(part);
    if (typeof part === 'string') spool.writer.write(part);
    else spool.writer.writeBytes(part);
  };
  const sink: ReportSink = {
    started: false,
    async write(text) {
      sink.started = true;
      // One text or piece, or a stream's placed parts (a separator and a piece): taken apart by
      // index, not iterated over an array made for the one (a loop over either was deoptimised
      // once in every json and jsonl run, its iteration compiled before parts came).
      if (typeof text === 'string' || text instanceof Uint8Array) return put(text);
      for (let k = 0; k < text.length; k++) await put(text[k]);
    },
    async finish(head) {
      await toOut(head);
      if (spool) {
        spool.writer.flush();
        closeSync(spool.fd);
        const rd = openSync(spool.path, 'r');
        const buf = Buffer.allocUnsafe(1 << 20);
        const decoder = new StringDecoder('utf8'); // a chunk may end inside a character
        try {
          for (let n; (n = readSync(rd, buf, 0, buf.length, null)) > 0; ) {
            if (writer) writer.writeBytes(buf.subarray(0, n));
            else await toOut(decoder.write(buf.subarray(0, n)));
          }
        } finally {
          closeSync(rd);
        }
        dropTemp(spool.path);
        spool = undefined;
      }
      writer?.flush();
      if (toStdout) held.delete(writer);
      if (fd !== undefined) {
        const done = fd;
        fd = undefined;
        closeFinal(done, where, lang);
      }
      if (replacement && target?.kind === 'replace') {
        rename(replacement, target, lang);
        replacement = undefined;
      }
    },
    abandon() {
      // What a failed run printed stays printed, as a terminal would show it.
      if (toStdout) {
        held.delete(writer);
        try {
          writer.flush();
        } catch {
          // the run's own error is the one to report
        }
      }
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      if (spool) {
        closeSync(spool.fd);
        dropTemp(spool.path);
        spool = undefined;
      }
      if (replacement) dropTemp(replacement);
      replacement = undefined;
    },
  };
  return sink;
}

/** The descriptor of a stream that is a regular file or a device other than a terminal (not a pipe: a reader may be slow). */
function fileDescriptorOf(stream: NodeJS.WritableStream): number | undefined {
  const fd = (stream as { fd?: unknown }).fd;
  if (typeof fd !== 'number' || (stream as { isTTY?: boolean }).isTTY) return undefined;
  try {
    const st = fstatSync(fd);
    return st.isFile() || st.isCharacterDevice() ? fd : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Text written to a descriptor through one reusable buffer: each piece (a 120 KB JSON result, a
 * 300-byte CSV row) is encoded into it and it is written when full, so no Buffer is made per
 * piece and a row is not a system call of its own. Lone surrogates are written as U+FFFD, as
 * Buffer.from writes them.
 */
class FdWriter {
  private readonly buf = Buffer.allocUnsafe(1 << 20);
  private used = 0;

  constructor(
    private readonly fd: number,
    private readonly where: string,
    private readonly lang: Lang,
  ) {}

  write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (text.length * 3 > this.buf.length - this.used) {
      this.flush();
      if (text.length * 3 > this.buf.length) return writeAll(this.fd, text, this.where, this.lang);
    }
    this.used += this.buf.write(text, this.used);
  }

  writeBytes(bytes: Uint8Array): void {
    if (bytes.length <= this.buf.length - this.used) {
      this.buf.set(bytes, this.used);
      this.used += bytes.length;
      return;
    }
    this.flush();
    writeAll(this.fd, bytes, this.where, this.lang);
  }

  flush(): void {
    const n = this.used;
    this.used = 0; // a failed write is not tried again
    if (n) writeAll(this.fd, this.buf.subarray(0, n), this.where, this.lang);
  }
}

// ── stdout: a reader that goes away, a disk that fills ──

/** What happened to an output stream: its reader went away (EPIPE), or writing to it failed. */
interface StreamState {
  closed: boolean;
  error?: NodeJS.ErrnoException;
}

const states = new WeakMap<object, StreamState>();

/**
 * Watch a process stream for write errors, so none is an uncaught exception (a stack trace and
 * exit 1, which reads as 不达标). EPIPE (`assess … | head`) just stops the writing: the run
 * goes on to its own exit code. Any other error is kept for `outputFailure`.
 */
export function watchStream(stream: NodeJS.WritableStream): void {
  if (states.has(stream)) return;
  const state: StreamState = { closed: false };
  states.set(stream, state);
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') state.closed = true;
    else state.error ??= e;
  });
}

/** Write to a stream, waiting for it to drain; nothing once its reader left or it failed. */
export async function writeTo(stream: NodeJS.WritableStream, text: string | Uint8Array): Promise<void> {
  const state = states.get(stream);
  if (state && (state.closed || state.error)) return;
  // Bytes are copied: a stream may hold a chunk until it is flushed, and the caller's buffer is reused (part-spool.ts).
  if (stream.write(typeof text === 'string' ? text : Buffer.from(text)) || typeof stream.once !== 'function') return;
  await new Promise<void>((done) => {
    const end = () => {
      stream.off('drain', end);
      stream.off('error', end);
      stream.off('close', end);
      done();
    };
    stream.once('drain', end);
    stream.once('error', end);
    stream.once('close', end);
  });
}

/** The write error a watched stream met (not EPIPE), as an exit-74 error; undefined when none. */
export function outputFailure(stream: NodeJS.WritableStream, lang: Lang): OutputError | undefined {
  const e = states.get(stream)?.error;
  return e && new OutputError('io.output.failed', { target: t(lang, 'io.stdout'), why: errnoWords(e, lang) }, EXIT.output, 'io.output.failed.fix');
}

/** Colour unless told otherwise (--no-color, NO_COLOR) or writing to a file or a pipe. */
export function wantColor(flag: boolean | undefined, toFile: boolean, stream: NodeJS.WriteStream): boolean {
  if (flag === false || toFile) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

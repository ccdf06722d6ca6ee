import { closeSync, openSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';

/**
 * Write a report atomically: a temporary file beside the target, then a rename, so a run that
 * fails half-way leaves the previous report as it was.
 */
export function writeAtomic(file: string, text: string | Uint8Array): void {
  const tmp = tempBeside(file);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw cannotWrite(file, e);
  }
}

const tempBeside = (file: string) => join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);

/**
 * The user's --output path is wrong, not the program: say which path and why, never the
 * temporary file's name, and exit as a usage error rather than an internal one.
 */
function cannotWrite(file: string, e: unknown): UsageError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'its directory does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (code ?? String(e));
  return new UsageError(`cannot write the report to ${file}: ${why}`);
}

/** Where a report goes piece by piece: --output (atomically, at finish) or stdout. */
export interface ReportSink {
  /** Something has been written. */
  started: boolean;
  write(text: string): Promise<void>;
  /** Put `head` before everything written (a head known only at the end), and make it final. */
  finish(head: string): Promise<void>;
  /** Remove what an unfinished run left (its temporary files); nothing after finish. */
  abandon(): void;
}

/**
 * A report written as it is made. To a file: into a temporary file beside it, renamed at the
 * end, as writeAtomic does. `deferHead`: the body is spooled to a temporary file until the head
 * is known, then head and body are written out in order (memory stays flat either way).
 */
export function openReport(file: string | undefined, stdout: NodeJS.WriteStream, deferHead: boolean): ReportSink {
  const temps: string[] = [];
  const open = (path: string) => {
    temps.push(path);
    return openSync(path, 'w');
  };
  let target: number | undefined;
  let spool: { path: string; fd: number } | undefined;
  try {
    if (file) target = open(tempBeside(file));
    if (deferHead) {
      const path = join(file ? dirname(file) : tmpdir(), `.weibao-${process.pid}-${Date.now()}.body.tmp`);
      spool = { path, fd: open(path) };
    }
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    if (file) throw cannotWrite(file, e);
    throw e;
  }
  const toOut = async (text: string) => {
    if (!text) return;
    if (target !== undefined) writeSync(target, text);
    else if (!stdout.write(text) && typeof stdout.once === 'function') await new Promise((r) => stdout.once('drain', r));
  };
  const sink: ReportSink = {
    started: false,
    async write(text) {
      sink.started = true;
      if (spool) {
        if (text) writeSync(spool.fd, text);
      } else await toOut(text);
    },
    async finish(head) {
      await toOut(head);
      if (spool) {
        closeSync(spool.fd);
        const fd = openSync(spool.path, 'r');
        const buf = Buffer.allocUnsafe(1 << 20);
        const decoder = new StringDecoder('utf8'); // a chunk may end inside a character
        try {
          for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) {
            if (target !== undefined) writeSync(target, buf, 0, n);
            else await toOut(decoder.write(buf.subarray(0, n)));
          }
        } finally {
          closeSync(fd);
        }
        rmSync(spool.path, { force: true });
        spool = undefined;
      }
      if (file && target !== undefined) {
        closeSync(target);
        target = undefined;
        try {
          renameSync(temps[0], file);
        } catch (e) {
          throw cannotWrite(file, e);
        }
      }
      temps.length = 0;
    },
    abandon() {
      if (target !== undefined) closeSync(target);
      if (spool) closeSync(spool.fd);
      for (const t of temps) rmSync(t, { force: true });
    },
  };
  return sink;
}

/** Colour unless told otherwise (--no-color, NO_COLOR) or writing to a file or a pipe. */
export function wantColor(flag: boolean | undefined, toFile: boolean, stream: NodeJS.WriteStream): boolean {
  if (flag === false || toFile) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';

/**
 * Write a report atomically: a temporary file beside the target, then a rename, so a run that
 * fails half-way leaves the previous report as it was.
 */
export function writeAtomic(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    // The user's --output path is wrong, not the program: say which path and why, never the
    // temporary file's name, and exit as a usage error rather than an internal one.
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'its directory does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (code ?? String(e));
    throw new UsageError(`cannot write the report to ${file}: ${why}`);
  }
}

/** Colour unless told otherwise (--no-color, NO_COLOR) or writing to a file or a pipe. */
export function wantColor(flag: boolean | undefined, toFile: boolean, stream: NodeJS.WriteStream): boolean {
  if (flag === false || toFile) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

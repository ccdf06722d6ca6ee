import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { parseJson } from './json.js';
import { isWorkbookPath, readWorkbookFile } from './xlsx/index.js';
import { parseYaml } from './yaml.js';
import { DEFAULT_LIMITS, type ParseLimits, type Parsed } from './types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes → text: UTF-8 only (a BOM is dropped), never guessed. */
export function decodeText(bytes: Uint8Array, file: string | undefined): string {
  let text: string;
  if (Buffer.isBuffer(bytes) && isUtf8(bytes)) {
    // Valid UTF-8 (checked natively) decodes the same through Buffer, faster than a fatal
    // TextDecoder; which also drops one leading BOM, so that is done here too.
    text = bytes.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  } else {
    try {
      text = utf8.decode(bytes);
    } catch {
      throw new InputError('parse', file, [{ message: 'the file is not valid UTF-8 text', expected: 'UTF-8' }]);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

export type Syntax = 'json' | 'yaml';

export function syntaxOf(file: string): Syntax {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

/** Parse text already in memory; `syntax` decides the parser (JSON is strict, not YAML). */
export function parseText(text: string, syntax: Syntax, file?: string, limits: ParseLimits = DEFAULT_LIMITS): Parsed {
  if (text.trim() === '') throw new InputError('parse', file, [{ message: 'the file is empty', expected: 'a JSON or YAML object' }]);
  return syntax === 'json' ? parseJson(text, file, limits) : parseYaml(text, file, limits);
}

/** Read and parse one file with limits; every failure is an InputError naming the file. */
export function readDocument(file: string, limits: ParseLimits = DEFAULT_LIMITS): Parsed {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new InputError('read', file, [{ message: 'is a directory, not a file' }]);
    // A device (/dev/zero, /dev/tty), a named pipe or a socket never ends or may never start:
    // reading one would hang or fill memory, so only regular files are read.
    if (!st.isFile()) throw new InputError('read', file, [{ message: 'is not a regular file (a device, pipe or socket)', expected: 'a JSON or YAML file' }]);
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError('read', file, [{ message: readMessage(e) }]);
  }
  if (size > limits.maxBytes) {
    throw new InputError('read', file, [
      { message: `the file is ${size} bytes, over the limit of ${limits.maxBytes} (raise it with --max-bytes)` },
    ]);
  }
  let bytes: Buffer;
  try {
    bytes = readAtMost(file, limits.maxBytes + 1);
  } catch (e) {
    throw new InputError('read', file, [{ message: readMessage(e) }]);
  }
  // The size stat gave is not to be trusted (a file still growing, /proc reporting 0): the bound is on what was read.
  if (bytes.length > limits.maxBytes) {
    throw new InputError('read', file, [{ message: `the file is over the limit of ${limits.maxBytes} bytes (raise it with --max-bytes)` }]);
  }
  // A 台账 workbook (and every spreadsheet format, so each gets its own refusal): read as cells, not text.
  if (isWorkbookPath(file)) return readWorkbookFile(bytes, file, limits);
  return parseText(decodeText(bytes, file), syntaxOf(file), file, limits);
}

function readAtMost(file: string, max: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < max) {
      const chunk = Buffer.allocUnsafe(Math.min(max - total, 1 << 20));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

function readMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return `cannot be read (${code ?? (e as Error).message})`;
}

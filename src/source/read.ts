import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { hint, InputError, problem, type InputProblem } from '../errors.js';
import { decodeText } from './encoding.js';
import { parseJson, parseJsonBytes } from './json.js';
import { isWorkbookPath, readWorkbookFile } from './xlsx/index.js';
import { parseYaml } from './yaml.js';
import { isZipWorkbook, otherKind } from './sniff.js';
import { t } from '../messages/catalogue.js';
import { DEFAULT_LIMITS, type ParseLimits, type Parsed } from './types.js';

export { decodeText } from './encoding.js';

export type Syntax = 'json' | 'yaml';

export function syntaxOf(file: string): Syntax {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

/** Parse text already in memory; `syntax` decides the parser (JSON is strict, not YAML). */
export function parseText(text: string, syntax: Syntax, file?: string, limits: ParseLimits = DEFAULT_LIMITS): Parsed {
  if (text.trim() === '') throw new InputError('parse', file, [problem({ expected: 'a JSON or YAML object', hint: hint('input.fix.empty') }, 'input.empty')]);
  return syntax === 'json' ? parseJson(text, file, limits) : parseYaml(text, file, limits);
}

/** Read and parse one file with limits; every failure is an InputError naming the file. */
export function readDocument(file: string, limits: ParseLimits = DEFAULT_LIMITS): Parsed {
  const parsed = parseDocument(readBounded(file, limits.maxBytes), file, limits);
  // Not validated here: what the reader read past (a workbook's cell) is this reading's failure.
  if (parsed.problems?.length) throw new InputError('schema', file, [...parsed.problems]);
  return unlisted(parsed);
}

/** A reading without its listing (Parsed.listed), for a caller who may change the value before validating it. */
function unlisted(parsed: Parsed): Parsed {
  if (parsed.listed === undefined) return parsed;
  const { listed, ...rest } = parsed;
  void listed;
  return rest;
}

/** A file's bytes, read already, parsed as its name says: a workbook, JSON or YAML (with Parsed.listed where the JSON reader's walk made one). */
export function parseDocument(bytes: Buffer, file: string, limits: ParseLimits = DEFAULT_LIMITS): Parsed {
  // A 台账 workbook (and every spreadsheet format, so each gets its own refusal; and a workbook
  // under another name, by its content): read as cells, not text.
  if (isWorkbookPath(file) || isZipWorkbook(bytes)) return readWorkbookFile(bytes, file, limits);
  // A Word document, a PDF, an image, a CSV … given in its place: named for what it is.
  const other = otherKind(bytes, file);
  // One of our own CSV reports kept in a folder being assessed: said to be a report, as a JSON one is.
  if (other === 'csv' && isOurCsv(bytes)) throw new InputError('parse', file, [problem({ hint: hint('input.fix.isReport') }, 'input.isCsvReport')]);
  if (other) throw new InputError('parse', file, [problem({ expected: 'a facts file: JSON, YAML or an Excel workbook (.xlsx)', hint: hint(other === 'csv' ? 'input.fix.csv' : 'input.fix.notFacts') }, 'input.notFacts', { kind: other })]);
  const syntax = syntaxOf(file);
  return (syntax === 'json' ? parseJsonBytes(bytes, limits) : undefined) ?? parseText(decodeText(bytes, file), syntax, file, limits);
}

/** A CSV that assess wrote (a batch's rows, a rectification list): its first line begins with our columns, in either language. */
function isOurCsv(bytes: Buffer): boolean {
  const line = bytes.subarray(0, 1024).toString('utf8').replace(/^\ufeff/, '').split(/\r?\n/, 1)[0];
  return LANGS.some((lang) => line.startsWith(`${REPORT_COLUMNS.map((id) => t(lang, id)).join(',')},`));
}
const REPORT_COLUMNS = ['batch.csv.input', 'batch.csv.area', 'batch.csv.code', 'batch.csv.period', 'batch.csv.standard', 'batch.csv.verdict'] as const;
const LANGS = ['zh', 'en'] as const;

/**
 * The bytes of a regular file, at most `maxBytes` of them. The file is opened first and what
 * was opened is checked (fstat), not the path before: a file swapped for a named pipe between a
 * stat and the open would hang the run. O_NONBLOCK makes the open itself return at once for a
 * pipe with no writer; on a regular file it changes nothing.
 */
export function readBounded(file: string, maxBytes: number): Buffer {
  return readUnlessDirectory(file, maxBytes, false)!;
}

/**
 * As readBounded, but a directory is no error (undefined, unless `directory` is false): one
 * open and fstat say whether a path is a file to read or a pack to look into, with no stat
 * before (a batch reads thousands).
 */
export function readUnlessDirectory(file: string, maxBytes: number, directory = true): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new InputError('read', file, [readProblem(e)]);
  }
  try {
    let size: number;
    try {
      const st = fstatSync(fd);
      if (st.isDirectory() && directory) return undefined;
      if (st.isDirectory()) throw new InputError('read', file, [{ message: 'is a directory, not a file', id: 'input.read.directory', hint: hint('input.fix.notDirectory') }]);
      // A device (/dev/zero, /dev/tty), a named pipe or a socket never ends or may never start:
      // reading one would hang or fill memory, so only regular files are read.
      if (!st.isFile()) throw new InputError('read', file, [{ message: 'is not a regular file (a device, pipe or socket)', expected: 'a JSON or YAML file', id: 'input.read.notRegular', hint: hint('input.fix.regularFile') }]);
      size = st.size;
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError('read', file, [readProblem(e)]);
    }
    if (size > maxBytes) {
      throw new InputError('read', file, [{ message: `the file is ${size} bytes, over the limit of ${maxBytes} (raise it with --max-bytes)`, id: 'input.read.tooLarge', data: { size, max: maxBytes } }]);
    }
    let bytes: Buffer;
    try {
      bytes = readAtMost(fd, maxBytes + 1, size);
    } catch (e) {
      throw new InputError('read', file, [readProblem(e)]);
    }
    // The size fstat gave is not to be trusted (a file still growing, /proc reporting 0): the bound is on what was read.
    if (bytes.length > maxBytes) {
      throw new InputError('read', file, [{ message: `the file is over the limit of ${maxBytes} bytes (raise it with --max-bytes)`, id: 'input.read.tooLarge', data: { max: maxBytes } }]);
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/**
 * At most `max` bytes from `fd`. The first read asks for the size fstat gave and one byte more
 * (a file still growing shows as a full buffer): a facts file is then one read and no copy,
 * rather than a 1 MiB buffer per file and a concat (a batch reads thousands). Past that, 1 MiB
 * at a time, until a read gives nothing.
 */
function readAtMost(fd: number, max: number, expected: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let want = expected + 1;
  while (total < max) {
    const chunk = Buffer.allocUnsafe(Math.min(max - total, want));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    // The first read gave exactly the size fstat gave, short of the byte more it asked for: that
    // is the end of a regular file, and a second read only to be told so was one of a small
    // file's five system calls. A size of 0 (/proc) or anything else reads on until a read gives nothing.
    if (chunks.length === 1 && expected > 0 && n === expected && n < chunk.length) break;
    // A short read is normally the end: the read that says so needs no large buffer.
    want = n < chunk.length ? 4096 : 1 << 20;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

function readProblem(e: unknown): InputProblem {
  const code = (e as NodeJS.ErrnoException).code;
  // In the catalogue's words (input.read.*), with what to do.
  if (code === 'ENOENT') return problem({ hint: hint('input.fix.checkPath') }, 'input.read.notFound');
  if (code === 'EACCES' || code === 'EPERM') return problem({ hint: hint('input.fix.permission') }, 'input.read.permission');
  if (code === 'EISDIR') return problem({ hint: hint('input.fix.notDirectory') }, 'input.read.directory');
  // A link that leads nowhere it can end, or a file named as if it were a directory: where to look.
  if (code === 'ELOOP') return problem({ hint: hint('input.fix.link') }, 'io.read.failed', { code });
  if (code === 'ENOTDIR' || code === 'ENAMETOOLONG') return problem({ hint: hint('input.fix.checkPath') }, 'io.read.failed', { code });
  // EIO …: in words, never the bare code.
  return problem({}, 'io.read.failed', { code: code ?? String(e) });
}

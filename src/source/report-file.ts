import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isReportBook } from './xlsx/layout.js';
import { openWorkbook } from './xlsx/workbook.js';
import { readBounded } from './read.js';
import type { ParseLimits } from './types.js';

/**
 * Whether a file is a report `assess` wrote — a JSON document whose first key is schemaVersion
 * (every JSON report, rectification list and diff begins so; a facts file has no such key), or a
 * workbook of a report's sheets (isReportBook) — not an area's facts. Asked of one file, the
 * `--output` of a batch whose folder holds it (src/packs/batch.ts); any failure to read is "no".
 */
export function isAssessReport(file: string, limits: ParseLimits): boolean {
  try {
    if (/\.json$/i.test(file)) return REPORT_HEAD.test(head(file));
    if (/\.xlsx$/i.test(file)) return isReportBook(openWorkbook(readBounded(file, limits.maxBytes)).sheetNames);
  } catch {
    // unreadable, not a workbook: not a report of ours
  }
  return false;
}

/** `{"schemaVersion":` or `{\n  "schemaVersion":` (--compact or not), after a BOM or spaces. */
const REPORT_HEAD = /^\uFEFF?\s*\{\s*"schemaVersion"\s*:/;

/**
 * The first bytes of a regular file, as Latin-1 (enough for REPORT_HEAD; the BOM is its three
 * bytes); '' for anything else — opened without waiting, as readBounded does, so a named pipe
 * given as --output is not waited on here.
 */
function head(file: string): string {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) return '';
    const bytes = Buffer.alloc(256);
    const n = readSync(fd, bytes, 0, bytes.length, 0);
    const text = bytes.subarray(0, n).toString('latin1');
    return text.startsWith('\xef\xbb\xbf') ? text.slice(3) : text;
  } finally {
    closeSync(fd);
  }
}

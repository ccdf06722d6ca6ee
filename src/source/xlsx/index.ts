import type { ParseLimits, Parsed } from '../types.js';
import { readFactsWorkbook } from './facts.js';

/**
 * The way into workbook reading from source/read.ts. The reader's modules are small; what costs
 * (node:zlib, the XML parser) loads on the first workbook, synchronously like the rest of the facts path.
 */
const SPREADSHEET = /\.(xlsx|xlsm|xltx|xltm|xlam|xls|xlsb|et|ods)$/i;

export function isWorkbookPath(file: string): boolean {
  return SPREADSHEET.test(file);
}

export function readWorkbookFile(bytes: Buffer, file: string, limits: ParseLimits): Parsed {
  return readFactsWorkbook(bytes, file, limits);
}

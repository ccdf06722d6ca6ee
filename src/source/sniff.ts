import type { OtherKind } from '../messages/sections/input.js';

/**
 * What a file is by its first bytes (and, for text, its name), where that is something other than
 * a facts file: the file a clerk gives in place of the facts file — the 会议纪要 as a Word
 * document, a scan as a PDF or an image, the workbook saved as CSV — is named for what it is,
 * rather than read as text and refused as "not UTF-8". And a workbook under another name (an
 * .xlsx saved as .xls) is one: its content says so.
 */

const ZIP = 0x504b0304; // PK\3\4, read little-endian as 0x04034b50
const OLE2 = [0xd0cf11e0, 0xa1b11ae1];

/** A zip whose entries include a workbook's (xl/workbook.xml), whatever the file is called. */
export function isZipWorkbook(bytes: Buffer): boolean {
  return isZip(bytes) && bytes.includes('xl/workbook.xml');
}

export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32BE(0) === ZIP;
}

/** An OLE2 compound file: Office 97–2003 (.xls, .doc, .ppt), WPS's own formats, or an encrypted Office file. */
export function isOle2(bytes: Buffer): boolean {
  return bytes.length >= 8 && bytes.readUInt32BE(0) === OLE2[0] && bytes.readUInt32BE(4) === OLE2[1];
}

/** What else the file is, or undefined for anything that may be a facts file's text. */
export function otherKind(bytes: Buffer, file: string): OtherKind | undefined {
  // Text starts with a character; every kind below starts with a byte no facts file starts with.
  const first = bytes[0];
  if (first === 0x50 && isZip(bytes)) {
    // Office and OFD files are zips: the names of their entries say which (stored as they are).
    if (bytes.includes('word/document.xml')) return 'word';
    if (bytes.includes('ppt/presentation.xml')) return 'presentation';
    if (bytes.includes('OFD.xml')) return 'ofd';
    return 'zip';
  }
  if (first === 0xd0 && isOle2(bytes)) {
    // Word 97–2003, PowerPoint, WPS's own formats: one container, named by the file.
    const ext = extensionOf(file);
    return ext === 'doc' || ext === 'wps' ? 'word' : ext === 'ppt' || ext === 'dps' ? 'presentation' : 'oldOffice';
  }
  if (first === 0x25 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (isImage(bytes)) return 'image';
  const ext = extensionOf(file);
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  return undefined;
}

function isImage(b: Buffer): boolean {
  if (b.length < 4) return false;
  const head = b.readUInt32BE(0);
  return (
    head === 0x89504e47 || // PNG
    (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) || // JPEG
    head === 0x47494638 || // GIF8
    (b[0] === 0x42 && b[1] === 0x4d && b.length >= 26 && b.readUInt32LE(2) === b.length) || // BMP, its size in its header
    head === 0x49492a00 || // TIFF, little-endian
    head === 0x4d4d002a // TIFF, big-endian
  );
}

/** A file name's extension, lower-case (undefined for none). */
export function extensionOf(file: string): string | undefined {
  return /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
}

import { isUtf8 } from 'node:buffer';
import { hint, InputError, problem, type InputProblem } from '../errors.js';

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
      throw new InputError('parse', file, [encodingProblem(bytes)]); // which encoding it looks like, where, and the fix
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/**
 * Why bytes that are not UTF-8 are refused, and what to do: which encoding they look like (a
 * Chinese Windows saves GBK/GB18030 by default; Excel's "Unicode text" is UTF-16) and where the
 * first byte that isn't UTF-8 stands. Only asked once decoding already failed; nothing is guessed
 * into text — the file stays refused until it is saved as UTF-8.
 */
export function encodingProblem(bytes: Uint8Array): InputProblem {
  const at = firstBadByte(bytes);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) (line++, (lineStart = i + 1));
  return problem({ line, column: at - lineStart + 1, expected: 'UTF-8', hint: hint('input.fix.utf8') }, 'input.notUtf8', { encoding: guess(bytes) });
}

function guess(bytes: Uint8Array): string | null {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'UTF-16';
  // UTF-16 text of mostly ASCII has a zero in every other byte.
  let zeros = 0;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  if (n > 0 && zeros / n > 0.3) return 'UTF-16';
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes.subarray(0, 1 << 16));
    return 'GBK/GB18030';
  } catch {
    return null;
  }
}

/** Offset of the first byte that doesn't start or continue a well-formed UTF-8 sequence. */
function firstBadByte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return b.length;
}

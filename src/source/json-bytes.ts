import { fastParse } from './json-fast.js';
import type { ParseLimits } from './types.js';

/**
 * JSON.parse of a file's bytes read as Latin-1 (one character per byte), its few non-ASCII keys
 * and strings decoded as UTF-8 afterwards. Why: decoding a whole facts file to UTF-16 and
 * parsing that costs about twice parsing the one-byte text (2,000 files of 46 KB: 0.9 s against
 * 0.5 s of CPU), and a facts file's non-ASCII text is a few hundred short strings, most of them
 * the same in every area (evidence paths), decoded once each (json-fast.ts).
 *
 * It gives what JSON.parse of the decoded text gives. In valid UTF-8 every byte of a character
 * past ASCII is ≥ 0x80, so JSON's structure (quotes, backslashes, colons, digits) is the same
 * characters at the same places either way, and a key or string's bytes are its UTF-8: decoded,
 * they are its text (and decoding is one-to-one, so repeated keys stay repeated). Not where an
 * escape (\u00e9) may stand for a character past ASCII (it would be taken for a byte), nor for
 * bytes that aren't UTF-8 (asked of each key and string past ASCII as it is decoded: the only
 * place JSON.parse lets such a byte stand) or start with a BOM: undefined, and the text is
 * decoded and read as before (read.ts), as is any text JSON.parse or its checks refuse.
 */
export function fastParseBytes(bytes: Buffer, limits: ParseLimits): ReturnType<typeof fastParse> {
  if (bytes[0] === 0xef) return undefined;
  // A \u escape (which may stand for a character past ASCII) is looked for by fastParse, in the scan for backslashes it makes anyway.
  return fastParse(bytes.toString('latin1'), limits, true);
}

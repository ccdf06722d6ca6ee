import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import * as zlib from 'node:zlib';

/**
 * The command line as one script (dist/bundle/cli.cjs, scripts/bundle.mjs) compiled with V8's code
 * cache made when it was built (cli.cjs.cache): the bytecode of its functions as a typical run
 * leaves them, so a run deserialises what it would otherwise parse and compile. Node 20 keeps no
 * such cache for ES modules, hence one classic script. A one-file run spends ~35 ms less CPU
 * (figures in scripts/bundle.mjs).
 *
 * The cache is taken only when it is the one made for this very script: its file starts with the
 * CRC-32 of the script and of the cache data. V8 itself refuses a cache made by another V8 or
 * under other flags (`node --cpu-prof`, NODE_OPTIONS …: the script is then compiled as it would be
 * without one), but it does not check the data (V8's checksum is for debug builds only) and a
 * cache that is damaged, or from an older cli.cjs of the same length, would crash the process or
 * run the old code.
 */

/** What bin/assess.js takes from the command line (the exports of scripts/bundle.mjs's CLI entry). */
export type Cli = typeof import('./cli-entry.js');

/** A cache file: the CRC-32 of the script, of the data, then V8's data. */
const HEADER = 8;

/**
 * The CLI from `file` (cli.cjs), compiled with `cache` if that was made for it: with the script it
 * ran as, and whether V8 took the cache. `held`: the modules the script requires that the caller
 * has loaded (the launcher's prestart, launch.ts, by the name the script requires it by), the same
 * instance and not a second.
 */
export function loadCli(file: string, held: Record<string, unknown>, cache: string | false = file + '.cache'): { cli: Cli; script: Script; cached: boolean } {
  const bytes = readFileSync(file);
  const data = cache ? cachedData(cache, bytes) : undefined;
  // Built in ASCII alone (scripts/bundle.mjs), read as Latin-1: a copy of the bytes, not a decode.
  const script = new Script(wrap(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')), { filename: file, cachedData: data });
  const mod = { exports: {} as Cli };
  const requireHere = createRequire(file);
  const require = (id: string) => (Object.hasOwn(held, id) ? held[id] : requireHere(id));
  (script.runInThisContext() as (...args: unknown[]) => void)(mod.exports, require, mod, file, dirname(file), pathToFileURL(file).href);
  return { cli: mod.exports, script, cached: data !== undefined && !script.cachedDataRejected };
}

/** The script as CommonJS's wrapper would make it, with import.meta.url (the bundle defines it as __importMetaUrl). */
function wrap(text: string): string {
  return `(function (exports, require, module, __filename, __dirname, __importMetaUrl) {${text}\n})`;
}

/** The cache's data if `cache` was made for exactly `script` and arrived whole; otherwise none. */
function cachedData(cache: string, script: Buffer): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cache);
  } catch {
    return undefined; // no cache (not built yet, or removed): compiled as any script is
  }
  // zlib.crc32 is Node 20.15's: before it, no cache.
  if (bytes.length <= HEADER || !zlib.crc32) return undefined;
  const data = bytes.subarray(HEADER);
  return bytes.readUInt32LE(0) === zlib.crc32(script) && bytes.readUInt32LE(4) === zlib.crc32(data) ? data : undefined;
}

/** The cache file for `script` and V8's `data` (scripts/code-cache.mjs writes it). */
export function cacheFile(script: Buffer, data: Buffer): Buffer {
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(zlib.crc32(script), 0);
  header.writeUInt32LE(zlib.crc32(data), 4);
  return Buffer.concat([header, data]);
}

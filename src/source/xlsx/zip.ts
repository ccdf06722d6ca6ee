import { createRequire } from 'node:module';

// node:zlib only once a workbook is read: the JSON/YAML path never needs it.
const require = createRequire(import.meta.url);
let zlib: typeof import('node:zlib') | undefined;

/** One file of a zip archive, as its central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Why an archive is refused; the reader turns it into a located InputError. */
export class ZipRefusal extends Error {
  constructor(
    readonly reason: 'not-zip' | 'zip64' | 'too-many-entries' | 'too-large' | 'encrypted' | 'method' | 'corrupt',
    readonly detail: Record<string, string | number> = {},
  ) {
    super(reason);
  }
}

export interface ZipBounds {
  /** Most entries an archive may list. */
  maxEntries: number;
  /** Most bytes all entries may declare, uncompressed, together. */
  maxTotalSize: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The central directory of a zip held in memory, read and bounded before anything is inflated:
 * a zip bomb is refused from the sizes it declares, and `extract` then holds every entry to its
 * declared size (zlib's maxOutputLength), so an entry that lies about its size is refused too.
 */
export function listEntries(buf: Buffer, bounds: ZipBounds): ZipEntry[] {
  const end = findEndOfCentralDirectory(buf);
  const count = buf.readUInt16LE(end + 10);
  const size = buf.readUInt32LE(end + 12);
  const offset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw new ZipRefusal('zip64');
  if (count > bounds.maxEntries) throw new ZipRefusal('too-many-entries', { count, max: bounds.maxEntries });
  if (offset + size > end) throw new ZipRefusal('corrupt');
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipRefusal('corrupt');
    const flags = buf.readUInt16LE(p + 8);
    const nameLength = buf.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      flags,
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) throw new ZipRefusal('zip64');
    if (flags & 0x1) throw new ZipRefusal('encrypted');
    total += entry.size;
    if (total > bounds.maxTotalSize) throw new ZipRefusal('too-large', { max: bounds.maxTotalSize });
    entries.push(entry);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes, followed by a comment of at most 65 535 bytes.
  const last = buf.length - 22;
  if (last < 0) throw new ZipRefusal('not-zip');
  for (let p = last; p >= Math.max(0, last - 0xffff); p--) {
    if (buf.readUInt32LE(p) === EOCD) return p;
  }
  throw new ZipRefusal('not-zip');
}

/** One entry's bytes, inflated to exactly its declared size or refused. */
export function extract(buf: Buffer, entry: ZipEntry): Buffer {
  const p = entry.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw new ZipRefusal('corrupt', { entry: entry.name });
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new ZipRefusal('corrupt', { entry: entry.name });
  let out: Buffer;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    zlib ??= require('node:zlib') as typeof import('node:zlib');
    try {
      // maxOutputLength: inflation stops at the declared size (+1 to notice a lie) whatever the stream holds.
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size + 1) });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipRefusal('too-large', { entry: entry.name });
      throw new ZipRefusal('corrupt', { entry: entry.name });
    }
  } else throw new ZipRefusal('method', { entry: entry.name, method: entry.method });
  if (out.length !== entry.size) throw new ZipRefusal(out.length > entry.size ? 'too-large' : 'corrupt', { entry: entry.name });
  return out;
}

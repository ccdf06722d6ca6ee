/**
 * Buffers a batch's pieces are written into (a jsonl line is ~70 KB), used again once written,
 * on the thread that made them: a worker's go back to it (workers.ts, `giveBack`), the main
 * thread's own stay here. A new buffer for every piece was 140 MB of external memory per 2,000
 * areas, freed only when a full collection found it — it drove most of the main thread's full
 * collections with --jobs 2, and held up to 20 MB between them.
 */
export class Spares {
  private readonly list: ArrayBuffer[] = [];

  /** At most `max` are kept (as many as pieces are in flight); the smallest goes first. */
  constructor(private readonly max = 16) {}

  /**
   * `size` bytes: the start of a kept buffer that fits, or of a new one made an eighth larger, so
   * that the next, slightly longer piece fits too. A buffer of its own (not a slice of Buffer's
   * pool), so that it can be moved to another thread.
   */
  readonly bytesOf = (size: number): Buffer => {
    const list = this.list;
    for (let i = 0; i < list.length; i++) {
      if (list[i].byteLength < size) continue;
      const [buffer] = list.splice(i, 1);
      return Buffer.from(buffer, 0, size);
    }
    return Buffer.from(new ArrayBuffer(size + (size >> 3)), 0, size);
  };

  /** A buffer whose piece has been written (nothing refers to its bytes any more). */
  add(buffer: ArrayBuffer): void {
    const list = this.list;
    list.push(buffer);
    if (list.length > this.max) list.splice(list.reduce((min, b, i) => (b.byteLength < list[min].byteLength ? i : min), 0), 1);
  }
}

/**
 * The buffers of a step's result made as UTF-8 (cli/assess-step.ts): its piece, and its part's
 * sections made so (html's area documents) — each the whole of an ArrayBuffer from a bytesOf, to
 * be moved to the writing thread and used again once written or set aside. A slice of Buffer's
 * shared pool (at an offset, or the pool's own size) is never one: its other bytes are other
 * buffers', and Node copies it rather than move it.
 */
export function ownBuffers(result: unknown): ArrayBuffer[] {
  const made = result as { piece?: unknown; part?: unknown } | undefined;
  const out: ArrayBuffer[] = [];
  if (!made) return out;
  const add = (bytes: unknown) => {
    if (bytes instanceof Uint8Array && bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.buffer.byteLength !== Buffer.poolSize && !out.includes(bytes.buffer)) out.push(bytes.buffer);
  };
  add(made.piece);
  if (Array.isArray(made.part)) for (const section of made.part) add(section);
  else add(made.part);
  return out;
}

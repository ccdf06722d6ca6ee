import { describe, expect, it } from 'vitest';
import { ownBuffers, Spares } from '../../src/packs/spares.js';

// The buffers a batch's pieces are written into, used again once written (src/packs/spares.ts).
describe('Spares', () => {
  it('gives `size` bytes of a kept buffer that fits, a new one an eighth larger otherwise', () => {
    const spares = new Spares();
    const first = spares.bytesOf(800);
    expect(first.length).toBe(800);
    expect(first.buffer.byteLength).toBe(900);
    expect(first.byteOffset).toBe(0);
    spares.add(first.buffer as ArrayBuffer);
    const again = spares.bytesOf(850); // fits in the 900 kept
    expect(again.buffer).toBe(first.buffer);
    expect(again.length).toBe(850);
    expect(spares.bytesOf(850).buffer).not.toBe(first.buffer); // taken: not given twice
    spares.add(again.buffer as ArrayBuffer);
    expect(spares.bytesOf(901).buffer).not.toBe(first.buffer); // too small
  });

  it('keeps at most `max`, dropping the smallest', () => {
    const spares = new Spares(2);
    const sizes = [100, 300, 200];
    const buffers = sizes.map((n) => new ArrayBuffer(n));
    for (const b of buffers) spares.add(b);
    expect(spares.bytesOf(150).buffer).toBe(buffers[1]); // in the order given back
    expect(spares.bytesOf(150).buffer).toBe(buffers[2]);
    expect(spares.bytesOf(50).buffer).not.toBe(buffers[0]); // 100 was dropped
  });
});

// What of a step's result goes back to be used again: the piece's buffer and the part's sections made as UTF-8.
describe('ownBuffers', () => {
  it('the piece and each part section made as bytes, once each; text and nothing else', () => {
    const spares = new Spares();
    const piece = spares.bytesOf(5000);
    const doc = spares.bytesOf(90_000);
    expect(ownBuffers({ piece, part: [doc, 'a line', doc] })).toEqual([piece.buffer, doc.buffer]);
    expect(ownBuffers({ part: doc })).toEqual([doc.buffer]);
    expect(ownBuffers({ part: ['<p>text</p>'] })).toEqual([]);
    expect(ownBuffers(undefined)).toEqual([]);
  });

  it('never a slice of Buffer\'s shared pool, whose other bytes are other buffers\'', () => {
    const pooled = [Buffer.from('a short text, from the pool'), Buffer.allocUnsafe(100), Buffer.allocUnsafe(100)];
    for (const b of pooled) expect(b.buffer.byteLength).toBe(Buffer.poolSize); // what this guards against
    expect(ownBuffers({ piece: pooled[0], part: pooled.slice(1) })).toEqual([]);
    // a view into the middle of a buffer is not the whole of it either
    const whole = new Uint8Array(new ArrayBuffer(10_000));
    expect(ownBuffers({ part: [whole.subarray(100)] })).toEqual([]);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Spares } from '../../src/packs/spares.js';
import { assessInOrder, type Outcome } from '../../src/packs/workers.js';

// The pool itself, with worker modules of the test's own: outcomes in input order whatever order
// the workers finish in, and a worker that cannot start or dies fails its inputs instead of hanging.
const dir = mkdtempSync(join(tmpdir(), 'weibao-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const moduleOf = (name: string, code: string) => {
  writeFileSync(join(dir, name), code);
  return pathToFileURL(join(dir, name));
};
const collect = async (it: AsyncIterable<Outcome>) => {
  const out: Outcome[] = [];
  for await (const o of it) out.push(o);
  return out;
};
const local = (input: string): Outcome => ({ input, failure: { lines: ['local'], code: 9 } });

describe('assessInOrder', () => {
  it('puts outcomes back in input order when later inputs finish first', { timeout: 120_000 }, async () => {
    const module = moduleOf(
      'slow-first.mjs',
      `import { parentPort } from 'node:worker_threads';
       parentPort.on('message', ({ index, input }) => setTimeout(() => parentPort.postMessage({ index, outcome: { input, failure: { lines: [input], code: 0 } } }), index === 0 ? 300 : 1));`,
    );
    const inputs = Array.from({ length: 40 }, (_, i) => `in-${i}`);
    const out = await collect(assessInOrder(inputs, 3, local, { module, data: null }));
    expect(out.map((o) => o.input)).toEqual(inputs);
  });

  it('a worker module that cannot start fails the inputs it was given, is not restarted, and this thread assesses the rest', { timeout: 120_000 }, async () => {
    const module = moduleOf('broken.mjs', `throw new Error('cannot start');`);
    const inputs = Array.from({ length: 40 }, (_, i) => `in-${i}`);
    const out = await collect(assessInOrder(inputs, 3, local, { module, data: null }));
    expect(out.map((o) => o.input)).toEqual(inputs);
    const failed = out.filter((o) => o.failure?.code === 70).length;
    // Each of the two workers held at most a first queue's worth (4: it had not answered) when it
    // died; nothing else failed.
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThanOrEqual(8);
    expect(out.filter((o) => o.failure?.lines[0] === 'local').length).toBe(inputs.length - failed);
  });

  it('a worker that dies mid-batch fails what it held; the others carry on', { timeout: 120_000 }, async () => {
    const module = moduleOf(
      'dies.mjs',
      `import { parentPort } from 'node:worker_threads';
       parentPort.on('message', ({ index, input }) => { if (input === 'boom') process.exit(5); parentPort.postMessage({ index, outcome: { input, failure: { lines: [input], code: 1 } } }); });`,
    );
    const inputs = ['a', 'b', 'boom', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o'];
    const out = await collect(assessInOrder(inputs, 3, local, { module, data: null }));
    expect(out.map((o) => o.input)).toEqual(inputs);
    expect(out[2].failure?.code).toBe(70);
    // What the dead worker held failed (70); the rest was assessed — by a worker (1) or here (9).
    const failed = out.filter((o) => o.failure?.code === 70).length;
    expect(out.filter((o) => o.failure?.code === 1 || o.failure?.code === 9).length).toBe(inputs.length - failed);
    expect(out.filter((o) => o.failure?.code === 1).length).toBeGreaterThanOrEqual(2); // at least the other worker's
  });

  it('this thread is one of the jobs: it assesses inputs no worker holds while the workers are busy', { timeout: 120_000 }, async () => {
    const module = moduleOf(
      'slow.mjs',
      `import { parentPort } from 'node:worker_threads';
       parentPort.on('message', ({ index, input }) => setTimeout(() => parentPort.postMessage({ index, outcome: { input, failure: { lines: ['thread'], code: 0 } } }), 20));`,
    );
    const inputs = Array.from({ length: 60 }, (_, i) => `in-${i}`);
    const out = await collect(assessInOrder(inputs, 2, local, { module, data: null }));
    expect(out.map((o) => o.input)).toEqual(inputs);
    const here = out.filter((o) => o.failure?.lines[0] === 'local').length;
    expect(here).toBeGreaterThan(0);
    expect(out.filter((o) => o.failure?.lines[0] === 'thread').length).toBe(inputs.length - here);
    expect(here).toBeLessThan(inputs.length);
  });

  // A worker that writes each input into a buffer it was given back when one is there, and says so.
  const lending = `import { parentPort } from 'node:worker_threads';
     const spares = [];
     parentPort.on('message', (m) => {
       if (m.spares) spares.push(...m.spares); // given back with the next input
       const text = new TextEncoder().encode(m.input);
       const reused = spares.length > 0;
       const buffer = spares.pop() ?? new ArrayBuffer(64);
       const piece = new Uint8Array(buffer, 0, text.length);
       piece.set(text);
       new Uint8Array(buffer).fill(88, text.length); // what a longer piece left behind
       parentPort.postMessage({ index: m.index, outcome: { input: m.input, result: { piece, reused } } }, [buffer]);
     });`;
  const local2 = (input: string): Outcome<{ piece: Uint8Array; reused: boolean }> => ({ input, result: { piece: new TextEncoder().encode(input), reused: false } });

  it('giveBack: a piece read before the next is asked for is whole, and its buffer goes back to its worker for another piece', { timeout: 120_000 }, async () => {
    const module = moduleOf('lending.mjs', lending);
    const inputs = Array.from({ length: 200 }, (_, i) => `in-${i}`);
    const read: string[] = [];
    let reused = 0;
    for await (const o of assessInOrder(inputs, 2, local2, { module, data: null, giveBack: new Spares() })) {
      read.push(new TextDecoder().decode(o.result!.piece));
      if (o.result!.reused) reused++;
    }
    expect(read).toEqual(inputs);
    expect(reused).toBeGreaterThan(0);
  });

  it('without giveBack every piece stays the caller\'s: whole after the batch', { timeout: 120_000 }, async () => {
    const module = moduleOf('lending.mjs', lending);
    const inputs = Array.from({ length: 200 }, (_, i) => `in-${i}`);
    const out: Outcome<{ piece: Uint8Array; reused: boolean }>[] = [];
    for await (const o of assessInOrder(inputs, 2, local2, { module, data: null })) out.push(o);
    expect(out.map((o) => new TextDecoder().decode(o.result!.piece))).toEqual(inputs);
    expect(out.some((o) => o.result!.reused)).toBe(false);
  });

  it('one job runs every input here, in order', async () => {
    const out = await collect(assessInOrder(['x', 'y'], 1, local, { data: null }));
    expect(out.map((o) => `${o.input}:${o.failure?.lines[0]}`)).toEqual(['x:local', 'y:local']);
  });
});

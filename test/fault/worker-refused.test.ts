import { describe, expect, it, vi } from 'vitest';
import type { Outcome } from '../../src/packs/workers.js';

/**
 * Issue 13's unreproduced hang ("a junit batch with TMPDIR missing hung once"): it was the worker
 * pool when the system refuses a thread (EAGAIN near the process/thread limit, as `ulimit -u`
 * gives). The pool's first thread started, the second's `new Worker` threw, the error left the
 * generator before the pool could be closed, and the running thread kept the process alive for
 * ever after "internal error: EAGAIN". Here `new Worker` is made to fail (the fs-free way to
 * inject it): the batch must finish, every input assessed (on this thread where no thread could
 * take it), nothing called a bug.
 */
const state = vi.hoisted(() => ({ created: 0, failFrom: Infinity, failAsync: false }));

vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  const { EventEmitter } = await import('node:events');
  class FakeWorker extends EventEmitter {
    constructor(_module: URL) {
      super();
      const n = state.created++;
      if (n >= state.failFrom && !state.failAsync) throw Object.assign(new Error('pthread_create: Resource temporarily unavailable'), { code: 'EAGAIN' });
      if (n >= state.failFrom && state.failAsync) {
        // Node's way when the thread can't get its resources after construction.
        setImmediate(() => {
          this.emit('error', Object.assign(new Error('Worker initialization failure: 11'), { code: 'ERR_WORKER_INIT_FAILED' }));
          this.emit('exit', 1);
        });
      }
      this.failing = n >= state.failFrom;
    }
    failing: boolean;
    postMessage({ index, input }: { index: number; input: string }) {
      if (this.failing) return;
      setImmediate(() => this.emit('message', { index, outcome: { input, failure: { lines: [`thread:${input}`], code: 0 } } }));
    }
    terminate() {
      return Promise.resolve(0);
    }
  }
  return { ...real, Worker: FakeWorker };
});

const { assessInOrder } = await import('../../src/packs/workers.js');
const local = (input: string): Outcome => ({ input, failure: { lines: [`local:${input}`], code: 0 } });
const collect = async (inputs: string[], jobs: number) => {
  const out: Outcome[] = [];
  for await (const o of assessInOrder(inputs, jobs, local, { module: new URL('file:///unused.js'), data: null })) out.push(o);
  return out;
};
const inputs = Array.from({ length: 30 }, (_, i) => `p${i}`);

describe('a thread the system refuses', () => {
  it('the second of three threads refused (new Worker throws EAGAIN): the batch finishes on the others, in order', async () => {
    Object.assign(state, { created: 0, failFrom: 1, failAsync: false });
    const out = await collect(inputs, 3);
    expect(out.map((o) => o.input)).toEqual(inputs);
    for (const o of out) expect(o.failure?.code, o.failure?.lines[0]).toBe(0);
  });

  it('every thread refused: the batch runs here, as --jobs 1 would', async () => {
    Object.assign(state, { created: 0, failFrom: 0, failAsync: false });
    const out = await collect(inputs, 4);
    expect(out.map((o) => o.failure?.lines[0])).toEqual(inputs.map((i) => `local:${i}`));
  });

  it('a thread that fails to initialise after construction (ERR_WORKER_INIT_FAILED): its inputs are assessed here, not failed as a bug', async () => {
    // --jobs n starts n−1 threads (this one assesses too): 3 makes a second thread, the one that fails.
    Object.assign(state, { created: 0, failFrom: 1, failAsync: true });
    const out = await collect(inputs, 3);
    expect(state.created).toBe(2);
    expect(out.map((o) => o.input)).toEqual(inputs);
    for (const o of out) expect(o.failure?.code, o.failure?.lines[0]).toBe(0);
    expect(out.some((o) => o.failure?.lines[0].startsWith('local:'))).toBe(true);
  });
});

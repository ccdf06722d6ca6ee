import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AssessResult } from '../assess/types.js';
import { describeError } from '../error-words.js';
import type { Lang } from '../messages/types.js';

/** An input that could not be assessed: the lines for stderr and its exit code (describeError). */
export interface Failure {
  lines: string[];
  code: number;
  /** The file and line of the first problem (describeError), for an annotation on it. */
  where?: { file: string; line?: number; column?: number };
}

/** What became of one input: its result (an AssessResult, or what a step made of one), or why there is none. */
export type Outcome<R = AssessResult> = { input: string; result: R; failure?: undefined } | { input: string; result?: undefined; failure: Failure };

/** `--jobs` when not given: every core the process may use. */
export function defaultJobs(): number {
  return availableParallelism();
}

/** One input through `assess`, its error (if any) turned into words where it happened. */
export function outcomeOf<R = AssessResult>(input: string, assess: (input: string) => R, debug = false, lang: Lang = 'zh'): Outcome<R> {
  try {
    return { input, result: assess(input) };
  } catch (e) {
    return { input, failure: describeError(e, debug, lang) };
  }
}

/**
 * The worker threads' module (workers-entry): beside this one in the build. Run from the
 * TypeScript sources (the tests), a worker runs the build's copy (`npm test` builds first); with
 * neither, undefined, and the batch runs on this thread.
 */
export function workerModule(): URL | undefined {
  return builtModule(import.meta.url, 'packs/workers-entry.js');
}

/** `rel` (a path under src/, as built) beside `here` in the build, or in dist/ when `here` is a TypeScript source. */
export function builtModule(here: string, rel: string): URL | undefined {
  const depth = rel.split('/').length - 1;
  const up = '../'.repeat(depth);
  const name = rel.split('/').pop()!;
  return [new URL(`./${name}`, here), new URL(`${up}../dist/${rel}`, here)].find((url) => existsSync(url));
}

/** What a worker thread needs to assess inputs as this thread would (plain data: it is cloned). */
export interface WorkerTask {
  /** The worker's module (default: workerModule()); a test gives one of its own. */
  module?: URL;
  /**
   * Given to the module as workerData. For workers-entry: `{ step, data }`, `step` the URL of a
   * module whose `makeStep(data)` gives the function each input goes through (as `local` does here).
   */
  data: unknown;
  debug?: boolean;
  lang?: Lang;
}

/**
 * Every input's outcome, in input order. jobs ≤ 1 (or one input): each is assessed here by
 * `local`, one after the other. Otherwise `jobs` worker threads assess them and this thread only
 * puts the outcomes back in order: reports are byte for byte those of one job, and a batch still
 * streams — at most WINDOW_PER_JOB × jobs inputs are in flight or waiting for an earlier one, so
 * memory stays flat whatever the count. Workers end when the batch does, or when the caller stops
 * early (an EPIPE, a signal: `return()` on this generator).
 */
export async function* assessInOrder<R = AssessResult>(inputs: string[], jobs: number, local: (input: string) => Outcome<R>, task: WorkerTask): AsyncGenerator<Outcome<R>> {
  const module = jobs > 1 && inputs.length > 1 ? (task.module ?? workerModule()) : undefined;
  if (!module) {
    for (const input of inputs) yield local(input);
    return;
  }
  // A thread the system won't create (EAGAIN at the process or thread limit, ENOMEM) is not a
  // bug and must not end the run: the inputs it would have taken are assessed here instead. With
  // no thread at all, the batch runs as --jobs 1. (Created outside the try, a pool whose second
  // thread failed left its first running and the process never exited.)
  const pool = new Pool<R>(Math.min(jobs, inputs.length), module, task, local);
  if (!pool.live()) {
    await pool.close();
    for (const input of inputs) yield local(input);
    return;
  }
  try {
    const window = WINDOW_PER_JOB * pool.running;
    const pending = new Map<number, Promise<Outcome<R>>>();
    let next = 0;
    for (let i = 0; i < inputs.length; i++) {
      while (next < inputs.length && next < i + window) {
        pending.set(next, pool.run(next, inputs[next]));
        next++;
      }
      const outcome = await pending.get(i)!;
      pending.delete(i);
      yield outcome;
    }
  } finally {
    await pool.close();
  }
}

/**
 * Inputs ahead of the one being written, per job: enough that no worker waits on this thread for
 * work while one slow pack is being finished, few enough that results waiting to be written stay
 * a handful of megabytes.
 */
const WINDOW_PER_JOB = 8;

interface Job<R> {
  index: number;
  input: string;
  resolve(o: Outcome<R>): void;
}

interface Slot<R> {
  worker: Worker;
  jobs: Map<number, Job<R>>;
  ended: boolean;
}

/** Worker threads, each given inputs one message at a time; the least busy takes the next. */
class Pool<R> {
  private readonly workers: Slot<R>[] = [];

  constructor(
    readonly size: number,
    private readonly module: URL,
    private readonly task: WorkerTask,
    private readonly local: (input: string) => Outcome<R>,
  ) {
    for (let n = 0; n < size; n++) {
      const slot = this.spawn();
      if (slot) this.workers.push(slot);
    }
  }

  /** Threads that started and are still running. */
  live(): number {
    return this.workers.filter((w) => !w.ended).length;
  }

  /** Threads are only `size` when the system gave us them all; the window follows what we got. */
  get running(): number {
    return Math.max(1, this.workers.length);
  }

  run(index: number, input: string): Promise<Outcome<R>> {
    const live = this.workers.filter((w) => !w.ended);
    // No thread left (each failed to start or to be replaced): this thread assesses the input.
    if (!live.length) return Promise.resolve(this.local(input));
    const slot = live.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
    return new Promise((resolve) => {
      slot.jobs.set(index, { index, input, resolve });
      slot.worker.postMessage({ index, input });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private closing = false;

  /** A new thread, or undefined when the system refuses one (EAGAIN, ENOMEM: resources, not a bug). */
  private spawn(): Slot<R> | undefined {
    let worker: Worker;
    try {
      worker = new Worker(this.module, { workerData: this.task.data, stdout: false, stderr: false });
    } catch {
      return undefined;
    }
    const slot: Slot<R> = { worker, jobs: new Map<number, Job<R>>(), ended: false };
    let answered = false;
    worker.on('message', (m: { index: number; outcome: Outcome<R> }) => {
      answered = true;
      const job = slot.jobs.get(m.index);
      slot.jobs.delete(m.index);
      job?.resolve(m.outcome);
    });
    // A worker that dies (out of memory, a crash in native code) fails the inputs it held, as the
    // process would have failed on them with one job, and a fresh worker takes its place (so no
    // input is sent to a dead one); one that dies before answering anything is not replaced, so a
    // worker that cannot start fails the inputs instead of restarting forever.
    const end = (e: unknown) => {
      if (slot.ended) return;
      slot.ended = true;
      const held = [...slot.jobs.values()];
      slot.jobs.clear();
      const at = this.workers.indexOf(slot);
      if (at >= 0 && !this.closing && (answered || held.length)) {
        const fresh = this.spawn();
        if (fresh) this.workers[at] = fresh;
        else this.workers.splice(at, 1);
      }
      // A thread the system could not start (no module of ours ran): its inputs are assessed
      // here. Anything else (a module that throws, a crash mid-pack) fails what it held.
      const unstarted = !answered && isThreadRefusal(e);
      for (const job of held) job.resolve(unstarted ? this.local(job.input) : { input: job.input, failure: describeError(e, this.task.debug, this.task.lang) });
    };
    worker.on('error', end);
    worker.on('exit', (code) => end(new Error(`worker thread stopped (exit code ${code})`)));
    return slot;
  }
}

/** The system would not create the thread (or its first resources): out of threads, processes or memory. */
function isThreadRefusal(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ERR_WORKER_INIT_FAILED' || code === 'EAGAIN' || code === 'ENOMEM' || code === 'ERR_WORKER_OUT_OF_MEMORY';
}

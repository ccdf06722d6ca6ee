import { Worker } from 'node:worker_threads';
import type { AssessResult } from '../assess/types.js';
import { describeError, type DescribedError } from '../error-words.js';
import type { Lang } from '../messages/types.js';
import { builtModule, discardPrestarted, jobsFor, takePrestarted, WORKER_OPTIONS } from './prestart.js';
import { ownBuffers, type Spares } from './spares.js';

// Defined in prestart.ts (which loads no module of ours); the assess command imports them from here:
// jobsFor is `--jobs` when not given (one job per 1,000 inputs, up to the cores).
export { builtModule, jobsFor };

/** An input that could not be assessed: the lines for stderr, its exit code, where and why as data (describeError). */
export type Failure = DescribedError;

/** What became of one input: its result (an AssessResult, or what a step made of one), or why there is none. */
export type Outcome<R = AssessResult> = { input: string; result: R; failure?: undefined } | { input: string; result?: undefined; failure: Failure };

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
  /**
   * The caller is done with an outcome's bytes (`result.piece`, a Uint8Array) once it asks for
   * the next outcome: the buffer then goes back to the worker that made it, for its next piece,
   * or into these spares when `local` made it here (with spares.bytesOf), and is not to be read
   * again. Unset, every piece is the caller's to keep.
   */
  giveBack?: Spares;
}

/**
 * Every input's outcome, in input order. jobs ≤ 1 (or one input): each is assessed here by
 * `local`, one after the other. Otherwise this thread is one of the `jobs`: jobs − 1 worker
 * threads assess inputs while this one assesses the next input no worker holds whenever it has
 * no outcome to hand on, and puts every outcome back in order. So --jobs 2 on 2 cores runs two
 * busy threads, not two plus a writer competing with them for the cores, and one worker's
 * start-up and heap are saved; this thread's own share shrinks by what writing the report costs
 * it. Reports are byte for byte those of one job, and a batch still streams — at most
 * WINDOW_PER_JOB × jobs inputs are in flight or waiting for an earlier one, so memory stays flat
 * whatever the count. Workers end when the batch does, or when the caller stops early (an
 * EPIPE, a signal: `return()` on this iterator).
 */
export function assessInOrder<R = AssessResult>(inputs: string[], jobs: number, local: (input: string) => Outcome<R>, task: WorkerTask): AsyncIterableIterator<Outcome<R>> {
  const module = jobs > 1 && inputs.length > 1 ? (task.module ?? workerModule()) : undefined;
  return module ? new InOrder<R>(inputs, jobs, module, task, local) : assessHere(inputs, local, task);
}

/** Every input assessed here, one after the other (assessInOrder with one job). */
async function* assessHere<R>(inputs: string[], local: (input: string) => Outcome<R>, task: WorkerTask): AsyncGenerator<Outcome<R>> {
  discardPrestarted();
  for (const input of inputs) {
    const outcome = local(input);
    yield outcome;
    // Written: its buffer is used for the next piece (a new one for each was GC work).
    if (task.giveBack) giveBackHere(outcome, task.giveBack);
  }
}

/**
 * assessInOrder with workers: the outcomes put back in input order, the workers (Pool) and this
 * thread sharing the inputs. An iterator of plain methods rather than an async generator: resumed
 * after every input assessed here and every wait as well as every outcome, the generator was
 * compiled by TurboFan in every 2,000-area run with --jobs 2, once or twice (a deopt), with
 * topUp, Pool.take and the step inlined — a large graph, on a compiler thread that takes the
 * cores the two assessing threads need. It stayed hot with the scheduling moved out of its body
 * and only the waiting left in it. --trace-opt, 5 runs each on a loaded machine: 66–260 ms of
 * compiling (median ~180) for the generator and topUp; 60–120 ms for these methods.
 */
class InOrder<R> implements AsyncIterableIterator<Outcome<R>> {
  private readonly ready = new Map<number, Outcome<R>>();
  /** Started at the first `next`, as a generator's body would be. */
  private pool: Pool<R> | undefined;
  private readonly window: number;
  /** The first input not yet handed out (to a worker, or assessed here). */
  private unassigned = 0;
  /** The next outcome to hand on. */
  private at = 0;
  /** The outcome handed on last: written once the next is asked for (its buffer then goes back). */
  private lent: Outcome<R> | undefined;
  private closed = false;
  /** The outcome waited for (`until`), and who waits. */
  private waiting: { index: number; arrived: (outcome: Outcome<R>) => void; failed: (e: unknown) => void } | undefined;
  /** An input was assessed here and `step` runs again after a turn of the event loop. */
  private turning = false;

  constructor(
    private readonly inputs: string[],
    private readonly jobs: number,
    private readonly module: URL,
    private readonly task: WorkerTask,
    private readonly local: (input: string) => Outcome<R>,
  ) {
    this.window = WINDOW_PER_JOB * jobs;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<Outcome<R>>> {
    if (this.closed) return this.return();
    // A thread the system won't create (EAGAIN at the process or thread limit, ENOMEM) is not a
    // bug and must not end the run: this thread takes the inputs it would have taken. With no
    // worker at all, the batch runs as --jobs 1.
    this.pool ??= new Pool<R>(Math.min(this.jobs, this.inputs.length) - 1, this.module, this.task, this.local, (index, outcome) => {
      this.ready.set(index, outcome);
      if (!this.turning) this.step();
    });
    const lent = this.lent;
    this.lent = undefined;
    // Written: its buffer goes back (WorkerTask.giveBack).
    if (lent && this.task.giveBack) this.pool.giveBack(this.at - 1, lent, this.task.giveBack);
    if (this.at >= this.inputs.length) return this.return();
    const outcome = this.take(this.at);
    if (outcome) return Promise.resolve(this.handOn(outcome));
    return this.until(this.at).then(
      (arrived) => this.handOn(arrived),
      async (e: unknown) => {
        await this.return();
        throw e;
      },
    );
  }

  /** The batch is over, or the caller stops early (an EPIPE, a signal): the workers end. */
  async return(): Promise<IteratorResult<Outcome<R>>> {
    this.closed = true;
    this.waiting = undefined;
    await (this.closing ??= this.pool?.close());
    return { done: true, value: undefined };
  }

  private closing: Promise<void> | undefined;

  private handOn(outcome: Outcome<R>): IteratorResult<Outcome<R>> {
    this.lent = outcome;
    this.at++;
    return { done: false, value: outcome };
  }

  /**
   * Outcome `i`, if it is ready (taken out). Workers first, each kept its queue's worth ahead
   * (Pool.take), so none waits while this thread is busy — topped up before every outcome is
   * handed on, after every input assessed here and whenever a worker answers, not only while
   * this thread waits for an outcome: a run of outcomes made here (handed on one after the other)
   * or this thread off the core (a busy machine) had left a worker idle.
   */
  private take(i: number): Outcome<R> | undefined {
    this.topUp(i);
    const outcome = this.ready.get(i);
    if (outcome) this.ready.delete(i);
    return outcome;
  }

  /** Outcome `i`, once it is ready: meanwhile this thread assesses the inputs no worker holds. */
  private until(i: number): Promise<Outcome<R>> {
    return new Promise((arrived, failed) => {
      this.waiting = { index: i, arrived, failed };
      this.step();
    });
  }

  /**
   * While an outcome is waited for: hand it over if it is ready, else assess the next input no
   * worker holds here, if the window has room, and look again after a turn of the event loop (the
   * workers' answers arrive between turns); else a worker's answer calls this again.
   */
  private readonly step = (): void => {
    this.turning = false;
    const waiting = this.waiting;
    if (!waiting) return;
    const outcome = this.take(waiting.index);
    if (outcome) {
      this.waiting = undefined;
      return waiting.arrived(outcome);
    }
    const { inputs, unassigned: next } = this;
    if (next < inputs.length && next < waiting.index + this.window) {
      this.unassigned = next + 1;
      try {
        this.ready.set(next, this.local(inputs[next]));
      } catch (e) {
        // `local` gives failures as outcomes; anything it throws is a bug, the caller's to report
        this.waiting = undefined;
        return waiting.failed(e);
      }
      this.turning = true;
      setImmediate(this.step);
    }
  };

  private topUp(i: number): void {
    const { inputs } = this;
    const pool = this.pool!;
    const end = Math.min(inputs.length, i + this.window);
    while (this.unassigned < end && pool.take(this.unassigned, inputs[this.unassigned], inputs.length - this.unassigned)) this.unassigned++;
  }
}

/**
 * Inputs ahead of the one being written, per job: enough that no thread waits for work while one
 * slow pack is being finished, few enough that results waiting to be written stay a handful of
 * megabytes.
 */
const WINDOW_PER_JOB = 16;

/**
 * Inputs sent to a worker and not yet answered: its queue, so it never waits for this thread to
 * come back from assessing an input of its own (a few milliseconds each), or from the core when
 * the machine is busy (a scheduler's time slice is several milliseconds: with 6, a worker was idle
 * ~10% of a 2,000-area run on a loaded machine). Smaller near the end of a batch (Pool.take), so
 * that the last inputs are shared out rather than left waiting in one queue.
 */
const DEPTH = 12;

/**
 * A worker's queue until it has answered once: it is still starting (or cannot start, and fails
 * what it holds), and this thread assesses meanwhile.
 */
const FIRST_DEPTH = 4;

interface Job {
  index: number;
  input: string;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
  ended: boolean;
  /** It has answered at least once (it started). */
  answered: boolean;
  /** Buffers of its pieces, written, to go back to it with the next input (Pool.giveBack). */
  spares: ArrayBuffer[];
}

/** Worker threads, each given inputs one message at a time; the least busy takes the next. */
class Pool<R> {
  private readonly workers: Slot[] = [];

  constructor(
    readonly size: number,
    private readonly module: URL,
    private readonly task: WorkerTask,
    private readonly local: (input: string) => Outcome<R>,
    private readonly done: (index: number, outcome: Outcome<R>) => void,
  ) {
    for (let n = 0; n < size; n++) {
      const slot = this.spawn();
      if (slot) this.workers.push(slot);
    }
  }

  /** Which worker made the bytes of an outcome not yet given back (task.giveBack). */
  private readonly lent = new Map<number, Slot>();

  /**
   * The buffer of outcome `index`'s piece back to the worker that made it, with the next input it
   * is sent (Pool.take), or into `spares` when made here. A message of its own for each was a third
   * message per input a worker assessed (input, outcome, buffer), and each costs both threads
   * ~40,000 instructions to send and receive whatever it holds (callgrind, 1,000 round trips).
   */
  giveBack(index: number, outcome: Outcome<R>, spares: Spares): void {
    const slot = this.lent.get(index);
    this.lent.delete(index);
    for (const spare of ownBuffers(outcome.result)) {
      if (!slot) spares.add(spare);
      else if (!slot.ended) slot.spares.push(spare);
    }
  }

  /**
   * The input sent to the least busy worker, if one has room in its queue; false when none has.
   * `left`: inputs not yet handed out, this one included. A queue holds no more than each
   * thread's share of them (this one's too), so the batch's end is not one worker's queue.
   */
  take(index: number, input: string, left: number): boolean {
    const share = Math.ceil(left / (this.workers.length + 1));
    let slot: Slot | undefined;
    for (const w of this.workers) if (!w.ended && w.jobs.size < Math.min(w.answered ? DEPTH : FIRST_DEPTH, share) && (!slot || w.jobs.size < slot.jobs.size)) slot = w;
    if (!slot) return false;
    slot.jobs.set(index, { index, input });
    const spares = slot.spares;
    if (spares.length) {
      slot.spares = [];
      slot.worker.postMessage({ index, input, spares }, spares);
    } else slot.worker.postMessage({ index, input });
    return true;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  private closing = false;

  /** A new thread, or undefined when the system refuses one (EAGAIN, ENOMEM: resources, not a bug). */
  private spawn(): Slot | undefined {
    let worker: Worker;
    // The first thread may have been started before the CLI loaded (prestart.ts): it is told the
    // run's step now, ahead of any input.
    const early = this.workers.length === 0 ? takePrestarted(this.module) : undefined;
    if (early) {
      worker = early;
      worker.postMessage(this.task.data);
    } else {
      try {
        worker = new Worker(this.module, { ...WORKER_OPTIONS, workerData: this.task.data });
      } catch {
        return undefined;
      }
    }
    const slot: Slot = { worker, jobs: new Map<number, Job>(), ended: false, answered: false, spares: [] };
    worker.on('message', (m: { index: number; outcome: Outcome<R> }) => {
      slot.answered = true;
      if (!slot.jobs.delete(m.index)) return;
      if (this.task.giveBack) this.lent.set(m.index, slot);
      this.done(m.index, m.outcome);
    });
    // A worker that dies (out of memory, a crash in native code) fails the inputs it held, as the
    // process would have failed on them with one job, and a fresh worker takes its place (so no
    // input is sent to a dead one). One that dies before answering anything is not replaced — a
    // worker that cannot start would otherwise be restarted for every few inputs — and this
    // thread assesses the rest.
    const end = (e: unknown) => {
      if (slot.ended) return;
      slot.ended = true;
      const held = [...slot.jobs.values()];
      slot.jobs.clear();
      const at = this.workers.indexOf(slot);
      if (at >= 0 && !this.closing && slot.answered) {
        const fresh = this.spawn();
        if (fresh) this.workers[at] = fresh;
        else this.workers.splice(at, 1);
      }
      // A thread the system could not start (no module of ours ran): its inputs are assessed
      // here. Anything else (a module that throws, a crash mid-pack) fails what it held.
      const unstarted = !slot.answered && isThreadRefusal(e);
      for (const job of held) this.done(job.index, unstarted ? this.local(job.input) : { input: job.input, failure: describeError(e, this.task.debug, this.task.lang) });
    };
    worker.on('error', end);
    worker.on('exit', (code) => end(new Error(`worker thread stopped (exit code ${code})`)));
    return slot;
  }
}

/** An outcome's buffers, made on this thread, into `spares`. */
function giveBackHere(outcome: Outcome<unknown>, spares: Spares): void {
  for (const spare of ownBuffers(outcome.result)) spares.add(spare);
}

/** The system would not create the thread (or its first resources): out of threads, processes or memory. */
function isThreadRefusal(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ERR_WORKER_INIT_FAILED' || code === 'EAGAIN' || code === 'ENOMEM' || code === 'ERR_WORKER_OUT_OF_MEMORY';
}

import { existsSync, opendirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * `assess areas/ --jobs 2`'s worker thread, started by bin/assess.js before the CLI's own modules
 * load: a thread takes ~0.1 s of CPU to start and load the modules it assesses with, and started
 * where the pool is made (after this thread has loaded its ~100 modules, read the options and
 * listed the inputs) that was time the main thread assessed alone. Started first, both threads
 * load at once, on two cores. Only node: modules are imported here, so this costs the launcher
 * nothing it would not load anyway.
 *
 * The guess is made from the command line alone and is cheap to get wrong: a thread started for a
 * run that turns out to need none (a lone pack, a usage error) is unref'd, so it never holds the
 * process, and is ended as soon as the run knows (discardPrestarted); a batch the guess missed
 * starts its thread where it always did.
 *
 * Started after the launcher has set V8's flags (tuneTiering), although a thread started under
 * flags away from V8's defaults starts slower: Node's code cache of its own modules was made under
 * the defaults and is refused under others, so the thread parses them (`new Worker` to its first
 * line: 40 ms of CPU under the defaults, 95 ms after setFlagsFromString('--interrupt-budget=300000');
 * callgrind, /tmp/perf200 jsonl --jobs 2: 198 M of the worker's 1,065 M instructions in Node's
 * BuiltinLoader). Started before the flags were set, it was no faster (they change while it starts)
 * and both threads were far slower (2,000 areas, jsonl, --jobs 2, 2 runs each: the worker's CPU to
 * its first outcome 0.20 → 0.60 s, the main thread's 1.5 → 2.1 s, V8's helper threads' 0.38 →
 * 0.80 s; callgrind, whose threads take turns, showed a gain instead). --heap-growing-percent,
 * set once the thread runs (assess-step.ts), changed neither.
 */

/** How every worker thread of the pool is made (workers.ts uses the same). */
export const WORKER_OPTIONS: WorkerOptions = {
  stdout: false,
  stderr: false,
  // A young generation of 8 MB instead of V8's default (up to 48 MB here): each worker has a
  // heap of its own, and a report line or an area's result dies young whatever its size.
  // --jobs 2 → jsonl peaked at 185–212 MB (2,000 areas) with the default; 10,000 areas:
  // 196–204 MB at 16 MB, 183–193 MB at 8 MB, CPU time not measurably different.
  resourceLimits: { maxYoungGenerationSizeMb: 8 },
};

/** The thread started early, until the pool adopts it; `dead` once it failed or exited. */
let early: { worker: Worker; module: string; dead: boolean } | undefined;

/**
 * Inputs a thread should have before `--jobs` left to its default starts one more: a worker takes
 * ~0.2 s of CPU to start, load its modules and assess its first area, and its hot functions are
 * compiled again in its own isolate, so a batch pays for it only once the worker has enough areas
 * to assess. Measured with jsonl on 2 cores (wall time, --jobs 2 against --jobs 1, medians of
 * 5 in turn): 20 areas 0.30 against 0.21 s, 200 areas 0.54 against 0.36 s, 1,000 areas 0.91
 * against 0.94 s, 2,000 areas 1.07 against 1.10 s, 5,000 areas 1.87 against 2.28 s, 10,000 areas
 * 3.75 against 6.01 s (medians of 3). A district's batch (tens of 街道) runs on one thread; from
 * 2,000 inputs a second job, from 3,000 a third, up to the cores available. `--jobs n` is taken as given.
 */
export const INPUTS_PER_JOB = 1000;

/** `--jobs` when not given, for a batch of `inputs`: one job per INPUTS_PER_JOB inputs, at least one, at most the cores. */
export function jobsFor(inputs: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(inputs / INPUTS_PER_JOB)));
}

/** The fewest inputs for which jobsFor gives `jobs` where there are cores enough: its inverse. */
export function inputsForJobs(jobs: number): number {
  return jobs * INPUTS_PER_JOB;
}

/** The options of `assess` that take a value: what follows them is not an input. */
const VALUE_OPTIONS = new Set(['-s', '--standard', '--negative-list', '-f', '--format', '--lang', '--by', '-o', '--output', '--max-bytes', '--max-keys', '--max-evidence-bytes', '--max-evidence-total', '--fail-on', '--evidence', '--baseline', '-j', '--jobs', '--issuer', '--date', '--browser']);
const COMMANDS = new Set(['standards', 'init', 'schema', 'diff', 'help']);
/** A pack's own facts file (facts/load.ts PACK_FACTS_FILES): a directory holding one is one input, not a batch. */
const PACK_FACTS = ['facts.json', 'facts.yaml', 'facts.yml', 'facts.xlsx'];

/**
 * Whether `args` (process.argv after the script) look like an `assess` batch run with more than
 * one job: with `--jobs n` (n ≥ 2), several inputs or a directory of packs; with --jobs left to
 * its default, as many inputs as jobsFor gives two jobs for (a folder's entries counted) on more
 * than one core. Not help, not another command.
 */
export function looksLikeBatch(args: readonly string[], cores = availableParallelism()): boolean {
  const inputs: string[] = [];
  let jobs: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      inputs.push(...args.slice(i + 1));
      break;
    }
    if (a === '-h' || a === '--help' || a === '-V' || a === '--version') return false;
    if (a.startsWith('--jobs=')) jobs = Number(a.slice(7));
    else if (/^-j\d/.test(a)) jobs = Number(a.slice(2));
    else if (a === '-j' || a === '--jobs') jobs = Number(args[i + 1]);
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) {
      if (!inputs.length && COMMANDS.has(a)) return false;
      inputs.push(a);
    }
  }
  if (jobs !== undefined) {
    if (jobs < 2) return false;
    if (inputs.length >= 2) return true;
    return inputs.length === 1 && isBatchDirectory(inputs[0]);
  }
  // --jobs left to its default (jobsFor): only a batch large enough for a second job. A folder
  // counts as its entries, listed only as far as that.
  if (cores < 2) return false;
  const enough = inputsForJobs(2);
  if (inputs.length >= enough) return true;
  let count = 0;
  for (const input of inputs) {
    count += isBatchDirectory(input) ? entriesUpTo(input, enough - count) : 1;
    if (count >= enough) return true;
  }
  return false;
}

/** Entries in `dir` (a folder of a batch: about its inputs), counted up to `limit`. */
function entriesUpTo(dir: string, limit: number): number {
  let d;
  try {
    d = opendirSync(dir);
  } catch {
    return 1;
  }
  let n = 0;
  try {
    while (n < limit && d.readSync()) n++;
  } catch {
    // unreadable part-way: what was counted stands
  } finally {
    d.closeSync();
  }
  return n;
}

function isBatchDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory() && !PACK_FACTS.some((f) => existsSync(join(p, f)));
  } catch {
    return false;
  }
}

/**
 * `rel` (a path under src/, as built) beside `here`, or in dist/ by its path there. Beside first:
 * in the CLI's bundle (scripts/bundle.mjs) the workers' module and the CLI's step are files of
 * the same folder as the module asking, and the pool and this must name the same step as the
 * one the worker was started with; run from the TypeScript sources (the tests), a worker runs
 * the build's copy (`npm test` builds first).
 */
export function builtModule(here: string, rel: string): URL | undefined {
  const depth = rel.split('/').length - 1;
  const up = '../'.repeat(depth);
  const name = rel.split('/').pop()!;
  return [new URL(`./${name}`, here), new URL(`${up}../dist/${rel}`, here)].find((url) => existsSync(url));
}

/**
 * Start the pool's first worker thread now if `args` look like a batch with jobs > 1 (bin/assess.js,
 * first thing). It loads the CLI's step module at once and waits for the run's options
 * (workers-entry.ts). Does nothing where the build is incomplete or the system refuses a thread.
 */
export function prestartWorker(args: readonly string[]): void {
  if (early || !looksLikeBatch(args)) return;
  // The worker threads' module and the CLI's step, as built: missing from an incomplete build.
  const entry = builtModule(import.meta.url, 'packs/workers-entry.js');
  const step = builtModule(import.meta.url, 'cli/assess-step.js');
  if (!entry || !step) return;
  let worker: Worker;
  try {
    worker = new Worker(entry, { ...WORKER_OPTIONS, workerData: { prestart: step.href } });
  } catch {
    return; // EAGAIN and the like: the pool will try again, and cope
  }
  const started = { worker, module: entry.href, dead: false };
  // Until the pool adopts it, a failure is only noted (the pool then starts a thread of its own).
  worker.on('error', () => (started.dead = true));
  worker.on('exit', () => (started.dead = true));
  worker.unref();
  early = started;
}

/**
 * The early thread, for a pool whose workers run `module`: it is the caller's from now on (ref'd,
 * to be sent `{ step, data }` before any input). Undefined when none was started, it died, or it
 * runs another module.
 */
export function takePrestarted(module: URL): Worker | undefined {
  const got = early;
  if (!got || got.dead || got.module !== module.href) return undefined;
  early = undefined;
  got.worker.ref();
  return got.worker;
}

/** The run needs no thread after all (one input, --jobs 1 resolved late): end the early one now. */
export function discardPrestarted(): void {
  const got = early;
  early = undefined;
  if (got && !got.dead) void got.worker.terminate();
}

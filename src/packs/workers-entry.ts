import { parentPort, workerData } from 'node:worker_threads';
import { ownBuffers, Spares } from './spares.js';
import type { Outcome } from './workers.js';

/**
 * A worker thread of `assess --jobs n` (workers.ts). It loads the step the main thread named —
 * a module whose `makeStep(data, 'bytes')` gives what each input goes through (for the CLI: assess, then
 * what the report needs of the result, src/cli/assess-step.ts) — and posts each input's outcome
 * back under its index. Inputs that arrive while the step loads wait in a queue.
 *
 * A thread started before the run's options were known (prestart.ts) is given `{ prestart }`,
 * the step's URL: it imports the step's modules at once, and its first message is the
 * WorkerData (`{ step, data }`).
 */
export interface WorkerData {
  /** URL of the step's module. */
  step: string;
  /** Given to its makeStep. */
  data: unknown;
}

type Step = { makeStep(data: unknown, pieces: 'bytes', bytesOf: (size: number) => Buffer): Promise<(input: string) => Outcome<unknown>> };
/** `spares`: buffers of this thread's pieces, written out by the main thread and given back for more pieces (workers.ts). */
type Input = { index: number; input: string; spares?: ArrayBuffer[] };

const port = parentPort!;
const given = workerData as WorkerData | { prestart: string };
const loading = import('prestart' in given ? given.prestart : given.step) as Promise<Step>;
let run: ((input: string) => Outcome<unknown>) | undefined;
const waiting: Input[] = [];
// Pieces are written into buffers the main thread gave back once it wrote them (spares.ts).
const spares = new Spares();
const answer = ({ index, input }: Input) => {
  const outcome = run!(input);
  // Its bytes (ownBuffers: the piece as UTF-8, html's area documents, ~80 KB an area) are moved
  // to the main thread rather than copied — copied, that was ~160 MB of copying, both threads',
  // per 2,000 areas — and come back with a later input (spares).
  port.postMessage({ index, outcome }, ownBuffers(outcome.result));
};

const start = async ({ step, data }: WorkerData) => {
  const { makeStep } = (await ('prestart' in given && step !== given.prestart ? import(step) : loading)) as Step;
  run = await makeStep(data, 'bytes', spares.bytesOf);
  for (const m of waiting.splice(0)) answer(m);
};
let config: Promise<void> | undefined = 'prestart' in given ? undefined : start(given);
port.on('message', (m: Input | WorkerData) => {
  if (!config) {
    config = start(m as WorkerData);
    return;
  }
  const back = (m as Input).spares;
  if (back) for (const spare of back) spares.add(spare);
  if (run) answer(m as Input);
  else waiting.push(m as Input);
});
// A step that cannot load is this thread's failure (the pool fails what it held).
await config;

import { parentPort, workerData } from 'node:worker_threads';
import type { Outcome } from './workers.js';

/**
 * A worker thread of `assess --jobs n` (workers.ts). It loads the step the main thread named —
 * a module whose `makeStep(data)` gives what each input goes through (for the CLI: assess, then
 * what the report needs of the result, src/cli/assess-step.ts) — and posts each input's outcome
 * back under its index. Messages that arrive while the step loads wait in the port.
 */
export interface WorkerData {
  /** URL of the step's module. */
  step: string;
  /** Given to its makeStep. */
  data: unknown;
}

const { step, data } = workerData as WorkerData;
const { makeStep } = (await import(step)) as { makeStep(data: unknown): Promise<(input: string) => Outcome<unknown>> };
const run = await makeStep(data);
parentPort!.on('message', ({ index, input }: { index: number; input: string }) => {
  parentPort!.postMessage({ index, outcome: run(input) });
});

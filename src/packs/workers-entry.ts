import { parentPort, workerData } from 'node:worker_threads';
import { assessOne, type AssessOptions } from '../cli/assess-command.js';
import type { ParseLimits } from '../source/types.js';
import { outcomeOf } from './workers.js';

/**
 * A worker thread of `assess --jobs n` (workers.ts): assesses each input it is sent exactly as
 * the main thread would with one job, and posts the outcome back under the input's index.
 */
export interface WorkerData {
  opts: AssessOptions;
  limits: ParseLimits;
}

const { opts, limits } = workerData as WorkerData;
parentPort!.on('message', ({ index, input }: { index: number; input: string }) => {
  parentPort!.postMessage({ index, outcome: outcomeOf(input, (i) => assessOne(i, opts, limits), opts.debug, opts.lang) });
});

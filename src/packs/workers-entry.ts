import { parentPort, workerData } from 'node:worker_threads';
import { assessInput, type AssessInputOptions } from '../assess/input.js';
import { outcomeOf } from './workers.js';

/**
 * A worker thread of `assess --jobs n` (workers.ts): the library's pipeline (assessInput) on each
 * input it is sent, with the options the main thread would use, the outcome posted back under the
 * input's index.
 */
export interface WorkerData {
  options: AssessInputOptions;
  debug?: boolean;
}

const { options, debug } = workerData as WorkerData;
parentPort!.on('message', ({ index, input }: { index: number; input: string }) => {
  parentPort!.postMessage({ index, outcome: outcomeOf(input, (i) => assessInput(i, options), debug, options.lang) });
});

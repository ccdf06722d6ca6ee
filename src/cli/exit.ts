import type { Verdict } from '../assess/types.js';
import { EXIT } from '../errors.js';
import { errnoWords } from '../messages/errno.js';

// The exit codes and an error's words are the library's (a batch worker describes the inputs it
// could not assess): errors.ts and error-words.ts. The CLI decides a verdict's code and the worst.
export { EXIT, OutputError } from '../errors.js';
export { describeError, say } from '../error-words.js';
export { errnoWords };

export function exitForVerdict(v: Verdict): number {
  // in_progress (part-year, on track) exits 0 like pass.
  return v === 'pass' || v === 'in_progress' ? EXIT.pass : v === 'fail' ? EXIT.fail : EXIT.veto;
}

/** With several inputs the exit code is the worst of them: 3 > 2 > 1 > 0. */
export function worst(codes: number[]): number {
  return codes.reduce((a, b) => Math.max(a, b), 0);
}

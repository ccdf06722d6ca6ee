import { InputError, RuleError, UsageError } from '../errors.js';
import type { Verdict } from '../assess/types.js';
import type { Lang } from '../messages/types.js';
import { problemLines } from './problem-words.js';

/** The exit codes of the contract, decided here and nowhere else. */
export const EXIT = { pass: 0, fail: 1, veto: 2, invalid: 3, usage: 4, internal: 70 } as const;

export function exitForVerdict(v: Verdict): number {
  return v === 'pass' ? EXIT.pass : v === 'fail' ? EXIT.fail : EXIT.veto;
}

/** With several inputs the exit code is the worst of them: 3 > 2 > 1 > 0. */
export function worst(codes: number[]): number {
  return codes.reduce((a, b) => Math.max(a, b), 0);
}

/** One error → the lines to print on stderr and the exit code. Stack traces only with --debug. */
export function describeError(e: unknown, debug = false, lang: Lang = 'zh'): { lines: string[]; code: number } {
  if (e instanceof InputError) {
    // In the file's order; a problem with no line (a closing "and 120 more problems") comes last.
    const lineOf = (p: { line?: number }) => p.line ?? Number.MAX_SAFE_INTEGER;
    const ordered = [...e.problems].sort((a, b) => lineOf(a) - lineOf(b) || (a.column ?? 0) - (b.column ?? 0));
    // Each problem in the user's language, with the fix on a line of its own (cli/problem-words.ts).
    const lines = ordered.flatMap((p) => problemLines(p, lang));
    return { lines: withStack(lines.length ? lines : [`error: ${e.message}`], e, debug), code: EXIT.invalid };
  }
  if (e instanceof RuleError) return { lines: withStack([`error: ${e.message} (at ${e.pointer})`], e, debug), code: EXIT.invalid };
  if (e instanceof UsageError) return { lines: withStack([`error: ${e.message}`], e, debug), code: EXIT.usage };
  const message = e instanceof Error ? e.message : String(e);
  return {
    lines: withStack([`internal error: ${message}`, debug ? '' : '(run with --debug for details; please report this)'].filter(Boolean), e, debug),
    code: EXIT.internal,
  };
}

function withStack(lines: string[], e: unknown, debug: boolean): string[] {
  return debug && e instanceof Error && e.stack ? [...lines, e.stack] : lines;
}

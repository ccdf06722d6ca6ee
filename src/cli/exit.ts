import { InputError, RuleError, UsageError, WeibaoError } from '../errors.js';
import type { Verdict } from '../assess/types.js';
import type { Lang } from '../messages/types.js';
import { hasMessage, t } from '../messages/catalogue.js';
import { errnoWords } from '../text/errno.js';
import { safeLines, safeText } from '../text/safe.js';
import { problemLines } from './problem-words.js';
import { ruleWords } from '../standard/rule-words.js';

export { errnoWords };

/**
 * The exit codes of the contract, decided here and nowhere else. 74 is sysexits' EX_IOERR: the
 * report could not be written (full disk, closed device) — neither a verdict (0–2) nor the
 * input's fault (3) nor a bug (70). 129/130/143 are the shell's 128 + signal number.
 */
export const EXIT = { pass: 0, fail: 1, veto: 2, invalid: 3, usage: 4, internal: 70, output: 74, hangup: 129, interrupt: 130, terminate: 143 } as const;

export function exitForVerdict(v: Verdict): number {
  // in_progress (part-year, on track) exits 0 like pass.
  return v === 'pass' || v === 'in_progress' ? EXIT.pass : v === 'fail' ? EXIT.fail : EXIT.veto;
}

/** With several inputs the exit code is the worst of them: 3 > 2 > 1 > 0. */
export function worst(codes: number[]): number {
  return codes.reduce((a, b) => Math.max(a, b), 0);
}

/** `t` for an id that arrives as data (an error's id): checked with hasMessage, not by the compiler. */
export const say = (lang: Lang, id: string, data?: unknown): string => (hasMessage(id) ? (t as unknown as (l: Lang, i: string, d?: unknown) => string)(lang, id, data) : id);

/**
 * The report could not be written where asked: exit 4 where the path is wrong (no such
 * directory, a block device, an input of the run), 74 where writing failed (a full disk, a
 * device error). Words from the catalogue's io section in the run's language; `fix` says what
 * to do instead.
 */
export class OutputError extends WeibaoError {
  constructor(
    readonly id: string,
    readonly data: Record<string, unknown>,
    readonly code: number = EXIT.output,
    readonly fix?: string,
  ) {
    super(say('en', id, data));
  }
}

/** One error → the lines to print on stderr and the exit code. Stack traces only with --debug. */
export function describeError(e: unknown, debug = false, lang: Lang = 'zh'): { lines: string[]; code: number; where?: { file: string; line?: number; column?: number } } {
  const described = describe(e, debug, lang);
  // Names and paths come from outside (a pack directory may be called "x\r\x1b[32m达标"): nothing
  // printed may move the cursor, recolour the terminal or reorder the text.
  // `where`: the file (inside a pack) and line of the first problem, for a CI annotation on that line.
  const first = e instanceof InputError ? e.problems.find((p) => p.file && p.line !== undefined) ?? e.problems.find((p) => p.file) : undefined;
  const where = first?.file ? { file: first.file, ...(first.line !== undefined ? { line: first.line, column: first.column } : {}) } : undefined;
  return { lines: described.lines.map(safeLines), code: described.code, ...(where ? { where } : {}) };
}

function describe(e: unknown, debug: boolean, lang: Lang): { lines: string[]; code: number } {
  if (e instanceof InputError) {
    // In the file's order; a problem with no line (a closing "and 120 more problems") comes last.
    const lineOf = (p: { line?: number }) => p.line ?? Number.MAX_SAFE_INTEGER;
    const ordered = [...e.problems].sort((a, b) => lineOf(a) - lineOf(b) || (a.column ?? 0) - (b.column ?? 0));
    // Each problem in the user's language, with the fix on a line of its own (cli/problem-words.ts).
    const lines = ordered.flatMap((p) => problemLines(p, lang));
    return { lines: withStack(lines.length ? lines : [`error: ${e.message}`], e, debug), code: EXIT.invalid };
  }
  if (e instanceof OutputError) {
    const fix = e.fix ? `\n  ${t(lang, 'input.label.fix')}: ${say(lang, e.fix)}` : '';
    // The target's name is the user's, perhaps with a newline in it: each string escaped whole.
    const data = Object.fromEntries(Object.entries(e.data).map(([k, v]) => [k, typeof v === 'string' ? safeText(v) : v]));
    return { lines: withStack([`${t(lang, 'input.label.error')}: ${say(lang, e.id, data)}${fix}`], e, debug), code: e.code };
  }
  const label = t(lang, 'input.label.error');
  if (e instanceof RuleError) {
    const { id, data } = ruleWords(e);
    return { lines: withStack([`${label}: ${say(lang, id, data)}${t(lang, 'input.label.at', { pointer: e.pointer })}`], e, debug), code: EXIT.invalid };
  }
  if (e instanceof UsageError) return { lines: withStack([`${label}: ${e.message}`], e, debug), code: EXIT.usage };
  const message = e instanceof Error ? e.message : String(e);
  return {
    lines: withStack([`${t(lang, 'cli.internal')}: ${message}`, debug ? '' : t(lang, 'cli.internal.hint')].filter(Boolean), e, debug),
    code: EXIT.internal,
  };
}

function withStack(lines: string[], e: unknown, debug: boolean): string[] {
  return debug && e instanceof Error && e.stack ? [...lines, e.stack] : lines;
}

import { EXIT, InputError, OutputError, RuleError, UsageError, type InputProblem } from './errors.js';
import { hasMessage, t } from './messages/catalogue.js';
import type { Lang } from './messages/types.js';
import { safeLines, safeText } from './text/safe.js';
import { ruleWords } from './standard/rule-words.js';

/**
 * An error as the user meets it: the lines stderr shows, in their language from the catalogue,
 * and the exit code. The CLI prints them; a batch worker sends them back for the input it could
 * not assess; a library caller (assessInput's warnings) gets a problem's lines.
 */

/** `t` for an id that arrives as data (an error's id): checked with hasMessage, not by the compiler. */
export const say = (lang: Lang, id: string, data?: unknown): string => (hasMessage(id) ? (t as unknown as (l: Lang, i: string, d?: unknown) => string)(lang, id, data) : id);

/**
 * One problem of an input as the lines stderr shows: where (file:line:column), what, and on a
 * line of its own what to type instead — in the user's language. A problem not yet in the
 * catalogue prints its English message.
 */
export function problemLines(p: InputProblem, lang: Lang): string[] {
  // A workbook's problem names its cell (`facts.xlsx 事实!D12`), a text file's its line:column.
  // The file's name is from outside: a newline or ESC in it is shown escaped (src/text/safe.ts).
  const file = p.file === undefined ? undefined : safeText(p.file);
  const where = p.cell ? [file, p.cell].filter(Boolean).join(' ') : [file, p.line !== undefined ? `${p.line}:${p.column ?? 1}` : undefined].filter(Boolean).join(':');
  const message = p.id ? say(lang, p.id, p.data) : p.message;
  // Where there is no line (a rule that failed while evaluating): the place in the document by its pointer.
  const pointer = p.pointer && p.line === undefined && !p.cell && (!p.id || p.id.startsWith('input.rule.')) ? t(lang, 'input.label.at', { pointer: p.pointer }) : '';
  const label = t(lang, p.severity === 'warning' ? 'input.label.warning' : 'input.label.error');
  const out = [`${label}: ${where ? where + ': ' : ''}${message}${pointer}`];
  if (p.hint) out.push(`  ${t(lang, 'input.label.fix')}: ${say(lang, p.hint.id, p.hint.data)}`);
  else if (p.expected && !p.id && !p.message.includes(p.expected)) out.push(`  ${t(lang, 'input.label.expected')}: ${p.expected}`);
  return out;
}

/** A problem's words in `lang` (its English message where it has no catalogue id). */
export function problemMessage(p: InputProblem, lang: Lang): string {
  return p.id && hasMessage(p.id) ? say(lang, p.id, p.data) : p.message;
}

/**
 * One problem of an input that could not be assessed, as data: what a platform loading a batch's
 * jsonl counts and groups by, as ESLint's JSON gives each message its `messageId` beside its words.
 * `id` is the catalogue's (absent for a problem not yet in it), stable across languages and
 * releases; `message` and the fix's words are in the run's language, without the place.
 */
export interface ProblemRecord {
  id?: string;
  severity: 'error' | 'warning';
  file?: string;
  line?: number;
  column?: number;
  /** RFC 6901, into the facts as parsed (or into a standard's rule). */
  pointer?: string;
  /** In a workbook: sheet and cell (`事实!D12`). */
  cell?: string;
  message: string;
  /** What to type instead. */
  fix?: { id: string; message: string };
  /** What was expected there, in words, where the problem has no catalogue id. */
  expected?: string;
}

/** Why an input could not be assessed: the error's kind, or `internal` for a fault of weibao's own. */
export type FailureKind = InputError['kind'] | 'internal';

/** An error as lines for stderr and an exit code, and for an input's error also its problems as data. */
export interface DescribedError {
  lines: string[];
  code: number;
  /** The file and line of the first problem, for a CI annotation on that line; a workbook's also its cell. */
  where?: { file: string; line?: number; column?: number; cell?: string };
  kind?: FailureKind;
  /** In the order the lines print them (the file's). */
  problems?: ProblemRecord[];
}

/** One error → the lines to print on stderr and the exit code. Stack traces only with --debug. */
export function describeError(e: unknown, debug = false, lang: Lang = 'zh'): DescribedError {
  const described = describe(e, debug, lang);
  // Names and paths come from outside (a pack directory may be called "x\r\x1b[32m达标"): nothing
  // printed may move the cursor, recolour the terminal or reorder the text.
  // `where`: the file (inside a pack) and line of the first problem, for a CI annotation on that line.
  // First in the file's order, as the lines below are printed (the problems' own order is the checks').
  const located = e instanceof InputError ? e.problems.filter((p) => p.file && p.line !== undefined) : [];
  const first = located.length
    ? located.reduce((a, b) => (b.line! < a.line! || (b.line === a.line && (b.column ?? 0) < (a.column ?? 0)) ? b : a))
    : e instanceof InputError ? e.problems.find((p) => p.file) : undefined;
  const where = first?.file ? { file: first.file, ...(first.line !== undefined ? { line: first.line, column: first.column } : {}), ...(first.cell ? { cell: first.cell } : {}) } : undefined;
  const records = problemRecords(e, lang);
  return { lines: described.lines.map(safeLines), code: described.code, ...(where ? { where } : {}), ...records };
}

/** An input's error as its kind and problems (ProblemRecord); nothing for an error that is not an input's (usage, output). */
function problemRecords(e: unknown, lang: Lang): Pick<DescribedError, 'kind' | 'problems'> {
  if (e instanceof InputError) return { kind: e.kind, problems: inFileOrder(e.problems).map((p) => problemRecord(p, lang)) };
  if (e instanceof RuleError) {
    const { id, data } = ruleWords(e);
    return { kind: 'rule', problems: [{ id, severity: 'error', pointer: e.pointer, message: say(lang, id, data) }] };
  }
  if (e instanceof OutputError || e instanceof UsageError) return {};
  return { kind: 'internal' };
}

function problemRecord(p: InputProblem, lang: Lang): ProblemRecord {
  const record: ProblemRecord = {
    ...(p.id ? { id: p.id } : {}),
    severity: p.severity ?? 'error',
    ...(p.file !== undefined ? { file: p.file } : {}),
    ...(p.line !== undefined ? { line: p.line } : {}),
    ...(p.column !== undefined ? { column: p.column } : {}),
    ...(p.pointer !== undefined ? { pointer: p.pointer } : {}),
    ...(p.cell !== undefined ? { cell: p.cell } : {}),
    message: problemMessage(p, lang),
  };
  if (p.hint) record.fix = { id: p.hint.id, message: say(lang, p.hint.id, p.hint.data) };
  else if (p.expected && !p.id && !p.message.includes(p.expected)) record.expected = p.expected;
  return record;
}

/** In the file's order; a problem with no line (a closing "and 120 more problems") comes last. */
function inFileOrder(problems: readonly InputProblem[]): InputProblem[] {
  const lineOf = (p: { line?: number }) => p.line ?? Number.MAX_SAFE_INTEGER;
  return [...problems].sort((a, b) => lineOf(a) - lineOf(b) || (a.column ?? 0) - (b.column ?? 0));
}

function describe(e: unknown, debug: boolean, lang: Lang): { lines: string[]; code: number } {
  if (e instanceof InputError) {
    // Each problem in the user's language, with the fix on a line of its own (problemLines).
    const lines = inFileOrder(e.problems).flatMap((p) => problemLines(p, lang));
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

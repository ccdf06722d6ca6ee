/**
 * Errors are values with a location until the edge, where `describeError` (error-words.ts)
 * turns them into lines in the user's language and one exit code. Nothing in the core prints.
 */

import { hasMessage, t, type MessageData, type MessageId } from './messages/catalogue.js';

/** A place in an input file: 1-based line and column, and/or an RFC 6901 JSON pointer. */
export interface Location {
  file?: string;
  line?: number;
  column?: number;
  pointer?: string;
  /** In a workbook: sheet and cell (`事实!F12`), shown instead of line:column. */
  cell?: string;
}

export type ErrorKind =
  | 'parse' // the text is not valid JSON / YAML, or breaks a parsing limit
  | 'schema' // parsed, but not the expected shape or type
  | 'read' // the file cannot be read (missing, directory, unreadable, too large)
  | 'not-found' // an unknown standard id or version
  | 'rule'; // a rule uses an operation or path that is not allowed

/** Base class: every error the library throws on purpose. */
export class WeibaoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A problem with one place in one input. */
export interface InputProblem extends Location {
  /** The problem in English words (for logs and library callers; the CLI prints `id` in --lang). */
  message: string;
  /** What was expected there, in words. */
  expected?: string;
  /** The catalogue's message for it (src/messages, section input): printed in the user's language. */
  id?: MessageId;
  data?: unknown;
  /** What to type instead, as a catalogue message (e.g. input.fix.fullwidthDigits). */
  hint?: Hint;
  /** A warning rides along with the errors (an unknown fact name), so it is seen while they are fixed. */
  severity?: 'error' | 'warning';
}

/** A catalogue message with its data (what to type instead). */
export interface Hint {
  id: MessageId;
  data?: unknown;
}

/** A hint for message `id` with its data, typed by the catalogue. */
export function hint<K extends MessageId>(id: K, ...data: MessageData<K> extends undefined ? [] : [MessageData<K>]): Hint {
  return { id, data: data[0] };
}

/**
 * A problem whose words come from the catalogue: `message` holds the English (what library
 * callers and logs read); the CLI prints `id` in the user's language.
 */
export function problem<K extends MessageId>(
  at: Location & { hint?: Hint; severity?: 'error' | 'warning'; expected?: string },
  id: K,
  ...data: MessageData<K> extends undefined ? [] : [MessageData<K>]
): InputProblem {
  const message = (t as (lang: 'en', id: K, ...d: unknown[]) => string)('en', id, ...data);
  return { ...at, message, id, data: data[0] };
}

/**
 * Invalid input (exit 3): a facts file, pack or standard that can't be read, parsed or
 * validated. Carries every problem found, not just the first, so a submitter fixes them at once.
 */
export class InputError extends WeibaoError {
  readonly kind: ErrorKind;
  readonly file: string | undefined;
  readonly problems: InputProblem[];
  constructor(kind: ErrorKind, file: string | undefined, problems: InputProblem[]) {
    super(problems.map((p) => p.message).join('; ') || kind);
    this.kind = kind;
    this.file = file;
    this.problems = problems.map((p) => ({ file, ...p }));
  }
}

/** A rule that uses an operation outside the allowlist (thrown by compileRule). */
export class RuleError extends WeibaoError {
  readonly pointer: string;
  constructor(message: string, pointer: string) {
    super(message);
    this.pointer = pointer;
  }
}

/** Wrong use of the command line (exit 4). */
export class UsageError extends WeibaoError {}

/** An RFC 6901 JSON pointer from a path of keys: the one place ~ and / are escaped. */
export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((p) => '/' + pointerToken(String(p))).join('');
}

/** One key as a pointer segment (~ → ~0, / → ~1); most keys have neither and come back as they are. */
export function pointerToken(key: string): string {
  return key.indexOf('~') === -1 && key.indexOf('/') === -1 ? key : key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The exit codes of the contract, decided here and nowhere else. 74 is sysexits' EX_IOERR: the
 * report could not be written (full disk, closed device) — neither a verdict (0–2) nor the
 * input's fault (3) nor a bug (70). 129/130/143 are the shell's 128 + signal number.
 */
export const EXIT = { pass: 0, fail: 1, veto: 2, invalid: 3, usage: 4, internal: 70, output: 74, hangup: 129, interrupt: 130, terminate: 143 } as const;

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
    super(hasMessage(id) ? (t as unknown as (l: 'en', i: string, d?: unknown) => string)('en', id, data) : id);
  }
}

import type { AssessResult, Lang } from '../assess/types.js';
import type { FactDictionary } from '../messages/explain.js';
import type { BatchSummary, InvalidInput } from '../packs/summary.js';

export interface FormatOptions {
  lang: Lang;
  /** ANSI colour; formatters never look at the terminal themselves. */
  color: boolean;
  /** Columns available for text (table). */
  width: number;
  /** Set when several packs were assessed: counts, worst areas, most-failed items, invalid packs. */
  summary?: BatchSummary;
  /** The document formats (html, pdf): 报送单位 (`--issuer`; default the area's name) and 报告日期 (`--date` YYYY-MM-DD; default today). */
  issuer?: string;
  date?: string;
  /** pdf: the Chromium to print with (`--browser`; else WEIBAO_CHROMIUM, else found on PATH). */
  browser?: string;
  /**
   * pdf: the report is all this process does from here on (the CLI), so the printer may keep V8's
   * young generation small (pdf/layout.ts) — a process-wide setting that a service importing the
   * library must not get unasked.
   */
  ownProcess?: boolean;
  /** json: no indentation (`--compact`). */
  compact?: boolean;
  /**
   * The words of the facts a result's standard reads (description in zh and en, type, unit), so
   * reports name a fact by its description and give its value in words. Default (or where this
   * returns undefined): the bundled standard of that id@version, else the shared vocabulary
   * (src/report/facts.ts). Give it for a standard read from a file that defines facts of its own.
   */
  facts?: (standard: { id: string; version: string }) => FactDictionary | undefined;
  /**
   * The standard's file when it was given by path (`--standard ./mine.yaml`): the words of the
   * facts it defines itself are read from it (for results of that id@version). A string, so the
   * options reach worker threads as they are.
   */
  standardFile?: string;
}

/**
 * Text to write: one string, or several written one after the other. Text of 100,000
 * characters and more as one string is an object V8 puts on pages of their own, mapped and
 * faulted in afresh area after area: a large piece is better placed in parts (json, jsonl
 * place theirs as UTF-8: ReportPieces).
 */
export type ReportText = string | readonly string[];

/** Text in parts, some already UTF-8 (a piece made as bytes: json, jsonl), written one after the other. */
export type ReportPieces = readonly (string | Uint8Array)[];

/** What a formatter gives: text, or bytes for a binary format (xlsx, pdf). */
export type ReportOutput = string | Uint8Array;

/**
 * A formatter: results in, a report out — text, or bytes (a format marked `binary` in
 * formats.ts), at once or as a promise (a format that needs a browser or a zip writer). One file
 * each, chosen by name in formats.ts.
 */
export type Formatter = (results: AssessResult[], options: FormatOptions) => ReportOutput | Promise<ReportOutput>;

/** A formatter that gives text at once (every format but the binary ones). */
export type TextFormatter = (results: AssessResult[], options: FormatOptions) => string;

/**
 * The same report one result at a time, for batches too large to hold (json, junit, github):
 * head, then each result as it is assessed, then the tail with the batch summary. Concatenated,
 * the pieces are exactly what the whole-array formatter of the same name returns (it is built
 * from them). `deferHead`: the head carries totals (junit's <testsuites tests=…>), so it can only
 * be made after the tail; the caller holds the items back (on disk) until then.
 */
export interface ReportStream {
  deferHead?: boolean;
  head(): string;
  item(result: AssessResult): string;
  tail(summary?: BatchSummary): string;
  /**
   * What `tail` reads of the batch summary: 'invalid', only the inputs that could not be assessed
   * (csv, jsonl, junit, github, the 整改清单s) — so a batch does not summarise each result it
   * assesses for nothing (src/cli/assess-step.ts). Absent: all of it (json prints the summary).
   */
  tailReads?: 'invalid';
  /**
   * item() in two steps, for `--jobs n` (src/packs/workers.ts): `piece` is the costly part and
   * pure — it reads only the result and the options, so each worker thread runs it on the results
   * it assessed and only the piece (plain data, cloned) comes back — and `place` is the rest, run
   * in input order on the thread that writes (a separator, a running total, a header).
   * item(r) is exactly place(piece(r)), joined. A stream without them gets whole results back.
   * A piece may be the UTF-8 of its text already (json, jsonl assemble it from bytes kept), in
   * a buffer from the stream's `bytesOf` (StreamFormatter), which a worker moves as it is (no
   * encoding, no copy) and the writer may use again once it is written.
   */
  piece?(result: AssessResult): unknown;
  place?(piece: unknown): ReportText | ReportPieces;
  /**
   * place() for a piece that is text (a ReportText) given as its UTF-8 instead: a worker thread
   * encodes its pieces and their bytes are moved to the writing thread, not copied as strings
   * and encoded there (a jsonl line is 58,000 two-byte characters). The same bytes as place.
   */
  placeBytes?(bytes: Uint8Array): ReportPieces;
  /**
   * The one input of a run, which could not be assessed (a batch lists such inputs in its
   * summary, given to `tail`): what the report shows of it. Absent: nothing (a lone invalid input
   * is told on stderr and prints no report), as for every format but github, whose annotation
   * of the file and line is what CI shows.
   */
  invalid?(bad: InvalidInput): string;
}

/**
 * `bytesOf(size)`: a buffer of at least `size` bytes with an ArrayBuffer of its own (not a slice
 * of Buffer's pool), for pieces made as UTF-8 (ReportStream.piece); default a new one each time.
 * The caller (packs/spares.ts) may hand out a buffer again once the piece in it is written.
 */
export type StreamFormatter = (options: FormatOptions, bytesOf?: (size: number) => Buffer) => ReportStream;

/**
 * A report laid out at the end whose bulk is one part per result (html's area documents, in an
 * order known only at the end): `part(r)` is made as each result comes (pure: any thread) and set
 * aside by the caller (on disk) in input order — one text, or several sections, each read back
 * alone (`part(i, s)`: the i-th result's s-th section; its text, or its UTF-8 as set aside,
 * written out without being decoded). At the end `write` lays the report out from what the batch
 * kept of each result and gives its text in pieces, asking for each part as it places it.
 * What is kept: `keep(r)` (any thread; plain data, cloned from a worker, with the result's
 * `input`), else the result as slim.ts keeps it. Memory holds the kept results, not the parts.
 * For a batch of two results or more (fewer is one area's own report: the formatter's).
 * `bytesOf` (LayoutFormatter), as a stream's: where a part made as UTF-8 is built, in a buffer
 * the caller may hand out again once the part is set aside (packs/spares.ts).
 */
/** A result's part of a laid-out report: text, or UTF-8 made as such (html's area documents); or several sections, each read back alone. */
export type Part = string | Uint8Array | readonly (string | Uint8Array)[];

export interface ReportLayout<K extends { input?: string } = AssessResult> {
  part(result: AssessResult): Part;
  keep?(result: AssessResult): K;
  write(kept: K[], part: (index: number, section?: number) => string | Uint8Array, summary?: BatchSummary): Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;
  /**
   * What `write` reads of the batch summary: 'invalid', only the inputs that could not be assessed
   * (html and xlsx: the district's view and 总览 list them; their counts and rankings come from
   * what was kept and set aside) — as ReportStream.tailReads, so a batch does not summarise each
   * result for nothing. Absent: all of it.
   */
  tailReads?: 'invalid';
}

/**
 * A report laid out at the end from what it keeps of each result alone, nothing set aside: the
 * table's view of a batch (a line per area, then the summary), whose lines are laid out together
 * (the columns of any area's progress). `write` is never asked for a part.
 */
export interface KeptLayout<K extends { input?: string }> extends Omit<ReportLayout<K>, 'part' | 'keep'> {
  part?: undefined;
  keep(result: AssessResult): K;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each layout keeps its own shape
export type LayoutFormatter = (options: FormatOptions, bytesOf?: (size: number) => Buffer) => ReportLayout<any> | KeptLayout<any>;

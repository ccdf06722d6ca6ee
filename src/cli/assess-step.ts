import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { assessInput, type AssessInputOptions } from '../assess/input.js';
import type { AssessResult, Lang } from '../assess/types.js';
import { t } from '../messages/catalogue.js';
import { compareWithBaseline, findBaseline, type BaselineResult } from '../packs/baseline.js';
import { summarised, type Summarised } from '../packs/summary.js';
import { outcomeOf, type Outcome } from '../packs/workers.js';
import { formatOf, type Format } from '../report/formats.js';
import { slimmed } from '../report/slim.js';
import { keepYoungGenerationSmall } from '../report/young-generation.js';
import type { FormatOptions, KeptLayout, Part, ReportLayout, ReportStream, ReportText } from '../report/types.js';
import { exitFor, type FailOn } from './fail-on.js';

/**
 * What `assess` does with each input of a run before the report is written — assess it, compare
 * it with the baseline, its exit code, its warnings in words, what the summary needs, and for a
 * streamed format its piece of the report (ReportStream.piece). The same function runs on the
 * main thread (`--jobs 1`) and in each worker thread (packs/workers-entry.ts), so every job count
 * writes the same bytes, and with n jobs the costly part of every format is done n at a time:
 * the main thread only puts the pieces in order and writes them.
 */
export interface StepConfig {
  input: AssessInputOptions;
  /** The format's name (src/report/formats.ts) and its options; the summary comes at the end. */
  format: string;
  /** `responsible`: the 整改清单's stream (Format.byResponsibleStream) instead of the report's. */
  by?: 'responsible';
  options: FormatOptions;
  /** Set when the report is streamed (no --by): the step makes the format's piece. */
  streamed: boolean;
  /** Set for a batch: the step gives what the summary reads. */
  batch: boolean;
  /** How many inputs the batch has (collectOldGarbageSooner). */
  batchSize?: number;
  failOn?: FailOn;
  baseline?: BaselineResult[];
  debug?: boolean;
  lang: Lang;
}

/** One input's part of the run, as the step gives it back (plain data: cloned from a worker). */
export interface Assessed {
  /** The stream's piece of the report (placed by ReportStream.place). */
  piece?: unknown;
  /** `piece` is the UTF-8 of a text piece (makeStep's `bytes`; placed by ReportStream.placeBytes). */
  encoded?: boolean;
  /** The whole result: for a report laid out at the end, or a stream without `piece`. */
  result?: AssessResult;
  /** The result is slimmed (src/report/slim.ts): alike met items may be shared across areas. */
  slim?: boolean;
  /** The format's part of the report for this result (ReportLayout.part), set aside until the end. */
  part?: Part;
  /** What the format's layout keeps of the result (ReportLayout.keep), instead of the result. */
  kept?: unknown;
  summary?: Summarised;
  code: number;
  /** For stderr, each without the 警告 label: at most MAX_WARNINGS, then how many more. */
  warnings: string[];
}

/** Warnings printed per input; the rest are counted (the JSON report keeps them all). */
export const MAX_WARNINGS = 50;

/**
 * `pieces`: `bytes` where pieces are carried or held before they are written (a worker thread,
 * packs/workers-entry.ts; the main thread of a run with workers): a text piece is encoded to
 * UTF-8 there if the stream can place it so (ReportStream.placeBytes). A worker's bytes are
 * moved to the writing thread, which then neither copies the text in nor encodes it; held bytes
 * are off the heap, not promoted with the results around them. `text` (`--jobs 1`): the writer
 * encodes each piece into its buffer as it comes. `bytesOf` gives a piece's bytes, in a buffer of
 * its own (not a slice of Buffer's pool) so that it can be moved to another thread: with
 * workers, buffers used again once written (packs/spares.ts).
 */
export async function makeStep(config: StepConfig, pieces: 'text' | 'bytes' = 'text', bytesOf: (size: number) => Buffer = (size) => Buffer.allocUnsafeSlow(size)): Promise<(input: string) => Outcome<Assessed>> {
  const format = formatOf(config.format)!;
  // A piece made as UTF-8 (json, jsonl) is written straight into a buffer from bytesOf.
  const stream: ReportStream | undefined = config.streamed ? (await (config.by ? format.byResponsibleStream! : format.stream!)())(config.options, bytesOf) : undefined;
  const encode = pieces === 'bytes' && !!stream?.placeBytes;
  const { lang } = config;
  // A batch laid out at the end holds every result: slimmed where the format reads no more, or
  // where the rest of each result is already in its part (html's area documents).
  // A part made as UTF-8 (html's area documents) is built in a buffer from bytesOf too, used again once set aside.
  const layout = await layoutOf(format, config, bytesOf);
  if (oldGarbagePilesUp(config, pieces)) collectOldGarbageSooner((config.batchSize ?? 0) >= LARGE_BATCH);
  if (holdsYoungGeneration(config, pieces)) keepYoungGenerationSmall();
  const slim = !!layout || (!stream && config.batch && !!format.slim?.[config.by ? 'byResponsible' : 'report']);
  const one = (input: string): Assessed => {
    const result = wholeResult(input, config);
    // Capped as facts problems are: 50,000 evidence warnings are a report's job, not the terminal's.
    const warnings = result.warnings.slice(0, MAX_WARNINGS);
    if (result.warnings.length > MAX_WARNINGS) warnings.push(t(lang, 'io.warnings.more', { n: result.warnings.length - MAX_WARNINGS }));
    return {
      ...(stream?.piece ? (encode ? { piece: utf8(stream.piece(result) as ReportText | Uint8Array, bytesOf), encoded: true } : { piece: stream.piece(result) }) : layout?.keep ? { kept: layout.keep(result) } : slim ? { result: slimmed(result), slim: true } : { result }),
      ...(layout?.part ? { part: layout.part(result) } : {}),
      ...(config.batch && (stream ?? layout)?.tailReads !== 'invalid' ? { summary: summarised(result) } : {}),
      code: exitFor(result, config.failOn),
      warnings,
    };
  };
  return (input) => outcomeOf(input, one, config.debug, lang);
}

/**
 * A streamed batch with worker threads (`pieces` is `bytes`: each worker, and this thread when it
 * has workers) holds no result past its piece, so each heap's live size stays flat (~15 MB)
 * whatever the count; what grows is garbage promoted to the old generation, which V8 lets reach
 * up to 4× the live size before a full collection — in every thread's heap at once. 38,600 areas
 * --format jsonl --jobs 2: old generations at their peak 44 MB (main) and 33 MB (worker), peak
 * RSS 181–215 MB. Grown by 30% between full collections: 23 and 17 MB, peak RSS 150–172 MB; two full
 * collections per 2,000 areas either way (a flat heap is rarely full), so no CPU to speak of.
 * V8 reads the factor each time it sets the next limit, so it holds from here on. Only where the
 * process is ours (FormatOptions.ownProcess, the CLI): a service that imports the library keeps
 * its own heap settings.
 *
 * A report laid out at the end (oldGarbagePilesUp) only in a large batch: there V8's first limit
 * is never reached below ~20,000 areas, so the factor only adds full collections — 2,000 areas,
 * --jobs 1, 7 pairs in turn: html +13% CPU, xlsx +5% — while at 38,600 areas it bounds the peak
 * for the same CPU (2 pairs each: html --jobs 1 171 → 139 MB, --jobs 2 223 → 165 MB, xlsx --jobs
 * 1 194 → 157 MB, CPU within ±3%). The table's view keeps a row per area (~35 MB live at 38,600)
 * and V8 let its heap reach 4–5× that: peak RSS 175–260 MB in one job; 161 MB with the factor,
 * for 9% more CPU (3 pairs; 1.12× the floor before).
 */
function collectOldGarbageSooner(now: boolean): void {
  setFlagsFromString('--heap-growing-percent=30');
  if (!now) return;
  // The limit in force was set by the last full collection (loading the CLI), under V8's factor:
  // in a large batch one collection now sets it under this one, before the batch's garbage grows
  // to the old limit (the first cycle took the table's view to 223 MB, xlsx --jobs 2 to 213 MB).
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * Whether a batch holds its young generation (keepYoungGenerationSmall): one assessed by this
 * thread alone (`--jobs 1`), its young generation kept at the size start-up left it (8 MB), not
 * doubled. V8 doubles it whenever much of it survives a scavenge, and each area's facts and result
 * survive the scavenges made while it is assessed: 16 MB within the first ~100 areas, pages
 * touched for the first time and held to the end. A page touched first costs ~13 µs on this VM (a
 * script filling 128 MB: 12.5–16.4 µs a page), and the doubling was ~3,000–9,000 of them. 2,000
 * areas, 6–8 pairs in turn, medians of CPU before → after: jsonl 1.71 → 1.59 s, json 2.09 → 1.86,
 * csv 1.42 → 1.17, html 2.23 → 2.07 (and, in a build whose code cache was refused, table 1.29 →
 * 1.22, xlsx 1.84 → 1.76); page faults 13,200–22,600 → 9,400–13,900; peak RSS 82–111 → 69–84 MB.
 * Not in a batch of LARGE_BATCH or more: at 38,600 areas the CPU was within the run-to-run noise
 * (±10%: two pairs each of jsonl and the table, one of html), and the old generation, filling
 * faster with what the young one no longer held, made the peak vary: jsonl with one job reached
 * 216 MB in one of two bench runs (138 MB in the other, 129–132 MB in four by hand; 134–136 MB
 * without it). Not with workers: a worker's young generation starts at 1 MB, and held there it
 * cost `--jobs 2` more CPU (jsonl, median of 8: 2.48 → 2.76 s).
 */
function holdsYoungGeneration(config: StepConfig, pieces: 'text' | 'bytes'): boolean {
  return !!config.batch && !!config.options.ownProcess && pieces === 'text' && (config.batchSize ?? 0) < LARGE_BATCH;
}

/** A batch this large lets a laid-out report's old garbage grow past what memory allows (collectOldGarbageSooner). */
const LARGE_BATCH = 20_000;

/** Whether a batch's old generation would grow far past its live size before V8 collects it (collectOldGarbageSooner). */
function oldGarbagePilesUp(config: StepConfig, pieces: 'text' | 'bytes'): boolean {
  if (!config.batch || !config.options.ownProcess) return false;
  return config.streamed ? pieces === 'bytes' : (config.batchSize ?? 0) >= LARGE_BATCH;
}

/**
 * The format's layout for a batch of this run (ReportLayout: the report, or with --by the
 * 整改清单), where it has one and the report is not streamed.
 */
export async function layoutOf(format: Format, config: Pick<StepConfig, 'streamed' | 'batch' | 'by' | 'options'>, bytesOf?: (size: number) => Buffer): Promise<ReportLayout<{ input?: string }> | KeptLayout<{ input?: string }> | undefined> {
  if (config.streamed || !config.batch) return undefined;
  const load = config.by ? format.byResponsibleLayout : format.layout;
  return load ? (await load())(config.options, bytesOf) : undefined;
}

/** One input's whole result, compared with the baseline if there is one. */
export function wholeResult(input: string, config: Pick<StepConfig, 'input' | 'baseline'>): AssessResult {
  const assessed = assessInput(input, config.input);
  return config.baseline ? { ...assessed, progress: compareWithBaseline(assessed, findBaseline(assessed, config.baseline)) } : assessed;
}

/**
 * Text as UTF-8 in bytes from `bytesOf`. Lone surrogates become U+FFFD, as the writer's own
 * encoding makes them. A piece made as UTF-8 already (json, jsonl: ReportStream.piece) is in a
 * buffer from `bytesOf` (the stream was given it), as it is.
 */
function utf8(text: ReportText | Uint8Array, bytesOf: (size: number) => Buffer): Uint8Array {
  if (text instanceof Uint8Array) return text;
  const parts = typeof text === 'string' ? [text] : text;
  let size = 0;
  for (const part of parts) size += Buffer.byteLength(part);
  const bytes = bytesOf(size);
  let at = 0;
  for (const part of parts) at += bytes.write(part, at);
  return bytes;
}

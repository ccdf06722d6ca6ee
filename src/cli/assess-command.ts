import { basename, dirname, resolve } from 'node:path';
import { safeText } from '../text/safe.js';
import type { AssessInputOptions } from '../assess/input.js';
import type { AssessResult, Lang } from '../assess/types.js';
import { compareWithBaseline, findBaseline, readBaseline, type BaselineResult } from '../packs/baseline.js';
import { expandInputs, inBatchFolder } from '../packs/batch.js';
import type { EvidenceMode } from '../assess/evidence.js';
import { SummaryBuilder, type InvalidInput } from '../packs/summary.js';
import { FORMAT_NAMES, formatOf } from '../report/formats.js';
import { isPathRef } from '../standard/registry.js';
import { parseDate, today } from '../report/html/titles.js';
import { t } from '../messages/catalogue.js';
import { SlimShare } from '../report/slim.js';
import type { FormatOptions, Formatter, ReportStream, ReportText } from '../report/types.js';
import { assessInOrder, builtModule, jobsFor, type Outcome } from '../packs/workers.js';
import { Spares } from '../packs/spares.js';
import { layoutOf, makeStep, wholeResult, type Assessed, type StepConfig } from './assess-step.js';
import { PartSpool } from './part-spool.js';
import { DEFAULT_LIMITS } from '../source/types.js';
import { isAssessReport } from '../source/report-file.js';
import { describeError, EXIT, worst } from './exit.js';
import type { FailOn } from './fail-on.js';
import { openReport, refuseOverwritingInputs, wantColor, writeAtomic, type ReportSink } from './output.js';
import { breathe } from './signals.js';
import { progressFor } from './progress.js';

export interface AssessOptions {
  standard?: string;
  negativeList?: string[];
  format: string;
  lang: Lang;
  output?: string;
  color?: boolean;
  debug?: boolean;
  maxBytes?: number;
  /** Most keys in a facts file, all objects together (default 100,000). */
  maxKeys?: number;
  /** Evidence bounds (source/pack.ts): one file, and all of a pack's files together. */
  maxEvidenceBytes?: number;
  maxEvidenceTotal?: number;
  failOn?: FailOn;
  evidence?: EvidenceMode;
  baseline?: string;
  /** `responsible`: print the 整改清单 (open items by 责任单位) instead of the full report. */
  by?: 'responsible';
  /** --format json without indentation. */
  compact?: boolean;
  /** Worker threads assessing packs (default: the available parallelism; 1: this thread only). */
  jobs?: number;
  /** html, pdf: 报送单位 (default the area's name), 报告日期 (YYYY-MM-DD, default today), the Chromium to print with. */
  issuer?: string;
  date?: string;
  browser?: string;
}

export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** How many of a folder's other files a warning names (the rest are counted). */
const SKIPPED_NAMED = 5;

/**
 * A warning for each folder of the batch that holds files weibao did not assess (expandInputs'
 * `skipped`): the run's own --output and --baseline aside, which are expected there.
 */
function warnSkipped(skipped: readonly string[], own: readonly (string | undefined)[], lang: Lang, io: Io): void {
  const ours = new Set(own.filter((p): p is string => p !== undefined).map((p) => resolve(p)));
  const byFolder = new Map<string, string[]>();
  for (const file of skipped) {
    if (ours.has(resolve(file))) continue;
    const folder = dirname(file);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), basename(file)]);
  }
  for (const [folder, names] of byFolder) {
    const shown = names.slice(0, SKIPPED_NAMED);
    // Names from outside: a file called `x\r\x1b[32m` must not move the cursor (text/safe.ts).
    io.stderr.write(`${t(lang, 'input.label.warning')}: ${t(lang, 'cli.warn.skippedFiles', { folder: safeText(folder), names: shown.map(safeText), more: names.length - shown.length })}\n  ${t(lang, 'input.label.fix')}: ${t(lang, 'cli.fix.skippedFiles', { notepad: names.some((n) => /\.(?:json|ya?ml)\.txt$/i.test(n)), archive: names.some((n) => /\.(?:zip|rar|7z)$/i.test(n)) })}\n`);
  }
}

/**
 * `assess <facts-or-pack>...`: every input assessed (a directory of packs expanded to its packs),
 * one report, exit code the worst. A pack that can't be read is reported and the rest still run.
 * json, junit and github reports are written as each input is assessed, so a batch of any size
 * runs in flat memory; the other formats lay out the whole batch and collect it first.
 */
export async function runAssess(inputs: string[], opts: AssessOptions, io: Io): Promise<number> {
  const chosen = formatOf(opts.format);
  if (!chosen) {
    io.stderr.write(`error: unknown format ${JSON.stringify(opts.format)}\n`);
    return EXIT.usage;
  }
  const usageError = (what: string, fix: string) => {
    io.stderr.write(`${t(opts.lang, 'input.label.error')}: ${what}\n  ${t(opts.lang, 'input.label.fix')}: ${fix}\n${t(opts.lang, 'cli.usageHint', { command: 'assess' })}\n`);
    return EXIT.usage;
  };
  if (opts.by === 'responsible' && !chosen.byResponsible) {
    const formats = FORMAT_NAMES.filter((name) => formatOf(name)!.byResponsible);
    return usageError(t(opts.lang, 'cli.err.byFormat', { format: opts.format }), t(opts.lang, 'cli.fix.byFormats', { formats }));
  }
  if (chosen.binary && !opts.output) return usageError(t(opts.lang, 'cli.err.binaryFormat', { format: opts.format }), t(opts.lang, 'cli.fix.binaryFormat', { format: opts.format }));
  if (opts.date !== undefined && !parseDate(opts.date)) return usageError(t(opts.lang, 'pdf.badDate', { value: opts.date }), t(opts.lang, 'pdf.fix.date'));
  if (opts.baseline && (!chosen.showsProgress || opts.by)) {
    const formats = FORMAT_NAMES.filter((name) => formatOf(name)!.showsProgress).join(', ');
    io.stderr.write(`${t(opts.lang, 'input.label.warning')}: ${t(opts.lang, 'pdf.baselineIgnored', { format: opts.by ? `${opts.format} --by ${opts.by}` : opts.format, formats })}\n`);
  }
  const streamed = opts.by === undefined ? chosen.stream?.() : chosen.byResponsibleStream?.();
  const formatter: Promise<Formatter> | undefined = streamed ? undefined : opts.by === 'responsible' ? chosen.byResponsible!() : chosen.load();
  const limits = { ...DEFAULT_LIMITS, ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}), ...(opts.maxKeys ? { maxKeys: opts.maxKeys } : {}) };
  // An --output that is a report of ours (the last run's, saved in the folder being assessed) is
  // the report this run replaces: left out of the folder's batch rather than read as an area.
  // Asked only where the file could be a member of a folder's batch: an existing workbook is
  // unzipped to be recognised, which a run writing elsewhere need not pay for.
  const replacing = opts.output !== undefined && inBatchFolder(inputs, opts.output) && isAssessReport(opts.output, limits);
  refuseOverwritingInputs(opts.output, [...inputs, ...(opts.standard ? [opts.standard] : []), ...(opts.negativeList ?? [])], opts.lang, replacing);
  let baseline: BaselineResult[] | undefined;
  if (opts.baseline) {
    try {
      baseline = readBaseline(opts.baseline, limits);
    } catch (e) {
      const { lines, code } = describeError(e, opts.debug, opts.lang);
      io.stderr.write(lines.join('\n') + '\n');
      return code;
    }
  }
  // The report --output replaces and the --baseline, kept in the folder being assessed, are not its areas.
  const expanded = expandInputs(inputs, [...(replacing ? [opts.output!] : []), ...(baseline ? [opts.baseline!] : [])]);
  warnSkipped(expanded.skipped, [opts.output, opts.baseline], opts.lang, io);
  const color = wantColor(opts.color, !!opts.output, io.stdout);
  // Not a terminal (a pipe, a file): 80 columns, what a pasted report or a `less` fits.
  const width = Math.min(Math.max(io.stdout.columns ?? 80, 60), 160);
  const options: FormatOptions = { lang: opts.lang, color, width, ownProcess: true, ...(opts.compact ? { compact: true } : {}), ...(opts.issuer ? { issuer: opts.issuer } : {}), date: opts.date ?? isoDate(today()), ...(opts.browser ? { browser: opts.browser } : {}), ...(opts.standard && isPathRef(opts.standard) ? { standardFile: opts.standard } : {}) };
  const stream: ReportStream | undefined = streamed ? (await streamed)(options) : undefined;
  const format = formatter ? await formatter : undefined;
  const progress = progressFor(io.stderr, expanded.inputs.length);
  const summary = expanded.batch ? new SummaryBuilder() : undefined;
  const results: AssessResult[] = [];
  // What a layout keeps of each result instead (ReportLayout.keep).
  const kept: { input?: string }[] = [];
  const shared = new SlimShare();
  const codes: number[] = [];
  // Opened at the first result (or at the end of a batch): a lone invalid input prints no report,
  // and a failed run leaves an earlier --output file as it was.
  let sink: ReportSink | undefined;
  // A batch's report laid out at the end from parts set aside (html), and those parts.
  const layout = await layoutOf(chosen, { streamed: !!stream, batch: expanded.batch, ...(opts.by ? { by: opts.by } : {}), options });
  let parts: PartSpool | undefined;
  const out = async (text: ReportText | Uint8Array | readonly (string | Uint8Array)[]) => {
    sink ??= openReport(opts.output, io.stdout, stream?.deferHead === true, opts.lang);
    if (stream?.deferHead !== true && !sink.started) await sink.write(stream ? stream.head() : '');
    await sink.write(text);
  };
  try {
    const config: StepConfig = {
      input: { ...inputOptionsOf(opts, limits), ...(expanded.batch ? { refuseBlank: true } : {}) },
      format: opts.format,
      ...(opts.by ? { by: opts.by } : {}),
      options,
      streamed: !!stream,
      batch: expanded.batch,
      batchSize: expanded.inputs.length,
      ...(opts.failOn ? { failOn: opts.failOn } : {}),
      ...(baseline ? { baseline } : {}),
      ...(opts.debug ? { debug: true } : {}),
      lang: opts.lang,
    };
    // Without a build of the step to run in a worker (the sources alone), this thread does it all.
    const stepModule = builtModule(import.meta.url, 'cli/assess-step.js');
    const jobs = stepModule ? (opts.jobs ?? jobsFor(expanded.inputs.length)) : 1;
    // With workers, this thread's own pieces wait for earlier inputs' before they are written:
    // held as UTF-8 (off the heap, as a worker's come) they are not promoted to the old
    // generation on the way.
    const spares = new Spares();
    const step = await makeStep(config, jobs > 1 && expanded.inputs.length > 1 ? 'bytes' : 'text', spares.bytesOf);
    // A piece is written before the next outcome is asked for: its buffer is used again (spares.ts).
    const worker = { data: { step: stepModule?.href, data: config }, debug: opts.debug, lang: opts.lang, giveBack: spares };
    // Each outcome is taken in a function of its own, not in this one's loop: V8 counts an async
    // function hot each time it resumes, and this long one was compiled by TurboFan four times over
    // a 2,000-area batch (deoptimised each time on a map it had not seen), ~0.3 s of a helper
    // thread's CPU: free beside --jobs 1, taken from the assessing threads with --jobs 2.
    const take = async ({ input, result: assessed, failure }: Outcome<Assessed>): Promise<void> => {
      progress.tick(input);
      await breathe(); // a signal (Ctrl-C, SIGTERM) is handled between packs, not after the batch
      if (failure) {
        const { lines, code } = failure;
        progress.log(lines.join('\n') + '\n');
        const bad: InvalidInput = { input, message: lines.join('\n').replace(/^(error|internal error|错误|内部错误（internal error）): /, ''), ...(failure.where ? { where: failure.where } : {}), ...(failure.kind ? { kind: failure.kind } : {}), ...(failure.problems ? { problems: failure.problems } : {}) };
        summary?.addInvalid(bad);
        // The one input of the run: a format may still have its report of it (github: the annotation).
        if (!summary && stream?.invalid) await out(stream.invalid(bad));
        codes.push(code);
        return;
      }
      for (const w of assessed.warnings) progress.log(`${t(opts.lang, 'input.label.warning')}: ${w}\n`);
      if (assessed.summary) summary?.add(assessed.summary);
      codes.push(assessed.code);
      // Outside the step: a report that can't be written is the run's problem, not this input's.
      if (stream) await out(stream.place && 'piece' in assessed ? (assessed.encoded ? stream.placeBytes!(assessed.piece as Uint8Array) : stream.place(assessed.piece)) : stream.item(assessed.result!));
      else if ('kept' in assessed) kept.push(assessed.kept as { input?: string });
      else results.push(assessed.slim ? shared.share(assessed.result!) : assessed.result!);
      if (assessed.part !== undefined) (parts ??= new PartSpool(opts.lang)).add(assessed.part);
    };
    await inOrder(assessInOrder(expanded.inputs, jobs, step, worker), take);
    progress.done();
    if (results.length || kept.length || expanded.batch || sink) {
      const batch = summary?.summary();
      if (stream) {
        await out(stream.tail(batch));
        await sink!.finish(stream.deferHead ? stream.head() : '');
      } else if (layout && (parts || !layout.part) && results.length + kept.length >= 2) {
        // Laid out from the kept results, each area's part (if it has any: KeptLayout) read back from disk as it is placed.
        for await (const piece of layout.write(kept.length ? kept : results, (i, s) => parts!.bytes(i, s), batch)) await out(piece);
        await sink!.finish('');
      } else {
        // One area left of a batch (the rest invalid) is that area's own report: it needs its
        // whole result, which was not kept — assessed again, here.
        if (parts || kept.length) results.splice(0, results.length, ...[...results, ...kept].map((r) => wholeResult(r.input!, config)));
        const report = await format!(results, { ...options, ...(batch ? { summary: batch } : {}) });
        if (typeof report === 'string') {
          await out(report);
          await sink!.finish('');
        } else {
          // A binary report (xlsx, pdf) is one piece, written atomically to --output.
          writeAtomic(opts.output!, report, opts.lang);
        }
      }
    }
  } finally {
    sink?.abandon();
    parts?.close();
  }
  return worst(codes);
}

/** Every outcome through `take`, one after the other (runAssess's loop, kept out of its body). */
async function inOrder<R>(outcomes: AsyncIterable<Outcome<R>>, take: (outcome: Outcome<R>) => Promise<void>): Promise<void> {
  for await (const outcome of outcomes) await take(outcome);
}

/**
 * 报告日期 when --date is not given: today, taken once here and handed to every worker thread with
 * the options, so a run that crosses midnight dates all its documents alike.
 */
function isoDate(d: { year: number; month: number; day: number }): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** What the library's pipeline (assessInput) is asked for each input of this run, here and in every worker thread. */
function inputOptionsOf(opts: AssessOptions, limits: typeof DEFAULT_LIMITS): AssessInputOptions {
  return {
    standard: opts.standard,
    negativeLists: opts.negativeList,
    lang: opts.lang,
    evidence: opts.evidence,
    limits,
    evidenceLimits: { ...(opts.maxEvidenceBytes ? { maxFileBytes: opts.maxEvidenceBytes } : {}), ...(opts.maxEvidenceTotal ? { maxPackBytes: opts.maxEvidenceTotal } : {}) },
    // Where each fact stands: only the github format (annotations on lines) reads it.
    locations: opts.format === 'github' && opts.by === undefined,
    // An item's `explanation` in words only for a report that prints that field: these word an
    // item from its reasons themselves (report/facts.ts whyOf) or print no reasons at all, and
    // the words cost ~4% of a csv batch's instructions (callgrind, 200 areas: 1.870 → 1.796 G).
    // The registry marks them (formats.ts `unworded`).
    explain: !(opts.by === undefined && formatOf(opts.format)?.unworded),
  };
}

export { EXIT };

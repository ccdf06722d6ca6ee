import type { Lang } from '../assess/types.js';
import { assessImpact } from '../diff/impact.js';
import { loadDiffFormatter } from '../diff/format/formats.js';
import { diffStandards } from '../diff/standards.js';
import { readFactsSource } from '../facts/load.js';
import { validateFacts } from '../facts/validate.js';
import { mergeVocabularies } from '../standard/vocabulary.js';
import { loadStandardSync } from '../standard/load.js';
import type { Io } from './assess-command.js';
import { EXIT } from './exit.js';
import { problemLines } from '../error-words.js';
import { refuseOverwritingInputs, wantColor, writeAtomic } from './output.js';

export interface DiffOptions {
  facts?: string;
  format: string;
  lang: Lang;
  exitCode?: boolean;
  output?: string;
  color?: boolean;
}

/**
 * `assess diff <a> <b>`: what changed from standard a to standard b, and with --facts what that
 * does to one area. Exit 0 unless --exit-code, then 1 where they differ (git diff's convention);
 * unreadable or invalid standards and facts throw InputError, which main turns into exit 3.
 */
export async function runDiff(a: string, b: string, opts: DiffOptions, io: Io): Promise<number> {
  const formatter = await loadDiffFormatter(opts.format)!;
  refuseOverwritingInputs(opts.output, [a, b, ...(opts.facts ? [opts.facts] : [])], opts.lang);
  const from = loadStandardSync(a);
  const to = loadStandardSync(b);
  const diff = diffStandards(from, to);
  let impact = null;
  if (opts.facts) {
    const source = readFactsSource(opts.facts);
    // Checked against both vocabularies: the area's facts must make sense under either version.
    const { facts, warnings } = validateFacts(source.parsed, mergeVocabularies(from.vocabulary, to.vocabulary), source.file);
    for (const w of warnings) io.stderr.write(problemLines({ ...w, file: source.file }, opts.lang).join('\n') + '\n');
    impact = assessImpact(from, to, facts, opts.facts, opts.lang);
  }
  const color = wantColor(opts.color, !!opts.output, io.stdout);
  // The terminal's width; 80 columns in a pipe or file (a report pasted into a mail or a ticket).
  const width = io.stdout.isTTY && io.stdout.columns ? Math.min(Math.max(io.stdout.columns, 60), 160) : 80;
  const text = formatter(diff, impact, { lang: opts.lang, color, width });
  if (opts.output) writeAtomic(opts.output, text, opts.lang);
  else io.stdout.write(text);
  return opts.exitCode && !diff.identical ? EXIT.fail : EXIT.pass;
}

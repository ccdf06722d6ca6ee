import { assessFacts } from '../assess/assess.js';
import type { AssessResult, Lang } from '../assess/types.js';
import { InputError } from '../errors.js';
import { declaredStandard, readFactsSource } from '../facts/load.js';
import { validateFacts } from '../facts/validate.js';
import { getFormatter } from '../report/index.js';
import { DEFAULT_LIMITS } from '../source/types.js';
import { loadStandardSync } from '../standard/load.js';
import { DEFAULT_STANDARD } from '../standard/registry.js';
import { describeError, EXIT, exitForVerdict, worst } from './exit.js';
import { wantColor, writeAtomic } from './output.js';

export interface AssessOptions {
  standard?: string;
  negativeList?: string[];
  format: string;
  lang: Lang;
  output?: string;
  color?: boolean;
  debug?: boolean;
  maxBytes?: number;
}

export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** `assess <facts-or-pack>...`: every input assessed, one report, exit code the worst. */
export function runAssess(inputs: string[], opts: AssessOptions, io: Io): number {
  const formatter = getFormatter(opts.format)!;
  const limits = { ...DEFAULT_LIMITS, ...(opts.maxBytes ? { maxBytes: opts.maxBytes } : {}) };
  const results: AssessResult[] = [];
  const codes: number[] = [];
  for (const input of inputs) {
    try {
      const result = assessOne(input, opts, limits);
      for (const w of result.warnings) io.stderr.write(`warning: ${w}\n`);
      results.push(result);
      codes.push(exitForVerdict(result.verdict));
    } catch (e) {
      const { lines, code } = describeError(e, opts.debug);
      io.stderr.write(lines.join('\n') + '\n');
      codes.push(code);
    }
  }
  if (results.length || inputs.length === 0) {
    const color = wantColor(opts.color, !!opts.output, io.stdout);
    const width = Math.min(Math.max(io.stdout.columns ?? 100, 60), 160);
    const text = formatter(results, { lang: opts.lang, color, width });
    if (opts.output) writeAtomic(opts.output, text);
    else io.stdout.write(text);
  }
  return worst(codes);
}

function assessOne(input: string, opts: AssessOptions, limits: typeof DEFAULT_LIMITS): AssessResult {
  const source = readFactsSource(input, limits);
  const named = declaredStandard(source.parsed);
  const ref = opts.standard ?? named ?? DEFAULT_STANDARD;
  let standard;
  try {
    standard = loadStandardSync(ref, { negativeLists: opts.negativeList });
  } catch (e) {
    // An unknown standard named inside the facts file is that file's problem: say where.
    if (e instanceof InputError && e.kind === 'not-found' && !opts.standard && named) {
      const at = source.parsed.locate('/standard');
      throw new InputError('not-found', source.file, e.problems.map((p) => ({ ...p, file: source.file, pointer: '/standard', ...at })));
    }
    throw e;
  }
  const { facts, warnings } = validateFacts(source.parsed, standard.vocabulary, source.file);
  return assessFacts(standard, facts, {
    lang: opts.lang,
    input,
    warnings: warnings.map((w) => `${source.file}${w.line ? `:${w.line}:${w.column}` : ''}: ${w.message}`),
  });
}

export { EXIT };

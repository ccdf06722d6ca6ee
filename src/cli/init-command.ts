import { factsTemplate, standardFactsSchema } from '../facts/template.js';
import { loadStandardSync } from '../standard/load.js';
import type { Io } from './assess-command.js';
import { EXIT } from './exit.js';
import { initWorkbook } from './init-xlsx.js';
import { writeAtomic } from './output.js';
import type { Lang } from '../messages/types.js';

/** `assess init --standard <ref>`: a commented facts template on stdout (a workbook: to --output). */
export function runInit(opts: { standard: string; format: 'yaml' | 'json' | 'xlsx'; schema: string; negativeList?: string[]; output?: string; lang?: Lang }, io: Io): number | Promise<number> {
  const standard = loadStandardSync(opts.standard, { negativeLists: opts.negativeList });
  if (opts.format === 'xlsx') return initWorkbook(standard, opts.output, opts.lang ?? 'zh');
  const text = factsTemplate(standard, opts.format, opts.schema, opts.lang ?? 'zh');
  // --output names a file: the template goes there (written as reports are: atomically, a
  // device directly, a full disk exit 74), not silently to the terminal.
  if (opts.output) writeAtomic(opts.output, text, opts.lang ?? 'zh');
  else io.stdout.write(text);
  return EXIT.pass;
}

/** `assess schema --standard <ref>`: the JSON Schema of that standard's facts file. */
export function runSchema(opts: { standard: string; negativeList?: string[] }, io: Io): number {
  const standard = loadStandardSync(opts.standard, { negativeLists: opts.negativeList });
  io.stdout.write(JSON.stringify(standardFactsSchema(standard), null, 2) + '\n');
  return EXIT.pass;
}

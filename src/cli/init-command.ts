import { factsTemplate, standardFactsSchema } from '../facts/template.js';
import { loadStandardSync } from '../standard/load.js';
import type { Io } from './assess-command.js';
import { EXIT } from './exit.js';
import { initWorkbook } from './init-xlsx.js';
import type { Lang } from '../messages/types.js';

/** `assess init --standard <ref>`: a commented facts template on stdout (a workbook: to --output). */
export function runInit(opts: { standard: string; format: 'yaml' | 'json' | 'xlsx'; schema: string; negativeList?: string[]; output?: string; lang?: Lang }, io: Io): number | Promise<number> {
  const standard = loadStandardSync(opts.standard, { negativeLists: opts.negativeList });
  if (opts.format === 'xlsx') return initWorkbook(standard, opts.output, opts.lang ?? 'zh');
  io.stdout.write(factsTemplate(standard, opts.format, opts.schema, opts.lang ?? 'zh'));
  return EXIT.pass;
}

/** `assess schema --standard <ref>`: the JSON Schema of that standard's facts file. */
export function runSchema(opts: { standard: string; negativeList?: string[] }, io: Io): number {
  const standard = loadStandardSync(opts.standard, { negativeLists: opts.negativeList });
  io.stdout.write(JSON.stringify(standardFactsSchema(standard), null, 2) + '\n');
  return EXIT.pass;
}

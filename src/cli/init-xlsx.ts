import { UsageError } from '../errors.js';
import type { Lang } from '../messages/types.js';
import type { LoadedStandard } from '../standard/types.js';
import { EXIT } from './exit.js';
import { writeAtomic } from './output.js';

/** `assess init --format xlsx --output 台账.xlsx`: the workbook template, written atomically. */
export async function initWorkbook(standard: LoadedStandard, output: string | undefined, lang: Lang): Promise<number> {
  if (!output) throw new UsageError('--format xlsx writes a workbook: name the file with --output, e.g. --output 台账.xlsx');
  const { factsTemplateXlsx } = await import('../report/xlsx/template.js');
  writeAtomic(output, await factsTemplateXlsx(standard, lang), lang);
  return EXIT.pass;
}

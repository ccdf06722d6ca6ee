import type { Formatter } from '../types.js';
import { conclusionSheet, itemsSheet } from './area.js';
import { matrixSheet, overviewSheet, worstFirst } from './batch.js';
import { progressSheet } from './progress.js';
import { rectificationSheet } from './rectification.js';
import { ReportBook } from './writer.js';

/**
 * `--format xlsx --output r.xlsx`. One area: 结论, 工作标准, 整改清单. A batch (several inputs, or
 * a folder): 总览, 矩阵, 整改台账. With --baseline, 本期进展 as well. Written a row at a time
 * (writer.ts), every text cell made safe as it is written.
 */
export const xlsx: Formatter = async (results, options) => {
  const book = await ReportBook.open();
  const { lang } = options;
  if (results.length === 1 && !options.summary) {
    const [r] = results;
    await conclusionSheet(book, r, lang);
    await itemsSheet(book, r, lang);
    await rectificationSheet(book, results, lang, '整改清单');
  } else {
    const sorted = worstFirst(results);
    await overviewSheet(book, results, sorted, lang, options.summary);
    await matrixSheet(book, results, sorted, lang);
    await rectificationSheet(book, results, lang, '整改台账');
  }
  await progressSheet(book, results, lang);
  return book.bytes();
};

/** `--by responsible --format xlsx`: the 整改台账 alone, for one area or many. */
export const xlsxRectification: Formatter = async (results, options) => {
  const book = await ReportBook.open();
  await rectificationSheet(book, results, options.lang, '整改台账');
  return book.bytes();
};

import type { Formatter } from '../types.js';
import { loadExcel } from './sheet.js';
import { conclusionSheet, itemsSheet } from './area.js';
import { matrixSheet, overviewSheet } from './batch.js';
import { progressSheet } from './progress.js';
import { rectificationSheet } from './rectification.js';

async function newBook() {
  const Excel = await loadExcel();
  const book = new Excel.Workbook();
  book.creator = 'weibao';
  return book;
}

/**
 * `--format xlsx --output r.xlsx`. One area: 结论, 工作标准, 整改清单. A batch (several inputs, or
 * a folder): 总览, 矩阵, 整改台账. With --baseline, 本期进展 as well.
 */
export const xlsx: Formatter = async (results, options) => {
  const book = await newBook();
  const { lang } = options;
  if (results.length === 1 && !options.summary) {
    const [r] = results;
    conclusionSheet(book, r, lang);
    itemsSheet(book, r, lang);
    rectificationSheet(book, results, lang, '整改清单');
  } else {
    overviewSheet(book, results, lang, options.summary);
    matrixSheet(book, results, lang);
    rectificationSheet(book, results, lang, '整改台账');
  }
  progressSheet(book, results, lang);
  return Buffer.from(await book.xlsx.writeBuffer());
};

/** `--by responsible --format xlsx`: the 整改台账 alone, for one area or many. */
export const xlsxRectification: Formatter = async (results, options) => {
  const book = await newBook();
  rectificationSheet(book, results, options.lang, '整改台账');
  return Buffer.from(await book.xlsx.writeBuffer());
};

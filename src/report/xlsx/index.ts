import { safeLines } from '../../text/safe.js';
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
  return written(book);
};

/** `--by responsible --format xlsx`: the 整改台账 alone, for one area or many. */
export const xlsxRectification: Formatter = async (results, options) => {
  const book = await newBook();
  rectificationSheet(book, results, options.lang, '整改台账');
  return written(book);
};

/**
 * The workbook's bytes, every text cell made safe first: a path or message from outside (a pack
 * named `x\r达标 \x1b[32m`) would otherwise put an ESC into the sheet's XML, which Excel refuses
 * as a damaged file, or a bidi override into a cell (escaped as on a terminal, src/text/safe.ts).
 */
async function written(book: import('exceljs').Workbook): Promise<Buffer> {
  book.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') {
          const safe = safeLines(cell.value);
          if (safe !== cell.value) cell.value = safe;
        }
      }),
    ),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

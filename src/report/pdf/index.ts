import type { AssessResult } from '../../assess/types.js';
import { renderDocument } from '../html/index.js';
import type { FormatOptions } from '../types.js';
import { findBrowser } from './browser.js';
import { printPdf } from './print.js';

/** A format whose report is bytes, made asynchronously (printing takes a browser). */
export type DocumentFormatter = (results: AssessResult[], options: FormatOptions) => Promise<Uint8Array>;

/**
 * `--format pdf`: the HTML report laid out for paper (GB/T 9704-2012 page, 公文 order) and printed
 * by headless Chromium. The browser is looked for before anything is rendered, so a machine
 * without one fails at once with what to install (exit 4).
 */
export const pdf: DocumentFormatter = async (results, options) => {
  const browser = findBrowser(options.browser, options.lang);
  return printPdf(renderDocument(results, options, 'report', 'print'), { browser, lang: options.lang });
};

/** `--by responsible --format pdf`: the 问题清单 (one area) or 整改台账 (several) as a document. */
export const pdfProblems: DocumentFormatter = async (results, options) => {
  const browser = findBrowser(options.browser, options.lang);
  return printPdf(renderDocument(results, options, 'problems', 'print'), { browser, lang: options.lang });
};

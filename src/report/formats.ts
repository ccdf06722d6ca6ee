import type { Formatter, LayoutFormatter, StreamFormatter } from './types.js';

/**
 * Every report format, by name (Spectral's `Record<OutputFormat, Formatter>`; conftest's
 * `output.Get`): `--format` help and validation, the library's `loadFormatter` and the CLI all
 * read this one list. Each module is imported only once its format is chosen, so a run loads one
 * formatter and its libraries (cli-table3, an xlsx writer, a browser), not all of them.
 *
 * Adding a format is one entry here and one file beside it.
 */
export interface Format {
  /** The whole report: every result at once (and the batch summary, if any). */
  load(): Promise<Formatter>;
  /** The same report written one result at a time, so a batch of any size runs in flat memory. */
  stream?(): Promise<StreamFormatter>;
  /** `--by responsible`: the 整改清单 in this format (absent: the format has none). */
  byResponsible?(): Promise<Formatter>;
  /** The same 整改清单 written one area at a time (as `stream` is to `load`). */
  byResponsibleStream?(): Promise<StreamFormatter>;
  /**
   * In a batch the report (`report`) or the 整改清单 (`byResponsible`) reads of a met item and a
   * clear veto only what slim.ts keeps, so the batch holds each result slimmed (memory).
   */
  slim?: { report?: boolean; byResponsible?: boolean };
  /** A batch's report laid out from parts set aside as results come (types.ts ReportLayout); the report is `load`'s. */
  layout?(): Promise<LayoutFormatter>;
  /** The same for `--by responsible` (the report is `byResponsible`'s). */
  byResponsibleLayout?(): Promise<LayoutFormatter>;
  /** The report is bytes, not text (xlsx, pdf): it is written to `--output` only, never to a terminal. */
  binary?: boolean;
  /** The report shows `--baseline`'s progress (本月进展); given to any other, --baseline is warned about. */
  showsProgress?: boolean;
  /**
   * The report (not --by responsible) prints no item's or veto's `explanation`: it words an item
   * from its reasons (facts.ts whyOf) or prints none, so the CLI asks for no words (assessInput
   * `explain: false`). test/cli/explain-unread.test.ts holds each to the same bytes either way.
   */
  unworded?: boolean;
}


export const FORMATS = {
  table: {
    unworded: true,
    showsProgress: true,
    load: async () => (await import('./table.js')).table,
    byResponsible: async () => (await import('./rectification/table.js')).rectificationTable,
    byResponsibleStream: async () => (await import('./rectification/table.js')).rectificationTableStream,
    // A batch's table is a line per area and the summary (batch-table.ts): what it keeps of each.
    layout: async () => (await import('./table.js')).tableLayout,
  },
  json: {
    showsProgress: true,
    load: async () => (await import('./json.js')).json,
    stream: async () => (await import('./json.js')).jsonStream,
    byResponsible: async () => (await import('./rectification/json.js')).rectificationJson,
    byResponsibleStream: async () => (await import('./rectification/json.js')).rectificationJsonStream,
  },
  markdown: {
    unworded: true,
    showsProgress: true,
    load: async () => (await import('./markdown.js')).markdown,
    layout: async () => (await import('./markdown.js')).markdownLayout,
    byResponsible: async () => (await import('./rectification/markdown.js')).rectificationMarkdown,
    byResponsibleStream: async () => (await import('./rectification/markdown.js')).rectificationMarkdownStream,
  },
  junit: {
    load: async () => (await import('./junit.js')).junit,
    stream: async () => (await import('./junit.js')).junitStream,
  },
  github: {
    load: async () => (await import('./github.js')).github,
    stream: async () => (await import('./github.js')).githubStream,
  },
  html: {
    unworded: true,
    showsProgress: true,
    load: async () => (await import('./html/index.js')).html,
    layout: async () => (await import('./html/index.js')).htmlLayout,
    // The 问题清单 (one area) or 整改台账 (several) as a document of its own.
    byResponsible: async () => (await import('./html/index.js')).htmlProblems,
    byResponsibleLayout: async () => (await import('./html/index.js')).htmlProblemsLayout,
    slim: { byResponsible: true },
  },
  xlsx: {
    // With --baseline the workbook has a 本期进展 sheet (xlsx/progress.ts).
    showsProgress: true,
    load: async () => (await import('./xlsx/index.js')).xlsx,
    byResponsible: async () => (await import('./xlsx/index.js')).xlsxRectification,
    // A batch's workbook from rows set aside as each area is assessed (xlsx/index.ts).
    layout: async () => (await import('./xlsx/index.js')).xlsxLayout,
    byResponsibleLayout: async () => (await import('./xlsx/index.js')).xlsxRectificationLayout,
    slim: { report: true, byResponsible: true },
    binary: true,
  },
  // For a platform: one row per area (Excel, WPS, a data engine), one JSON line per area.
  csv: {
    unworded: true,
    load: async () => (await import('./csv.js')).csv,
    stream: async () => (await import('./csv.js')).csvStream,
    byResponsible: async () => (await import('./rectification/csv.js')).rectificationCsv,
    byResponsibleStream: async () => (await import('./rectification/csv.js')).rectificationCsvStream,
  },
  jsonl: {
    load: async () => (await import('./jsonl.js')).jsonl,
    stream: async () => (await import('./jsonl.js')).jsonlStream,
  },
  // Printed by Chromium from the html document (playwright-core is imported only for this format).
  pdf: {
    binary: true,
    showsProgress: true,
    load: async () => (await import('./pdf/index.js')).pdf,
    // A batch: printed a document at a time and joined (flat memory, in Chromium too).
    // (Its second argument is the print's sizes, a test's: not a layout's bytesOf.)
    layout: async () => {
      const { pdfLayout } = await import('./pdf/layout.js');
      return (options) => pdfLayout(options);
    },
    byResponsible: async () => (await import('./pdf/index.js')).pdfProblems,
    byResponsibleLayout: async () => {
      const { pdfProblemsLayout } = await import('./pdf/layout.js');
      return (options) => pdfProblemsLayout(options);
    },
    slim: { byResponsible: true },
  },
} satisfies Record<string, Format>;

export type OutputFormat = keyof typeof FORMATS;

/** The format names, in the order `--help` lists them. */
export const FORMAT_NAMES = Object.keys(FORMATS) as OutputFormat[];

/** The format called `name`, or undefined (an own key only: `constructor` is no format). */
export function formatOf(name: string): Format | undefined {
  return Object.prototype.hasOwnProperty.call(FORMATS, name) ? (FORMATS as Record<string, Format>)[name] : undefined;
}

/** The whole-report formatter called `name` (library API). */
export function loadFormatter(name: string): Promise<Formatter> | undefined {
  return formatOf(name)?.load();
}

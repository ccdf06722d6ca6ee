import type { AssessResult, Lang } from '../assess/types.js';
import type { BatchSummary } from '../packs/summary.js';

export interface FormatOptions {
  lang: Lang;
  /** ANSI colour; formatters never look at the terminal themselves. */
  color: boolean;
  /** Columns available for text (table). */
  width: number;
  /** Set when several packs were assessed: counts, worst areas, most-failed items, invalid packs. */
  summary?: BatchSummary;
}

/** A formatter: results in, text out. One file each, chosen by name in index.ts. */
export type Formatter = (results: AssessResult[], options: FormatOptions) => string;

import type { AssessResult, Lang } from '../assess/types.js';

export interface FormatOptions {
  lang: Lang;
  /** ANSI colour; formatters never look at the terminal themselves. */
  color: boolean;
  /** Columns available for text (table). */
  width: number;
}

/** A formatter: results in, text out. One file each, chosen by name in index.ts. */
export type Formatter = (results: AssessResult[], options: FormatOptions) => string;

import type { InputProblem } from '../errors.js';

/** A parsed document and a way back from a JSON pointer to where it stands in the text. */
export interface Parsed {
  value: unknown;
  /** In a workbook, `cell` (`事实!F12`) says where; line and column are then its row and column number. */
  locate(pointer: string): { line: number; column: number; cell?: string } | undefined;
  /**
   * True where the reader looked at every key and string and found no control character
   * (source/control-chars.ts), so validation need not look again; unset where it didn't look.
   */
  textClean?: boolean;
  /**
   * Each object directly under the top level (a facts file's facts, evidence and area) with its
   * own keys and values, as the reader's walk listed them, so that validation need not list them
   * again. Only where the reading goes straight to validation (readFactsSource): a listing
   * describes the value as read, and a value a caller changed between reading and validating
   * would be checked by a stale one, so the readers a library caller gets (readDocument,
   * parseText) leave it out.
   */
  listed?: ReadonlyMap<object, Listing>;
  /**
   * What the reader found wrong and read past, the value left out (null, as if not filled in): a
   * workbook's cell whose formula has no saved result, an error cell (#DIV/0!), a 键 given twice.
   * Validation reports them with its own, so a clerk sees every problem of the file at once;
   * readDocument, which does not validate, throws them.
   */
  problems?: readonly InputProblem[];
}

/** An object's own keys in order (Object.keys), and the value of each. */
export interface Listing {
  keys: readonly string[];
  values: readonly unknown[];
}

export interface ParseLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Deepest nesting of objects and arrays. */
  maxDepth: number;
  /** Most YAML alias expansions (a "billion laughs" document fails fast). */
  maxAliases: number;
  /** Most keys in one document, all mappings counted (default 100,000: a facts file has a few hundred). */
  maxKeys?: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxDepth: 64,
  maxAliases: 100,
  maxKeys: 100_000,
};

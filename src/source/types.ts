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

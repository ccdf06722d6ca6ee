import type { DiffFormatter } from './types.js';

/**
 * Every `assess diff` format, by name: `--format` help and validation, the library's
 * `loadDiffFormatter` and the CLI read this one list; each module is imported once chosen.
 */
export const DIFF_FORMATS = {
  table: async () => (await import('./table.js')).table,
  json: async () => (await import('./json.js')).json,
  markdown: async () => (await import('./markdown.js')).markdown,
} satisfies Record<string, () => Promise<DiffFormatter>>;

export type DiffFormat = keyof typeof DIFF_FORMATS;

export const DIFF_FORMAT_NAMES = Object.keys(DIFF_FORMATS) as DiffFormat[];

/** The diff formatter called `name`, or undefined. */
export function loadDiffFormatter(name: string): Promise<DiffFormatter> | undefined {
  return Object.prototype.hasOwnProperty.call(DIFF_FORMATS, name) ? DIFF_FORMATS[name as DiffFormat]() : undefined;
}

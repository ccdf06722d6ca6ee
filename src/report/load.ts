import type { Formatter, StreamFormatter } from './types.js';

/**
 * The CLI's way to the formatters of index.ts: the same names, each module imported only once
 * chosen, so a run loads one formatter and its libraries (chalk, cli-table3 for a table), not
 * all six. A test holds the names equal to index.ts's.
 */
const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  table: async () => (await import('./table.js')).table,
  json: async () => (await import('./json.js')).json,
  markdown: async () => (await import('./markdown.js')).markdown,
  junit: async () => (await import('./junit.js')).junit,
  github: async () => (await import('./github.js')).github,
  html: async () => (await import('./html/index.js')).html,
};

/** Formats whose report can be written one result at a time (a batch's memory stays flat). */
const STREAMS: Record<string, () => Promise<StreamFormatter>> = {
  json: async () => (await import('./json.js')).jsonStream,
  junit: async () => (await import('./junit.js')).junitStream,
  github: async () => (await import('./github.js')).githubStream,
};

/** `--by responsible`: the 整改清单 formatters (html includes its own 整改清单 section). */
const RECTIFICATION: Record<string, () => Promise<Formatter>> = {
  table: async () => (await import('./rectification/table.js')).rectificationTable,
  json: async () => (await import('./rectification/json.js')).rectificationJson,
  markdown: async () => (await import('./rectification/markdown.js')).rectificationMarkdown,
  html: FORMATTERS.html,
};

export const FORMAT_NAMES: readonly string[] = Object.keys(FORMATTERS);

const own = <T>(o: Record<string, T>, k: string) => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

export function loadFormatter(name: string): Promise<Formatter> | undefined {
  return own(FORMATTERS, name)?.();
}

export function loadStreamFormatter(name: string): Promise<StreamFormatter> | undefined {
  return own(STREAMS, name)?.();
}

export function loadRectificationFormatter(name: string): Promise<Formatter> | undefined {
  return own(RECTIFICATION, name)?.();
}

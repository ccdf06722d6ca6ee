import { github } from './github.js';
import { html } from './html/index.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { table } from './table.js';
import { rectificationJson } from './rectification/json.js';
import { rectificationMarkdown } from './rectification/markdown.js';
import { rectificationTable } from './rectification/table.js';
import type { Formatter } from './types.js';

/** Formatters by name; `--format` help and validation come from this list. */
const FORMATTERS: Record<string, Formatter> = { table, json, markdown, junit, github, html };

export function formatNames(): string[] {
  return Object.keys(FORMATTERS);
}

export function getFormatter(name: string): Formatter | undefined {
  return Object.prototype.hasOwnProperty.call(FORMATTERS, name) ? FORMATTERS[name] : undefined;
}

export type { Formatter, FormatOptions } from './types.js';

/** `--by responsible`: the 整改清单 formatters (html includes its own 整改清单 section). */
const RECTIFICATION: Record<string, Formatter> = { table: rectificationTable, json: rectificationJson, markdown: rectificationMarkdown };

export function getRectificationFormatter(name: string): Formatter | undefined {
  if (name === 'html') return getFormatter('html');
  return Object.prototype.hasOwnProperty.call(RECTIFICATION, name) ? RECTIFICATION[name] : undefined;
}

import { github } from './github.js';
import { html } from './html/index.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { table } from './table.js';
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

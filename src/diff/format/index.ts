import { json } from './json.js';
import { markdown } from './markdown.js';
import { table } from './table.js';
import type { DiffFormatter } from './types.js';

/** Diff formatters by name; `assess diff --format` help and validation come from this list. */
const FORMATTERS: Record<string, DiffFormatter> = { table, json, markdown };

export function diffFormatNames(): string[] {
  return Object.keys(FORMATTERS);
}

export function getDiffFormatter(name: string): DiffFormatter | undefined {
  return Object.prototype.hasOwnProperty.call(FORMATTERS, name) ? FORMATTERS[name] : undefined;
}

export type { DiffFormatter } from './types.js';

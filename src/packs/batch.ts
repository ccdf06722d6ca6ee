import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACK_FACTS_FILES } from '../facts/load.js';

export interface Expanded {
  /** Facts files and pack directories to assess, in order. */
  inputs: string[];
  /** True when a directory of packs was expanded or there are several inputs: report as a batch. */
  batch: boolean;
}

/**
 * `assess packs/` and `assess packs/*` name the same batch. A directory that holds no facts file
 * of its own but has sub-directories is a directory of packs: each visible sub-directory is one
 * pack (sorted by name, so reports are stable); loose files beside them (a README, last month's
 * report) are not packs. A sub-directory without a facts file is still listed, so it is reported
 * as an invalid pack instead of being skipped silently.
 */
export function expandInputs(inputs: string[]): Expanded {
  const out: string[] = [];
  let expanded = false;
  for (const input of inputs) {
    const packs = isDirectory(input) && !hasFactsFile(input) ? subdirectories(input) : [];
    if (packs.length) {
      out.push(...packs.map((name) => join(input, name)));
      expanded = true;
    } else {
      out.push(input);
    }
  }
  return { inputs: out, batch: expanded || out.length > 1 };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function hasFactsFile(dir: string): boolean {
  return PACK_FACTS_FILES.some((f) => existsSync(join(dir, f)));
}

function subdirectories(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && isDirectory(join(dir, name)))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

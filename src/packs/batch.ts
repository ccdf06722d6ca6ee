import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PACK_FACTS_FILES } from '../facts/load.js';
import { misnamedAs } from '../source/pack.js';

export interface Expanded {
  /** Facts files and pack directories to assess, in order. */
  inputs: string[];
  /** True when a directory was expanded or there are several inputs: report as a batch. */
  batch: boolean;
  /**
   * The other visible files of the folders expanded (a Word document, a PDF, an image), the
   * folder's own notes aside (isFolderDoc): not areas, so not assessed, but named in a warning —
   * an area's submission sent in another form would otherwise be missing from the district's
   * report without a word. Sorted as the members.
   */
  skipped: string[];
}

/**
 * What a facts file is called inside a batch directory: JSON, YAML or a filled 台账 workbook
 * (a pack's own facts file is found by PACK_FACTS_FILES).
 */
export const FACTS_FILE_EXTENSIONS: readonly string[] = ['.json', '.yaml', '.yml', '.xlsx'];

/**
 * Spreadsheets weibao does not read — an old .xls, WPS's .et, a macro workbook, a binary or
 * OpenDocument sheet, one saved as CSV. In a folder of submissions each is most likely an area's:
 * listed, so it is refused with what to do (save it as .xlsx) rather than left out of the batch
 * without a word, which a district would not notice.
 */
export const REFUSED_SPREADSHEET_EXTENSIONS: readonly string[] = ['.xls', '.xlsm', '.xlsb', '.et', '.ods', '.csv'];

/**
 * `assess areas/` and `assess areas/*` name the same batch (38,600 paths don't fit on a command
 * line, a folder does). A directory that holds no facts file of its own is a batch of what it
 * holds: each visible sub-directory is one pack and each `*.json`/`*.yaml`/`*.xlsx` file one area's facts,
 * sorted by name in code-unit order (the same on every machine and locale, so reports are
 * stable); a spreadsheet weibao does not read (REFUSED_SPREADSHEET_EXTENSIONS) is listed to be
 * refused with its fix; other loose files (a README, a Word document) are not areas, and but for
 * the folder's own notes are returned as `skipped` for the caller to name in a warning. A sub-directory
 * without a facts file is still listed, so it is reported as an invalid pack instead of being
 * skipped silently; a directory with nothing to assess stays one input (and gets that error).
 */
export function expandInputs(inputs: string[], leaveOut: readonly string[] = []): Expanded {
  const out: string[] = [];
  const skipped: string[] = [];
  let expanded = false;
  // `leaveOut`: reports of ours named for another part in this run — the report --output replaces
  // (isAssessReport), the --baseline — found in a folder being expanded: not areas of the batch.
  // Named on their own, they stay inputs.
  const left = leaveOut.map((file) => ({ dir: real(dirname(file)), name: basename(file) }));
  for (const input of inputs) {
    const listed = isDirectory(input) && !hasFactsFile(input) ? batchMembers(input) : { members: [], others: [], misnamed: false };
    // A pack whose facts file is misnamed (facts.json.txt, Facts.JSON) is one input, told to rename it, not a batch of its evidence folder.
    let { members, others } = listed.misnamed ? { members: [], others: [] } : listed;
    if (left.length && (members.length || others.length)) {
      const dir = real(input);
      const names = new Set(left.filter((l) => l.dir === dir).map((l) => l.name));
      if (names.size) {
        members = members.filter((name) => !names.has(name));
        others = others.filter((name) => !names.has(name));
      }
    }
    if (members.length) {
      for (const name of members) out.push(join(input, name));
      for (const name of others) skipped.push(join(input, name));
      expanded = true;
    } else {
      out.push(input);
    }
  }
  return { inputs: out, batch: expanded || out.length > 1, skipped };
}

/** Whether `file` stands in a folder of `inputs` that is expanded as a batch (expandInputs): only then can it be one of its members. */
export function inBatchFolder(inputs: readonly string[], file: string): boolean {
  const dir = real(dirname(file));
  return inputs.some((input) => isDirectory(input) && !hasFactsFile(input) && real(input) === dir);
}

/** A path with its links resolved, as far as they resolve. */
function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

function hasFactsFile(dir: string): boolean {
  return PACK_FACTS_FILES.some((f) => existsSync(join(dir, f)));
}

/**
 * The names in `dir` that are packs or facts files and those of its other files, each sorted, and
 * whether one is a pack's facts file misnamed (misnamedAs); one readdir, a stat only for links.
 */
function batchMembers(dir: string): { members: string[]; others: string[]; misnamed: boolean } {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return { members: [], others: [], misnamed: false };
  }
  const names: string[] = [];
  const others: string[] = [];
  let misnamed = false;
  for (const e of entries) {
    // Hidden files, and the lock file Excel and WPS leave beside an open workbook (~$台账.xlsx).
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const directory = e.isDirectory() || (e.isSymbolicLink() && isDirectory(join(dir, e.name)));
    // A link that leads nowhere (dangling, or a loop) may have been a pack: listed, so it is
    // reported as unreadable (exit 3) instead of vanishing from the batch without a word.
    const broken = e.isSymbolicLink() && !directory && !exists(join(dir, e.name));
    if (!directory && misnamedAs(e.name, PACK_FACTS_FILES)) misnamed = true;
    if (directory || broken || isFactsFileName(e.name) || hasExtension(e.name, REFUSED_SPREADSHEET_EXTENSIONS)) names.push(e.name);
    else if (!isFolderDoc(e.name)) others.push(e.name);
  }
  return { members: names.sort(byCodeUnits), others: others.sort(byCodeUnits), misnamed };
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A folder's own notes — a repository's README, LICENSE or CHANGELOG, any Markdown or plain text
 * file — which no area sends as its submission: not named in the warning, which a repository of
 * packs checked in CI would otherwise print on every run.
 */
function isFolderDoc(name: string): boolean {
  // A facts file Notepad saved with .txt after its name (新华路街道.json.txt) is an area's, not a note.
  if (hasExtension(name, ['.json.txt', '.yaml.txt', '.yml.txt'])) return false;
  return /^(?:readme|licen[cs]e|copying|changelog|notice|contributing|authors|codeowners)(?:\.[^.]*)?$/i.test(name) || hasExtension(name, ['.md', '.markdown', '.txt', '.rst', '.adoc']);
}

export function isFactsFileName(name: string): boolean {
  return hasExtension(name, FACTS_FILE_EXTENSIONS);
}

function hasExtension(name: string, extensions: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return extensions.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hint, InputError, problem } from '../errors.js';
import { parseDocument, readBounded, readUnlessDirectory } from '../source/read.js';
import { misnamedFactsFile, packFactsFile } from '../source/pack.js';
import { isPathRef } from '../standard/registry.js';
import { DEFAULT_LIMITS, type ParseLimits, type Parsed } from '../source/types.js';

export const PACK_FACTS_FILES = ['facts.json', 'facts.yaml', 'facts.yml', 'facts.xlsx'];

export interface FactsSource {
  /** What the user named: a facts file or a pack directory. */
  input: string;
  /** The facts file itself. */
  file: string;
  /** The pack directory, when the input is one. */
  pack?: string;
  /** As read, with the reader's listing of keys and values (Parsed.listed): validated as it is, unchanged. */
  parsed: Parsed;
}

/** Read a facts file, or the facts file of a data pack (a directory holding facts.json|yaml). */
export function readFactsSource(input: string, limits: ParseLimits = DEFAULT_LIMITS): FactsSource {
  let bytes: Buffer | undefined;
  try {
    bytes = readUnlessDirectory(input, limits.maxBytes);
  } catch (e) {
    // A directory that can't be opened (no read permission) is still a pack, looked into as before.
    if (!(existsSync(input) && statSync(input).isDirectory())) throw e;
  }
  if (bytes) return { input, file: input, pack: undefined, parsed: parseDocument(bytes, input, limits) };
  const file = packFactsFile(input, PACK_FACTS_FILES); // one, inside the pack (source/pack.ts)
  if (!file) {
    // facts.json.txt (Notepad's), Facts.JSON: the pack's facts file under another name, named with the one it should have.
    const misnamed = misnamedFactsFile(input, PACK_FACTS_FILES);
    const fix = misnamed ? hint('input.read.noFacts.rename', { ...misnamed, txt: /\.txt\s*$/i.test(misnamed.found) }) : hint('input.read.noFacts.fix');
    throw new InputError('read', input, [{ message: 'is a directory without facts.json or facts.yaml', expected: 'a facts file, or a data pack directory holding facts.json or facts.yaml', id: 'input.read.noFacts', hint: fix }]);
  }
  return { input, file, pack: input, parsed: parseDocument(readBounded(file, limits.maxBytes), file, limits) };
}

/**
 * The `standard` a facts file names for itself, if it names one: a bundled id or id@version only.
 * A path is refused: the file comes from a submitter, who must not choose to be judged by a
 * standard of their own writing, nor make the tool open any file on the machine.
 */
export function declaredStandard(parsed: Parsed, file?: string): string | undefined {
  const v = parsed.value;
  if (v && typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, 'standard')) {
    const s = (v as { standard: unknown }).standard;
    if (typeof s === 'string' && isPathRef(s)) {
      throw new InputError('schema', file, [
        { pointer: '/standard', ...parsed.locate('/standard'), message: `"standard" names a file (${JSON.stringify(s.length > 60 ? s.slice(0, 57) + '…' : s)})`, expected: 'id@version of a bundled standard (a standard file is given with --standard)' },
      ]);
    }
    // "standard": "" names nothing: said where it stands, not as an unknown standard "" with no place.
    if (typeof s === 'string' && s.trim() === '') {
      throw new InputError('schema', file, [problem({ pointer: '/standard', ...parsed.locate('/standard'), hint: hint('io.standard.empty.fix') }, 'io.standard.empty')]);
    }
    return typeof s === 'string' ? s : undefined;
  }
  return undefined;
}

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hint, InputError, problem } from '../errors.js';
import { editDistance } from '../text/edit-distance.js';
import { standardNamedBy, wordsOf } from './named-by.js';
import type { StandardRef } from './types.js';

/** The bundled standards: standards/<id>/<version>.yaml. */
export const STANDARDS_DIR = fileURLToPath(new URL('../../standards/', import.meta.url));

export const DEFAULT_STANDARD = 'changning-demo-street';

export type { StandardRef } from './types.js';

/** A ref is `id@version`, a bare `id` (its latest version), or a path to a YAML file. */
export function isPathRef(ref: string): boolean {
  return /[\\/]/.test(ref) || /\.ya?ml$/i.test(ref);
}

export function listBundled(dir = STANDARDS_DIR): StandardRef[] {
  const out: StandardRef[] = [];
  for (const id of readdirSync(dir, { withFileTypes: true })) {
    if (!id.isDirectory()) continue;
    out.push(...versionsIn(dir, id.name));
  }
  return out.sort((a, b) => a.id.localeCompare(b.id) || compareVersions(a.version, b.version));
}

/** The versions of one id, as listBundled names them (unsorted). */
function versionsIn(dir: string, id: string): StandardRef[] {
  const out: StandardRef[] = [];
  for (const f of readdirSync(join(dir, id))) {
    const m = VERSION_FILE.exec(f);
    if (m && !f.endsWith('.cases.yaml')) out.push({ id, version: m[1], file: join(dir, id, f) });
  }
  return out;
}

const VERSION_FILE = /^([^.]+(?:\.[^.]+)*)\.yaml$/;

// Resolved refs, per directory: a batch of 10,000 packs naming the same standard lists the
// directory once, not 10,000 times.
const resolved = new Map<string, StandardRef>();

/** Resolve `id@version` or `id` to a bundled file; unknown ids and versions are invalid input. */
export function resolveBundled(ref: string, dir = STANDARDS_DIR): StandardRef {
  const key = `${dir}\0${ref}`;
  let hit = resolved.get(key);
  if (!hit) {
    hit = resolveOnce(ref, dir);
    resolved.set(key, hit);
  }
  return { ...hit };
}

function resolveOnce(ref: string, dir: string): StandardRef {
  // One @ at most: `x@2023@junk` is not quietly read as x@2023.
  if (ref.split('@').length > 2) throw new InputError('not-found', undefined, [problem({ expected: 'id@version, e.g. changning-demo-street@2023', hint: hint('input.fix.standardRef') }, 'input.standard.twoAts', { ref })]);
  const [id, version] = ref.split('@', 2);
  // The common cases, id@version of a bundled standard and an id alone (a facts file without
  // "standard" asks for the default id's latest): look in that id's directory only, with no
  // listing and sorting of every standard. Collation is what a cold start would pay most for
  // (ICU's first use, ~14 ms of CPU): an id with one version is not sorted at all.
  if (id !== '' && !/[\\/]/.test(id) && id !== '.' && id !== '..') {
    try {
      if (statSync(join(dir, id)).isDirectory()) {
        const versions = versionsIn(dir, id);
        const found = version === undefined ? latest(versions) : versions.find((s) => s.version === version);
        if (found) return found;
      }
    } catch {
      // no such id: the full listing below says which ids there are
    }
  }
  const all = listBundled(dir);
  const versions = all.filter((s) => s.id === id);
  if (!versions.length) {
    const known = [...new Set(all.map((s) => s.id))];
    // Each id's words (its latest version's title): a standard named by its title instead of its
    // id is told its id alone, and with neither a near id nor a title to go by, the list of ids
    // says which is which.
    const words = wordsOf(all);
    const titleOf = (wanted: string) => words.filter((w) => w.ref.id === wanted).at(-1)?.title;
    const typo = closestName(id, known);
    const named = typo ? undefined : standardNamedBy(ref, words);
    const fix = named
      ? hint('input.fix.standardByTitle', { ref: `${named.id}@${named.version}`, title: words.find((w) => w.ref === named)?.title ?? named.id })
      : hint('input.fix.standards', typo ? { known, near: typo } : { known, titles: known.map((k) => titleOf(k) ?? '') });
    throw new InputError('not-found', undefined, [
      problem({ expected: `one of: ${known.join(', ')} (or a path to a standard's YAML file)`, hint: fix }, 'input.standard.unknown', { ref }),
    ]);
  }
  if (version === undefined) return versions[versions.length - 1];
  const hit = versions.find((s) => s.version === version);
  if (!hit) {
    throw new InputError('not-found', undefined, [
      problem({ expected: `one of: ${versions.map((s) => s.version).join(', ')}`, hint: hint('input.fix.versions', { id, versions: versions.map((s) => s.version) }) }, 'input.standard.noVersion', { id, version }),
    ]);
  }
  return hit;
}

export function bundledExists(ref: string, dir = STANDARDS_DIR): boolean {
  return existsSync(dir) && listBundled(dir).some((s) => `${s.id}@${s.version}` === ref);
}

/** The known id closest to a mistyped one (edit distance ≤ 3), for did-you-mean. */
function closestName(word: string, names: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const name of names) {
    const d = editDistance(word, name);
    if (d < bestDistance) (best = name), (bestDistance = d);
  }
  return best;
}

/** The last of `versions` in listBundled's order (its sort is stable: of equals, the last listed); undefined for none, and one version is not compared. */
function latest(versions: StandardRef[]): StandardRef | undefined {
  return versions.reduce<StandardRef | undefined>((last, s) => (last === undefined || compareVersions(s.version, last.version) >= 0 ? s : last), undefined);
}

function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

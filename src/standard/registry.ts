import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';

/** The bundled standards: standards/<id>/<version>.yaml. */
export const STANDARDS_DIR = fileURLToPath(new URL('../../standards/', import.meta.url));

export const DEFAULT_STANDARD = 'changning-demo-street';

export interface StandardRef {
  id: string;
  version: string;
  file: string;
}

/** A ref is `id@version`, a bare `id` (its latest version), or a path to a YAML file. */
export function isPathRef(ref: string): boolean {
  return /[\\/]/.test(ref) || /\.ya?ml$/i.test(ref);
}

export function listBundled(dir = STANDARDS_DIR): StandardRef[] {
  const out: StandardRef[] = [];
  for (const id of readdirSync(dir, { withFileTypes: true })) {
    if (!id.isDirectory()) continue;
    for (const f of readdirSync(join(dir, id.name))) {
      const m = /^([^.]+(?:\.[^.]+)*)\.yaml$/.exec(f);
      if (m && !f.endsWith('.cases.yaml')) out.push({ id: id.name, version: m[1], file: join(dir, id.name, f) });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id) || compareVersions(a.version, b.version));
}

/** Resolve `id@version` or `id` to a bundled file; unknown ids and versions are invalid input. */
export function resolveBundled(ref: string, dir = STANDARDS_DIR): StandardRef {
  const [id, version] = ref.split('@', 2);
  const all = listBundled(dir);
  const versions = all.filter((s) => s.id === id);
  if (!versions.length) {
    const known = [...new Set(all.map((s) => s.id))].join(', ');
    throw new InputError('not-found', undefined, [
      { message: `unknown standard "${ref}"`, expected: `one of: ${known} (or a path to a standard's YAML file)` },
    ]);
  }
  if (version === undefined) return versions[versions.length - 1];
  const hit = versions.find((s) => s.version === version);
  if (!hit) {
    throw new InputError('not-found', undefined, [
      { message: `standard "${id}" has no version "${version}"`, expected: `one of: ${versions.map((s) => s.version).join(', ')}` },
    ]);
  }
  return hit;
}

export function bundledExists(ref: string, dir = STANDARDS_DIR): boolean {
  return existsSync(dir) && listBundled(dir).some((s) => `${s.id}@${s.version}` === ref);
}

function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

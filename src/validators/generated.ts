import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type { Options, ValidateFunction } from 'ajv';

/**
 * ajv validators generated at build time (scripts/prebuild.mjs, with ajv's standalone code, in
 * dist/ajv/), so a run neither loads ajv nor compiles a schema. A module is looked up under a
 * name hashed from its schema and ajv options, and used only if the schema and options it was
 * generated from (which it carries) are exactly those asked for: a standard with facts of its
 * own, an edited vocabulary or schema, or a build older than the source find none and compile
 * at run time, as before. Never a stale validator.
 *
 * Each module comes with V8's code cache of itself, taken after one call (the build's), so a
 * run neither parses nor compiles its few hundred KB of generated code; V8 ignores a cache that
 * doesn't fit (another Node, other flags) and compiles as usual.
 */
export const GENERATED_DIR = fileURLToPath(new URL('../../dist/ajv/', import.meta.url));

const require = createRequire(import.meta.url);

export interface GeneratedKey {
  /** File name (without extension) under GENERATED_DIR. */
  name: string;
  /** JSON of [ajv options, schema]: what the module must have been generated from. */
  text: string;
}

export function generatedKey(kind: string, options: Options, schema: unknown): GeneratedKey {
  const text = JSON.stringify([options, schema]);
  return { name: `${kind}-${hashText(text)}`, text };
}

export function generatedFile(name: string): string {
  return `${GENERATED_DIR}${name}.cjs`;
}

export function cacheFile(name: string): string {
  return `${GENERATED_DIR}${name}.v8cache`;
}

/** What the build appends to a standalone module: the key it answers to. */
export function keyExport(key: GeneratedKey): string {
  return `\nmodule.exports.generatedFrom = ${JSON.stringify(key.text)};\n`;
}

type Exports = Record<string, ValidateFunction> & { generatedFrom?: string };

/** The build's module for `key`, if there is one made from exactly that schema (else undefined: compile at run time). */
export function loadGenerated(key: GeneratedKey): Exports | undefined {
  let loaded: ReturnType<typeof runModule>;
  try {
    loaded = runModule(key.name, true);
  } catch {
    return undefined;
  }
  return loaded.exports.generatedFrom === key.text ? loaded.exports : undefined;
}

/**
 * Run a generated CommonJS module the way require would (same wrapper, a require relative to
 * it), but through vm.Script so that V8's code cache can be given and taken.
 */
export function runModule(name: string, useCache: boolean): { exports: Exports; script: Script } {
  const file = generatedFile(name);
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  if (useCache) {
    try {
      cachedData = readFileSync(cacheFile(name));
    } catch {
      cachedData = undefined;
    }
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as Exports };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script };
}

/** ajv itself, loaded only when a schema has to be compiled at run time (synchronous: ajv is CommonJS). */
export function ajvClass(): typeof import('ajv').Ajv {
  return (require('ajv') as typeof import('ajv')).Ajv;
}

/** cyrb53: a file name, not a check (loadGenerated compares the whole schema). */
function hashText(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Options, ValidateFunction } from 'ajv';

/**
 * ajv validators generated at build time (scripts/prebuild.mjs, with ajv's standalone code, in
 * dist/ajv/), so a run neither loads ajv nor compiles a schema. A module is looked up under a
 * name hashed from its schema and ajv options, and used only if the schema and options it was
 * generated from (which it carries) are exactly those asked for: a standard with facts of its
 * own, an edited vocabulary or schema, or a build older than the source find none and compile
 * at run time, as before. Never a stale validator.
 *
 * Why a second way to get a validator: compiling the facts schema with ajv at run time costs
 * ~0.4 s of CPU whenever a facts file needs ajv (cold start 0.26 s → 0.65 s of CPU; `npm run
 * bench`'s cold start with quickValid off); test/validators/ holds them equal to runtime ajv.
 * (V8's code cache of these modules was tried and removed: under 10% of the cold start.)
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

/** What the build appends to a standalone module: the key it answers to. */
export function keyExport(key: GeneratedKey): string {
  return `\nmodule.exports.generatedFrom = ${JSON.stringify(key.text)};\n`;
}

type Exports = Record<string, ValidateFunction> & { generatedFrom?: string };

/** The build's module for `key`, if there is one made from exactly that schema (else undefined: compile at run time). */
export function loadGenerated(key: GeneratedKey): Exports | undefined {
  let exports: Exports;
  try {
    exports = require(generatedFile(key.name)) as Exports;
  } catch {
    return undefined;
  }
  return exports.generatedFrom === key.text ? exports : undefined;
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

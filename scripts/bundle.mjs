#!/usr/bin/env node
// After tsc and prebuild (`npm run build`): what bin/assess.js and a batch's worker thread load,
// bundled from dist/ into dist/bundle/ with esbuild. Loaded file by file, the CLI was ~113 ES
// modules, each resolved, read and compiled on the main thread before the first area, and a
// worker thread loads its ~83 again: a one-file run opened 122 files of dist/, now 43. The bundle is
// the same code tsc emitted (dist/*.js, not the TypeScript), joined: each entry one file, the
// modules entries share in chunks of their own, and what is imported lazily (a command's module,
// a format's writer, ajv, yaml, exceljs, playwright …) still loaded only when a run needs it —
// code-splitting keeps each dynamic import() a chunk of its own, and packages stay outside the
// bundle, required or imported from node_modules as before.
//
// dist/ stays as tsc wrote it: the library API (dist/index.js) and the tests use it. The bundle's
// files sit one directory below dist/, as dist/<folder>/*.js do, so paths made from
// import.meta.url (`../../standards/`, `../standards/`, `../../dist/ajv/`, `../../package.json`)
// name the same files from either; the workers' module and the CLI's step are looked for beside
// the module asking first (builtModule, src/packs/prestart.ts), and are entries here.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const OUT = new URL('../dist/bundle/', import.meta.url);
const ENTRIES = ['packs/prestart', 'packs/workers-entry', 'cli/main', 'cli/exit', 'cli/output', 'cli/signals', 'cli/assess-step'];

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: ENTRIES.map((e) => fileURLToPath(new URL(`../dist/${e}.js`, import.meta.url))),
  outdir: fileURLToPath(OUT),
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // tsc's output as it is, not minified. Names are not kept (esbuild's keepNames: a __name()
  // call for each of ~1,600 functions and classes as its module loads, 34 M instructions of a
  // one-file run's ~1,000 M under callgrind): where joining modules renames one, two modules'
  // `load` say, only a --debug stack trace shows it. A class's name is read (an error's name is
  // its class's, src/errors.ts new.target.name), so a renamed class fails the build, below.
  keepNames: false,
  legalComments: 'none',
  logLevel: 'warning',
});

// Every error class under its own name: esbuild renames a top-level name only when two modules
// joined in one file declare it, and an error's name is its class's (src/errors.ts). Every class
// that extends another is an error here; esbuild writes one as `var Name = class extends …`, or
// `class _Name extends …` (which then is its name) when its body names it.
const DECLARED = /^\s*(?:export\s+)?class\s+([\w$]+)\s+extends\b/gm;
const BUNDLED = /^\s*(?:var\s+([\w$]+)\s*=\s*class(?:\s+([\w$]+))?|class\s+([\w$]+))\s+extends\b/gm;
const namesIn = (dir, pattern, names = new Set()) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(e.name + (e.isDirectory() ? '/' : ''), dir);
    if (e.isDirectory() && path.href !== OUT.href) namesIn(path, pattern, names);
    else if (e.name.endsWith('.js')) for (const m of readFileSync(path, 'utf8').matchAll(pattern)) names.add(m[3] ?? m[2] ?? m[1]);
  }
  return names;
};
const declared = namesIn(new URL('../dist/', import.meta.url), DECLARED);
const renamed = [...namesIn(OUT, BUNDLED)].filter((name) => !declared.has(name));
if (renamed.length) {
  console.error(`bundle: error classes renamed by esbuild (${renamed.join(', ')}); an error's name is its class's (src/errors.ts): give them names of their own in the sources`);
  process.exit(1);
}

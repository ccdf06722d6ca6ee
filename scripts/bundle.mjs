#!/usr/bin/env node
// After tsc and prebuild (`npm run build`): what bin/assess.js and a batch's worker thread load,
// bundled from dist/ into dist/bundle/ with esbuild. Loaded file by file, the CLI was ~113 ES
// modules, each resolved, read and compiled on the main thread before the first area (~40 ms of
// a one-file run's ~100 ms of start-up), and a worker thread loads its ~83 again. The bundle is
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
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const OUT = new URL('../dist/bundle/', import.meta.url);
const ENTRIES = ['packs/prestart', 'packs/workers-entry', 'cli/main', 'cli/exit', 'cli/output', 'cli/signals', 'cli/assess-step'];

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: ENTRIES.map((e) => new URL(`../dist/${e}.js`, import.meta.url).pathname),
  outdir: OUT.pathname,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // tsc's output as it is, not minified. Names kept where joining modules renames one (two
  // modules' `load`): an error's name is its class's (src/errors.ts, new.target.name).
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
});

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
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const OUT = new URL('../dist/bundle/', import.meta.url);
const ENTRIES = ['packs/prestart', 'packs/workers-entry', 'cli/main', 'cli/exit', 'cli/output', 'cli/signals', 'cli/assess-step'];

rmSync(OUT, { recursive: true, force: true });

// commander, the one package every run loads, joined into a file of its own (commander.js here)
// that the bundle imports instead of node_modules/commander. As a package it is an ES wrapper
// (esm.mjs) over seven CommonJS files: each resolved, read, wrapped and compiled, and the wrapper
// read by Node's CommonJS export lexer first — ~86 M instructions of a one-file run under
// callgrind (`node --single-threaded` importing it alone: 637 M against 551 M for an empty
// module). Its own file, not a chunk of ours: joined with our modules, esbuild renamed its
// classes (CommanderError2, _Command) where their names are read (an error's name is its class's).
// Its named exports are bound under other names so that nothing at its top level collides with a
// class inside it; its require() of Node's modules needs a require of its own in an ES module.
const require = createRequire(import.meta.url);
const COMMANDER_OUT = new URL('commander.js', OUT);
const COMMANDER = require.resolve('commander');
const commanderNames = Object.keys(require('commander'));
// commander requires node:child_process as it loads, for one thing: to spawn a subcommand that is
// an executable of its own, which weibao has none of. Loading it (with net, dgram, streams …)
// cost ~50 M instructions of every run (`import 'node:child_process'` alone under callgrind:
// 602 M against 551 M); it now loads if spawn is ever called.
const spawnWhenAsked = {
  name: 'spawn-when-asked',
  setup: (b) => {
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (args.importer.endsWith('command.js') ? { path: 'child_process', namespace: 'spawn-when-asked' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'spawn-when-asked' }, () => ({
      contents: "let childProcess;\nexports.spawn = (...args) => (childProcess ??= require('node:child_process')).spawn(...args);",
      loader: 'js',
    }));
  },
};
await build({
  stdin: {
    contents: [
      `import commander from ${JSON.stringify(COMMANDER)};`,
      ...commanderNames.map((name, i) => `const e${i} = commander.${name};`),
      `export { ${commanderNames.map((name, i) => `e${i} as ${name}`).join(', ')} };`,
    ].join('\n'),
    resolveDir: fileURLToPath(new URL('.', import.meta.url)),
    sourcefile: 'commander.js',
  },
  outfile: fileURLToPath(COMMANDER_OUT),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner: { js: "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);" },
  // esbuild writes a class that names itself inside its body as `var Command = class _Command`,
  // whose name is then _Command: keepNames gives commander's classes and functions their own
  // names back (a few dozen __name() calls, not our ~1,600).
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [spawnWhenAsked],
});
const commanderHere = {
  name: 'commander-here',
  setup: (b) => b.onResolve({ filter: /^commander$/ }, () => ({ path: './commander.js', external: true })),
};

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
  plugins: [commanderHere],
});

// Every error class under its own name: esbuild renames a top-level name only when two modules
// joined in one file declare it, and an error's name is its class's (src/errors.ts). commander.js
// keeps its names (keepNames, above). Every class
// that extends another is an error here; esbuild writes one as `var Name = class extends …`, or
// `class _Name extends …` (which then is its name) when its body names it.
const DECLARED = /^\s*(?:export\s+)?class\s+([\w$]+)\s+extends\b/gm;
const BUNDLED = /^\s*(?:var\s+([\w$]+)\s*=\s*class(?:\s+([\w$]+))?|class\s+([\w$]+))\s+extends\b/gm;
const namesIn = (dir, pattern, names = new Set()) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(e.name + (e.isDirectory() ? '/' : ''), dir);
    if (e.isDirectory() && path.href !== OUT.href) namesIn(path, pattern, names);
    else if (e.name.endsWith('.js') && path.href !== COMMANDER_OUT.href) for (const m of readFileSync(path, 'utf8').matchAll(pattern)) names.add(m[3] ?? m[2] ?? m[1]);
  }
  return names;
};
const declared = namesIn(new URL('../dist/', import.meta.url), DECLARED);
const renamed = [...namesIn(OUT, BUNDLED)].filter((name) => !declared.has(name));
if (renamed.length) {
  console.error(`bundle: error classes renamed by esbuild (${renamed.join(', ')}); an error's name is its class's (src/errors.ts): give them names of their own in the sources`);
  process.exit(1);
}

#!/usr/bin/env node
// After tsc and prebuild (`npm run build`): what bin/assess.js and a batch's worker thread load,
// bundled from dist/ into dist/bundle/ with esbuild. Loaded file by file, the CLI was ~113 ES
// modules, each resolved, read and compiled on the main thread before the first area, and a
// worker thread loads its ~83 again. The bundle is the same code tsc emitted (dist/*.js, not the
// TypeScript), joined. A worker thread's modules are ES modules, code-split: each entry one file,
// the modules entries share in chunks of their own, what is imported lazily a chunk of its own,
// and packages outside, imported from node_modules. The command line is one script, cli.cjs, with
// a code cache (below).
//
// dist/ stays as tsc wrote it: the library API (dist/index.js) and the tests use it. The bundle's
// files sit one directory below dist/, as dist/<folder>/*.js do, so paths made from
// import.meta.url (`../../standards/`, `../standards/`, `../../dist/ajv/`, `../../package.json`)
// name the same files from either; the workers' module and the CLI's step are looked for beside
// the module asking first (builtModule, src/packs/prestart.ts), and are entries here.
import { spawnSync } from 'node:child_process';
import { isAscii } from 'node:buffer';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const OUT = new URL('../dist/bundle/', import.meta.url);
/** What a batch's worker thread loads (ES modules, code-split): the worker's module and the step. */
const ENTRIES = ['packs/workers-entry', 'cli/assess-step'];
/**
 * Packages stay outside the command line's script, but commander (below), chalk, an ES module
 * only (a script requires what it imports, and Node requires an ES module only from 20.19), and
 * cli-table3 with string-width, which the default format (table) loads: required from
 * node_modules they were six packages' files resolved, read and compiled in a one-file run, and
 * joined they are in the code cache. cli-table3's colours package, which it requires only for a
 * coloured head or border (weibao gives it none), stays outside.
 */
const EXTERNAL = Object.keys(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).dependencies)
  .filter((name) => name !== 'commander' && name !== 'chalk' && name !== 'cli-table3')
  .flatMap((name) => [name, `${name}/*`])
  .concat('@colors/colors', '@colors/colors/*');

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

// The command line: one CommonJS script, cli.cjs, with a V8 code cache made here (cli.cjs.cache,
// scripts/code-cache.mjs; bin/assess.js loads both through src/cli/compiled-cli.ts). Node 20
// caches no compiled code for ES modules, and a run spent ~150 M instructions parsing and
// compiling ours. Everything the command line may import is in the one file (a format's writer,
// ajv's and yaml's loaders …): what a run does not use is parsed lazily, and with the cache not
// at all. A one-file run (node bin/assess.js /tmp/perf2k/area-0001.json --format jsonl): ~0.135 s
// of CPU as ES modules, ~0.10 s as this script with its cache.
//
// prestart is the launcher's (launch.cjs, below), loaded first: the worker it starts is adopted by
// the pool in this script, so both must hold the one module (the launcher hands it to the script's
// require, compiled-cli.ts). import.meta.url is the script's own URL, given by its wrapper.
const prestartShared = {
  name: 'prestart-shared',
  setup: (b) =>
    b.onResolve({ filter: /prestart\.js$/ }, (args) => (resolve(dirname(args.importer), args.path) === PRESTART ? { path: './prestart.js', external: true } : undefined)),
};
// commander is joined in, not required from node_modules: as a package it is an ES wrapper over
// seven CommonJS files, each resolved, read, wrapped and compiled, and the wrapper read by Node's
// CommonJS export lexer first (~86 M instructions of a one-file run under callgrind). Joined with
// our modules, esbuild renames its classes (CommanderError2; `class _Command`) where their names
// are read (an error's name is its class's): its files are given keepNames of their own (a few
// dozen __name() calls, not our ~1,600). cli-table3's too (its Table would be Table2).
const commanderNamesKept = {
  name: 'commander-names-kept',
  setup: (b) =>
    b.onLoad({ filter: /[\\/]node_modules[\\/](commander|cli-table3)[\\/].*\.js$/ }, async (args) => ({
      contents: (await transform(readFileSync(args.path, 'utf8'), { keepNames: true, loader: 'js', format: 'cjs', platform: 'node', target: 'node20' })).code,
      loader: 'js',
    })),
};
// commander requires node:child_process as it loads, for one thing: to spawn a subcommand that is
// an executable of its own, which weibao has none of. Loading it (with net, dgram …) cost ~50 M
// instructions of every run (`import 'node:child_process'` alone under callgrind: 602 M against
// 551 M); it now loads if spawn is ever called.
const spawnWhenAsked = {
  name: 'spawn-when-asked',
  setup: (b) => {
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (/[\\/]commander[\\/]lib[\\/]command\.js$/.test(args.importer) ? { path: 'child_process', namespace: 'spawn-when-asked' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'spawn-when-asked' }, () => ({
      contents: "let childProcess;\nexports.spawn = (...args) => (childProcess ??= require('node:child_process')).spawn(...args);",
      loader: 'js',
    }));
  },
};
// chalk works out at load how many colours the terminal has (its vendored supports-color: the
// environment, node:tty and node:os), for its default instances. weibao makes its own (`new
// Chalk({ level })`, the level from --color, NO_COLOR, FORCE_COLOR and whether the stream is a
// terminal: src/cli/output.ts wantColor), so it is told there is none to find, as in a browser: a
// run that writes a table to a file or pipe no longer loads node:tty (with net and stream).
const noColorDetection = {
  name: 'no-color-detection',
  setup: (b) => {
    b.onResolve({ filter: /^#supports-color$/ }, (args) => (/[\\/]chalk[\\/]/.test(args.importer) ? { path: 'supports-color', namespace: 'no-color-detection' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'no-color-detection' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
  },
};
const CLI = new URL('cli.cjs', OUT);
const PRESTART = fileURLToPath(new URL('../dist/packs/prestart.js', import.meta.url));
await build({
  entryPoints: [fileURLToPath(new URL('../dist/cli/cli-entry.js', import.meta.url))],
  outfile: fileURLToPath(CLI),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  define: { 'import.meta.url': '__importMetaUrl' },
  // A package's import() becomes require() (the packages left outside are CommonJS): a script
  // compiled by node:vm has no import() of its own.
  supported: { 'dynamic-import': false },
  keepNames: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [prestartShared, commanderNamesKept, spawnWhenAsked, noColorDetection],
});
// The launcher: src/cli/launch.ts with what it imports (V8's flags, prestart, compiled-cli), one
// CommonJS script that bin/assess.js (CommonJS, bin/package.json) requires. As ES modules, these
// five files brought up Node's ES module loader, and a facade for each node: module they import, on
// every run: 14 ms of CPU, a tenth of a one-file run. Its prestart is the one the command line's script
// is handed (prestartShared, above); its import.meta.url is its own file's, as the ES module's was
// (prestart looks for the worker's module beside it: dist/bundle/workers-entry.js).
await build({
  entryPoints: [fileURLToPath(new URL('../dist/cli/launch.js', import.meta.url))],
  outfile: fileURLToPath(new URL('launch.cjs', OUT)),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: '"use strict";\nconst __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  keepNames: false,
  legalComments: 'none',
  logLevel: 'warning',
});
// The scripts in ASCII alone: esbuild escapes what is past ASCII in strings, but not in comments
// and regular expressions (Chinese in both). A script of ASCII is read as Latin-1, a copy of its
// bytes, where one with a single character past ASCII is decoded from UTF-8 into a string of two
// bytes a character (src/cli/compiled-cli.ts): 7.9 ms of a 213 ms one-file run under the
// profiler. The worker's ES modules likewise (Node decodes ASCII into a one-byte string). \uXXXX
// stands for the same character in a comment, a regular expression (with or without its u flag:
// an escaped surrogate pair is one character there) and an identifier.
for (const name of readdirSync(OUT)) {
  if (!/\.c?js$/.test(name)) continue;
  const file = new URL(name, OUT);
  const bytes = readFileSync(file);
  // Most chunks are ASCII already: left as they are, not written again.
  if (isAscii(bytes)) continue;
  writeFileSync(file, bytes.toString('utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

// The cache, made by a process of its own: V8 takes a cache only under the flags it was made
// with, and a run sets one (--heap-growing-percent) that a build's workload might reach.
const made = spawnSync(process.execPath, [fileURLToPath(new URL('code-cache.mjs', import.meta.url)), fileURLToPath(CLI)], { stdio: ['ignore', 'ignore', 'inherit'] });
if (made.status !== 0) {
  console.error(`bundle: the code cache of ${fileURLToPath(CLI)} was not made (scripts/code-cache.mjs exited ${made.status ?? made.signal})`);
  process.exit(1);
}

// Every error class under its own name: esbuild renames a top-level name only when two modules
// joined in one file declare it, and an error's name is its class's (src/errors.ts). Every class
// that extends another is an error here; esbuild writes one as `var Name = class extends …`, or
// `class _Name extends …` (which then is its name) when its body names it; a class whose name is
// kept (commander's) says it in a static block, `static { __name(this, "Name"); }`.
const DECLARED = /^\s*(?:export\s+)?class\s+([\w$]+)\s+extends\b/gm;
const BUNDLED = /^\s*(?:var\s+([\w$]+)\s*=\s*class(?:\s+([\w$]+))?|class\s+([\w$]+))\s+extends\b(?:[^{\n]*\{\s*static\s*\{\s*__name\(this, "([\w$]+)"\))?/gm;
const namesIn = (dir, pattern, names = new Set()) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(e.name + (e.isDirectory() ? '/' : ''), dir);
    if (e.isDirectory() && path.href !== OUT.href) namesIn(path, pattern, names);
    else if (/\.c?js$/.test(e.name)) for (const m of readFileSync(path, 'utf8').matchAll(pattern)) if (!m[4]) names.add(m[3] ?? m[2] ?? m[1]);
  }
  return names;
};
const declared = namesIn(new URL('../dist/', import.meta.url), DECLARED);
const renamed = [...namesIn(OUT, BUNDLED)].filter((name) => !declared.has(name));
if (renamed.length) {
  console.error(`bundle: error classes renamed by esbuild (${renamed.join(', ')}); an error's name is its class's (src/errors.ts): give them names of their own in the sources`);
  process.exit(1);
}

// exceljs's modules the report workbooks use, joined into one file (xlsx24's step).
await import('./bundle-exceljs.mjs');

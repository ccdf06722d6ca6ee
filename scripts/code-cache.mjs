#!/usr/bin/env node
// Run by scripts/bundle.mjs, in a process of its own: V8's code cache of the command line's script
// (dist/bundle/cli.cjs → cli.cjs.cache, read by src/cli/compiled-cli.ts). A cache holds the
// bytecode of the functions compiled when it is made, so the script is first run as a run uses
// it: the command line parsed, a facts file assessed and written in each text format, a batch of
// packs. Functions a run needs beyond these are compiled as they are called, as without a cache.
// Reports go to this process's stdout, which bundle.mjs discards.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import * as prestart from '../dist/packs/prestart.js';
import { cacheFile, loadCli } from '../dist/cli/compiled-cli.js';
import { tuneGc } from '../dist/cli/gc-flags.js';
import { tuneTiering } from '../dist/cli/tiering.js';

// Under the launcher's flags (src/cli/launch.ts): V8 refuses a cache made under others.
tuneTiering();
tuneGc();

const file = process.argv[2];
const fixture = (name) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const WORKLOAD = [
  ...['table', 'json', 'jsonl', 'csv', 'markdown', 'github', 'junit', 'html'].map((format) => [fixture('changning-compliant.json'), '--format', format]),
  [fixture('packs'), '--format', 'jsonl', '--jobs', '1'],
];

const { cli, script } = loadCli(file, { './prestart.js': prestart }, false);
for (const args of WORKLOAD) await cli.main(['node', 'assess', ...args]);
// The workload's batch (--jobs 1) kept its young generation as start-up left it, by a V8 flag
// (src/report/young-generation.ts): set back to V8's default, which every run starts under — V8 takes a
// cache only under the flags it was made with (test/cli/compiled-cli.test.ts checks it is taken).
setFlagsFromString('--semi-space-growth-factor=2');
writeFileSync(`${file}.cache`, cacheFile(readFileSync(file), script.createCachedData()));

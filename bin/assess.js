#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/bundle/ (built by `npm run build`, which `npm ci` runs): the
// modules of dist/ joined by scripts/bundle.mjs into one script, cli.cjs, compiled with the code
// cache made for it when it was built (src/cli/compiled-cli.ts).
import { writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prestart from '../dist/bundle/prestart.js';
import { tuneGc } from '../dist/cli/gc-flags.js';
import { tuneTiering } from '../dist/cli/tiering.js';

// Before the command line is compiled and its worker started: how soon V8 optimises a function
// (src/cli/tiering.ts), and how V8 collects garbage (src/cli/gc-flags.ts: each thread its own, no pretenuring) —
// the flags its code cache was made under.
tuneTiering();
tuneGc();

// A batch's worker thread starts first (--jobs n): it loads its modules on the other core while
// this thread loads the CLI's, instead of after (src/packs/prestart.ts). So the CLI is loaded
// below, not imported statically: a static import is loaded before any line of this file runs.
prestart.prestartWorker(process.argv.slice(2));
const { loadCli } = await import('../dist/cli/compiled-cli.js');
const { langOf, main, describeError, EXIT, outputFailure, watchStream, cleanUpOnSignals } = loadCli(fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url)), { './prestart.js': prestart }).cli;

const lang = langOf(process.argv);
// A reader that stops early (`assess … | head`) closes the pipe: that is not an error, and the
// run still ends with its own exit code. A write that fails otherwise (a full disk) is exit 74.
watchStream(process.stdout);
watchStream(process.stderr);
cleanUpOnSignals(lang);

// exitCode rather than exit(): let a large report drain into a pipe before Node exits.
process.exitCode = await main(process.argv);

// A write error may arrive after main returned (the last chunk to a pipe or file): checked last.
process.on('exit', () => {
  const failure = outputFailure(process.stdout, lang);
  if (!failure) return;
  try {
    writeSync(2, describeError(failure, false, lang).lines.join('\n') + '\n');
  } catch {
    // stderr failed too: the exit code still tells
  }
  process.exitCode = EXIT.output;
});

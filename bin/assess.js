#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/bundle/ (built by `npm run build`, which `npm ci` runs): the
// modules of dist/ joined by scripts/bundle.mjs, so a run loads a few files, not ~100.
import { writeSync } from 'node:fs';
import { prestartWorker } from '../dist/bundle/prestart.js';

// A batch's worker thread starts first (--jobs n): it loads its modules on the other core while
// this thread loads the CLI's, instead of after (src/packs/prestart.ts). So the CLI is imported
// below, not statically: a static import is loaded before any line of this file runs.
prestartWorker(process.argv.slice(2));
const { langOf, main } = await import('../dist/bundle/main.js');
const { describeError, EXIT } = await import('../dist/bundle/exit.js');
const { outputFailure, watchStream } = await import('../dist/bundle/output.js');
const { cleanUpOnSignals } = await import('../dist/bundle/signals.js');

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

import { writeSync } from 'node:fs';
import * as prestart from '../packs/prestart.js';
import { loadCli } from './compiled-cli.js';
import { tuneGc } from './gc-flags.js';
import { tuneTiering } from './tiering.js';

/**
 * What bin/assess.js does, in the order it must: V8's flags, the batch's first worker, then the
 * command line (`cliFile`, dist/bundle/cli.cjs with its code cache) and its run.
 *
 * scripts/bundle.mjs joins this module and the four it imports into one CommonJS script,
 * dist/bundle/launch.cjs, which bin/assess.js (CommonJS too: bin/package.json) requires. Loaded as
 * ES modules, the launcher brought up Node's ES module loader for five small files and a facade for
 * each node: module they import: 14 ms of a one-file run's CPU (148 → 134 ms, medians in turn), 164 →
 * 144 ms of the bench's cold start.
 */
export async function launch(cliFile: string): Promise<void> {
  // Before the command line is compiled and its worker started: how soon V8 optimises a function
  // (tiering.ts), and how V8 collects garbage (gc-flags.ts: each thread its own, no pretenuring) —
  // the flags its code cache was made under.
  tuneTiering();
  tuneGc();

  // A batch's worker thread starts first (--jobs n): it loads its modules on the other core while
  // this thread loads the CLI's, instead of after (src/packs/prestart.ts). The script is handed
  // this very module for its own `./prestart.js`, so that its pool adopts the worker started here.
  prestart.prestartWorker(process.argv.slice(2));
  const { langOf, main, describeError, EXIT, outputFailure, watchStream, cleanUpOnSignals } = loadCli(cliFile, { './prestart.js': prestart }).cli;

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
}

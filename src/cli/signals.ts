import { writeSync } from 'node:fs';
import type { Lang } from '../messages/types.js';
import { t } from '../messages/catalogue.js';
import { EXIT } from './exit.js';
import { removeTemps } from './output.js';

/** 128 + the signal's number, as a shell reports a process a signal stopped. */
const CODES = { SIGINT: EXIT.interrupt, SIGTERM: EXIT.terminate, SIGHUP: EXIT.hangup } as const;

/**
 * Ctrl-C, `kill` and a closed terminal stop the run cleanly: the temporary files of an
 * unfinished --output report (and the junit spool) are removed, an earlier report stays as it
 * was, one line says so, and the exit code is the shell's (130, 143, 129).
 */
export function cleanUpOnSignals(lang: Lang): void {
  for (const [signal, code] of Object.entries(CODES)) {
    process.on(signal as NodeJS.Signals, () => {
      removeTemps();
      try {
        writeSync(2, `\n${t(lang, 'io.signal', { signal })}\n`);
      } catch {
        // stderr gone too (a closed terminal): the exit code still tells
      }
      process.exit(code);
    });
  }
}

let last = 0;

/**
 * Let the event loop run (signal handlers, a reader draining stdout) about every 50 ms of a
 * long synchronous batch; costs nothing in between.
 */
export async function breathe(): Promise<void> {
  const now = Date.now();
  if (now - last < 50) return;
  last = now;
  await new Promise((done) => setImmediate(done));
}

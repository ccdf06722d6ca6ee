#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/cli/main.js (built by `npm run build`, which `npm ci` runs).
import { main } from '../dist/cli/main.js';

// A reader that stops early (`assess … | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

// exitCode rather than exit(): let a large report drain into a pipe before Node exits.
process.exitCode = await main(process.argv);

/**
 * What bin/assess.js runs: the command line's entry as scripts/bundle.mjs joins it into one script
 * (dist/bundle/cli.cjs, loaded by compiled-cli.ts with its code cache).
 */
export { langOf, main } from './main.js';
export { describeError, EXIT } from './exit.js';
export { outputFailure, watchStream } from './output.js';
export { cleanUpOnSignals } from './signals.js';

#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/cli/main.js (built by `npm run build`, run by `npm ci`).
import { main } from '../dist/cli/main.js';

const code = main(process.argv);
// Let stdout drain before exiting (large JSON reports into a pipe).
process.exitCode = code;

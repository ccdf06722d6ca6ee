#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/bundle/ (built by `npm run build`, which `npm ci` runs).
// This file is CommonJS (bin/package.json), as is what it requires: launch.cjs, src/cli/launch.ts
// joined with what it imports (scripts/bundle.mjs), which sets V8's flags, starts a batch's first
// worker and runs the command line, cli.cjs, compiled with its code cache (src/cli/compiled-cli.ts).
// Nothing on this thread is an ES module, so Node's ES module loader is never brought up.
'use strict';
const { join } = require('node:path');

require('../dist/bundle/launch.cjs').launch(join(__dirname, '../dist/bundle/cli.cjs'));

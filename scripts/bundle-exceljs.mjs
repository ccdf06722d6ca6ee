#!/usr/bin/env node
// After tsc (`npm run build`, from scripts/bundle.mjs): the modules of exceljs the report
// workbooks require (EXCELJS_MODULES, src/report/exceljs.ts), joined with everything they require
// into one CommonJS file, dist/exceljs/lib.cjs. Required from node_modules one by one they were
// ~136 files resolved, read and compiled in every xlsx run (~50 ms of CPU); this file loads in
// ~15 ms. It is exceljs's code as published (its licence comments kept), not minified; each
// module still runs only when first asked for (a getter per path over esbuild's __commonJS
// wrappers), as require would run it. exceljs stays a dependency: init's 台账 template loads it
// whole from node_modules, and a build without this file falls back to it (src/report/exceljs.ts).
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const { EXCELJS_MODULES, EXCELJS_BUNDLE } = await import(new URL('../dist/report/exceljs.js', import.meta.url).href);
const getters = EXCELJS_MODULES.map((path) => `  get ${JSON.stringify(path)}() { return require(${JSON.stringify(`exceljs/lib/${path}`)}); },`);

rmSync(new URL('../dist/exceljs/', import.meta.url), { recursive: true, force: true });
await build({
  stdin: { contents: `module.exports = {\n${getters.join('\n')}\n};\n`, resolveDir: fileURLToPath(new URL('..', import.meta.url)), sourcefile: 'exceljs-modules.cjs', loader: 'js' },
  outfile: EXCELJS_BUNDLE,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Classes keep their names (esbuild would give some a leading _, and exceljs reads a value's
  // constructor.name): ~375 __name() calls, ~1 ms of the load.
  keepNames: true,
  logLevel: 'warning',
});

#!/usr/bin/env node
// After tsc (`npm run build`): every bundled standard parsed and linted once, written as JSON to
// dist/standards/<id>@<version>.json, so a run JSON.parses it instead of parsing YAML and
// linting. load.ts uses it only when it is newer than the YAML; a test holds it equal to what
// the YAML path computes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { listBundled, STANDARDS_DIR } from '../dist/standard/registry.js';
import { readStandardFile, PREBUILT_DIR, prebuiltFile } from '../dist/standard/load.js';

mkdirSync(PREBUILT_DIR, { recursive: true });
for (const ref of listBundled()) {
  const standard = readStandardFile(ref.file, { prebuilt: false });
  writeFileSync(prebuiltFile(ref.file), JSON.stringify({ ...standard, file: relative(STANDARDS_DIR, ref.file) }));
}

import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readStandardFile } from '../../src/standard/load.js';
import { listBundled, STANDARDS_DIR } from '../../src/standard/registry.js';

const dist = fileURLToPath(new URL('../../dist/standards/', import.meta.url));

/**
 * The build's pre-parsed standards (scripts/prebuild.mjs, run by `npm run build`, which `npm test`
 * runs first) must be what parsing and linting the YAML gives now: no stale build.
 */
describe('prebuilt standards', () => {
  for (const ref of listBundled()) {
    it(`${ref.id}@${ref.version} equals the YAML path`, { timeout: 300_000 }, () => {
      const file = join(dist, `${ref.id}@${ref.version}.json`);
      expect(existsSync(file), `${file} (run npm run build)`).toBe(true);
      const fromYaml = readStandardFile(ref.file, { prebuilt: false });
      const expected = JSON.parse(JSON.stringify({ ...fromYaml, file: relative(STANDARDS_DIR, ref.file) }));
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(expected);
    });
  }
});

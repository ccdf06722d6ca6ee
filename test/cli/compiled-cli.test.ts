import { isAscii } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, spawnAssess } from '../helpers/cli.js';

// The command line's script and its code cache (src/cli/compiled-cli.ts, scripts/bundle.mjs): the
// cache the build made is taken, and one that is not this script's, or is damaged, is left alone —
// the script is compiled as it would be without one, and the run is the same. V8 takes a cache only
// under the flags it was made with, so each check is a node process of its own, not this one.

const BUILT = join(root, 'dist/bundle/cli.cjs');
// A copy beside dist/bundle/ (what it requires from node_modules, and the paths it makes from its
// own URL, ../../standards/ …, name the same files from there).
const dir = mkdtempSync(join(root, 'dist/compiled-cli-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Load `file` with its cache as bin/assess.js does (its V8 flags set first: src/cli/tiering.ts, src/cli/gc-flags.ts), run
 * `args`; what came out, and whether the cache was taken. `nodeArgs`: node's own options.
 */
function load(file: string, args: string[], nodeArgs: string[] = []): { cached: boolean; stdout: string; code: number | null } {
  const script = [
    `import * as prestart from ${JSON.stringify(join(root, 'dist/packs/prestart.js'))};`,
    `import { loadCli } from ${JSON.stringify(join(root, 'dist/cli/compiled-cli.js'))};`,
    `import { tuneTiering } from ${JSON.stringify(join(root, 'dist/cli/tiering.js'))};`,
    `import { tuneGc } from ${JSON.stringify(join(root, 'dist/cli/gc-flags.js'))};`,
    `tuneTiering();`,
    `tuneGc();`,
    `const { cli, cached } = loadCli(${JSON.stringify(file)}, { './prestart.js': prestart });`,
    `process.stderr.write(cached ? 'cached' : 'compiled');`,
    `process.exitCode = await cli.main(['node', 'assess', ...${JSON.stringify(args)}]);`,
  ].join('\n');
  const r = spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { cached: r.stderr === 'cached', stdout: r.stdout, code: r.status };
}

const ARGS = ['fixtures/changning-failing.json', '--format', 'json'];

describe('the command line compiled with its code cache', () => {
  const expected = spawnAssess(ARGS);

  it('takes the cache the build made, and runs as bin/assess.js does', () => {
    expect(expected.code).toBe(1);
    expect(load(BUILT, ARGS)).toEqual({ cached: true, stdout: expected.stdout, code: 1 });
  });

  it('leaves a damaged cache alone', () => {
    const file = join(dir, 'damaged.cjs');
    copyFileSync(BUILT, file);
    const cache = readFileSync(`${BUILT}.cache`);
    // A byte of V8's data changed (its header intact): V8 would crash deserialising it.
    cache[cache.length >> 1] ^= 0x5a;
    writeFileSync(`${file}.cache`, cache);
    expect(load(file, ARGS)).toEqual({ cached: false, stdout: expected.stdout, code: 1 });
  });

  it("leaves alone a cache made for another script of the same length", () => {
    const file = join(dir, 'edited.cjs');
    const text = readFileSync(BUILT, 'utf8');
    // An edit that keeps the length (V8 itself checks only that): the old code would run.
    const at = text.indexOf('"use strict";');
    expect(at).toBeGreaterThanOrEqual(0);
    writeFileSync(file, text.slice(0, at) + "'use strict';" + text.slice(at + 13));
    copyFileSync(`${BUILT}.cache`, `${file}.cache`);
    expect(load(file, ARGS)).toEqual({ cached: false, stdout: expected.stdout, code: 1 });
  });

  it("leaves a user's own V8 tiering alone: the cache, made under the launcher's, is then refused and the run is the same", () => {
    expect(load(BUILT, ARGS, ['--interrupt-budget=67584'])).toEqual({ cached: false, stdout: expected.stdout, code: 1 });
  });

  it("is built in ASCII alone, as are the worker's modules, so that each is read as a copy of its bytes, not decoded from UTF-8", () => {
    const scripts = readdirSync(join(root, 'dist/bundle')).filter((name) => /\.c?js$/.test(name));
    expect(scripts).toContain('cli.cjs');
    expect(scripts.filter((name) => !isAscii(readFileSync(join(root, 'dist/bundle', name))))).toEqual([]);
  });

  it('reads a script with characters past ASCII as UTF-8', () => {
    const file = join(dir, 'utf8.cjs');
    // A line that runs as the script loads, printing what it reads.
    writeFileSync(file, readFileSync(BUILT, 'utf8') + "\nprocess.stdout.write('未保\\n');\n");
    expect(load(file, ARGS)).toEqual({ cached: false, stdout: '未保\n' + expected.stdout, code: 1 });
  });

  it('runs without a cache', () => {
    const file = join(dir, 'uncached.cjs');
    copyFileSync(BUILT, file);
    expect(load(file, ARGS)).toEqual({ cached: false, stdout: expected.stdout, code: 1 });
  });
});

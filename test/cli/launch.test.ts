import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, spawnAssess } from '../helpers/cli.js';

// What a run loads on its main thread, read as the process exits: Node's own list of its internal
// modules (process.moduleLoadList) and the files required from disk (require.cache). The launcher
// (bin/assess.js, CommonJS by bin/package.json, and dist/bundle/launch.cjs: src/cli/launch.ts)
// brings up no ES module: Node's ES module loader, and a facade for each node: module an ES module
// imports, cost 14 ms of a one-file run. The default format's packages are in the command line's
// script (scripts/bundle.mjs), and chalk works out no colours of its own (node:tty and the rest).

const dir = mkdtempSync(join(tmpdir(), 'weibao-launch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PRELOAD = join(dir, 'loaded.cjs');
const MARK = 'weibao-test-loaded:';
writeFileSync(PRELOAD, `process.on('exit', () => process.stderr.write('\\n${MARK}' + JSON.stringify({ internal: process.moduleLoadList, files: Object.keys(require.cache) }) + '\\n'));\n`);

/** bin/assess.js with `args`, as a user runs it; what it wrote, and the internal modules its main thread loaded. */
function launched(args: string[]) {
  const r = spawnSync(process.execPath, ['--require', PRELOAD, 'bin/assess.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const at = r.stderr.lastIndexOf(`\n${MARK}`);
  const loaded = JSON.parse(r.stderr.slice(at + MARK.length + 1)) as { internal: string[]; files: string[] };
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr.slice(0, at),
    esm: loaded.internal.filter((m) => /internal\/modules\/esm\/(translators|module_job)/.test(m)),
    tty: loaded.internal.includes('NativeModule tty'),
    packages: [...new Set(loaded.files.flatMap((f) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(f)?.[1] ?? []))],
  };
}

describe('bin/assess.js', () => {
  it('writes the default table to a pipe with no package read from node_modules and no terminal looked for', () => {
    const args = ['fixtures/changning-failing.json'];
    const expected = spawnAssess(args);
    expect(expected.stdout).toContain('┌');
    expect(launched(args)).toEqual({ code: 1, stdout: expected.stdout, stderr: expected.stderr, esm: [], tty: false, packages: [] });
  });

  it('colours the table when asked, chalk told nothing of the terminal', () => {
    const r = spawnAssess(['fixtures/changning-failing.json'], { FORCE_COLOR: '1', NO_COLOR: '' });
    expect(r.stdout).toMatch(/\x1b\[\d+m/);
  });

  it('runs the command line with no ES module loaded on its thread', () => {
    const args = ['fixtures/changning-failing.json', '--format', 'json'];
    const expected = spawnAssess(args);
    expect(launched(args)).toMatchObject({ code: 1, stdout: expected.stdout, stderr: expected.stderr, esm: [] });
  });

  it('starts a batch\'s worker first, and still loads no ES module on its own thread', () => {
    const args = ['fixtures/changning-failing.json', 'fixtures/changning-compliant.json', 'fixtures/yangshi-failing.json', '--format', 'jsonl', '--jobs', '2'];
    const expected = spawnAssess(['fixtures/changning-failing.json', 'fixtures/changning-compliant.json', 'fixtures/yangshi-failing.json', '--format', 'jsonl', '--jobs', '1']);
    const r = launched(args);
    expect(r.esm).toEqual([]);
    expect(r.code).toBe(expected.code);
    expect(r.stdout).toBe(expected.stdout);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
  });
});

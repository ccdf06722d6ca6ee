import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root, spawnAssess } from '../helpers/cli.js';

// The launcher (bin/assess.js, CommonJS by bin/package.json, and dist/bundle/launch.cjs:
// src/cli/launch.ts) brings up no ES module on the main thread: Node's ES module loader, and a
// facade for each node: module an ES module imports, cost ~10 ms of every run. What the main
// thread loaded is read from Node's own list (process.moduleLoadList) as the process exits.

const dir = mkdtempSync(join(tmpdir(), 'weibao-launch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PRELOAD = join(dir, 'loaded.cjs');
const MARK = 'weibao-test-loaded:';
writeFileSync(PRELOAD, `process.on('exit', () => process.stderr.write('\\n${MARK}' + JSON.stringify(process.moduleLoadList) + '\\n'));\n`);

/** bin/assess.js with `args`, as a user runs it; what it wrote, and the internal modules its main thread loaded. */
function launched(args: string[]) {
  const r = spawnSync(process.execPath, ['--require', PRELOAD, 'bin/assess.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const at = r.stderr.lastIndexOf(`\n${MARK}`);
  const loaded = JSON.parse(r.stderr.slice(at + MARK.length + 1)) as string[];
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.slice(0, at), esm: loaded.filter((m) => /internal\/modules\/esm\/(translators|module_job)/.test(m)) };
}

describe('bin/assess.js', () => {
  it('runs the command line with no ES module loaded on its thread', () => {
    const args = ['fixtures/changning-failing.json', '--format', 'json'];
    const expected = spawnAssess(args);
    expect(launched(args)).toEqual({ code: 1, stdout: expected.stdout, stderr: expected.stderr, esm: [] });
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

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { gcFlagsFor } from '../../src/cli/gc-threads.js';
import { root } from '../helpers/cli.js';

// The launcher has each thread collect its own young generation and sweep its own pages
// (src/cli/gc-threads.ts), leaving alone what the user gave node.

describe('the garbage collector kept on the thread whose heap it is', () => {
  it('turns off parallel scavenges and concurrent sweeping', () => {
    expect(gcFlagsFor([])).toEqual(['--no-parallel-scavenge', '--no-concurrent-sweeping']);
    expect(gcFlagsFor(['--max-old-space-size=4096', '--interrupt-budget=1000'])).toEqual(['--no-parallel-scavenge', '--no-concurrent-sweeping']);
  });

  it("leaves a user's own choice as given, either way and spelt either way", () => {
    expect(gcFlagsFor(['--parallel-scavenge'])).toEqual(['--no-concurrent-sweeping']);
    expect(gcFlagsFor(['--no-parallel_scavenge'])).toEqual(['--no-concurrent-sweeping']);
    expect(gcFlagsFor(['--concurrent_sweeping'])).toEqual(['--no-parallel-scavenge']);
    expect(gcFlagsFor(['--single-threaded-gc'])).toEqual([]);
    expect(gcFlagsFor(['--single-threaded'])).toEqual([]);
  });

  // The process is the point: V8's flags are the process's. V8's own trace of each scavenge (in
  // the main thread and the batch's worker) gives the time helper threads spent on it.
  it('holds in a run of the command line, in every thread', () => {
    const r = spawnSync(process.execPath, ['--trace-gc-nvp', 'bin/assess.js', 'fixtures/packs', '--jobs', '2', '--format', 'jsonl'], { cwd: root, encoding: 'utf8' });
    // 2: fixtures/packs holds a vetoed area.
    expect(r.status).toBe(2);
    const helpers = [...r.stdout.matchAll(/background\.scavenge\.parallel=([\d.]+)/g)].map((m) => Number(m[1]));
    expect(helpers.length).toBeGreaterThan(0);
    expect(helpers.every((ms) => ms === 0)).toBe(true);
  });
});

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { gcFlagsFor } from '../../src/cli/gc-flags.js';
import { root } from '../helpers/cli.js';

// The launcher sets how V8 collects garbage (src/cli/gc-flags.ts): each thread collects its own
// young generation and sweeps its own pages, and no place in the code is made to allocate in the
// old generation on a scavenge's count — leaving alone what the user gave node.

const ALL = ['--no-parallel-scavenge', '--no-concurrent-sweeping', '--no-allocation-site-pretenuring'];

describe('how the command line has V8 collect its garbage', () => {
  it('turns off parallel scavenges, concurrent sweeping and allocation-site pretenuring', () => {
    expect(gcFlagsFor([])).toEqual(ALL);
    expect(gcFlagsFor(['--max-old-space-size=4096', '--interrupt-budget=1000'])).toEqual(ALL);
  });

  it("leaves a user's own choice as given, either way and spelt either way", () => {
    expect(gcFlagsFor(['--parallel-scavenge'])).toEqual(['--no-concurrent-sweeping', '--no-allocation-site-pretenuring']);
    expect(gcFlagsFor(['--no-parallel_scavenge'])).toEqual(['--no-concurrent-sweeping', '--no-allocation-site-pretenuring']);
    expect(gcFlagsFor(['--concurrent_sweeping'])).toEqual(['--no-parallel-scavenge', '--no-allocation-site-pretenuring']);
    expect(gcFlagsFor(['--allocation-site-pretenuring'])).toEqual(['--no-parallel-scavenge', '--no-concurrent-sweeping']);
    expect(gcFlagsFor(['--no-allocation_site_pretenuring'])).toEqual(['--no-parallel-scavenge', '--no-concurrent-sweeping']);
    // One thread for all of V8's work: the helpers are the user's to say; pretenuring still off.
    expect(gcFlagsFor(['--single-threaded-gc'])).toEqual(['--no-allocation-site-pretenuring']);
    expect(gcFlagsFor(['--single-threaded'])).toEqual(['--no-allocation-site-pretenuring']);
  });

  // The process is the point: V8's flags are the process's. V8's own traces, in the main thread
  // and the batch's worker: the time helper threads spent on each scavenge, and each decision
  // made on an allocation site's count (V8 prints one line per site counted).
  const run = (nodeArgs: string[]) => spawnSync(process.execPath, [...nodeArgs, 'bin/assess.js', 'fixtures/packs', '--jobs', '2', '--format', 'jsonl'], { cwd: root, encoding: 'utf8' });

  it('holds in a run of the command line, in every thread: no helper in a scavenge', () => {
    const r = run(['--trace-gc-nvp']);
    // 2: fixtures/packs holds a vetoed area.
    expect(r.status).toBe(2);
    const helpers = [...r.stdout.matchAll(/background\.scavenge\.parallel=([\d.]+)/g)].map((m) => Number(m[1]));
    expect(helpers.length).toBeGreaterThan(0);
    expect(helpers.every((ms) => ms === 0)).toBe(true);
  });

  it('holds in a run of the command line, in every thread: no site counted for pretenuring', () => {
    const sites = (stdout: string) => (stdout.match(/pretenuring: AllocationSite/g) ?? []).length;
    const r = run(['--trace-pretenuring-statistics']);
    expect(r.status).toBe(2);
    expect(sites(r.stdout)).toBe(0);
    // The same run with pretenuring given back on node's command line counts sites: the trace
    // above could have shown them.
    const given = run(['--trace-pretenuring-statistics', '--allocation-site-pretenuring']);
    expect(given.status).toBe(2);
    expect(sites(given.stdout)).toBeGreaterThan(0);
  });
});

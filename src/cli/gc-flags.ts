import { setFlagsFromString } from 'node:v8';

/**
 * How V8 collects the command line's garbage, set by the launcher as it starts: before the command
 * line loads and before any full collection has run (so none is half swept).
 *
 * **Each thread collects its own young generation and sweeps its own pages**
 * (`--no-parallel-scavenge --no-concurrent-sweeping`). Node gives V8 a pool of 4 helper threads
 * whatever the machine, and V8 splits a scavenge into as many tasks as the young generation has
 * megabytes, up to the pool + 1 — 5 tasks on this 2-core VM, for a pause of under a millisecond
 * (a 2,000-area batch makes ~120 of them). Waking the helpers and sharing the work out cost more
 * CPU than the work itself, and a batch keeps every core it was given busy with its own jobs
 * (`--jobs`), so a helper only takes a core from one of them. 2,000 areas, `--jobs 1`, CPU of
 * every thread (median of 5 in turn, this VM) before → after: jsonl 1.23 → 1.14 s, json 1.30 →
 * 1.20 s, markdown 1.20 → 1.15 s, html 1.81 → 1.74 s, xlsx 1.58 → 1.54 s; wall time less too;
 * reports byte for byte the same. V8 reads both afresh at each scavenge and each sweep begun.
 *
 * **No allocation-site pretenuring** (`--no-allocation-site-pretenuring`). V8 counts, at each
 * scavenge, how many of the objects made at one place in the code are still alive; where nearly
 * all are (≥ 85% of ≥ 100), it has that place allocate in the old generation from then on. In a
 * batch that is a bet on the moment a scavenge falls: an area's objects alive across it (a
 * scavenge late on a busy machine) make V8 tenure a place whose objects live for one area. From
 * then on ~1.3 MB of them went to the old generation at every scavenge and died there: 11 full
 * collections instead of 1 in a 38,600-area run, the heap at 131 MB instead of 78, peak RSS 181–193
 * MB instead of 134–144 (4 runs in 12 with two busy loops beside; once 226 MB in `npm run bench`).
 * Without it, none of 16 such runs went over 139 MB, and CPU is the same (docs/performance.md).
 * What is long-lived (the standard, the code) still reaches the old generation, copied there by
 * the second scavenge it survives.
 * V8 counts this flag in its flag hash: the code cache is made under it (scripts/code-cache.mjs).
 *
 * Not concurrent marking, nor `--single-threaded-gc`: set once the process runs, those left the C++
 * heap's marker in a state V8 checks, and it aborted (an html batch, at its first full collection).
 *
 * Process-wide, so the batch's worker threads have them too. Set by the launcher (bin/assess.js),
 * with tuneTiering, and by scripts/code-cache.mjs before the cache is made. Not set by the
 * library: a service that imports weibao keeps its own. A user's own `node --parallel-scavenge`
 * (or `--concurrent-sweeping`, `--allocation-site-pretenuring`, `--single-threaded-gc`) is left as given.
 */
export function tuneGc(execArgv: readonly string[] = process.execArgv): void {
  for (const flag of gcFlagsFor(execArgv)) setFlagsFromString(flag);
}

/** The flags tuneGc sets, given node's own options: none the user set (either way, `_` or `-`). */
export function gcFlagsFor(execArgv: readonly string[]): string[] {
  const given = (name: string) => execArgv.some((a) => a.replaceAll('_', '-').replace(/^--no-/, '--').startsWith(name));
  const threads = given('--single-threaded') ? [] : ['parallel-scavenge', 'concurrent-sweeping'];
  return [...threads, 'allocation-site-pretenuring'].filter((name) => !given(`--${name}`)).map((name) => `--no-${name}`);
}

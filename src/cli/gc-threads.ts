import { setFlagsFromString } from 'node:v8';

/**
 * V8's young-generation collections (scavenges) done by the thread whose heap it is, in one task,
 * and the old generation's pages swept by it too, as it allocates: not handed to helper threads.
 *
 * Why: Node gives V8 a pool of 4 helper threads whatever the machine, and V8 splits a scavenge
 * into as many tasks as the young generation has megabytes, up to the pool + 1 — 5 tasks on this
 * 2-core VM, for a pause of under a millisecond (a 2,000-area batch makes ~120 of them). Waking
 * the helpers and sharing the work out cost more CPU than the work itself, and a batch keeps every
 * core it was given busy with its own jobs (`--jobs`), so a helper only takes a core from one of
 * them. 2,000 areas, `--jobs 1`, CPU of every thread (median of 5 in turn, this VM) before →
 * after: jsonl 1.23 → 1.14 s, json 1.30 → 1.20 s, markdown 1.20 → 1.15 s, html 1.81 → 1.74 s,
 * xlsx 1.58 → 1.54 s; wall time less too; reports byte for byte the same.
 *
 * Only these two, which V8 reads afresh at each scavenge and each sweep begun, and set before any
 * old-generation collection has run (so none is half swept). Not concurrent marking, nor
 * `--single-threaded-gc`: set once the process runs, those left the C++ heap's marker in a state
 * V8 checks, and it aborted (an html batch, at its first full collection).
 *
 * Process-wide, so the batch's worker threads have it too. Set by the launcher (bin/assess.js),
 * with tuneTiering, and by scripts/code-cache.mjs before the cache is made. Not set by the
 * library: a service that imports weibao keeps its own. A user's own `node --parallel-scavenge`
 * (or `--concurrent-sweeping`, `--single-threaded-gc`) is left as given.
 */
export function keepGcOnItsThread(execArgv: readonly string[] = process.execArgv): void {
  for (const flag of gcFlagsFor(execArgv)) setFlagsFromString(flag);
}

/** The flags keepGcOnItsThread sets, given node's own options: none the user set (either way, `_` or `-`). */
export function gcFlagsFor(execArgv: readonly string[]): string[] {
  const given = (name: string) => execArgv.some((a) => a.replaceAll('_', '-').replace(/^--no-/, '--').startsWith(name));
  if (given('--single-threaded')) return [];
  return ['parallel-scavenge', 'concurrent-sweeping'].filter((name) => !given(`--${name}`)).map((name) => `--no-${name}`);
}

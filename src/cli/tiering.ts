import { setFlagsFromString } from 'node:v8';

/**
 * How much a function runs before V8 has TurboFan optimise it: the command line waits ~4.4× longer
 * than V8's default (67,584 bytecodes' worth of ticks), a setting made for web pages, where most
 * code runs a few times. A batch calls each of its many functions once per area: with the default,
 * 222 functions were optimised in a 2,000-area html report, at 10–70 ms of a compiler thread each
 * (1.0 s of its 3.4 s CPU), most of them pieces of one document run 2,000 times, whose optimised
 * code saves less than it costs to make. The hot loops (parsing, rules, escaping) still reach
 * TurboFan, later: the main thread spends a little more, the compiler threads much less (csv, by
 * thread: main 1.49 → 1.63 s, others 0.31 → 0.13 s). 2,000 areas, --jobs 1, CPU of every thread (median of 5 on
 * this 2-core VM): html 3.37 → 2.95 s, xlsx 2.91 → 2.66 s, html --by 2.05 → 1.92 s, xlsx --by
 * 2.23 → 2.13 s, csv 1.81 → 1.77 s; json, jsonl and table within noise (±3%). `npm run bench`'s
 * tiering row measures it against V8's default.
 *
 * Its price: Node's own code cache of its built-in modules is made under V8's defaults and refused
 * under any other flags, so a worker thread started after this parses them (`new Worker` to its
 * first line 40 → 95 ms of CPU: src/packs/prestart.ts), once per batch against ~0.4 s saved.
 *
 * Process-wide, so the batch's worker threads have it too. Set by the launcher (bin/assess.js)
 * before the command line is compiled, and by scripts/code-cache.mjs before the cache is made: V8
 * takes a code cache only under the flags it was made with. Not set by the library: a service that
 * imports weibao keeps its own. A user's own `node --interrupt-budget=…` is left as given.
 */
export const INTERRUPT_BUDGET = 300_000;

export function tuneTiering(execArgv: readonly string[] = process.execArgv): void {
  if (execArgv.some((a) => a.startsWith('--interrupt-budget') || a.startsWith('--interrupt_budget'))) return;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}

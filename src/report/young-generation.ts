import { setFlagsFromString } from 'node:v8';

/**
 * V8's young generation held at the size it has now: no more doubling it when much of it survives
 * a scavenge. Node offers no other way once started (`--max-semi-space-size` is a launch flag);
 * V8 reads this factor each time it would grow the space, so setting it takes effect from here
 * on, for every isolate of the process. For the process's own runs only (FormatOptions.ownProcess):
 * a service that imports the library keeps its own heap settings. Why each caller holds it: at
 * its call (the pdf's prints, src/report/pdf/layout.ts; a `--jobs 1` batch, src/cli/assess-step.ts).
 * scripts/code-cache.mjs sets V8's default back before it makes the code cache.
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

// Preloaded (node --import) into a measured run (spawnMeasured, test/helpers/cli.ts): on exit,
// the process's own CPU time and peak memory on fd 3, so a bound holds however busy the machine is.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
  try {
    writeSync(3, JSON.stringify({ cpuMs: (userCPUTime + systemCPUTime) / 1000, rssMb: maxRSS / 1024 }));
  } catch {
    // fd 3 not open: run outside a measured test.
  }
});

// Preloaded (node --import) into each hostile-workbook run: on exit, the process's own CPU time
// and peak memory on fd 3, so the bound holds however busy the machine is.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
  try {
    writeSync(3, JSON.stringify({ cpuMs: (userCPUTime + systemCPUTime) / 1000, rssMb: maxRSS / 1024 }));
  } catch {
    // fd 3 not open: run outside the test.
  }
});

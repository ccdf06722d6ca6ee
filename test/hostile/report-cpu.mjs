// Preloaded (node --import) into each corpus run: on exit, report the process's own CPU time on
// fd 3, so the corpus can hold every file to its 2-second bound however busy the machine is.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const { userCPUTime, systemCPUTime } = process.resourceUsage();
  try {
    writeSync(3, JSON.stringify({ cpuMs: (userCPUTime + systemCPUTime) / 1000 }));
  } catch {
    // fd 3 not open: run outside the corpus test.
  }
});

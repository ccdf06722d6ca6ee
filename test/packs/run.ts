import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The real binary (bin/assess.js → dist/), from the repository root, without colour. */
export const root = fileURLToPath(new URL('../../', import.meta.url));
export function assess(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/assess.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

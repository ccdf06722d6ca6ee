import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

/** The repository root: every path in the tests is relative to it. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The real binary (bin/assess.js → dist/), as CI and users run it, without colour. For tests
 * where the process is the point: exit status, signals, stdout closing, cold start.
 */
export function spawnAssess(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, ['bin/assess.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `run('a.json', '--format', 'json')`: spawnAssess with the arguments spread. */
export function run(...args: string[]): Run {
  return spawnAssess(args);
}

/** Streams that collect what the CLI writes; not a terminal, 100 columns (as a pipe gives). */
export function fakeIo() {
  const out = { stdout: '', stderr: '' };
  const stream = (k: 'stdout' | 'stderr') => ({ write: (s: string) => ((out[k] += s), true), once: () => undefined, isTTY: false, columns: undefined }) as unknown as NodeJS.WriteStream;
  return { out, io: { stdout: stream('stdout'), stderr: stream('stderr') } };
}

/**
 * The CLI in this process (src/cli/main.ts's `main`, which returns the exit code instead of
 * exiting): the same output as the binary, without a process start each time — for tests where
 * spawning isn't the point. Run from the repository root, as vitest is.
 */
export async function runInProcess(args: string[]): Promise<Run> {
  const { out, io } = fakeIo();
  const before = process.env.NO_COLOR;
  process.env.NO_COLOR = '1';
  try {
    const code = await main(['node', 'assess', ...args], io);
    return { code, ...out };
  } finally {
    if (before === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = before;
  }
}

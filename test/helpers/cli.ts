import { spawn, spawnSync } from 'node:child_process';
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

export interface MeasuredRun extends Run {
  /** The process's own CPU time (user + system), which a busy machine doesn't inflate as it does wall time. */
  cpuMs: number | undefined;
  /** Its peak resident memory. */
  rssMb: number | undefined;
  /** Killed after `hangMs` of wall time: it hangs. */
  killed: boolean;
}

const REPORT_USAGE = fileURLToPath(new URL('./report-usage.mjs', import.meta.url));

/**
 * The real binary, measured: its own CPU time and peak memory come back on fd 3 (report-usage.mjs,
 * preloaded), so a bound is held on what the run itself cost. `hangMs` of wall time is a hang
 * detector, not a budget: keep it generous, so a loaded machine never trips it.
 */
export function spawnMeasured(args: string[], opts: { env?: Record<string, string>; uid?: number; hangMs?: number } = {}): Promise<MeasuredRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', REPORT_USAGE, 'bin/assess.js', ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      timeout: opts.hangMs ?? 60_000,
      ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    let usage = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d) => (usage += d));
    child.on('error', (e) => resolve({ code: null, stdout, stderr: stderr + String(e), cpuMs: undefined, rssMb: undefined, killed: false }));
    child.on('close', (code, signal) => {
      const measured = usage ? (JSON.parse(usage) as { cpuMs: number; rssMb: number }) : undefined;
      resolve({ code, stdout, stderr, cpuMs: measured?.cpuMs, rssMb: measured?.rssMb, killed: signal !== null });
    });
  });
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

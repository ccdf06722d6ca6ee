import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const DRAFT = 'fixtures/standards/changning-demo-street-2024-draft.yaml';

/** Run the CLI in-process (same code path as bin/assess.js), capturing stdout and stderr. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const stream = (push: (s: string) => void) => ({ write: (s: string) => (push(s), true), isTTY: false, columns: 100 }) as unknown as NodeJS.WriteStream;
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const code = await main(['node', 'assess', ...args], { stdout: stream((s) => (stdout += s)), stderr: stream((s) => (stderr += s)) });
    return { code, stdout, stderr };
  } finally {
    process.chdir(cwd);
  }
}

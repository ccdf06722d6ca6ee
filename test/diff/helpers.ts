import { runInProcess } from '../helpers/cli.js';

export { root } from '../helpers/cli.js';
export const DRAFT = 'fixtures/standards/changning-demo-street-2024-draft.yaml';

/** Run the CLI in-process (test/helpers/cli.ts), capturing stdout and stderr. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await runInProcess(args);
  return { code: r.code ?? -1, stdout: r.stdout, stderr: r.stderr };
}

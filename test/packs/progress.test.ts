import { describe, expect, it } from 'vitest';
import { progressFor } from '../../src/cli/progress.js';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { s: { isTTY, columns: 60, write: (t: string) => (written.push(t), true) } as unknown as NodeJS.WriteStream, written };
}

describe('progressFor', () => {
  it('draws on a terminal for more than a few packs, and clears the line before a log and at the end', () => {
    const { s, written } = stream(true);
    const p = progressFor(s, 10, {});
    p.tick('packs/a');
    p.log('warning: x\n');
    p.tick('packs/b');
    p.done();
    expect(written[0]).toMatch(/^\r\x1b\[2K\[#+\.+\] 1\/10 packs\/a$/);
    expect(written.slice(1, 3)).toEqual(['\r\x1b[2K', 'warning: x\n']);
    expect(written[3]).toMatch(/ 2\/10 packs\/b$/);
    expect(written[4]).toBe('\r\x1b[2K');
  });

  it.each([
    ['in CI', true, 10, { CI: 'true' }],
    ['when piped', false, 10, {}],
    ['for a handful of packs', true, 3, {}],
  ])('draws nothing %s', (_, tty, total, env) => {
    const { s, written } = stream(tty as boolean);
    const p = progressFor(s, total as number, env as NodeJS.ProcessEnv);
    p.tick('x');
    p.log('warning: y\n');
    p.done();
    expect(written).toEqual(['warning: y\n']);
  });
});

import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';

// Issue 14 item 6: the annotation for an invalid pack names the facts file inside it and the line.
describe('--format github: an invalid pack is annotated on its facts file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'weibao-gh-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('names <pack>/facts.json, line and column, with the fix', async () => {
    cpSync('fixtures/packs/a-clean', join(dir, 'a-clean'), { recursive: true });
    mkdirSync(join(dir, 'bad'));
    writeFileSync(join(dir, 'bad', 'facts.json'), '{\n  "area": {"name": "x"},\n  "facts": {"coordination_meetings_per_year": "２"}\n}\n');
    const r = await runInProcess([dir, '--format', 'github', '--lang', 'en']);
    expect(r.code).toBe(3);
    const file = join(dir, 'bad', 'facts.json').replace(/:/g, '%3A').replace(/,/g, '%2C');
    expect(r.stdout).toContain(`::error file=${file},line=3,col=47,title=weibao%3A invalid input::`);
    expect(r.stdout).toContain('fix: full-width digits: type the half-width 2');
  });
});

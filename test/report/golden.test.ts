import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';

// Golden output of what people read: every format of the bundled fixtures, byte for byte, as the
// real binary prints it (no colour). Review a change with `npx vitest run test/report -u` + git diff.
const cases: [string, string[]][] = [
  ['changning-failing.table.txt', ['fixtures/changning-failing.json']],
  ['changning-failing.en.table.txt', ['fixtures/changning-failing.json', '--lang', 'en']],
  ['changning-vetoed.table.txt', ['fixtures/changning-vetoed.json']],
  ['changning-incomplete.table.txt', ['fixtures/changning-incomplete.yaml']],
  ['changning-failing.json', ['fixtures/changning-failing.json', '--format', 'json']],
  ['changning-vetoed.md', ['fixtures/changning-vetoed.json', '--format', 'markdown']],
  ['changning-failing.md', ['fixtures/changning-failing.json', '--format', 'markdown']],
  ['changning-failing.rectification.txt', ['fixtures/changning-failing.json', '--by', 'responsible']],
  ['changning-failing.rectification.md', ['fixtures/changning-failing.json', '--by', 'responsible', '--format', 'markdown']],
  ['changning-failing.rectification.json', ['fixtures/changning-failing.json', '--by', 'responsible', '--format', 'json']],
  ['yangshi-failing.table.txt', ['fixtures/yangshi-failing.json']],
  ['yangshi-failing.rectification.txt', ['fixtures/yangshi-failing.json', '--by', 'responsible']],
  ['yangshi-failing.rectification.md', ['fixtures/yangshi-failing.json', '--by', 'responsible', '--format', 'markdown']],
  ['yangshi-failing.rectification.json', ['fixtures/yangshi-failing.json', '--by', 'responsible', '--format', 'json']],
];

describe('golden reports', () => {
  it.each(cases)('%s', async (golden, args) => {
    const r = await runInProcess(args);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot(`golden/${golden}`);
  });
});

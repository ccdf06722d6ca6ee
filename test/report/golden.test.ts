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
  // The same reports in English: every word from the catalogue's en table.
  ['changning-vetoed.en.table.txt', ['fixtures/changning-vetoed.json', '--lang', 'en']],
  ['changning-incomplete.en.table.txt', ['fixtures/changning-incomplete.yaml', '--lang', 'en']],
  ['changning-failing.en.md', ['fixtures/changning-failing.json', '--format', 'markdown', '--lang', 'en']],
  ['changning-vetoed.en.md', ['fixtures/changning-vetoed.json', '--format', 'markdown', '--lang', 'en']],
  ['changning-failing.rectification.en.txt', ['fixtures/changning-failing.json', '--by', 'responsible', '--lang', 'en']],
  ['changning-failing.rectification.en.md', ['fixtures/changning-failing.json', '--by', 'responsible', '--format', 'markdown', '--lang', 'en']],
  ['yangshi-failing.en.table.txt', ['fixtures/yangshi-failing.json', '--lang', 'en']],
  ['yangshi-failing.rectification.en.txt', ['fixtures/yangshi-failing.json', '--by', 'responsible', '--lang', 'en']],
  ['yangshi-failing.rectification.en.md', ['fixtures/yangshi-failing.json', '--by', 'responsible', '--format', 'markdown', '--lang', 'en']],
  // A vetoed area's 整改清单: the veto heads it, and it never says there is nothing to rectify.
  ['changning-vetoed.rectification.txt', ['fixtures/changning-vetoed.json', '--by', 'responsible']],
  ['changning-vetoed.rectification.md', ['fixtures/changning-vetoed.json', '--by', 'responsible', '--format', 'markdown']],
  ['changning-vetoed.rectification.en.md', ['fixtures/changning-vetoed.json', '--by', 'responsible', '--format', 'markdown', '--lang', 'en']],
  ['changning-vetoed.rectification.csv', ['fixtures/changning-vetoed.json', '--by', 'responsible', '--format', 'csv']],
  // JSON keeps ids and data; its explanations are in the language asked for.
  ['changning-failing.en.json', ['fixtures/changning-failing.json', '--format', 'json', '--lang', 'en']],
  ['yangshi-failing.rectification.en.json', ['fixtures/yangshi-failing.json', '--by', 'responsible', '--format', 'json', '--lang', 'en']],
  ['changning-vetoed.rectification.en.csv', ['fixtures/changning-vetoed.json', '--by', 'responsible', '--format', 'csv', '--lang', 'en']],
];

describe('golden reports', () => {
  it.each(cases)('%s', async (golden, args) => {
    const r = await runInProcess(args);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot(`golden/${golden}`);
  });
});

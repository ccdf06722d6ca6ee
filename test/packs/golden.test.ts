import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';

// Golden output of the batch and 月报 views, as the CLI prints them (no colour; in-process). The packs
// are built from the 长宁 fixtures by scripts/build-fixture-packs.mjs; review a change with
// `npx vitest run test/packs -u` and git diff.
const cases: [string, string[], number][] = [
  ['packs.table.txt', ['fixtures/packs/'], 2],
  ['packs.en.table.txt', ['fixtures/packs/', '--lang', 'en'], 2],
  ['packs.md', ['fixtures/packs/', '--format', 'markdown'], 2],
  ['b-evidence-problems.table.txt', ['fixtures/packs/b-evidence-problems'], 1],
  ['a-clean.baseline.table.txt', ['fixtures/packs/a-clean', '--baseline', 'fixtures/packs-baseline.json'], 0],
  ['a-clean.baseline.md', ['fixtures/packs/a-clean', '--baseline', 'fixtures/packs-baseline.json', '--format', 'markdown'], 0],
  ['packs.baseline.table.txt', ['fixtures/packs/', '--baseline', 'fixtures/packs-baseline.json'], 2],
  // The same in English (every word from the catalogue's en table), and the CI formats' words.
  ['packs.en.md', ['fixtures/packs/', '--format', 'markdown', '--lang', 'en'], 2],
  ['a-clean.baseline.en.table.txt', ['fixtures/packs/a-clean', '--baseline', 'fixtures/packs-baseline.json', '--lang', 'en'], 0],
  ['a-clean.baseline.en.md', ['fixtures/packs/a-clean', '--baseline', 'fixtures/packs-baseline.json', '--format', 'markdown', '--lang', 'en'], 0],
  ['packs.en.junit.xml', ['fixtures/packs/', '--format', 'junit', '--lang', 'en'], 2],
  ['packs.en.github.txt', ['fixtures/packs/', '--format', 'github', '--lang', 'en'], 2],
];

describe('golden batch and progress reports', () => {
  it.each(cases)('%s', async (golden, args, code) => {
    const r = await runInProcess(args);
    expect(r.code).toBe(code);
    await expect(r.stdout).toMatchFileSnapshot(`golden/${golden}`);
  });
});

import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from '../helpers/cli.js';

const schema = JSON.parse(readFileSync('schemas/report.schema.json', 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

// The published schema describes what `--format json` prints, reasons and all: every fixture
// kind (failing, vetoed, incomplete, packs with evidence problems, a batch, --baseline) validates.
describe('schemas/report.schema.json', () => {
  it.each([
    [['fixtures/changning-failing.json']],
    [['fixtures/changning-vetoed.json', '--lang', 'en']],
    [['fixtures/changning-incomplete.yaml']],
    [['fixtures/yangshi-failing.json']],
    [['fixtures/packs/']],
    [['fixtures/packs/a-clean', '--baseline', 'fixtures/packs-baseline.json']],
  ])('%j', async (args) => {
    const { io, out } = fakeIo();
    await main(['node', 'assess', ...args, '--format', 'json'], io);
    const doc = JSON.parse(out.stdout);
    expect(validate(doc), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('refuses what is not a report', () => {
    expect(validate({ schemaVersion: 1, results: [{ area: {}, standard: { id: 's', version: '1' }, verdict: 'maybe', score: 2, items: [] }] })).toBe(false);
  });
});

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

  it('a batch with refused inputs: summary.invalid, each with its kind and problems', async () => {
    const { io, out } = fakeIo();
    await main(['node', 'assess', 'fixtures/packs/', 'fixtures/mistakes/count-range.json', 'fixtures/mistakes/json-trailing-comma.json', 'fixtures/hostile/empty.xlsx', '--format', 'json'], io);
    const doc = JSON.parse(out.stdout);
    expect(validate(doc), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(doc.summary.invalid.map((i: { kind: string }) => i.kind)).toEqual(['schema', 'parse', 'parse']);
    for (const bad of doc.summary.invalid) expect(bad.problems.length).toBeGreaterThan(0);
    const broken = structuredClone(doc);
    broken.summary.invalid[0].problems[0].severity = 'fatal';
    expect(validate(broken)).toBe(false);
  });

  it('refuses what is not a report', () => {
    expect(validate({ schemaVersion: 1, results: [{ area: {}, standard: { id: 's', version: '1' }, verdict: 'maybe', score: 2, items: [] }] })).toBe(false);
  });
});

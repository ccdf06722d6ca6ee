import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assessFacts } from '../../src/assess/assess.js';
import { loadStandardSync } from '../../src/standard/load.js';
import { runInProcess } from '../helpers/cli.js';

/**
 * The hostile standards (fixtures/hostile/standard-*.yaml, run by the corpus in
 * test/hostile/corpus.test.ts) each show one fault. Each must be a valid standard in every other
 * way, or the corpus can pass on the wrong problem (they all failed lint on facts without `time`
 * before they reached their own). Here each fault is named by its message id, and nothing else.
 */
const H = 'fixtures/hostile';

/** Faults lint finds: exactly these ids, in the order of the file. */
const AT_LINT: Record<string, string[]> = {
  'standard-billion-laughs.yaml': ['input.tooManyAliases'],
  'standard-complex-key.yaml': ['input.yaml.complexKey'],
  'standard-duplicate-key.yaml': ['input.yaml.duplicateKey'],
  'standard-log-op.yaml': ['input.rule.op'],
  'standard-method-op.yaml': ['input.rule.op'],
  'standard-dotted-op.yaml': ['input.rule.op'],
  'standard-unknown-op.yaml': ['input.rule.op'],
  'standard-computed-var.yaml': ['input.lint.dynamicVar'],
  'standard-proto-var.yaml': ['input.lint.unknownFact'],
  'standard-missing-unknown.yaml': ['input.lint.unknownFact'],
  'standard-reads-nothing.yaml': ['input.lint.wholeData', 'input.lint.wholeData', 'input.lint.readsNothing', 'input.lint.readsNothing'],
};

/** Faults that only show when the standard is used: lint finds nothing, assessing finds this id. */
const AT_USE: Record<string, string | null> = {
  'standard-rule-budget.yaml': 'input.rule.built',
  'standard-rule-throws.yaml': 'input.rule.other',
  // Not a fault: a fact named like a prototype property is read as a fact (the corpus checks the JSON).
  'standard-constructor-fact.yaml': null,
};

/** A negative list whose fault is against the standard it is applied to. */
const NEGATIVE = 'standard-negative-redefines.yaml';

/** A parse fault hides what follows it: with the fault taken out, the rest must lint clean. */
const REPAIR: Record<string, (text: string) => string> = {
  'standard-duplicate-key.yaml': (s) => s.replace(/\n    number: 2\n/, '\n'),
  'standard-complex-key.yaml': (s) => s.replace(/\n\? \[tiny_meetings_per_year\]\n: 1\n?/, '\n'),
};

async function lintIds(file: string): Promise<string[]> {
  const r = await runInProcess(['standards', 'lint', file, '--format', 'json']);
  const report = JSON.parse(r.stdout) as { files: { problems: { id?: string; message: string }[] }[] };
  return report.files.flatMap((f) => f.problems.map((p) => p.id ?? p.message));
}

const tmp = mkdtempSync(join(tmpdir(), 'weibao-hostile-std-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('hostile standards show their own fault and no other', () => {
  it('every fixtures/hostile/standard-*.yaml is listed here with its fault', () => {
    const files = readdirSync(H).filter((f) => /^standard-.*\.yaml$/.test(f)).sort();
    expect(files).toEqual([...Object.keys(AT_LINT), ...Object.keys(AT_USE), NEGATIVE].sort());
  });

  it.each(Object.entries(AT_LINT))('%s: lint reports %j only', async (file, ids) => {
    expect(await lintIds(`${H}/${file}`)).toEqual(ids);
  });

  it.each(Object.entries(REPAIR))('%s without its fault lints clean', async (file, repair) => {
    const text = readFileSync(`${H}/${file}`, 'utf8');
    const repaired = repair(text);
    expect(repaired).not.toBe(text);
    const path = join(tmp, file);
    writeFileSync(path, repaired);
    expect(await lintIds(path)).toEqual([]);
  });

  it.each(Object.entries(AT_USE))('%s: lint-clean; assessing gives %s', async (file, id) => {
    expect(await lintIds(`${H}/${file}`)).toEqual([]);
    const facts = JSON.parse(readFileSync('test/hostile/good-facts.json', 'utf8'));
    const run = () => assessFacts(loadStandardSync(`${H}/${file}`), facts, {});
    if (id === null) {
      expect(run).not.toThrow();
      return;
    }
    let problems: { id?: string }[] = [];
    try {
      run();
    } catch (e) {
      problems = (e as { problems?: { id?: string }[] }).problems ?? [];
    }
    expect(problems.map((p) => p.id)).toEqual([id]);
  });

  it(`${NEGATIVE}: lint-clean alone; applied to the tiny standard, it redefines a fact and reuses an id`, async () => {
    expect(await lintIds(`${H}/${NEGATIVE}`)).toEqual([]);
    let problems: { id?: string }[] = [];
    try {
      loadStandardSync('test/hostile/tiny-standard.yaml', { negativeLists: [`${H}/${NEGATIVE}`] });
    } catch (e) {
      problems = (e as { problems?: { id?: string }[] }).problems ?? [];
    }
    expect(problems.map((p) => p.id)).toEqual(['input.standard.factRedefined', 'input.standard.idUsed']);
  });
});

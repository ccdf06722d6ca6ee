import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// The package's main export, as built (dist/), exactly as contract.md shows it.
import { InputError, RuleError, assessFacts, compileRule, loadStandard } from '../../dist/index.js';
import { run } from '../helpers/cli.js';

describe('library API (contract.md)', () => {
  it('loadStandard + assessFacts give one entry of the CLI\'s results', async () => {
    const std = await loadStandard('changning-demo-street@2023');
    const submission = JSON.parse(readFileSync('fixtures/changning-failing.json', 'utf8'));
    const result = assessFacts(std, submission);
    const cli = JSON.parse(run('fixtures/changning-failing.json', '--format', 'json').stdout).results[0];
    expect(result.verdict).toBe('fail');
    expect(result.score).toBe(cli.score);
    expect(result.aspects).toEqual(cli.aspects);
    expect(result.items.map((i) => [i.id, i.state, i.explanation])).toEqual(cli.items.map((i: any) => [i.id, i.state, i.explanation]));
    expect(result.vetoes.map((v) => v.state)).toEqual(cli.vetoes.map((v: any) => v.state));
  });

  it('names each missing fact once, however often a rule reads it', async () => {
    const std = await loadStandard('yangshi-demo-point@2022');
    const facts = JSON.parse(readFileSync('fixtures/changning-compliant.json', 'utf8')).facts;
    for (let pass = 0; pass < 12; pass++) {
      // past the switch-over to generated code (after a few evaluations) as well as before it
      const result = assessFacts(std, facts, { validated: true });
      const anti = result.items.find((i) => i.id === 'school.anti-bullying-and-abuse-systems')!;
      expect(anti.state).toBe('missing');
      expect(anti.missing.filter((f) => f === 'schools')).toHaveLength(1);
    }
  });

  it('loads a standard from a YAML path too', async () => {
    const std = await loadStandard('standards/yangshi-demo-point/2022.yaml');
    expect(std.id).toBe('yangshi-demo-point');
    expect(std.items).toHaveLength(41);
  });

  it('validates what it is given: no coercion of "2" into a count', async () => {
    const std = await loadStandard('changning-demo-street@2023');
    const facts = JSON.parse(readFileSync('fixtures/changning-compliant.json', 'utf8')).facts;
    expect(() => assessFacts(std, { ...facts, coordination_meetings_per_year: '2' })).toThrow(InputError);
    try {
      assessFacts(std, { facts: { ...facts, coordination_meetings_per_year: '2' } });
    } catch (e) {
      expect((e as InputError).problems[0].pointer).toBe('/facts/coordination_meetings_per_year');
    }
    // bare facts values are accepted as well as a whole facts file
    expect(assessFacts(std, facts).verdict).toBe('pass');
  });

  it('compileRule: exactly JSON-Logic, and refuses operations off the allowlist', () => {
    const f = compileRule({ '>=': [{ var: 'meetings_per_year' }, 2] });
    expect(f({ meetings_per_year: 3 })).toBe(true);
    expect(f({ meetings_per_year: 1 })).toBe(false);
    expect(() => compileRule({ log: 'x' })).toThrow(RuleError);
    expect(() => compileRule({ and: [true, { 'Math.max': [1, 2] }] })).toThrow(/not allowed/);
    expect(compileRule({ var: '__proto__' })({})).toBe(null);
    expect(compileRule({ var: 'constructor' })({})).toBe(null);
  });
});

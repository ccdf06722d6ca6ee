import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// The package's main export, as built (dist/), exactly as contract.md shows it.
import { InputError, RuleError, assessFacts, assessInput, compileRule, describeError, loadStandard } from '../../dist/index.js';
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

  it('describeError: an input error as stderr\'s lines, the exit code, and each problem as data', () => {
    let caught: unknown;
    try {
      assessInput('fixtures/mistakes/json-trailing-comma.json');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InputError);
    const zh = describeError(caught, false, 'zh');
    const en = describeError(caught, false, 'en');
    expect(zh.code).toBe(3);
    expect(zh.kind).toBe('parse');
    expect(zh.lines[0]).toMatch(/^错误: fixtures\/mistakes\/json-trailing-comma\.json:\d+:\d+: /);
    expect(zh.problems![0]).toMatchObject({ severity: 'error', file: 'fixtures/mistakes/json-trailing-comma.json', id: expect.stringMatching(/^input\./), fix: { id: expect.stringMatching(/^input\.fix\./) } });
    expect(en.problems!.map((p) => [p.id, p.line, p.column, p.fix?.id])).toEqual(zh.problems!.map((p) => [p.id, p.line, p.column, p.fix?.id]));
    expect(zh.lines.join('\n')).toContain(zh.problems![0].fix!.message);
  });

  it('describeError: a rule refused and a fault of weibao\'s own are kinds of their own', () => {
    let refused: unknown;
    try {
      compileRule({ and: [true, { log: 'x' }] });
    } catch (e) {
      refused = e;
    }
    const rule = describeError(refused, false, 'en');
    expect(rule.code).toBe(3);
    expect(rule).toMatchObject({ kind: 'rule', problems: [{ severity: 'error', pointer: '/and/1/log', id: expect.any(String) }] });
    expect(rule.lines[0]).toContain(rule.problems![0].message);
    const internal = describeError(new TypeError('x is undefined'), false, 'en');
    expect(internal).toMatchObject({ code: 70, kind: 'internal' });
    expect(internal.problems).toBeUndefined();
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

describe('assessInput (contract.md): what `assess <path>` does, as one call', () => {
  it('a facts file → the CLI\'s result, standard resolved from the file, explanation in the language asked for', async () => {
    const { assessInput } = await import('../../dist/index.js');
    const result = assessInput('fixtures/changning-failing.json', { lang: 'en' });
    const cli = JSON.parse(run('fixtures/changning-failing.json', '--format', 'json', '--lang', 'en').stdout).results[0];
    expect(result.standard.id).toBe(cli.standard.id);
    expect(result.verdict).toBe(cli.verdict);
    expect(result.items.map((i) => [i.id, i.state, i.explanation, i.reasons])).toEqual(cli.items.map((i: any) => [i.id, i.state, i.explanation, i.reasons]));
    expect(result.file).toBe('fixtures/changning-failing.json');
  });

  it('a data pack: evidence checked before scoring (one aggregation), findings and warnings returned', async () => {
    const { assessInput } = await import('../../dist/index.js');
    const strict = assessInput('fixtures/packs/b-evidence-problems');
    const warn = assessInput('fixtures/packs/b-evidence-problems', { evidence: 'warn' });
    const unsupported = strict.items.filter((i) => i.state === 'unsupported');
    expect(unsupported.length).toBeGreaterThan(0);
    expect(unsupported.every((i) => i.reasons.every((r) => r.kind === 'evidence'))).toBe(true);
    // The score counts unsupported items as not met: made once, on the final states.
    const met = strict.items.filter((i) => i.state === 'pass').length;
    const applicable = strict.items.filter((i) => i.state !== 'not_applicable').length;
    expect(strict.aspects.reduce((s, a) => s + a.met, 0)).toBe(met);
    expect(strict.score).toBeLessThan(warn.score);
    expect(strict.evidenceFindings!.length).toBeGreaterThan(0);
    expect(warn.warnings.length).toBeGreaterThanOrEqual(warn.evidenceFindings!.length);
    expect(applicable).toBeGreaterThan(0);
  });

  it('bad input is an InputError located in the file, never a report', async () => {
    const { assessInput } = await import('../../dist/index.js');
    expect(() => assessInput('fixtures/does-not-exist.json')).toThrow(InputError);
  });

  it('reasons are data; explain() renders them in either language', async () => {
    const { assessInput, explain, loadStandard } = await import('../../dist/index.js');
    const r = assessInput('fixtures/changning-failing.json', { explain: false });
    const { vocabulary } = await loadStandard('changning-demo-street@2023');
    const failed = r.items.find((i) => i.state === 'fail')!;
    expect(failed.explanation).toBe('');
    expect(explain(failed.reasons, 'zh', vocabulary)).toMatch(/要求/);
    expect(explain(failed.reasons, 'en', vocabulary)).toMatch(/required/);
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseText } from '../../src/source/read.js';
import { lintParsed } from '../../src/standard/lint.js';
import { loadStandardSync } from '../../src/standard/load.js';

/**
 * Issue 13 items 13 and 14, beside the hostile corpus (fixtures/hostile/standard-*): what lint
 * refuses in a rule, what it still allows, and the negative-list checks at load.
 */
const TINY = readFileSync('test/hostile/tiny-standard.yaml', 'utf8');
const FIRST_RULE = 'rule: {">=": [{var: tiny_meetings_per_year}, 2]}';

function lintWith(rule: string): string[] {
  const text = TINY.replace(FIRST_RULE, `rule: ${rule}`);
  expect(text).not.toBe(TINY);
  return lintParsed(parseText(text, 'yaml', 'tiny.yaml'), 'tiny.yaml')
    .problems.filter((p) => p.severity === 'error')
    .map((p) => `${p.pointer} ${p.message}`);
}

describe('lint of rules', () => {
  it('refuses rules that read nothing or the whole facts object', () => {
    expect(lintWith('{"!!": [{var: ""}]}')).toEqual(['/items/0/rule/!!/0 this var reads the whole facts object, not a fact']);
    expect(lintWith('{var: null}')).toEqual(['/items/0/rule this var reads the whole facts object, not a fact']);
    expect(lintWith('{var: []}')).toEqual(['/items/0/rule this var reads the whole facts object, not a fact']);
    expect(lintWith('true')[0]).toMatch(/^\/items\/0\/rule the rule of item "tiny.meetings" reads no fact/);
    expect(lintWith('{"==": [1, 1]}')[0]).toMatch(/reads no fact/);
  });

  it('allows {"var": ""} where it means the element of a map, filter, all …', () => {
    expect(lintWith('{and: [{var: tiny_funding}, {all: [[1, 2], {">=": [{var: ""}, 0]}]}]}')).toEqual([]);
    // Inside the element's scope a var reads the element, not a fact: the rule as a whole reads none.
    expect(lintWith('{all: [[1, 2], {">=": [{var: ""}, 0]}]}')[0]).toMatch(/reads no fact/);
  });

  it('checks the facts missing and missing_some name against the vocabulary', () => {
    expect(lintWith('{"!": {missing: [tiny_funding, not_in_vocabulary]}}')).toEqual(['/items/0/rule fact "not_in_vocabulary" is not in the facts vocabulary']);
    expect(lintWith('{"!": {missing_some: [1, [tiny_funding, nope]]}}')).toEqual(['/items/0/rule fact "nope" is not in the facts vocabulary']);
    expect(lintWith('{"!": {missing: [tiny_funding]}}')).toEqual([]);
  });
});

describe('negative lists at load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'weibao-lint-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const list = (facts: string, id: string) => {
    const file = join(dir, `${id}.yaml`);
    writeFileSync(
      file,
      `id: ${id}\nversion: "1"\ntitle: t\nkind: negative-list\n${facts}items:\n  - id: ${id}.one\n    aspect: a\n    number: 1\n    text: t\n    veto_if: {">": [{var: tiny_funding}, 100]}\n`,
    );
    return file;
  };

  const FUNDING = 'facts:\n  tiny_funding:\n    type: number\n    time: now\n    minimum: 0\n    unit: 万元\n    zh: 专项经费\n    en: Dedicated funding\n';

  it('takes a list that repeats a fact of the standard with the same definition', () => {
    const same = list(FUNDING, 'same');
    expect(loadStandardSync('test/hostile/tiny-standard.yaml', { negativeLists: [same] }).negativeLists).toHaveLength(1);
  });

  it('refuses a list that defines it differently, and two lists with one item id', () => {
    const other = list('facts:\n  tiny_funding:\n    type: integer\n    zh: 专项经费\n    en: Dedicated funding\n', 'other');
    expect(() => loadStandardSync('test/hostile/tiny-standard.yaml', { negativeLists: [other] })).toThrow(/fact "tiny_funding" is defined differently/);
    const a = list(FUNDING, 'dup');
    const b = join(dir, 'dup2.yaml');
    writeFileSync(b, readFileSync(a, 'utf8').replace('id: dup\n', 'id: dup2\n'));
    let error: unknown;
    try {
      loadStandardSync('test/hostile/tiny-standard.yaml', { negativeLists: [a, b] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]).toMatchObject({ pointer: '/items/0/id', line: 14, message: 'item id "dup.one" is already used by dup@1' });
  });
});

import { describe, expect, it } from 'vitest';
import { standardYears } from '../../src/standard/years.js';
import { validateFacts } from '../../src/facts/validate.js';
import { loadStandardSync } from '../../src/standard/load.js';
import { InputError } from '../../src/errors.js';

describe("a standard's years, from its version", () => {
  it.each([
    ['2023', { from: 2023, to: 2023 }],
    ['2024-draft', { from: 2024, to: 2024 }],
    ['2023-2025', { from: 2023, to: 2025 }],
    ['1', undefined],
    ['20231', undefined],
    ['2025-2023', undefined],
  ])('%s', (version, years) => expect(standardYears(version)).toEqual(years));
});

describe('a period outside the standard\'s year is refused', () => {
  const changning = loadStandardSync('changning-demo-street@2023');
  const check = (period: unknown, standard = { id: 'changning-demo-street', version: '2023' }) =>
    validateFacts({ value: { period, facts: {} }, locate: () => ({ line: 3, column: 11 }) }, changning.vocabulary, 'f.json', { standard });
  it.each(['2023', '2023-Q1', '2023-Q4', '2023-01', '2023-12', 2023])('%s passes against 2023', (p) => expect(() => check(p)).not.toThrow());
  it.each(['2022', '2024-Q1', '2022-12', 2024])('%s is refused against 2023, located, with the fix', (p) => {
    try {
      check(p);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const [problem] = (e as InputError).problems;
      expect(problem).toMatchObject({ id: 'input.periodYear', pointer: '/period', line: 3, column: 11, hint: { id: 'input.fix.periodYear' } });
    }
  });
  it('a span of years takes any period in it', () => {
    expect(() => check('2025-Q3', { id: 'x', version: '2023-2025' })).not.toThrow();
    expect(() => check('2026', { id: 'x', version: '2023-2025' })).toThrow(InputError);
  });
  it('a version without a year checks nothing, and neither does validation without a standard', () => {
    expect(() => check('1999', { id: 'x', version: '1' })).not.toThrow();
    expect(() => validateFacts({ value: { period: '1999', facts: {} }, locate: () => undefined }, changning.vocabulary)).not.toThrow();
  });
});

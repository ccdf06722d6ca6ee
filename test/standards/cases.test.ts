import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { assessFacts } from '../../src/assess/assess.js';
import { evaluateItems, evaluateNegativeList } from '../../src/assess/evaluate.js';
import { parsePeriod } from '../../src/assess/period.js';
import { loadStandardSync } from '../../src/standard/load.js';
import { listBundled } from '../../src/standard/registry.js';
import type { LoadedStandard } from '../../src/standard/types.js';

/**
 * Rules tested as data (ESLint's RuleTester, OPA's `opa test`): every bundled standard ships
 * `<version>.cases.yaml` — a base facts file on which every item is met (or every veto clear),
 * and cases that change a few facts and expect one item's state. A case may give a `period`
 * (2023-Q2, 2023-05: part of a year, src/assess/period.ts), where a yearly count not yet reached
 * is `pending`; `verdicts` cases expect the verdict of the whole assessment (in_progress …).
 * This one runner runs them all.
 */
interface Change {
  name: string;
  period?: string;
  set?: Record<string, unknown>;
  unset?: string[];
  expect: string;
}
interface CaseFile {
  base: string;
  cases: (Change & { item: string })[];
  verdicts?: Change[];
  /** What a fact's description (the words a clerk reads in init's template and the report) must and must not say. */
  descriptions?: { fact: string; says?: string[]; never?: string[] }[];
}

function stateOf(std: LoadedStandard, facts: Record<string, unknown>, id: string, period?: string): string {
  if (std.kind === 'negative-list') return evaluateNegativeList(std, facts).find((v) => v.id === id)!.state;
  return evaluateItems(std, facts, parsePeriod(period)).find((i) => i.id === id)!.state;
}

const bundled = listBundled().map((ref) => ({ ref, casesFile: ref.file.replace(/\.yaml$/, '.cases.yaml') }));

describe.each(bundled)('$ref.id@$ref.version', ({ ref, casesFile }) => {
  const std = loadStandardSync(`${ref.id}@${ref.version}`);
  it('ships cases', () => expect(existsSync(casesFile)).toBe(true));
  if (!existsSync(casesFile)) return;
  const spec = parse(readFileSync(casesFile, 'utf8')) as CaseFile;
  const base = (JSON.parse(readFileSync(resolve(dirname(casesFile), spec.base), 'utf8')) as { facts: Record<string, unknown> }).facts;
  const good = std.kind === 'negative-list' ? 'clear' : 'pass';
  const bad = std.kind === 'negative-list' ? 'triggered' : 'fail';
  const factsOf = (c: Change) => {
    const facts: Record<string, unknown> = { ...base, ...(c.set ?? {}) };
    for (const path of c.unset ?? []) delete facts[path];
    return facts;
  };

  it(`every item is ${good} on the base facts`, () => {
    const states = Object.fromEntries(std.items.map((i) => [i.id, stateOf(std, base, i.id)]));
    expect(states).toEqual(Object.fromEntries(std.items.map((i) => [i.id, good])));
  });

  it(`every item is ${good} on the base facts in a part-year period too (nothing pending once reached)`, () => {
    const states = Object.fromEntries(std.items.map((i) => [i.id, stateOf(std, base, i.id, `${ref.version}-Q2`)]));
    expect(states).toEqual(Object.fromEntries(std.items.map((i) => [i.id, good])));
  });

  it(`every item has a case that makes it ${bad}`, () => {
    const covered = new Set(spec.cases.filter((c) => c.expect === bad && c.period === undefined).map((c) => c.item));
    expect(std.items.map((i) => i.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('cases name only items of the standard', () => {
    const ids = new Set(std.items.map((i) => i.id));
    expect(spec.cases.map((c) => c.item).filter((id) => !ids.has(id))).toEqual([]);
  });

  it.each(spec.cases.map((c) => [`${c.item}: ${c.name}${c.period ? ` (${c.period})` : ''} → ${c.expect}`, c] as const))('%s', (_, c) => {
    expect(stateOf(std, factsOf(c), c.item, c.period)).toBe(c.expect);
  });

  if (spec.descriptions?.length) {
    it.each(spec.descriptions.map((d) => [d.fact, d] as const))('description of %s', (_, d) => {
      const zh = std.vocabulary[d.fact]?.zh ?? '';
      for (const w of d.says ?? []) expect([d.fact, zh]).toEqual([d.fact, expect.stringContaining(w)]);
      for (const w of d.never ?? []) expect([d.fact, zh]).not.toEqual([d.fact, expect.stringContaining(w)]);
    });
  }

  if (spec.verdicts?.length) {
    it.each(spec.verdicts.map((c) => [`${c.name}${c.period ? ` (${c.period})` : ''} → ${c.expect}`, c] as const))('verdict: %s', (_, c) => {
      expect(assessFacts(std, { area: {}, ...(c.period ? { period: c.period } : {}), facts: factsOf(c), evidence: {} }).verdict).toBe(c.expect);
    });
  }
});

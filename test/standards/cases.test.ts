import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { evaluateItems, evaluateNegativeList } from '../../src/assess/evaluate.js';
import { loadStandardSync } from '../../src/standard/load.js';
import { listBundled } from '../../src/standard/registry.js';
import type { LoadedStandard } from '../../src/standard/types.js';

/**
 * Rules tested as data (ESLint's RuleTester, OPA's `opa test`): every bundled standard ships
 * `<version>.cases.yaml` — a base facts file on which every item is met (or every veto clear),
 * and cases that change a few facts and expect one item's state. This one runner runs them all.
 */
interface CaseFile {
  base: string;
  cases: { item: string; name: string; set?: Record<string, unknown>; unset?: string[]; expect: string }[];
}

function stateOf(std: LoadedStandard, facts: Record<string, unknown>, id: string): string {
  if (std.kind === 'negative-list') return evaluateNegativeList(std, facts, 'zh').find((v) => v.id === id)!.state;
  return evaluateItems(std, facts, 'zh').find((i) => i.id === id)!.state;
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

  it(`every item is ${good} on the base facts`, () => {
    const states = Object.fromEntries(std.items.map((i) => [i.id, stateOf(std, base, i.id)]));
    expect(states).toEqual(Object.fromEntries(std.items.map((i) => [i.id, good])));
  });

  it(`every item has a case that makes it ${bad}`, () => {
    const covered = new Set(spec.cases.filter((c) => c.expect === bad).map((c) => c.item));
    expect(std.items.map((i) => i.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('cases name only items of the standard', () => {
    const ids = new Set(std.items.map((i) => i.id));
    expect(spec.cases.map((c) => c.item).filter((id) => !ids.has(id))).toEqual([]);
  });

  it.each(spec.cases.map((c) => [`${c.item}: ${c.name} → ${c.expect}`, c] as const))('%s', (_, c) => {
    const facts: Record<string, unknown> = { ...base, ...(c.set ?? {}) };
    for (const path of c.unset ?? []) delete facts[path];
    expect(stateOf(std, facts, c.item)).toBe(c.expect);
  });
});

import { describe, expect, it } from 'vitest';
import { evaluateItems } from '../../src/assess/evaluate.js';
import { compileTrackedTree } from '../../src/rules/compile.js';
import { NOT_FOUND, resolvePath } from '../../src/rules/resolve.js';
import { parseRule } from '../../src/rules/tree.js';
import { loadStandardSync } from '../../src/standard/load.js';
import type { LoadedStandard, StandardItem } from '../../src/standard/types.js';

// An item's `actual` is read through a plan made once per standard (src/assess/plan.ts): plain
// property loads where every path allows it, resolveParts otherwise. Whatever the path and
// whatever the facts object, it must be what resolvePath gives (own properties only, null where absent).
const base = loadStandardSync('changning-demo-street@2023');

function standardReading(reads: string[], rule: unknown = { '>=': [{ var: 'x' }, 1] }): LoadedStandard {
  const item: StandardItem = { ...base.items[0], id: 't.item', reads };
  const tree = parseRule(rule);
  return { ...base, items: [item], compiled: new Map([[item.id, { test: compileTrackedTree(tree), tree: { test: tree } }]]), negativeLists: [] };
}

const expected = (reads: string[], facts: unknown) => Object.fromEntries(reads.map((p) => [p, p === '' ? facts : ((v) => (v === NOT_FOUND ? null : v))(resolvePath(facts, p))]));

class Inherits {
  own = 3;
}
(Inherits.prototype as unknown as Record<string, unknown>).x = 7;

describe('actual, read through the plan', () => {
  const reads = ['x', 'a.b', 'constructor', 'toString', 'own', 'a.length', ''];
  const cases: [string, Record<string, unknown>][] = [
    ['a parsed facts file', JSON.parse('{"x": 2, "a": {"b": 5}, "__proto__": 1}')],
    ['a facts object without a prototype', Object.assign(Object.create(null), { x: 0, a: 'text' })],
    ['an instance whose prototype holds a fact (not its own: not read)', new Inherits() as unknown as Record<string, unknown>],
    ['an empty object', {}],
  ];
  for (const [name, facts] of cases) {
    it(name, () => {
      const [item] = evaluateItems(standardReading(reads), facts);
      expect(Object.keys(item.actual)).toEqual(Object.keys(expected(reads, facts)));
      expect(item.actual).toEqual(expected(reads, facts));
    });
  }

  it('reads only own properties even for names Object.prototype has', () => {
    const [item] = evaluateItems(standardReading(['constructor', 'hasOwnProperty', 'x']), { x: null });
    expect(item.actual).toEqual({ constructor: null, hasOwnProperty: null, x: null });
  });

  it('is made again when a caller swaps a standard\'s items', () => {
    const std = standardReading(['x']);
    expect(evaluateItems(std, { x: 1, y: 2 })[0].actual).toEqual({ x: 1 });
    std.items = [{ ...std.items[0], reads: ['y'] }];
    expect(evaluateItems(std, { x: 1, y: 2 })[0].actual).toEqual({ y: 2 });
  });
});

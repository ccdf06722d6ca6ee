import { describe, expect, it } from 'vitest';
import { fixtureResult } from '../helpers/results.js';

// Met items (and clear vetoes) of every result share one empty list of reasons and one of missing
// facts (src/assess/evaluate.ts): one per item per area would be garbage. A library caller that
// pushed into one would change every met item of every result, so they are frozen: the push throws.
describe('the empty lists met items share', () => {
  it('are one list across results, and cannot be changed', () => {
    const a = fixtureResult('changning-failing.json', 'a.json');
    const b = fixtureResult('changning-compliant.json', 'b.json');
    const metA = a.items.find((i) => i.state === 'pass')!;
    const metB = b.items.find((i) => i.state === 'pass')!;
    expect(metA.reasons).toBe(metB.reasons);
    expect(metA.missing).toBe(metB.missing);
    expect(() => (metA.reasons as unknown[]).push({ id: 'x' })).toThrow(TypeError);
    expect(() => metA.missing.push('x')).toThrow(TypeError);
    expect(metB.reasons).toEqual([]);
    expect(metB.missing).toEqual([]);
    // A failed item's lists are its own.
    const failed = a.items.find((i) => i.state === 'fail')!;
    expect(failed.reasons.length).toBeGreaterThan(0);
    expect(Object.isFrozen(failed.reasons)).toBe(false);
  });
});

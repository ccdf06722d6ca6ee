import { describe, expect, it } from 'vitest';
import { areaAndPeriod } from '../../src/report/labels.js';

// How github, junit and the batch table name an area (src/report/labels.ts): as
// [area, period].filter(Boolean).join(' · ') did, which each of them once wrote out for itself.
describe('areaAndPeriod', () => {
  it('names both, either alone, or nothing', () => {
    expect(areaAndPeriod('新华路街道', '2023-Q2')).toBe('新华路街道 · 2023-Q2');
    expect(areaAndPeriod('新华路街道', undefined)).toBe('新华路街道');
    expect(areaAndPeriod('', '2023')).toBe('2023');
    expect(areaAndPeriod(undefined, '')).toBe('');
  });
});

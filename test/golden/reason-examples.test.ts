import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/messages/explain.js';
import type { Reason } from '../../src/reasons.js';
import { loadStandardSync } from '../../src/standard/load.js';

/**
 * src/reasons.ts shows, beside each kind of reason, the sentence the catalogue makes of one: a
 * reader of the type learns the words from it. The example must be what the code says today
 * (it had drifted: "已建立儿童主任的居民区数 3，要求至少 辖区居民区数（5）").
 */
const source = readFileSync(new URL('../../src/reasons.ts', import.meta.url), 'utf8');
const vocabulary = loadStandardSync('changning-demo-street@2023').vocabulary;

/** The doc comment just above the union member `{ kind: '<kind>'`. */
function commentOf(kind: string): string {
  const m = new RegExp(`/\\*\\*([^]*?)\\*/\\s*\\|\\s*\\{ kind: '${kind}'`).exec(source);
  expect(m, kind).not.toBeNull();
  const all = m![1].split('/**');
  return all[all.length - 1].replace(/\s*\n\s*\*\s*/g, ' ');
}

const examples: Reason[] = [
  { kind: 'compare', fact: 'coordination_meetings_per_year', op: '>=', actual: 1, expected: 2 },
  { kind: 'compare_fact', fact: 'residential_areas_with_child_director', op: '>=', actual: 3, other: 'residential_areas', otherActual: 5 },
];

describe("src/reasons.ts's example sentences are the catalogue's", () => {
  it.each(examples.map((r) => [r.kind, r] as const))('%s', (kind, reason) => {
    expect(commentOf(kind)).toContain(`${explain([reason], 'zh', vocabulary)}.`);
  });
});

import { splitPointer } from '../errors.js';
import { analyseRule } from '../rules/analyse.js';
import type { Direction } from './types.js';

/** How one rule changed between two versions. */
export type RuleDelta =
  | { kind: 'same' }
  /** Same shape, only numeric constants differ. */
  | { kind: 'thresholds'; changes: ConstantChange[] }
  /** The shape changed (operations, facts read, structure): not comparable constant by constant. */
  | { kind: 'shape' };

export interface ConstantChange {
  pointer: string;
  from: number;
  to: number;
  operator: string | null;
  fact: string | null;
  direction: Direction;
}

/**
 * Compare two rules. Constants are only paired up when everything else is identical: once the
 * shape differs a pointer in one rule need not mean the same thing in the other, and a guessed
 * "stricter" would be worse than an honest "rule changed".
 * `polarity` is 'met' for a checklist rule (truthy = met) and 'veto' for `veto_if` (truthy =
 * vetoed), where a rule that is true more easily is stricter on the area, not looser.
 */
export function compareRules(before: unknown, after: unknown, polarity: 'met' | 'veto'): RuleDelta {
  if (JSON.stringify(before) === JSON.stringify(after)) return { kind: 'same' };
  if (skeleton(before) !== skeleton(after)) return { kind: 'shape' };
  const a = analyseRule(before).constants;
  const b = analyseRule(after).constants;
  const changes: ConstantChange[] = [];
  b.forEach((c, i) => {
    if (a[i].value === c.value) return;
    const { operator, fact, direction } = directionOf(after, c.pointer, a[i].value, c.value, polarity);
    changes.push({ pointer: c.pointer, from: a[i].value, to: c.value, operator, fact, direction });
  });
  return { kind: 'thresholds', changes };
}

/** The rule with every number replaced by one placeholder. */
function skeleton(rule: unknown): string {
  return JSON.stringify(rule, (_k, v: unknown) => (typeof v === 'number' ? '#' : v));
}

const LOWER_FIRST = new Set(['<', '<=']);
const UPPER_FIRST = new Set(['>', '>=']);

/**
 * Which way a changed constant moves the bar. In `fact >= c` (or `c <= fact`, or the lower end
 * of `c <= fact <= d`) c is a minimum, and raising it asks more; in `fact <= c` c is a maximum,
 * and lowering it asks more. Equality and arithmetic just "changed". Every `!` on the way from
 * the root flips the sense, and so does a veto rule (a veto that fires sooner is stricter).
 */
function directionOf(rule: unknown, pointer: string, from: number, to: number, polarity: 'met' | 'veto'): { operator: string | null; fact: string | null; direction: Direction } {
  const path = splitPointer(pointer);
  const index = Number(path[path.length - 1]);
  const op = path[path.length - 2];
  const args = nodeAt(rule, path.slice(0, -1));
  if (!Number.isInteger(index) || !Array.isArray(args) || !(LOWER_FIRST.has(op) || UPPER_FIRST.has(op) || op === '==' || op === '===' || op === '!=' || op === '!==')) {
    return { operator: op ?? null, fact: null, direction: 'changed' };
  }
  const fact = args.map(varPath).find((p): p is string => p !== null) ?? null;
  // Written as "fact OP constant": a constant standing first reads the other way round.
  const first = index === 0;
  const flip: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
  const operator = first && flip[op] && args.length === 2 ? flip[op] : op;
  let isMinimum: boolean | null = null;
  if (LOWER_FIRST.has(op)) isMinimum = first;
  else if (UPPER_FIRST.has(op)) isMinimum = !first;
  if (isMinimum === null) return { operator, fact, direction: 'changed' };
  let asksMore = isMinimum ? to > from : to < from;
  const negated = path.filter((s) => s === '!').length % 2 === 1;
  if (negated !== (polarity === 'veto')) asksMore = !asksMore;
  // Shown as "not <" so a reader sees why lowering a "<" bound came out looser.
  return { operator: negated ? `not ${operator}` : operator, fact, direction: asksMore ? 'stricter' : 'looser' };
}

function nodeAt(root: unknown, path: string[]): unknown {
  let node = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

function varPath(node: unknown): string | null {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return null;
  const v = (node as Record<string, unknown>).var;
  const p = Array.isArray(v) ? v[0] : v;
  return typeof p === 'string' ? p : null;
}

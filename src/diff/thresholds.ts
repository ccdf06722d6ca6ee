import { analyseTree } from '../rules/analyse.js';
import { parseRule, walk, type RuleNode, type ValueNode } from '../rules/tree.js';
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
  // Both sides are walked as the one parsed tree (rules/tree.ts) that evaluation walks.
  let a: RuleNode, b: RuleNode;
  try {
    a = parseRule(before);
    b = parseRule(after);
  } catch {
    return { kind: 'shape' };
  }
  if (skeleton(a) !== skeleton(b)) return { kind: 'shape' };
  const ca = analyseTree(a).constants;
  const cb = analyseTree(b).constants;
  const places = placesOf(b);
  const changes: ConstantChange[] = [];
  cb.forEach((c, i) => {
    if (ca[i].value === c.value) return;
    const { operator, fact, direction } = directionOf(places.get(c.pointer), ca[i].value, c.value, polarity);
    changes.push({ pointer: c.pointer, from: ca[i].value, to: c.value, operator, fact, direction });
  });
  return { kind: 'thresholds', changes };
}

/**
 * The tree with every numeric constant replaced by one placeholder, as text: each node's place,
 * operation and arity, parents first (so two trees with one skeleton differ only in numbers).
 * A constant object or string is kept whole: a change inside it is a change of shape.
 */
function skeleton(tree: RuleNode): string {
  const parts: string[] = [];
  walk(tree, (node) => {
    if (node.op !== 'value') parts.push(`${node.pointer}\u0000${node.op}\u0000${node.args.length}`);
    else {
      const v = (node as ValueNode).value;
      parts.push(`${node.pointer}\u0000=${typeof v === 'number' ? '#' : JSON.stringify(v) ?? 'undefined'}`);
    }
  });
  return parts.join('\u0001');
}

/** Where a numeric constant stands: its operation, its index there, and how many `!` are above it. */
interface Place {
  parent: RuleNode;
  index: number;
  negations: number;
}

function placesOf(tree: RuleNode): Map<string, Place> {
  const out = new Map<string, Place>();
  // Iterative, parents first: a flat list of any length or a rule 64 deep is no stack risk.
  const stack: { node: RuleNode; negations: number }[] = [{ node: tree, negations: 0 }];
  while (stack.length) {
    const { node, negations } = stack.pop()!;
    const below = negations + (node.op === '!' ? 1 : 0);
    node.args.forEach((child, index) => {
      if (child.op === 'value') {
        if (typeof (child as ValueNode).value === 'number') out.set(child.pointer, { parent: node, index, negations: below });
      } else stack.push({ node: child, negations: below });
    });
  }
  return out;
}

const LOWER_FIRST = new Set(['<', '<=']);
const UPPER_FIRST = new Set(['>', '>=']);
const EQUALITY = new Set(['==', '===', '!=', '!==']);

/**
 * Which way a changed constant moves the bar. In `fact >= c` (or `c <= fact`, or the lower end
 * of `c <= fact <= d`) c is a minimum, and raising it asks more; in `fact <= c` c is a maximum,
 * and lowering it asks more. Equality and arithmetic just "changed". Every `!` on the way from
 * the root flips the sense, and so does a veto rule (a veto that fires sooner is stricter).
 */
function directionOf(place: Place | undefined, from: number, to: number, polarity: 'met' | 'veto'): { operator: string | null; fact: string | null; direction: Direction } {
  const op = place?.parent.op;
  if (!place || !op || !(LOWER_FIRST.has(op) || UPPER_FIRST.has(op) || EQUALITY.has(op))) {
    return { operator: op && op !== 'list' ? op : null, fact: null, direction: 'changed' };
  }
  const args = place.parent.args;
  const fact = args.map(varPath).find((p): p is string => p !== null) ?? null;
  // Written as "fact OP constant": a constant standing first reads the other way round.
  const first = place.index === 0;
  const flip: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
  const operator = first && flip[op] && args.length === 2 ? flip[op] : op;
  let isMinimum: boolean | null = null;
  if (LOWER_FIRST.has(op)) isMinimum = first;
  else if (UPPER_FIRST.has(op)) isMinimum = !first;
  if (isMinimum === null) return { operator, fact, direction: 'changed' };
  let asksMore = isMinimum ? to > from : to < from;
  const negated = place.negations % 2 === 1;
  if (negated !== (polarity === 'veto')) asksMore = !asksMore;
  // Shown as "not <" so a reader sees why lowering a "<" bound came out looser.
  return { operator: negated ? `not ${operator}` : operator, fact, direction: asksMore ? 'stricter' : 'looser' };
}

/** The fact a `var` reads (its first operand, a string), else null. */
function varPath(node: RuleNode): string | null {
  if (node.op !== 'var') return null;
  const first = node.args[0];
  return first?.op === 'value' && typeof (first as ValueNode).value === 'string' ? ((first as ValueNode).value as string) : null;
}

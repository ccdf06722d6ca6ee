import type { Comparison, FactValue, Reason } from '../reasons.js';
import { analyseTree } from './analyse.js';
import { compileTree, type CompiledRule } from './compile.js';
import { NOT_FOUND, resolvePath } from './resolve.js';
import { literalPath, type RuleNode, type ValueNode } from './tree.js';
import { truthy } from './truthy.js';

/**
 * Why a rule is not met, as data (src/reasons.ts): walks the rule's tree the way the standards
 * are written — and / or / if of comparisons between a fact and a threshold or another fact,
 * and bare yes/no facts — and falls back to the facts a condition read and their values.
 * Words are the catalogue's business (src/messages/), not this file's.
 */
export function unmetReasons(tree: RuleNode, data: unknown): Reason[] {
  const { op, args } = tree;
  if (op === 'and') return args.filter((a) => !holds(a, data)).flatMap((a) => unmetReasons(a, data));
  if (op === 'or') {
    const options = args.map((a) => unmetReasons(a, data));
    return options.length === 1 ? options[0] : [{ kind: 'any_of', options }];
  }
  if (op === 'if' || op === '?:') {
    for (let i = 0; i < args.length - 1; i += 2) if (holds(args[i], data)) return unmetReasons(args[i + 1], data);
    return args.length % 2 === 1 ? unmetReasons(args[args.length - 1], data) : [{ kind: 'condition', facts: [] }];
  }
  const fact = factOf(tree);
  if (fact !== undefined) return [booleanReason(fact, data, true)];
  if ((op === '!' || op === '!!') && args.length === 1) {
    const inner = factOf(args[0]);
    if (inner !== undefined) return [booleanReason(inner, data, op === '!!')];
  }
  if (COMPARISONS.has(op) && args.length === 2) {
    const path = factOf(args[0]);
    if (path !== undefined) {
      const target = args[1];
      const targetValue = target.op === 'value' ? (target as ValueNode).value : undefined;
      if (typeof targetValue === 'boolean') return [booleanReason(path, data, op.startsWith('!') ? !targetValue : targetValue)];
      const other = factOf(target);
      const actual = valueOf(path, data);
      if (other !== undefined) {
        return [{ kind: 'compare_fact', fact: path, op: op as Comparison, actual, other, otherActual: valueOf(other, data) }];
      }
      if (typeof targetValue === 'number' || typeof targetValue === 'string') {
        return [{ kind: 'compare', fact: path, op: op as Comparison, actual, expected: targetValue }];
      }
    }
  }
  // Anything else: the facts the condition looked at, with their values.
  return [{ kind: 'condition', facts: readsOf(tree).map((f): FactValue => ({ fact: f, actual: valueOf(f, data) })) }];
}

/**
 * The facts behind a failure: those read by the conditions that do not hold, following and /
 * or / if the way unmetReasons does (so the 整改清单 asks for the right evidence).
 */
export function unmetFacts(tree: RuleNode, data: unknown): string[] {
  const out = new Set<string>();
  const visit = (node: RuleNode): void => {
    const { op, args } = node;
    if (op === 'and') return args.filter((a) => !holds(a, data)).forEach(visit);
    if (op === 'or') return args.forEach(visit);
    if (op === 'if' || op === '?:') {
      for (let i = 0; i < args.length - 1; i += 2) if (holds(args[i], data)) return visit(args[i + 1]);
      if (args.length % 2 === 1) visit(args[args.length - 1]);
      return;
    }
    for (const f of readsOf(node)) out.add(f);
  };
  visit(tree);
  return [...out];
}

const COMPARISONS = new Set(['>=', '>', '<=', '<', '==', '===', '!=', '!==']);

// Sub-rules compiled once each: a batch explains the same rules for every area (a standard's
// trees are made at load and never change).
const compiled = new WeakMap<RuleNode, CompiledRule>();

/** Whether a part of the rule holds; a part that throws or breaks its budget does not. */
function holds(node: RuleNode, data: unknown): boolean {
  let fn = compiled.get(node);
  if (!fn) compiled.set(node, (fn = compileTree(node)));
  try {
    return truthy(fn(data));
  } catch {
    return false;
  }
}

/** The fact a `{"var": "x"}` or `{"var": ["x", default]}` reads. */
function factOf(node: RuleNode): string | undefined {
  if (node.op !== 'var') return undefined;
  const first = node.args[0];
  return first?.op === 'value' && typeof (first as ValueNode).value === 'string' ? ((first as ValueNode).value as string) : undefined;
}

function booleanReason(fact: string, data: unknown, expected: boolean): Reason {
  return { kind: 'boolean', fact, expected, actual: valueOf(fact, data) };
}

// What a part of a rule reads, found once per part (read-only: callers only map and iterate it).
const reads = new WeakMap<RuleNode, readonly string[]>();

function readsOf(node: RuleNode): readonly string[] {
  let out = reads.get(node);
  if (!out) reads.set(node, (out = analyseTree(node).reads));
  return out;
}

function valueOf(path: string, data: unknown): unknown {
  const v = resolvePath(data, path);
  return v === NOT_FOUND ? null : v;
}

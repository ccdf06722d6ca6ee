import { RuleError, pointerOf } from '../errors.js';
import { ALLOWED_OPERATIONS, SCOPED_FORMS } from './operations.js';

/**
 * A JSON-Logic rule parsed once into typed nodes. Compilation (compile.ts), explanation
 * (explain.ts), analysis (analyse.ts) and lint (standard/lint.ts) all walk this tree, so a rule's
 * shape is unpacked in one place. Parsing copies every constant: the caller may change or reuse
 * the rule object afterwards and nothing compiled from it changes.
 */
export type RuleNode = ValueNode | ListNode | OperationNode;

/** A constant: a scalar, or an object that is not an operation (json-logic-js returns it as is). */
export interface ValueNode {
  op: 'value';
  value: unknown;
  args: readonly [];
  pointer: string;
  scoped: boolean;
}

/** A literal array, whose elements are evaluated one by one. */
export interface ListNode {
  op: 'list';
  args: readonly RuleNode[];
  pointer: string;
  scoped: boolean;
}

/** An allowlisted operation and its operands (a lone operand counts as a list of one). */
export interface OperationNode {
  op: string;
  args: readonly RuleNode[];
  pointer: string;
  /** Inside the per-element argument of map, filter, reduce, all, none or some: `var` reads the element. */
  scoped: boolean;
}

/**
 * Operations nested deeper than this are refused when the rule is parsed. A standard file can't
 * reach it (its parser stops at 64 levels of JSON, two per operation); a library caller gets a
 * RuleError at compile time rather than a stack overflow on some later evaluation.
 */
export const MAX_RULE_DEPTH = 64;

/**
 * The most operands an operation other than and / or / if / ?: may have. json-logic-js calls an
 * operation with its operands as arguments (`fn.apply`), which overflows V8's stack past about
 * 123,000 of them for `+`, `cat` or `==`, and past about 61,000 for `min` / `max` (measured,
 * Node 20, default stack); the limit stays well below both on any stack. and / or / if are loops
 * there and take any number of operands, as literal arrays do — so do they here.
 */
export const MAX_OPERANDS = 10_000;

/** Operations json-logic-js evaluates with a loop over their operands: no limit on how many. */
const LOOPED = new Set(['and', 'or', 'if', '?:']);

export function isLogic(logic: unknown): logic is Record<string, unknown> {
  return typeof logic === 'object' && logic !== null && !Array.isArray(logic) && Object.keys(logic).length === 1;
}

/**
 * Parse a rule into its tree. Throws RuleError, located by JSON pointer, on an operation outside
 * the allowlist, nesting deeper than MAX_RULE_DEPTH, or more than MAX_OPERANDS operands.
 */
export function parseRule(rule: unknown): RuleNode {
  copies = new Map();
  try {
    return parse(rule, '', false, 0);
  } finally {
    copies = undefined;
  }
}

/**
 * Parse logic that evaluation built from the data (missing's keys, missing_some's list): it is
 * compiled, run once and dropped, so its constants are the data's own objects, not copies —
 * json-logic-js hands those very objects back (missing_some lists them), and `in` or `==` on
 * the result compare references.
 */
export function parseRuntime(logic: unknown): RuleNode {
  copies = undefined;
  sharing = true;
  try {
    return parse(logic, '', false, 0);
  } finally {
    sharing = false;
  }
}

let sharing = false;

// The constants copied so far in the rule being parsed, by original: an object the rule holds in
// two places is one object in the copy too (json-logic-js returns the rule's own constants, so
// `==` finds the two the same), and a constant that holds itself is copied, not followed forever.
let copies: Map<object, unknown> | undefined;

/** The one shape of every node (a class: one hidden class for a million of them). */
class Node {
  constructor(
    readonly op: string,
    readonly args: readonly RuleNode[],
    readonly pointer: string,
    readonly scoped: boolean,
    readonly value?: unknown,
  ) {}
}

const NO_ARGS: readonly [] = Object.freeze([]) as readonly [];

const segments = new Map<string, string>();

/** An operation's segment of a JSON pointer, made once per operation. */
function segment(op: string): string {
  let s = segments.get(op);
  if (s === undefined) {
    s = pointerOf([op]);
    if (ALLOWED_OPERATIONS.has(op)) segments.set(op, s);
  }
  return s;
}

/** `at` is the node's JSON pointer; a child's is its parent's and one more segment. */
function parse(logic: unknown, at: string, scoped: boolean, depth: number): RuleNode {
  if (depth > MAX_RULE_DEPTH) {
    throw new RuleError(`the rule nests deeper than ${MAX_RULE_DEPTH} levels`, at);
  }
  if (Array.isArray(logic)) {
    const args = new Array<RuleNode>(logic.length);
    for (let i = 0; i < logic.length; i++) args[i] = parse(logic[i], `${at}/${i}`, scoped, depth + 1);
    return new Node('list', args, at, scoped) as ListNode;
  }
  const keys = typeof logic === 'object' && logic !== null ? Object.keys(logic) : undefined;
  if (keys === undefined || keys.length !== 1) {
    if (typeof logic === 'function' || typeof logic === 'symbol' || typeof logic === 'bigint') {
      throw new RuleError(`a rule holds JSON values only, not a ${typeof logic}`, at);
    }
    return new Node('value', NO_ARGS, at, scoped, copy(logic, at, depth)) as ValueNode;
  }

  const op = keys[0];
  const opAt = at + segment(op);
  if (!ALLOWED_OPERATIONS.has(op)) {
    throw new RuleError(`operation ${JSON.stringify(op)} is not allowed in a rule`, opAt);
  }
  const raw = (logic as Record<string, unknown>)[op];
  const listed = Array.isArray(raw);
  const values: unknown[] = listed ? raw : [raw];
  if (values.length > MAX_OPERANDS && !LOOPED.has(op)) {
    throw new RuleError(`operation "${op}" has ${values.length} operands, more than the limit of ${MAX_OPERANDS}`, opAt);
  }
  const args = new Array<RuleNode>(values.length);
  const scopes = SCOPED_FORMS.has(op);
  for (let i = 0; i < values.length; i++) {
    args[i] = parse(values[i], listed ? `${opAt}/${i}` : opAt, scoped || (scopes && i === 1), depth + 1);
  }
  return new Node(op, args, at, scoped) as OperationNode;
}

/**
 * A constant of the rule, copied so later edits to the caller's object change nothing. A copy by
 * hand, not structuredClone: an object without a prototype must stay one (json-logic-js can't
 * turn it into a string, and a copy with Object.prototype could be).
 */
function copy(value: unknown, at: string, depth: number): unknown {
  if (value === null || typeof value !== 'object' || sharing) return value;
  const done = copies?.get(value);
  if (done !== undefined) return done;
  if (depth > MAX_RULE_DEPTH) throw new RuleError(`the rule nests deeper than ${MAX_RULE_DEPTH} levels`, at);
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    copies?.set(value, out);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i], `${at}/${i}`, depth + 1);
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== null && proto !== Object.prototype) throw new RuleError('a rule holds JSON values only', at);
  const out = Object.create(proto) as Record<string, unknown>;
  copies?.set(value, out);
  for (const [k, v] of Object.entries(value)) {
    Object.defineProperty(out, k, { value: copy(v, at + pointerOf([k]), depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The literal path of a `var` node (a string or number as its first operand), else undefined. */
export function literalPath(node: RuleNode): string | undefined {
  if (node.op !== 'var') return undefined;
  const first = node.args[0];
  if (first === undefined || first.op !== 'value') return undefined;
  const v = (first as ValueNode).value;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/** Visit every node, parents before children, without recursion (a flat list may be any length). */
export function walk(root: RuleNode, visit: (node: RuleNode) => void): void {
  const stack: RuleNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    visit(node);
    for (let i = node.args.length - 1; i >= 0; i--) stack.push(node.args[i]);
  }
}

/** How many nodes the tree has (the work of one evaluation of it, at most, without loops). */
export function sizeOf(root: RuleNode): number {
  let n = 0;
  walk(root, () => n++);
  return n;
}

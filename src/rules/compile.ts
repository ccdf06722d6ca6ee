import { RuleError } from '../errors.js';
import { chargeBuilt, chargeSteps, DEFAULT_BUDGET, metered, type RuleBudget } from './budget.js';
import { PLAIN_OPERATIONS } from './operations.js';
import { NOT_FOUND, resolveParts, resolvePath, step } from './resolve.js';
import { literalPath, parseRule, parseRuntime, sizeOf, walk, type RuleNode, type ValueNode } from './tree.js';
import { truthy } from './truthy.js';

/** A rule turned into a function of the data (a rule's `var` paths are relative to it). */
export type CompiledRule = (data: unknown) => unknown;

/** A rule's value together with the top-level facts it needed and did not find. */
export interface TrackedResult {
  value: unknown;
  /** `var` paths evaluation actually read (short-circuiting counts) that were absent or null. */
  missing: string[];
}

export interface CompileOptions {
  /** The work one evaluation may do (budget.ts); breaking it throws RuleBudgetError. */
  budget?: RuleBudget;
}

/**
 * Compile a JSON-Logic rule once into closures, so evaluating an area never re-interprets it.
 * Semantics are json-logic-js 2.0.5's, operation by operation (see operations.ts); the
 * conformance suite and a differential test hold it to that. The rule is parsed first
 * (tree.ts): RuleError, before anything runs, on an operation outside the allowlist or a rule
 * past the depth or operand limits; the caller's object is not read again.
 */
export function compileRule(rule: unknown, options: CompileOptions = {}): CompiledRule {
  return compileTree(parseRule(rule), options);
}

// Most evaluations miss nothing: one empty list, frozen, serves them all (callers only read it).
const NO_MISSES: string[] = Object.freeze([]) as unknown as string[];
// And most give true or false: their outcome is one of two objects, not one made per item of every
// area (callers only read it). Not frozen: a frozen object has a shape of its own, and the code
// reading outcomes would meet two.
const TRUE_OUTCOME: TrackedResult = { value: true, missing: NO_MISSES };
const FALSE_OUTCOME: TrackedResult = { value: false, missing: NO_MISSES };

export interface TrackedOptions extends CompileOptions {
  /**
   * What an error thrown while evaluating becomes (a standard's RuleFault, naming its item):
   * caught here, in the one closure an evaluation goes through, rather than by a wrapper around
   * it (a call and a try more for every item of every area).
   */
  fault?: (e: unknown) => Error;
}

/** Like compileRule, but also reports which top-level facts evaluation needed and lacked. */
export function compileTracked(rule: unknown, options: TrackedOptions = {}): (data: unknown) => TrackedResult {
  return compileTrackedTree(parseRule(rule), options);
}

/** A parsed rule as a function of the data, within its budget. */
export function compileTree(tree: RuleNode, options: CompileOptions = {}): CompiledRule {
  return metering(tree, compileNode(tree), options.budget ?? DEFAULT_BUDGET);
}

/** A parsed rule as a function of the data that also reports the facts it needed and lacked. */
export function compileTrackedTree(tree: RuleNode, options: TrackedOptions = {}): (data: unknown) => TrackedResult {
  const fn = compileTree(tree, options);
  const { fault } = options;
  return (data) => {
    const outerTracking = tracking;
    const outer = misses;
    tracking = true;
    misses = null;
    try {
      const value = fn(data);
      if (misses === null) return value === true ? TRUE_OUTCOME : value === false ? FALSE_OUTCOME : { value, missing: NO_MISSES };
      // Frozen as NO_MISSES is: a frozen list has one map whatever it holds, so the code reading
      // `missing` meets one kind of list (evaluateItem was compiled again at the first applies_if
      // that missed a fact, --trace-deopt "wrong map"); and callers only read it.
      return { value, missing: Object.freeze(misses) as string[] };
    } catch (e) {
      throw fault ? fault(e) : e;
    } finally {
      tracking = outerTracking;
      misses = outer;
    }
  };
}

/** Operations whose work or result can grow past the rule's size: only rules with one pay for the meter. */
const METERED = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some', 'merge', 'cat', 'missing', 'missing_some']);

function metering(tree: RuleNode, fn: CompiledRule, budget: RuleBudget): CompiledRule {
  let needed = false;
  walk(tree, (n) => {
    if (METERED.has(n.op)) needed = true;
  });
  return needed ? (data) => metered(budget, () => fn(data)) : fn;
}

// Evaluation is synchronous, so one slot is enough to collect misses for the call under way;
// the list is made only when something is missed (most items of most areas miss nothing).
let tracking = false;
let misses: string[] | null = null;

function miss(name: string): void {
  // Each fact once: a rule that compares several counts with the same total names it once.
  if (tracking && !(misses ??= []).includes(name)) misses.push(name);
}

/** One node (and what is under it) as a closure. Recursion follows nesting, which tree.ts bounds. */
export function compileNode(node: RuleNode): CompiledRule {
  const { op } = node;
  if (op === 'value') {
    const value = (node as ValueNode).value;
    return () => value;
  }
  if (op === 'list') {
    const fns = node.args.map(compileNode);
    return (data) => fns.map((f) => f(data));
  }
  const args = () => node.args.map(compileNode);

  switch (op) {
    case 'var':
      return compileVar(node, args());
    case 'missing': {
      const fns = args();
      return (data) => missingOp(fns.map((f) => f(data)), data, node.pointer);
    }
    case 'missing_some': {
      const fns = args();
      return (data) => {
        const [need, options] = fns.map((f) => f(data)) as [any, any];
        const areMissing = applyRuntime({ missing: options }, data) as unknown[];
        return options.length - areMissing.length >= need ? [] : areMissing;
      };
    }
    case 'if':
    case '?:': {
      const fns = args();
      return (data) => {
        let i = 0;
        for (; i < fns.length - 1; i += 2) {
          if (truthy(fns[i](data))) return fns[i + 1](data);
        }
        return fns.length === i + 1 ? fns[i](data) : null;
      };
    }
    case 'and': {
      const fns = args();
      if (fns.length === 2) {
        const [a, b] = fns;
        return (data) => {
          const first = a(data);
          return truthy(first) ? b(data) : first;
        };
      }
      return (data) => {
        let current: unknown;
        for (let i = 0; i < fns.length; i++) {
          current = fns[i](data);
          if (!truthy(current)) return current;
        }
        return current;
      };
    }
    case 'or': {
      const fns = args();
      return (data) => {
        let current: unknown;
        for (let i = 0; i < fns.length; i++) {
          current = fns[i](data);
          if (truthy(current)) return current;
        }
        return current;
      };
    }
    case 'filter':
    case 'map':
    case 'all':
    case 'none':
    case 'some': {
      const source = node.args[0] ? compileNode(node.args[0]) : () => undefined;
      const each = node.args[1] ? compileNode(node.args[1]) : () => undefined;
      const cost = 1 + (node.args[1] ? sizeOf(node.args[1]) : 0);
      return scopedForm(op, source, each, cost, node.pointer);
    }
    case 'reduce': {
      const source = node.args[0] ? compileNode(node.args[0]) : () => undefined;
      const each = node.args[1] ? compileNode(node.args[1]) : () => undefined;
      // json-logic-js starts from null unless a third operand is there and not undefined (a
      // library caller's rule can hold undefined; JSON can't).
      const third = node.args[2];
      const initial = third && !(third.op === 'value' && (third as ValueNode).value === undefined) ? compileNode(third) : () => null;
      const cost = 1 + (node.args[1] ? sizeOf(node.args[1]) : 0);
      return (data) => {
        const list = source(data);
        const init = initial(data);
        if (!Array.isArray(list)) return init;
        return list.reduce((accumulator, current) => {
          chargeSteps(cost, node.pointer);
          return each({ current, accumulator });
        }, init);
      };
    }
    case 'merge': {
      // PLAIN_OPERATIONS.merge's result (a.concat(b) from []), in linear rather than quadratic time.
      const fns = args();
      return (data) => {
        const out: unknown[] = [];
        for (let i = 0; i < fns.length; i++) {
          const v = fns[i](data);
          if (Array.isArray(v)) {
            chargeBuilt(v.length, node.pointer);
            for (let k = 0; k < v.length; k++) out.push(v[k]);
          } else {
            chargeBuilt(1, node.pointer);
            out.push(v);
          }
        }
        return out;
      };
    }
    case 'cat': {
      const fns = args();
      const fn = PLAIN_OPERATIONS.cat;
      return (data) => {
        const out = fn(...fns.map((f) => f(data))) as string;
        chargeBuilt(out.length, node.pointer);
        return out;
      };
    }
    default: {
      const fn = PLAIN_OPERATIONS[op];
      const fns = args();
      if (fns.length === 1) {
        const [a] = fns;
        return (data) => fn(a(data));
      }
      if (fns.length === 2) {
        const [a, b] = fns;
        return comparison(op, a, b, node.args[0], node.args[1]) ?? ((data) => fn(a(data), b(data)));
      }
      return (data) => fn(...fns.map((f) => f(data)));
    }
  }
}

function compileVar(node: RuleNode, fns: CompiledRule[]): CompiledRule {
  if (fns.length > 2) {
    // json-logic-js evaluates every operand before var reads the first two: one past them that
    // throws (missing_some on a non-list, say) makes the whole rule throw there too.
    const read = compileVar(node, fns.slice(0, 2));
    const rest = fns.slice(2);
    return (data) => {
      const value = read(data);
      for (let i = 0; i < rest.length; i++) rest[i](data);
      return value;
    };
  }
  const [pathFn, defaultFn] = fns;
  const track = !node.scoped && fns.length < 2;
  const name = literalPath(node);
  // The usual rule reads a literal path: split it once here rather than on every evaluation.
  if (name !== undefined && name !== '') {
    const parts = name.split('.');
    if (parts.length === 1 && !defaultFn) {
      if (plainName(node) !== undefined) return (data) => readName(data, name, track);
      return (data) => {
        const found = resolveParts(data, parts);
        if (found === NOT_FOUND || found === null) {
          if (track) miss(name);
          return null;
        }
        return found;
      };
    }
    return (data) => {
      const fallback = defaultFn ? defaultFn(data) : undefined;
      const found = resolveParts(data, parts);
      if (track && (found === NOT_FOUND || found === null)) miss(name);
      if (found === NOT_FOUND) return fallback === undefined ? null : fallback;
      return found;
    };
  }
  return (data) => {
    const path = pathFn ? pathFn(data) : undefined;
    const fallback = defaultFn ? defaultFn(data) : undefined;
    const found = resolvePath(data, path);
    if (track && (found === NOT_FOUND || found === null) && path !== '' && path != null) miss(String(path));
    if (found === NOT_FOUND) return fallback === undefined ? null : fallback;
    return found;
  };
}

// The last facts object found to be a plain object (a batch evaluates every item on one object in
// turn). It starts as an object no caller holds: starting as undefined, it once let undefined data
// pass for plain facts, and `{"var": "a"}` threw where json-logic-js answers null.
let plainData: unknown = Object.freeze(Object.create(null));

function isPlain(data: unknown): boolean {
  if (typeof data === 'object' && data !== null && Object.getPrototypeOf(data) === Object.prototype) {
    plainData = data;
    return true;
  }
  return false;
}

/**
 * `{"var": "name"}`: one segment, no default, a name Object.prototype lacks — the shape of nearly
 * every fact a standard reads. Its name, or undefined for any other node.
 */
function plainName(node: RuleNode): string | undefined {
  if (node.op !== 'var' || node.args.length !== 1) return undefined;
  const name = literalPath(node);
  return name !== undefined && name !== '' && !name.includes('.') && !(name in Object.prototype) ? name : undefined;
}

/**
 * What a plainName var reads. On a plain object (a parsed facts file) a name Object.prototype
 * lacks is one property load, as step() would find it; whether the data is plain is asked once
 * per facts object. A top-level function rather than a closure per var, so a comparison calls
 * it directly (and the compiler inlines it) instead of calling the var's closure.
 */
function readName(data: unknown, name: string, track: boolean): unknown {
  const found = data === plainData || isPlain(data) ? (data as Record<string, unknown>)[name] : get1(data, name);
  if (found === undefined || found === null) {
    if (track) miss(name);
    return null;
  }
  return found;
}

/** resolveParts(data, [key]), "not found" as undefined (a found value is never undefined). */
function get1(data: unknown, key: string): unknown {
  if (data === null || data === undefined) return undefined;
  return step(data, key);
}

/**
 * The comparisons most rules are made of, as closures of their own (the shared `fn(a, b)` call
 * site sees every operation and is not inlined), with a constant right-hand side folded in and
 * a plain `{"var": "name"}` operand read by readName in place (no call through the var's own
 * closure: one closure per comparison, not three, for a batch to walk through per item).
 * Same JavaScript operators as PLAIN_OPERATIONS, and operands read left to right, so the same results.
 */
function comparison(op: string, a: CompiledRule, b: CompiledRule, left: RuleNode, right: RuleNode): CompiledRule | undefined {
  const name = plainName(left);
  const track = !left.scoped;
  if (right.op === 'value' && typeof (right as ValueNode).value === 'number') {
    const k = (right as ValueNode).value as number;
    if (name !== undefined) {
      switch (op) {
        case '>=':
          return (data) => (readName(data, name, track) as any) >= k;
        case '>':
          return (data) => (readName(data, name, track) as any) > k;
        case '<=':
          return (data) => (readName(data, name, track) as any) <= k;
        case '<':
          return (data) => (readName(data, name, track) as any) < k;
        case '==':
          return (data) => (readName(data, name, track) as any) == k;
        case '===':
          return (data) => readName(data, name, track) === k;
      }
      return undefined;
    }
    switch (op) {
      case '>=':
        return (data) => (a(data) as any) >= k;
      case '>':
        return (data) => (a(data) as any) > k;
      case '<=':
        return (data) => (a(data) as any) <= k;
      case '<':
        return (data) => (a(data) as any) < k;
      case '==':
        return (data) => (a(data) as any) == k;
      case '===':
        return (data) => a(data) === k;
    }
    return undefined;
  }
  const other = plainName(right);
  if (name !== undefined && other !== undefined) {
    const trackOther = !right.scoped;
    switch (op) {
      case '>=':
        return (data) => (readName(data, name, track) as any) >= (readName(data, other, trackOther) as any);
      case '>':
        return (data) => (readName(data, name, track) as any) > (readName(data, other, trackOther) as any);
      case '<=':
        return (data) => (readName(data, name, track) as any) <= (readName(data, other, trackOther) as any);
      case '<':
        return (data) => (readName(data, name, track) as any) < (readName(data, other, trackOther) as any);
      case '==':
        return (data) => (readName(data, name, track) as any) == (readName(data, other, trackOther) as any);
      case '===':
        return (data) => readName(data, name, track) === readName(data, other, trackOther);
    }
  }
  switch (op) {
    case '>=':
      return (data) => (a(data) as any) >= (b(data) as any);
    case '>':
      return (data) => (a(data) as any) > (b(data) as any);
    case '<=':
      return (data) => (a(data) as any) <= (b(data) as any);
    case '<':
      return (data) => (a(data) as any) < (b(data) as any);
    case '==':
      return (data) => (a(data) as any) == (b(data) as any);
    case '===':
      return (data) => a(data) === b(data);
  }
  return undefined;
}

function missingOp(args: unknown[], data: unknown, pointer: string): unknown[] {
  const keys = (Array.isArray(args[0]) ? args[0] : args) as unknown[];
  chargeSteps(keys.length, pointer);
  const out: unknown[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = key !== null && typeof key === 'object' ? applyRuntime({ var: key }, data) : untrackedVar(data, key);
    if (value === null || value === '') out.push(key);
  }
  return out;
}

function untrackedVar(data: unknown, path: unknown): unknown {
  const found = resolvePath(data, path);
  return found === NOT_FOUND ? null : found;
}

/**
 * Logic built from data at run time (missing_some's list, a key that is itself logic), as
 * json-logic-js applies it: rare, parsed and compiled on the spot, on the running meter.
 */
function applyRuntime(logic: unknown, data: unknown): unknown {
  let tree: RuleNode;
  try {
    tree = parseRuntime(logic);
  } catch (e) {
    // The data, not the rule, holds the operation off the allowlist (json-logic-js throws here
    // too): a RuleError's pointer would point into logic that is nowhere in the rule.
    if (e instanceof RuleError) throw new Error(`the facts hold logic that can't be evaluated: ${e.message}`);
    throw e;
  }
  const outer = tracking;
  tracking = false;
  try {
    return compileNode(tree)(data);
  } finally {
    tracking = outer;
  }
}

function scopedForm(op: string, source: CompiledRule, each: CompiledRule, cost: number, pointer: string): CompiledRule {
  switch (op) {
    case 'filter':
      return (data) => {
        const list = source(data);
        if (!Array.isArray(list)) return [];
        return list.filter((d) => {
          chargeSteps(cost, pointer);
          return truthy(each(d));
        });
      };
    case 'map':
      return (data) => {
        const list = source(data);
        if (!Array.isArray(list)) return [];
        chargeBuilt(list.length, pointer);
        return list.map((d) => {
          chargeSteps(cost, pointer);
          return each(d);
        });
      };
    case 'all':
      return (data) => {
        const list = source(data);
        if (!Array.isArray(list) || !list.length) return false;
        for (const d of list) {
          chargeSteps(cost, pointer);
          if (!truthy(each(d))) return false;
        }
        return true;
      };
    case 'none':
      return (data) => {
        const list = source(data);
        if (!Array.isArray(list) || !list.length) return true;
        for (const d of list) {
          chargeSteps(cost, pointer);
          if (truthy(each(d))) return false;
        }
        return true;
      };
    default: // some
      return (data) => {
        const list = source(data);
        if (!Array.isArray(list) || !list.length) return false;
        for (const d of list) {
          chargeSteps(cost, pointer);
          if (truthy(each(d))) return true;
        }
        return false;
      };
  }
}

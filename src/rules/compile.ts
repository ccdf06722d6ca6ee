import { RuleError, pointerOf } from '../errors.js';
import { ALLOWED_OPERATIONS, PLAIN_OPERATIONS } from './operations.js';
import { NOT_FOUND, resolveParts, resolvePath } from './resolve.js';
import { truthy } from './truthy.js';

/** A rule turned into a function of the data (a rule's `var` paths are relative to it). */
export type CompiledRule = (data: unknown) => unknown;

/** A rule's value together with the top-level facts it needed and did not find. */
export interface TrackedResult {
  value: unknown;
  /** `var` paths evaluation actually read (short-circuiting counts) that were absent or null. */
  missing: string[];
}

/**
 * Compile a JSON-Logic rule once into nested closures, so evaluating an area is a few function
 * calls per node rather than a re-interpretation of the tree. Semantics are json-logic-js
 * 2.0.5's, operation by operation (see operations.ts); the conformance suite and a differential
 * test hold it to that. Throws RuleError, before anything runs, on an operation outside the
 * allowlist.
 */
export function compileRule(rule: unknown): CompiledRule {
  return compileNode(rule, [], false);
}

/** Like compileRule, but also reports which top-level facts evaluation needed and lacked. */
export function compileTracked(rule: unknown): (data: unknown) => TrackedResult {
  const fn = compileNode(rule, [], false);
  return (data) => {
    const outerTracking = tracking;
    const outer = misses;
    tracking = true;
    misses = null;
    try {
      const value = fn(data);
      return { value, missing: misses ?? [] };
    } finally {
      tracking = outerTracking;
      misses = outer;
    }
  };
}

// Evaluation is synchronous, so one slot is enough to collect misses for the call under way;
// the list is made only when something is missed (most items of most areas miss nothing).
let tracking = false;
let misses: string[] | null = null;

function miss(name: string): void {
  if (tracking) (misses ??= []).push(name);
}

export function isLogic(logic: unknown): logic is Record<string, unknown> {
  return typeof logic === 'object' && logic !== null && !Array.isArray(logic) && Object.keys(logic).length === 1;
}

type Path = (string | number)[];

function compileNode(logic: unknown, at: Path, scoped: boolean): CompiledRule {
  if (Array.isArray(logic)) {
    const fns = logic.map((l, i) => compileNode(l, [...at, i], scoped));
    return (data) => fns.map((f) => f(data));
  }
  if (!isLogic(logic)) return () => logic;

  const op = Object.keys(logic)[0];
  if (!ALLOWED_OPERATIONS.has(op)) {
    throw new RuleError(`operation ${JSON.stringify(op)} is not allowed in a rule`, pointerOf([...at, op]));
  }
  const raw = logic[op];
  const values = Array.isArray(raw) ? raw : [raw];
  const argAt = (i: number): Path => (Array.isArray(raw) ? [...at, op, i] : [...at, op]);
  const args = (from = 0, inScope = scoped) => values.slice(from).map((v, i) => compileNode(v, argAt(from + i), inScope));

  switch (op) {
    case 'var':
      return compileVar(values, args(), scoped);
    case 'missing': {
      const fns = args();
      return (data) => missingOp(fns.map((f) => f(data)), data);
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
        for (const f of fns) {
          current = f(data);
          if (!truthy(current)) return current;
        }
        return current;
      };
    }
    case 'or': {
      const fns = args();
      return (data) => {
        let current: unknown;
        for (const f of fns) {
          current = f(data);
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
      const source = compileNode(values[0], argAt(0), scoped);
      const each = compileNode(values[1], argAt(1), true);
      return scopedForm(op, source, each);
    }
    case 'reduce': {
      const source = compileNode(values[0], argAt(0), scoped);
      const each = compileNode(values[1], argAt(1), true);
      const initial = typeof values[2] !== 'undefined' ? compileNode(values[2], argAt(2), scoped) : () => null;
      return (data) => {
        const list = source(data);
        const init = initial(data);
        if (!Array.isArray(list)) return init;
        return list.reduce((accumulator, current) => each({ current, accumulator }), init);
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
        return comparison(op, a, b, values[1]) ?? ((data) => fn(a(data), b(data)));
      }
      return (data) => fn(...fns.map((f) => f(data)));
    }
  }
}

function compileVar(values: unknown[], fns: CompiledRule[], scoped: boolean): CompiledRule {
  const [pathFn, defaultFn] = fns;
  const track = !scoped && fns.length < 2;
  const path = values[0];
  // The usual rule reads a literal path: split it once here rather than on every evaluation.
  if (typeof path === 'string' || typeof path === 'number') {
    const name = String(path);
    if (name !== '') {
      const parts = name.split('.');
      if (parts.length === 1 && !defaultFn) {
        // One segment, no default: the shape of nearly every fact a standard reads.
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

/**
 * The comparisons most rules are made of, as closures of their own (the shared `fn(a, b)` call
 * site sees every operation and is not inlined), with a constant right-hand side folded in.
 * Same JavaScript operators as PLAIN_OPERATIONS, so the same results.
 */
function comparison(op: string, a: CompiledRule, b: CompiledRule, right: unknown): CompiledRule | undefined {
  if (typeof right === 'number') {
    const k = right;
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

function missingOp(args: unknown[], data: unknown): unknown[] {
  const keys = (Array.isArray(args[0]) ? args[0] : args) as unknown[];
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

/** Logic built from data at run time (missing_some's list, a key that is itself logic): rare, compiled on the spot. */
function applyRuntime(logic: unknown, data: unknown): unknown {
  const outer = tracking;
  tracking = false;
  try {
    return compileNode(logic, [], true)(data);
  } finally {
    tracking = outer;
  }
}

function scopedForm(op: string, source: CompiledRule, each: CompiledRule): CompiledRule {
  switch (op) {
    case 'filter':
      return (data) => {
        const list = source(data);
        return Array.isArray(list) ? list.filter((d) => truthy(each(d))) : [];
      };
    case 'map':
      return (data) => {
        const list = source(data);
        return Array.isArray(list) ? list.map((d) => each(d)) : [];
      };
    case 'all':
      return (data) => {
        const list = source(data);
        if (!Array.isArray(list) || !list.length) return false;
        for (const d of list) if (!truthy(each(d))) return false;
        return true;
      };
    case 'none':
      return (data) => {
        const list = source(data);
        if (!Array.isArray(list) || !list.length) return true;
        for (const d of list) if (truthy(each(d))) return false;
        return true;
      };
    default: // some
      return (data) => {
        const list = source(data);
        if (!Array.isArray(list) || !list.length) return false;
        for (const d of list) if (truthy(each(d))) return true;
        return false;
      };
  }
}

import { RuleError, pointerOf } from '../errors.js';
import { ALLOWED_OPERATIONS, PLAIN_OPERATIONS } from './operations.js';
import { NOT_FOUND, resolveParts, resolvePath, step } from './resolve.js';
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
  /**
   * `now` (default): generate JavaScript for the rule at once; `lazy`: run the closures until
   * the rule has been evaluated LAZY_CALLS times, then generate (a one-off run never pays for
   * code generation; a batch does after a few areas); `never`: closures only (the reference the
   * generated code is tested against).
   */
  generate?: 'now' | 'lazy' | 'never';
}

/** Evaluations after which a `lazy` rule gets its generated code. */
export const LAZY_CALLS = 8;

/**
 * Compile a JSON-Logic rule once into a function, so evaluating an area never re-interprets the
 * tree. Semantics are json-logic-js 2.0.5's, operation by operation (see operations.ts); the
 * conformance suite and a differential test hold it to that. Throws RuleError, before anything
 * runs, on an operation outside the allowlist.
 *
 * Two tiers: every node is first compiled to a closure (which checks the allowlist); the shapes
 * standards are made of (literal one-segment `var`, constants, comparisons, and / or / if, !, !!,
 * the plain operations) are then generated as one JavaScript function, whose other nodes call
 * their closures. Every constant and path enters the source through JSON.stringify or as a
 * reference to the value itself, never as text of the rule.
 */
export function compileRule(rule: unknown, options: CompileOptions = {}): CompiledRule {
  const closure = compileNode(rule, [], false);
  return tier(rule, closure, options.generate ?? 'now');
}

/** Like compileRule, but also reports which top-level facts evaluation needed and lacked. */
export function compileTracked(rule: unknown, options: CompileOptions = {}): (data: unknown) => TrackedResult {
  const closure = compileNode(rule, [], false);
  const generate = options.generate ?? 'now';
  const slow = track(closure);
  if (generate === 'never') return slow;
  // A rule generated whole collects its misses itself; one with closures inside tracks as they do.
  const fast = () => generateRule(rule, true) ?? track(generateRule(rule, false) ?? closure);
  if (generate === 'now') return fast() as (data: unknown) => TrackedResult;
  let calls = 0;
  let impl = (data: unknown): TrackedResult => {
    if (++calls >= LAZY_CALLS) impl = fast() as (data: unknown) => TrackedResult;
    return slow(data);
  };
  return (data) => impl(data);
}

/** A rule's function with its misses collected (in the module's slot, as the closures record them). */
function track(fn: CompiledRule): (data: unknown) => TrackedResult {
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

function tier(rule: unknown, closure: CompiledRule, generate: 'now' | 'lazy' | 'never'): CompiledRule {
  if (generate === 'never') return closure;
  if (generate === 'now') return generateRule(rule, false) ?? closure;
  let calls = 0;
  let impl: CompiledRule = (data) => {
    if (++calls >= LAZY_CALLS) impl = generateRule(rule, false) ?? closure;
    return closure(data);
  };
  return (data) => impl(data);
}

// Evaluation is synchronous, so one slot is enough to collect misses for the call under way;
// the list is made only when something is missed (most items of most areas miss nothing).
let tracking = false;
let misses: string[] | null = null;

function miss(name: string): void {
  // Each fact once: a rule that compares several counts with the same total names it once.
  if (tracking && !(misses ??= []).includes(name)) misses.push(name);
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

// ---------------------------------------------------------------------------------------------
// Code generation. The generated function's parameters are the helpers below and three pools:
// K (constants that are not plain JSON scalars, passed by reference: the same object every call,
// as the closure returns), C (closures of nodes not generated) and P (plain operations, called as
// the closures call them). Nothing of the rule is spliced in as text: strings and finite numbers
// go through JSON.stringify, everything else through K.

/** A generated expression; `bool` when it is known to be a boolean (truthy() needs no call). */
interface Expr {
  code: string;
  bool: boolean;
}

class Generator {
  /** `tracked`: misses go to the function's own list `m` (then no closure may be used). */
  constructor(readonly tracked: boolean) {}
  readonly K: unknown[] = [];
  readonly C: CompiledRule[] = [];
  readonly P: ((...args: any[]) => unknown)[] = [];
  private temps = 0;
  /** How many nodes were generated rather than handed to a closure. */
  generated = 0;
  /** Some `var` is read inline: the function needs `plain`. */
  readsData = false;

  temp(): string {
    return `t${this.temps++}`;
  }

  declarations(): string {
    return this.temps ? `let ${Array.from({ length: this.temps }, (_, i) => `t${i}`).join(', ')};\n` : '';
  }

  constant(value: unknown): Expr {
    if (typeof value === 'string' || typeof value === 'boolean' || value === null) return { code: JSON.stringify(value), bool: typeof value === 'boolean' };
    if (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0)) {
      const code = JSON.stringify(value);
      return { code: value < 0 ? `(${code})` : code, bool: false };
    }
    this.K.push(value);
    return { code: `K[${this.K.length - 1}]`, bool: false };
  }

  closure(node: unknown): Expr {
    // Compiled before (compileNode checked the whole tree); compiled again here for this node.
    this.C.push(compileNode(node, [], false));
    return { code: `C[${this.C.length - 1}](data)`, bool: false };
  }

  truthy(e: Expr): string {
    return e.bool ? e.code : `T(${e.code})`;
  }

  node(logic: unknown): Expr {
    if (Array.isArray(logic)) {
      this.generated++;
      return { code: `[${logic.map((l) => this.node(l).code).join(', ')}]`, bool: false };
    }
    if (!isLogic(logic)) {
      this.generated++;
      return this.constant(logic);
    }
    const op = Object.keys(logic)[0];
    // compileNode has refused anything off the allowlist before generation starts.
    if (!ALLOWED_OPERATIONS.has(op)) throw new RuleError(`operation ${JSON.stringify(op)} is not allowed in a rule`, pointerOf([op]));
    const raw = logic[op];
    const values = Array.isArray(raw) ? raw : [raw];
    switch (op) {
      case 'var':
        return this.variable(logic, values);
      case 'if':
      case '?:': {
        this.generated++;
        const args = values.map((v) => this.node(v));
        let code = args.length % 2 === 1 ? args[args.length - 1].code : 'null';
        let bool = args.length % 2 === 1 ? args[args.length - 1].bool : false;
        for (let i = args.length - (args.length % 2 === 1 ? 3 : 2); i >= 0; i -= 2) {
          code = `(${this.truthy(args[i])} ? ${args[i + 1].code} : ${code})`;
          bool = bool && args[i + 1].bool;
        }
        return { code, bool };
      }
      case 'and':
      case 'or': {
        this.generated++;
        const args = values.map((v) => this.node(v));
        if (!args.length) return { code: 'undefined', bool: false };
        // Left to right; the first operand that decides is the value, as json-logic-js returns it.
        let code = args[args.length - 1].code;
        let bool = args[args.length - 1].bool;
        for (let i = args.length - 2; i >= 0; i--) {
          const a = args[i];
          if (a.bool) code = op === 'and' ? `(${a.code} ? ${code} : false)` : `(${a.code} ? true : ${code})`;
          else {
            const t = this.temp();
            code = op === 'and' ? `(T(${t} = ${a.code}) ? ${code} : ${t})` : `(T(${t} = ${a.code}) ? ${t} : ${code})`;
          }
          bool = bool && a.bool;
        }
        return { code, bool };
      }
      case '!':
      case '!!': {
        this.generated++;
        const args = values.map((v) => this.node(v));
        if (args.length !== 1) return this.plain(op, args);
        return { code: op === '!' ? `!${this.truthy(args[0])}` : this.truthy(args[0]), bool: true };
      }
      case '==':
      case '===':
      case '!=':
      case '!==':
      case '>':
      case '>=':
      case '<':
      case '<=': {
        this.generated++;
        const args = values.map((v) => this.node(v));
        if (args.length !== 2) return this.plain(op, args);
        return { code: `(${args[0].code} ${op} ${args[1].code})`, bool: true };
      }
      default: {
        if (!Object.prototype.hasOwnProperty.call(PLAIN_OPERATIONS, op)) return this.closure(logic); // missing, map, reduce …
        this.generated++;
        return this.plain(op, values.map((v) => this.node(v)));
      }
    }
  }

  /** A plain operation called as the closure calls it: every argument evaluated, in order. */
  private plain(op: string, args: Expr[]): Expr {
    this.P.push(PLAIN_OPERATIONS[op]);
    return { code: `P[${this.P.length - 1}](${args.map((a) => a.code).join(', ')})`, bool: false };
  }

  /** A literal one-segment path without a default (nearly every fact a standard reads); else the closure. */
  private variable(logic: unknown, values: unknown[]): Expr {
    const path = values[0];
    if (values.length !== 1 || (typeof path !== 'string' && typeof path !== 'number')) return this.closure(logic);
    const name = String(path);
    if (name === '' || name.includes('.')) return this.closure(logic);
    this.generated++;
    this.readsData = true;
    const t = this.temp();
    const key = JSON.stringify(name);
    // A plain object (`plain`, decided once per call) whose prototype doesn't have the name: one
    // property load, at a site of its own (a load shared by every fact would be megamorphic).
    // Anything else: G, resolveParts(data, [name]) with "not found" as undefined. Absent or null
    // is a miss (M). The same steps as resolve.ts's step(), in the same order.
    const miss = this.tracked ? `(m === null ? (m = [${key}]) : m.includes(${key}) || m.push(${key}), null)` : `M(${key})`;
    return { code: `((${t} = plain && !(${key} in OP) ? data[${key}] : G(data, ${key})) === undefined || ${t} === null ? ${miss} : ${t})`, bool: false };
  }
}

/** resolveParts(data, [key]), "not found" as undefined (a found value is never undefined). */
function get1(data: unknown, key: string): unknown {
  if (data === null || data === undefined) return undefined;
  return step(data, key);
}

/** A missed fact: recorded when tracking; the value is null, as the closure returns. */
function missed(name: string): null {
  miss(name);
  return null;
}

/**
 * The rule as one generated function, or undefined when no node of it would be generated (a lone
 * `missing`). `tracked`: the function returns { value, missing } itself, and is only made when
 * every node is generated (a closure inside records its misses elsewhere).
 */
function generateRule(rule: unknown, tracked: false): CompiledRule | undefined;
function generateRule(rule: unknown, tracked: true): ((data: unknown) => TrackedResult) | undefined;
function generateRule(rule: unknown, tracked: boolean): ((data: unknown) => unknown) | undefined {
  const g = new Generator(tracked);
  const body = g.node(rule);
  if (g.generated === 0 || (tracked && g.C.length)) return undefined;
  const plain = g.readsData ? 'const plain = typeof data === "object" && data !== null && Object.getPrototypeOf(data) === OP;\n' : '';
  const result = tracked ? `let m = null;\nconst value = ${body.code};\nreturn { value, missing: m === null ? [] : m };` : `return ${body.code};`;
  const source = `'use strict';\n${plain}${g.declarations()}${result}`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const make = new Function('K', 'C', 'P', 'T', 'G', 'M', 'OP', `return function rule(data) {\n${source}\n};`);
  return make(g.K, g.C, g.P, truthy, get1, missed, Object.prototype) as (data: unknown) => unknown;
}

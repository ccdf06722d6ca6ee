import { pointerOf } from '../errors.js';
import { ALLOWED_OPERATIONS, SCOPED_FORMS } from './operations.js';
import { isLogic } from './compile.js';

/** What a rule reads and uses, found without running it (for `reads`, lint and diff). */
export interface RuleAnalysis {
  /** Literal top-level `var` paths, in order of first appearance. */
  reads: string[];
  /** Operations outside the allowlist, with where they stand in the rule. */
  disallowed: { op: string; pointer: string }[];
  /** Top-level `var`s whose path is computed, so what they read can't be known up front. */
  dynamicVars: string[];
  /** Numeric constants, with the pointer of each (threshold diffs). */
  constants: { pointer: string; value: number }[];
}

export function analyseRule(rule: unknown): RuleAnalysis {
  const out: RuleAnalysis = { reads: [], disallowed: [], dynamicVars: [], constants: [] };
  const seen = new Set<string>();
  const walk = (node: unknown, at: (string | number)[], scoped: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, [...at, i], scoped));
    if (typeof node === 'number') out.constants.push({ pointer: pointerOf(at), value: node });
    if (!isLogic(node)) return;
    const op = Object.keys(node)[0];
    const raw = node[op];
    const values = Array.isArray(raw) ? raw : [raw];
    const argAt = (i: number) => (Array.isArray(raw) ? [...at, op, i] : [...at, op]);
    if (!ALLOWED_OPERATIONS.has(op)) out.disallowed.push({ op, pointer: pointerOf([...at, op]) });
    if (op === 'var' && !scoped) {
      const path = values[0];
      if (typeof path === 'string' || typeof path === 'number') {
        const p = String(path);
        if (p !== '' && !seen.has(p)) seen.add(p), out.reads.push(p);
      } else if (path !== undefined && path !== null) {
        out.dynamicVars.push(pointerOf(argAt(0)));
      }
    }
    values.forEach((v, i) => walk(v, argAt(i), scoped || (SCOPED_FORMS.has(op) && i === 1)));
  };
  walk(rule, [], false);
  return out;
}

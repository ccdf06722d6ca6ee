import { literalPath, parseRule, walk, type RuleNode, type ValueNode } from './tree.js';

/** What a rule reads and uses, found without running it (for `reads`, lint and diff). */
export interface RuleAnalysis {
  /** Literal top-level fact paths, in order of first appearance: `var` paths and the keys `missing` / `missing_some` name. */
  reads: string[];
  /** Top-level `var`s whose path is computed, so what they read can't be known up front. */
  dynamicVars: string[];
  /** Top-level `var`s that read the whole data object (`""`, `null`, `[]`, no path). */
  wholeData: string[];
  /** Numeric constants, with the pointer of each (threshold diffs). */
  constants: { pointer: string; value: number }[];
}

/** Parse a rule and analyse it (a rule off the allowlist or past a limit throws RuleError). */
export function analyseRule(rule: unknown): RuleAnalysis {
  return analyseTree(parseRule(rule));
}

/** What a parsed rule reads; walks the tree without recursion, so a flat list of any length is fine. */
export function analyseTree(tree: RuleNode): RuleAnalysis {
  const out: RuleAnalysis = { reads: [], dynamicVars: [], wholeData: [], constants: [] };
  const seen = new Set<string>();
  const read = (p: string) => {
    if (!seen.has(p)) seen.add(p), out.reads.push(p);
  };
  walk(tree, (node) => {
    if (node.op === 'value') {
      const v = (node as ValueNode).value;
      if (typeof v === 'number') out.constants.push({ pointer: node.pointer, value: v });
      return;
    }
    if (node.scoped) return;
    if (node.op === 'var') {
      const path = literalPath(node);
      const first = node.args[0];
      if (path !== undefined && path !== '') read(path);
      else if (first === undefined || (first.op === 'value' && ((first as ValueNode).value === null || (first as ValueNode).value === '')) || (first.op === 'list' && first.args.length === 0)) {
        out.wholeData.push(node.pointer);
      } else out.dynamicVars.push(first.pointer);
    } else if (node.op === 'missing') {
      // {"missing": ["a", "b"]} or {"missing": [["a", "b"]]}: literal keys are facts read.
      const keys = node.args[0]?.op === 'list' ? node.args[0].args : node.args;
      for (const k of keys) literalKey(k, read);
    } else if (node.op === 'missing_some' && node.args[1]?.op === 'list') {
      for (const k of node.args[1].args) literalKey(k, read);
    }
  });
  return out;
}

function literalKey(node: RuleNode, read: (p: string) => void): void {
  if (node.op !== 'value') return;
  const v = (node as ValueNode).value;
  if ((typeof v === 'string' && v !== '') || typeof v === 'number') read(String(v));
}

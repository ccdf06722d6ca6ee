import type { Lang } from '../messages/types.js';
import type { Comparison, FactValue, Reason } from '../reasons.js';
import type { FactSpec, Vocabulary } from '../standard/types.js';
import { analyseTree } from './analyse.js';
import { compileTree, type CompiledRule } from './compile.js';
import { NOT_FOUND, resolvePath } from './resolve.js';
import { isRuleNode, literalPath, parseRule, type RuleNode, type ValueNode } from './tree.js';
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
 * Takes the parsed tree; a raw rule is still accepted (parsed here) until every caller has the tree.
 */
export function unmetFacts(rule: RuleNode | unknown, data: unknown): string[] {
  const tree = asTree(rule);
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

function readsOf(node: RuleNode): string[] {
  return analyseTree(node).reads;
}

function valueOf(path: string, data: unknown): unknown {
  const v = resolvePath(data, path);
  return v === NOT_FOUND ? null : v;
}

// Raw rules handed to unmetFacts by callers that have no tree yet, parsed once each.
const trees = new WeakMap<object, RuleNode>();

function asTree(rule: RuleNode | unknown): RuleNode {
  if (isRuleNode(rule)) return rule;
  if (typeof rule !== 'object' || rule === null) return parseRule(rule);
  let tree = trees.get(rule);
  if (!tree) trees.set(rule, (tree = parseRule(rule)));
  return tree;
}

// ---------------------------------------------------------------------------------------------
/**
 * TEMPORARY (issue 12): the words evaluate.ts printed before reasons became data, rendered from
 * unmetReasons so the goldens stay as they are. It goes once src/assess/evaluate.ts renders
 * reasons through the message catalogue (src/messages/sections/reasons.ts).
 * @deprecated use unmetReasons and the catalogue's renderer.
 */
export function explainUnmet(rule: unknown, data: unknown, vocabulary: Vocabulary, lang: Lang): string {
  return unmetReasons(asTree(rule), data)
    .map((r) => render(r, vocabulary, lang))
    .join(lang === 'zh' ? '；' : '; ');
}

const words = {
  zh: {
    '>=': '要求至少', '>': '要求多于', '<=': '要求不超过', '<': '要求少于', '==': '要求为', '===': '要求为', '!=': '要求不为', '!==': '要求不为',
    yes: '是', no: '否', comma: '，', colon: '：', or: '或', anyOf: '以下条件均未满足：', unmet: '条件未满足', absent: '未填写', requiredNo: '（要求否）',
  },
  en: {
    '>=': 'required at least', '>': 'required more than', '<=': 'required at most', '<': 'required less than', '==': 'required', '===': 'required', '!=': 'required not', '!==': 'required not',
    yes: 'yes', no: 'no', comma: ', ', colon: ': ', or: 'or', anyOf: 'none of these holds: ', unmet: 'condition not met', absent: 'not filled in', requiredNo: ' (required no)',
  },
} as const;

function render(r: Reason, vocab: Vocabulary, lang: Lang): string {
  const w = words[lang];
  const label = (f: string) => (vocab[f] ? (lang === 'zh' ? vocab[f].zh : vocab[f].en) : f);
  const value = (f: string, v: unknown) => {
    if (v === null) return w.absent;
    if (typeof v === 'boolean') return v ? w.yes : w.no;
    return `${typeof v === 'string' ? v : JSON.stringify(v)}${unitOf(vocab[f], lang)}`;
  };
  switch (r.kind) {
    case 'boolean': {
      const said = r.actual === null ? w.absent : truthy(r.actual) ? w.yes : w.no;
      return `${label(r.fact)}${w.colon}${said}${r.expected ? '' : w.requiredNo}`;
    }
    case 'compare':
      return `${label(r.fact)} ${value(r.fact, r.actual)}${w.comma}${w[r.op]} ${r.expected}${unitOf(vocab[r.fact], lang)}`;
    case 'compare_fact': {
      const [open, close] = lang === 'zh' ? ['（', '）'] : [' (', ')'];
      return `${label(r.fact)} ${value(r.fact, r.actual)}${w.comma}${w[r.op]} ${label(r.other)}${open}${value(r.other, r.otherActual)}${close}`;
    }
    case 'any_of':
      return w.anyOf + r.options.map((o) => o.map((x) => render(x, vocab, lang)).join(w.comma)).join(` ${w.or} `);
    case 'condition':
      return r.facts.length ? `${w.unmet}${w.colon}${r.facts.map((f) => `${label(f.fact)} ${value(f.fact, f.actual)}`).join(w.comma)}` : w.unmet;
    default:
      return w.unmet;
  }
}

function unitOf(spec: FactSpec | undefined, lang: Lang): string {
  const unit = lang === 'zh' ? spec?.unit : spec?.unit_en ?? spec?.unit;
  if (!unit) return '';
  return unit === '%' ? '%' : ` ${unit}`;
}

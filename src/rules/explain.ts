import type { Lang } from '../assess/types.js';
import type { FactSpec, Vocabulary } from '../standard/types.js';
import { compileRule, isLogic, type CompiledRule } from './compile.js';
import { NOT_FOUND, resolvePath } from './resolve.js';
import { truthy } from './truthy.js';

/**
 * Why a rule is not met, in words: "每年召开协调机制会议次数 1 次，要求至少 2 次". Walks the rule
 * the way the standards are written (and/or/if of comparisons between a fact and a threshold or
 * another fact, and bare boolean facts) and falls back to naming the facts and their values.
 */
export function explainUnmet(rule: unknown, data: unknown, vocabulary: Vocabulary, lang: Lang): string {
  const parts = reasons(rule, data, vocabulary, lang);
  return parts.join(lang === 'zh' ? '；' : '; ');
}

/**
 * The facts behind a failure: those read by the conditions that do not hold, following and /
 * or / if the way the explanation does (so the 整改清单 asks for the right evidence).
 */
export function unmetFacts(rule: unknown, data: unknown): string[] {
  const out = new Set<string>();
  const walk = (node: unknown): void => {
    if (!isLogic(node)) return;
    const op = Object.keys(node)[0];
    const raw = node[op];
    const args = Array.isArray(raw) ? raw : [raw];
    const holds = (n: unknown) => truthy(compiled(n)(data));
    if (op === 'and') return args.filter((a) => !holds(a)).forEach(walk);
    if (op === 'or') return args.forEach(walk);
    if (op === 'if' || op === '?:') {
      for (let i = 0; i < args.length - 1; i += 2) if (holds(args[i])) return walk(args[i + 1]);
      if (args.length % 2 === 1) walk(args[args.length - 1]);
      return;
    }
    for (const f of varsIn(node)) out.add(f);
  };
  walk(rule);
  return [...out];
}

// The parts of a standard's rules, compiled once each: a batch explains the same rules for every
// area (rules are the standard's, which nothing changes once loaded).
const parts = new WeakMap<object, CompiledRule>();

function compiled(node: unknown): CompiledRule {
  if (node === null || typeof node !== 'object') return compileRule(node, { generate: 'never' });
  let fn = parts.get(node);
  if (!fn) {
    fn = compileRule(node, { generate: 'lazy' });
    parts.set(node, fn);
  }
  return fn;
}

const words = {
  zh: {
    '>=': '要求至少', '>': '要求多于', '<=': '要求不超过', '<': '要求少于', '==': '要求为', '===': '要求为', '!=': '要求不为', '!==': '要求不为',
    yes: '是', no: '否', comma: '，', colon: '：', or: '或', anyOf: '以下条件均未满足：', unmet: '条件未满足', absent: '未填写',
  },
  en: {
    '>=': 'required at least', '>': 'required more than', '<=': 'required at most', '<': 'required less than', '==': 'required', '===': 'required', '!=': 'required not', '!==': 'required not',
    yes: 'yes', no: 'no', comma: ', ', colon: ': ', or: 'or', anyOf: 'none of these holds: ', unmet: 'condition not met', absent: 'not filled in',
  },
} as const;

const COMPARISONS = new Set(['>=', '>', '<=', '<', '==', '===', '!=', '!==']);

function reasons(node: unknown, data: unknown, vocab: Vocabulary, lang: Lang): string[] {
  const w = words[lang];
  if (!isLogic(node)) return [w.unmet];
  const op = Object.keys(node)[0];
  const raw = node[op];
  const args = Array.isArray(raw) ? raw : [raw];
  const holds = (n: unknown) => truthy(compiled(n)(data));

  if (op === 'and') return args.filter((a) => !holds(a)).flatMap((a) => reasons(a, data, vocab, lang));
  if (op === 'or') {
    const each = args.map((a) => reasons(a, data, vocab, lang).join(w.comma));
    return each.length === 1 ? each : [w.anyOf + each.join(` ${w.or} `)];
  }
  if (op === 'if' || op === '?:') {
    for (let i = 0; i < args.length - 1; i += 2) if (holds(args[i])) return reasons(args[i + 1], data, vocab, lang);
    return args.length % 2 === 1 ? reasons(args[args.length - 1], data, vocab, lang) : [w.unmet];
  }
  if (op === 'var' && typeof args[0] === 'string') return [booleanReason(args[0], data, vocab, lang, true)];
  if ((op === '!' || op === '!!') && isVar(args[0])) return [booleanReason(varPath(args[0]), data, vocab, lang, op === '!!')];
  if (COMPARISONS.has(op) && args.length === 2 && isVar(args[0])) {
    const path = varPath(args[0]);
    const target = args[1];
    if (typeof target === 'boolean') return [booleanReason(path, data, vocab, lang, op.startsWith('!') ? !target : target)];
    const actual = show(path, data, vocab, lang);
    const rel = w[op as keyof typeof w];
    if (isVar(target)) {
      const other = varPath(target);
      const otherSpec = vocab[other];
      const otherLabel = otherSpec ? (lang === 'zh' ? otherSpec.zh : otherSpec.en) : other;
      const [open, close] = lang === 'zh' ? ['（', '）'] : [' (', ')'];
      return [`${actual}${w.comma}${rel} ${otherLabel}${open}${valueWithUnit(other, data, vocab, lang)}${close}`];
    }
    if (typeof target === 'number' || typeof target === 'string') {
      return [`${actual}${w.comma}${rel} ${target}${unitOf(vocab[path], lang)}`];
    }
  }
  // Anything else: say which facts the condition looked at, with their values.
  const facts = varsIn(node);
  return [facts.length ? `${w.unmet}${w.colon}${facts.map((f) => show(f, data, vocab, lang)).join(w.comma)}` : w.unmet];
}

function booleanReason(path: string, data: unknown, vocab: Vocabulary, lang: Lang, wanted: boolean): string {
  const w = words[lang];
  const spec = vocab[path];
  const label = spec ? (lang === 'zh' ? spec.zh : spec.en) : path;
  const v = valueOf(path, data);
  const said = v === null ? w.absent : truthy(v) ? w.yes : w.no;
  return wanted ? `${label}${w.colon}${said}` : `${label}${w.colon}${said}${lang === 'zh' ? '（要求否）' : ' (required no)'}`;
}

function show(path: string, data: unknown, vocab: Vocabulary, lang: Lang): string {
  const spec = vocab[path];
  const label = spec ? (lang === 'zh' ? spec.zh : spec.en) : path;
  return `${label} ${valueWithUnit(path, data, vocab, lang)}`;
}

function valueWithUnit(path: string, data: unknown, vocab: Vocabulary, lang: Lang): string {
  const v = valueOf(path, data);
  if (v === null) return words[lang].absent;
  if (typeof v === 'boolean') return v ? words[lang].yes : words[lang].no;
  return `${typeof v === 'string' ? v : JSON.stringify(v)}${unitOf(vocab[path], lang)}`;
}

function unitOf(spec: FactSpec | undefined, lang: Lang): string {
  const unit = lang === 'zh' ? spec?.unit : spec?.unit_en ?? spec?.unit;
  if (!unit) return '';
  return unit === '%' ? '%' : ` ${unit}`;
}

function valueOf(path: string, data: unknown): unknown {
  const v = resolvePath(data, path);
  return v === NOT_FOUND ? null : v;
}

function isVar(n: unknown): n is { var: unknown } {
  return isLogic(n) && 'var' in n && (typeof n.var === 'string' || (Array.isArray(n.var) && typeof n.var[0] === 'string'));
}

function varPath(n: unknown): string {
  const v = (n as { var: unknown }).var;
  return String(Array.isArray(v) ? v[0] : v);
}

function varsIn(node: unknown): string[] {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!isLogic(n)) return;
    if (isVar(n)) out.includes(varPath(n)) || out.push(varPath(n));
    else Object.values(n).forEach(walk);
  };
  walk(node);
  return out;
}

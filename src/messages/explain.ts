import type { Reason } from '../reasons.js';
import { hasMessage, t } from './catalogue.js';
import { plural, singular } from './plural.js';
import type { PartOfWhole } from './sections/reasons.js';
import type { Lang } from './types.js';
import { evidenceDetail } from './errno.js';

/** What the words of a fact need from the standard's vocabulary (src/standard/types.ts FactSpec). */
export interface FactWords {
  zh: string;
  en: string;
  type?: string;
  unit?: string;
  unit_en?: string;
}

export type FactDictionary = Readonly<Record<string, FactWords | undefined>>;

export interface ExplainOptions {
  /**
   * Name a missing fact with its id beside its description (default true): the id is what the
   * submitter types into the facts file, so the JSON's `explanation` keeps it. Reports read by
   * people (table, markdown, html) pass false and show the description alone.
   */
  ids?: boolean;
}

/**
 * The one place reasons (src/reasons.ts) become words: an item's or a veto's reasons → one
 * sentence in `lang`, e.g. "每年召开协调机制会议次数 1 次，要求至少 2 次". Facts are named by their
 * description in the vocabulary (their id where it has none).
 */
export function explain(reasons: readonly Reason[], lang: Lang, facts: FactDictionary, options: ExplainOptions = {}): string {
  if (!reasons.length) return '';
  const evidence = reasons.filter((r) => r.kind === 'evidence');
  const rest = evidence.length ? reasons.filter((r) => r.kind !== 'evidence') : reasons;
  const ids = options.ids !== false;
  const parts = rest.map((r) => sentence(r, lang, facts, ids));
  // A pack's evidence problems are one sentence, each problem once (several items share one).
  if (evidence.length) parts.push(t(lang, 'reasons.evidence', { problems: [...new Set(evidence.map((r) => evidenceProblem(r, lang)))] }));
  return parts.join(t(lang, 'reasons.and'));
}

function sentence(r: Reason, lang: Lang, facts: FactDictionary, ids: boolean): string {
  const name = (f: string) => factName(f, lang, facts);
  const value = (f: string, v: unknown) => factValue(f, v, lang, facts);
  switch (r.kind) {
    case 'compare':
      return t(lang, 'reasons.compare', { fact: name(r.fact), actual: value(r.fact, r.actual), op: r.op, expected: `${r.expected}${unitOf(r.fact, lang, facts, r.unit, typeof r.expected === 'number' ? r.expected : undefined)}` });
    case 'compare_fact':
      return t(lang, 'reasons.compare_fact', { fact: name(r.fact), actual: value(r.fact, r.actual), op: r.op, other: name(r.other), otherActual: value(r.other, r.otherActual), part: partOfWhole(r, facts) });
    case 'boolean':
      return t(lang, 'reasons.boolean', { fact: name(r.fact), actual: yesNo(r.actual, lang), expected: r.expected });
    case 'any_of':
      return t(lang, 'reasons.any_of', { options: r.options.map((o) => o.map((x) => sentence(x, lang, facts, ids)).join(t(lang, 'reasons.also'))) });
    case 'condition':
      return t(lang, 'reasons.condition', { facts: r.facts.map((f) => t(lang, 'reasons.fact_value', { fact: name(f.fact), value: value(f.fact, f.actual) })) });
    case 'missing':
      // The id too (unless the report is for reading): it is what the submitter types into the facts file.
      return t(lang, 'reasons.missing', { facts: r.facts.map((f) => (facts[f] && ids ? t(lang, 'reasons.fact_with_id', { fact: name(f), id: f }) : name(f))) });
    case 'not_applicable':
      return t(lang, 'reasons.not_applicable', { because: r.because.map((b) => sentence(b, lang, facts, ids)).join(t(lang, 'reasons.and')) });
    case 'triggered':
      return t(lang, 'reasons.triggered', { facts: r.facts.map((f) => t(lang, 'reasons.fact_value', { fact: name(f.fact), value: value(f.fact, f.actual) })) });
    case 'evidence':
      return t(lang, 'reasons.evidence', { problems: [evidenceProblem(r, lang)] });
    case 'error':
      return t(lang, 'reasons.error', { message: r.message });
    case 'pending':
      // Words of the period section (src/assess/period.ts): what the year asks, 未到期, what remains by when.
      return t(lang, 'period.pending', { label: name(r.fact), actual: r.actual as number, expected: r.expected, remaining: r.remaining, unit: unitOf(r.fact, lang, facts, r.unit).trim(), due: r.due, strict: r.op === '>' });
  }
}

/** Two counts in one unit (村(居) with a 儿童主任, all 村(居)) are a part and its whole: en says "17 of 18". */
function partOfWhole(r: Extract<Reason, { kind: 'compare_fact' }>, facts: FactDictionary): PartOfWhole | undefined {
  const unit = facts[r.fact]?.unit;
  if (unit === undefined || unit !== facts[r.other]?.unit || typeof r.actual !== 'number' || typeof r.otherActual !== 'number') return undefined;
  return { part: r.actual, whole: r.otherActual };
}

/** One evidence problem in words: `evidence/会议纪要.pdf 不存在`. */
export function evidenceProblem(r: Extract<Reason, { kind: 'evidence' }>, lang: Lang): string {
  const id = `evidence.${r.code}`;
  const detail = typeof r.data?.detail === 'string' ? t(lang, 'evidence.detail', { detail: evidenceDetail(r.data.detail, lang) }) : '';
  if (r.code === 'none') return t(lang, 'evidence.none', { fact: r.fact, documents: (r.data?.documents as string[] | undefined) ?? [] }) + detail;
  if (!hasMessage(id)) return `${r.path ?? r.fact} ${r.code}${detail}`;
  return (t as (lang: Lang, id: string, data: { path: string }) => string)(lang, id, { path: r.path ?? r.fact }) + detail;
}

/** A fact's description in `lang` (its id where the vocabulary has none). */
export function factName(fact: string, lang: Lang, facts: FactDictionary): string {
  const spec = facts[fact];
  return spec ? spec[lang] : fact;
}

/**
 * A value in words: `3 次`, `50%`, `是`, `2023年5月1日` (en `3 times`, `yes`, `1 May 2023`),
 * `未填写` where absent. What the value is comes from the fact's type in the vocabulary.
 */
export function factValue(fact: string, v: unknown, lang: Lang, facts: FactDictionary): string {
  if (v === null || v === undefined) return t(lang, 'reasons.absent');
  if (typeof v === 'boolean') return yesNo(v, lang);
  if (typeof v === 'number') return `${v}${unitOf(fact, lang, facts, undefined, v)}`;
  if (typeof v === 'string') return facts[fact]?.type === 'date' ? dateWords(v, lang) : `${v}${unitOf(fact, lang, facts)}`;
  return JSON.stringify(v);
}

/** `2023-05-01` → `2023年5月1日` / `1 May 2023`; anything else as written. */
export function dateWords(s: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? t(lang, 'reasons.date', { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) : s;
}

function yesNo(v: unknown, lang: Lang): string {
  if (v === null || v === undefined) return t(lang, 'reasons.absent');
  // JSON-Logic's truthiness, as the rule saw it: [] is false, "0" is true.
  const yes = Array.isArray(v) ? v.length > 0 : !!v;
  return t(lang, yes ? 'reasons.yes' : 'reasons.no');
}

function unitOf(fact: string, lang: Lang, facts: FactDictionary, given?: string, n?: number): string {
  const spec = facts[fact];
  const unit = lang === 'zh' ? (spec?.unit ?? given) : (spec?.unit_en ?? spec?.unit ?? given);
  if (!unit) return '';
  if (unit === '%') return '%';
  // `1 time`, not `1 times` (the vocabulary gives English units in the plural).
  return ` ${n !== undefined && lang === 'en' ? plural(lang, n, { one: singular(unit), other: unit }) : unit}`;
}

export { singular };

import { explainUnmet, unmetFacts } from '../rules/explain.js';
import { NOT_FOUND, resolveParts, resolvePath } from '../rules/resolve.js';
import { truthy } from '../rules/truthy.js';
import { RuleFault } from '../standard/fault.js';
import type { LoadedStandard, StandardItem, Vocabulary } from '../standard/types.js';
import type { ItemResult, Lang, VetoResult } from './types.js';

/**
 * Every item of a standard → pass / fail / missing / not_applicable. An item is `missing` when
 * evaluating it needed a fact the submission lacks (absent or null): missing facts never count
 * as met, and a fact the rule didn't need (short-circuit) is not asked for.
 */
export function evaluateItems(standard: LoadedStandard, facts: Record<string, unknown>, lang: Lang): ItemResult[] {
  const out: ItemResult[] = new Array(standard.items.length);
  for (let i = 0; i < standard.items.length; i++) out[i] = evaluateItem(standard, standard.items[i], facts, lang);
  return out;
}

/** One item's result; its fields in one order whatever the state (the order reports print them in). */
function result(item: StandardItem, actual: Record<string, unknown>, state: ItemResult['state'], missing: string[], explanation: string, unmet?: string[]): ItemResult {
  const { id, aspect, content, number, text, reads, responsible, evidence, weight } = item;
  // A failure's unmet facts stand before its explanation.
  if (unmet !== undefined) return { id, aspect, content, number, text, reads, actual, responsible, evidence, weight, state, missing, unmet, explanation };
  return { id, aspect, content, number, text, reads, actual, responsible, evidence, weight, state, missing, explanation };
}

function evaluateItem(standard: LoadedStandard, item: StandardItem, facts: Record<string, unknown>, lang: Lang): ItemResult {
  const compiled = standard.compiled.get(item.id)!;
  const actual = actualValues(item.reads, facts);
  if (compiled.appliesIf) {
    const applies = guarded(compiled.appliesIf, facts);
    if (applies.missing.length) return result(item, actual, 'missing', applies.missing, missingWords(applies.missing, standard.vocabulary, lang));
    if (!truthy(applies.value)) {
      return result(item, actual, 'not_applicable', [], (lang === 'zh' ? '不适用：' : 'not applicable: ') + explainUnmet(item.appliesIf, facts, standard.vocabulary, lang));
    }
  }
  const outcome = guarded(compiled.test, facts);
  if (outcome.missing.length) return result(item, actual, 'missing', outcome.missing, missingWords(outcome.missing, standard.vocabulary, lang));
  if (outcome.error) return result(item, actual, 'fail', [], outcome.error);
  if (truthy(outcome.value)) return result(item, actual, 'pass', [], '');
  return result(item, actual, 'fail', [], explainUnmet(item.rule, facts, standard.vocabulary, lang), unmetFacts(item.rule, facts));
}

/** Every item of every negative list → clear / triggered / missing (never silently clear). */
export function evaluateVetoes(standard: LoadedStandard, facts: Record<string, unknown>, lang: Lang): VetoResult[] {
  return standard.negativeLists.flatMap((list) => evaluateNegativeList(list, facts, lang));
}

/** One negative list's items → clear / triggered / missing. */
export function evaluateNegativeList(list: LoadedStandard, facts: Record<string, unknown>, lang: Lang): VetoResult[] {
  return list.items.map((item: StandardItem): VetoResult => {
    const outcome = guarded(list.compiled.get(item.id)!.test, facts);
    const base = { id: item.id, list: { id: list.id, version: list.version }, number: item.number, text: item.text, reads: item.reads, actual: actualValues(item.reads, facts) };
    if (outcome.missing.length) return { ...base, state: 'missing', missing: outcome.missing, explanation: missingWords(outcome.missing, list.vocabulary, lang) };
    // A veto that can't be decided is never silently clear; nor is it proof of a veto.
    if (outcome.error) return { ...base, state: 'missing', missing: [], explanation: outcome.error };
    if (truthy(outcome.value)) return { ...base, state: 'triggered', missing: [], explanation: triggeredWords(item.reads, facts, list.vocabulary, lang) };
    return { ...base, state: 'clear', missing: [], explanation: '' };
  });
}

/** A rule that throws on odd data is reported, not allowed to take the run down with it. */
function guarded(test: (d: unknown) => { value: unknown; missing: string[] }, facts: unknown) {
  try {
    const r = test(facts);
    return { value: r.value, missing: r.missing, error: undefined as string | undefined };
  } catch (e) {
    if (e instanceof RuleFault) throw e; // the standard's fault (exit 3), not a verdict on the area
    return { value: false, missing: [] as string[], error: `rule could not be evaluated: ${(e as Error).message}` };
  }
}

function actualValues(reads: string[], facts: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of reads) {
    const v = path === '' ? facts : resolveParts(facts, partsOf(path));
    out[path] = v === NOT_FOUND ? null : v;
  }
  return out;
}

// A standard's fact paths split at their dots once, not once per area (resolvePath splits each time).
const split = new Map<string, string[]>();
function partsOf(path: string): string[] {
  let parts = split.get(path);
  if (!parts) {
    parts = path.split('.');
    split.set(path, parts);
  }
  return parts;
}

function missingWords(paths: string[], vocabulary: Vocabulary, lang: Lang): string {
  const names = paths.map((p) => (vocabulary[p] ? (lang === 'zh' ? `${vocabulary[p].zh}（${p}）` : `${vocabulary[p].en} (${p})`) : p));
  return (lang === 'zh' ? '缺少事实：' : 'missing facts: ') + names.join(lang === 'zh' ? '；' : '; ');
}

function triggeredWords(reads: string[], facts: unknown, vocabulary: Vocabulary, lang: Lang): string {
  // Name the facts that set it off (a count above 0, a true); all of them if none stands out.
  const value = (p: string) => resolvePath(facts, p);
  const telling = reads.filter((p) => {
    const v = value(p);
    return v === true || (typeof v === 'number' && v > 0);
  });
  return (telling.length ? telling : reads)
    .map((p) => {
      const v = resolvePath(facts, p);
      const spec = vocabulary[p];
      const label = spec ? (lang === 'zh' ? spec.zh : spec.en) : p;
      const unit = spec?.unit && spec.type !== 'boolean' ? (lang === 'zh' ? ` ${spec.unit}` : ` ${spec.unit_en ?? spec.unit}`) : '';
      const shown = typeof v === 'boolean' ? (v ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no') : `${String(v === NOT_FOUND ? null : v)}${unit}`;
      return `${label} ${shown}`;
    })
    .join(lang === 'zh' ? '；' : '; ');
}

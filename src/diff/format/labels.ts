import { t, type MessageId } from '../../messages/catalogue.js';
import type { Lang } from '../../messages/types.js';
import { labels } from '../../report/labels.js';
import type { DiffSummary, Direction, Place } from '../types.js';

/** The words `assess diff` prints, read from the catalogue (section diff) into the shape its formatters use. */
function build(lang: Lang) {
  const w = (id: MessageId) => (t as (l: Lang, i: MessageId) => string)(lang, id);
  const R = labels(lang);
  return {
    lang,
    noChanges: w('diff.noChanges'),
    draft: w('diff.draft'),
    summary: (s: DiffSummary) =>
      t(lang, 'diff.summary', {
        added: s.added, removed: s.removed, moved: s.moved, reworded: s.reworded,
        stricter: s.thresholds.stricter, looser: s.thresholds.looser, changed: s.thresholds.changed,
        rules: s.rules, responsible: s.responsible,
        vetoAdded: s.negativeList.added, vetoRemoved: s.negativeList.removed, vetoChanged: s.negativeList.changed,
        verdictPolicy: s.verdictPolicy, factsAdded: s.facts.added, factsRemoved: s.facts.removed, factsRedefined: s.facts.redefined, unchanged: s.unchanged,
      }),
    title: w('diff.title'),
    added: w('diff.added'),
    removed: w('diff.removed'),
    moved: w('diff.moved'),
    reworded: w('diff.reworded'),
    thresholds: w('diff.thresholds'),
    rules: w('diff.rules'),
    responsible: w('diff.responsible'),
    negativeList: w('diff.negativeList'),
    lists: w('diff.lists'),
    vetoAdded: w('diff.vetoAdded'),
    vetoRemoved: w('diff.vetoRemoved'),
    vetoChanged: w('diff.vetoChanged'),
    policy: w('diff.policy'),
    factsAdded: w('diff.factsAdded'),
    factsRemoved: w('diff.factsRemoved'),
    factsRedefined: w('diff.factsRedefined'),
    renames: w('diff.renames'),
    readBy: w('diff.readBy'),
    /** After a label: a full-width colon in Chinese, ": " in English. */
    colon: lang === 'zh' ? '：' : ': ',
    readsAdded: w('diff.readsAdded'),
    readsRemoved: w('diff.readsRemoved'),
    similarity: w('diff.similarity'),
    direction: { stricter: w('diff.direction.stricter'), looser: w('diff.direction.looser'), changed: w('diff.direction.changed') } satisfies Record<Direction, string>,
    policyName: { all_applicable_met: w('diff.policy.all_applicable_met'), min_score: w('diff.policy.min_score') } as Record<string, string>,
    impact: w('diff.impact'),
    verdict: R.verdict as Record<string, string>,
    state: { ...R.state, clear: R.veto.clear, triggered: R.veto.triggered, absent: w('diff.state.absent') } as Record<string, string>,
    impactLine: (failing: number, missing: number, met: number, collect: number) => t(lang, 'diff.impactLine', { failing, missing, met, collect }),
    stateChanges: w('diff.stateChanges'),
    collect: w('diff.collect'),
    columns: [w('diff.column.id'), w('diff.column.place'), w('diff.column.before'), w('diff.column.after'), w('diff.column.why')],
    none: w('diff.none'),
    negativeItem: w('diff.negativeItem'),
    /** A fact's description (and unit) in this language. */
    factWords: (spec: { zh: string; en: string; unit?: string; unit_en?: string }) => t(lang, 'diff.factWords', { name: spec[lang], unit: lang === 'zh' ? spec.unit : (spec.unit_en ?? spec.unit) }),
  };
}

export type DiffLabels = ReturnType<typeof build>;

const built: Partial<Record<Lang, DiffLabels>> = {};

export function diffLabels(lang: Lang): DiffLabels {
  return (built[lang] ??= build(lang));
}

/** "组织领导 / 组织协调 3". */
export function placeText(p: Place): string {
  return [p.aspect, p.content ? `${p.content} ${p.number}` : String(p.number)].join(' / ');
}

export function policyText(p: { policy: string; minScore: number | null }, L: DiffLabels): string {
  return `${p.policy} (${L.policyName[p.policy] ?? p.policy}${p.minScore !== null ? ` ${p.minScore}` : ''})`;
}

export function percent(score: number): string {
  return `${(Math.round(score * 1000) / 10).toFixed(1)}%`;
}

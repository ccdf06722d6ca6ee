import type { ItemState, Verdict, VetoState } from '../assess/types.js';
import { t, type MessageId } from '../messages/catalogue.js';
import type { Lang } from '../messages/types.js';

/**
 * The words a report prints, read from the catalogue (src/messages/sections/report.ts) into the
 * shape the formatters use. Built once per language.
 */
function build(lang: Lang) {
  const w = (id: MessageId) => (t as (l: Lang, i: MessageId) => string)(lang, id);
  return {
    verdict: { pass: w('report.verdict.pass'), fail: w('report.verdict.fail'), veto: w('report.verdict.veto'), in_progress: w('period.verdict.in_progress') } satisfies Record<Verdict, string>,
    state: { pass: w('report.state.pass'), fail: w('report.state.fail'), missing: w('report.state.missing'), not_applicable: w('report.state.not_applicable'), unsupported: w('report.state.unsupported'), pending: w('period.state.pending') } satisfies Record<ItemState, string>,
    veto: { clear: w('report.veto.clear'), triggered: w('report.veto.triggered'), missing: w('report.veto.missing') } satisfies Record<VetoState, string>,
    aspect: w('report.aspect'),
    met: w('report.met'),
    applicable: w('report.applicable'),
    score: w('report.score'),
    total: w('report.total'),
    conclusion: w('report.conclusion'),
    vetoHeading: w('report.vetoHeading'),
    negativeItem: w('report.negativeItem'),
    item: w('report.item'),
    findings: w('report.findings'),
    none: w('report.none'),
    counts: (fail: number, missing: number, na: number, pending = 0) =>
      [t(lang, 'report.counts', { fail, missing, na }), pending ? t(lang, 'period.counts.pending', { n: pending }) : ''].filter(Boolean).join(lang === 'zh' ? '，' : ', '),
    warnings: w('report.warnings'),
    /** Words only the HTML report prints (src/report/html/). */
    html: {
      title: w('report.html.title'),
      batchTitle: (n: number) => t(lang, 'report.html.batchTitle', { n }),
      unnamedArea: w('report.html.unnamedArea'),
      period: w('report.html.period'),
      standard: w('report.html.standard'),
      input: w('report.html.input'),
      state: w('report.html.state'),
      place: w('report.html.place'),
      id: w('report.html.id'),
      actual: w('report.html.actual'),
      explanation: w('report.html.explanation'),
      evidence: w('report.html.evidence'),
      chart: w('report.html.chart'),
      triggered: w('report.html.triggered'),
      rectification: w('report.html.rectification'),
      byUnit: w('report.html.byUnit'),
      byAspect: w('report.html.byAspect'),
      unitGroup: (unit: string) => t(lang, 'report.html.unitGroup', { unit }),
      aspectGroup: (aspect: string) => t(lang, 'report.html.aspectGroup', { aspect }),
      allItems: (n: number) => t(lang, 'report.html.allItems', { n }),
      overview: w('report.html.overview'),
      area: w('report.html.area'),
      worstAspect: w('report.html.worstAspect'),
      sortHint: w('report.html.sortHint'),
      noResults: w('report.html.noResults'),
    },
  };
}

const built: Partial<Record<Lang, ReturnType<typeof build>>> = {};

export function labels(lang: Lang) {
  return (built[lang] ??= build(lang));
}

/** "长宁街道 · 2023-Q2": an area's name and period, either alone if the other is empty, '' if both are. */
export function areaAndPeriod(area: string | undefined, period: string | undefined): string {
  return area && period ? `${area} · ${period}` : area || period || '';
}

/** "组织协调 3": where an item stands in its document. */
export function placeOf(item: { content: string | null; number: number }): string {
  return item.content ? `${item.content} ${item.number}` : String(item.number);
}

export function percent(score: number): string {
  return `${(Math.round(score * 1000) / 10).toFixed(1)}%`;
}

/** @deprecated the words are the catalogue's (`report.*` ids); read them with labels(lang) or t(). */
export const LABELS = {
  get zh() {
    return labels('zh');
  },
  get en() {
    return labels('en');
  },
};

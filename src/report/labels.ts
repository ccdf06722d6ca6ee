import type { ItemState, Lang, Verdict, VetoState } from '../assess/types.js';

/** Every word a report prints, in both languages, in one place. */
export const LABELS = {
  zh: {
    verdict: { pass: '达标', fail: '不达标', veto: '否决' } satisfies Record<Verdict, string>,
    state: { pass: '达标', fail: '未达标', missing: '缺少事实', not_applicable: '不适用' } satisfies Record<ItemState, string>,
    veto: { clear: '未触发', triggered: '已触发', missing: '缺少事实' } satisfies Record<VetoState, string>,
    aspect: '项目',
    met: '达标',
    applicable: '适用',
    score: '得分',
    total: '合计',
    conclusion: '结论',
    vetoHeading: '负面工作清单项（一票否决）',
    negativeItem: '负面工作清单项',
    item: '工作标准',
    findings: '未达标与缺少事实的工作标准',
    none: '无',
    counts: (fail: number, missing: number, na: number) =>
      [fail ? `${fail} 项未达标` : '', missing ? `${missing} 项缺少事实` : '', na ? `${na} 项不适用` : ''].filter(Boolean).join('，'),
    warnings: '提示',
  },
  en: {
    verdict: { pass: 'PASS (达标)', fail: 'FAIL (不达标)', veto: 'VETO (否决)' } satisfies Record<Verdict, string>,
    state: { pass: 'pass', fail: 'fail', missing: 'missing', not_applicable: 'n/a' } satisfies Record<ItemState, string>,
    veto: { clear: 'clear', triggered: 'triggered', missing: 'missing' } satisfies Record<VetoState, string>,
    aspect: 'Aspect',
    met: 'Met',
    applicable: 'Applicable',
    score: 'Score',
    total: 'Total',
    conclusion: 'Verdict',
    vetoHeading: 'Negative list (veto items)',
    negativeItem: 'negative-list item',
    item: 'Item',
    findings: 'Items failed or missing facts',
    none: 'none',
    counts: (fail: number, missing: number, na: number) =>
      [fail ? `${fail} failed` : '', missing ? `${missing} missing facts` : '', na ? `${na} not applicable` : ''].filter(Boolean).join(', '),
    warnings: 'Warnings',
  },
} as const;

export function labels(lang: Lang) {
  return LABELS[lang];
}

/** "组织协调 3": where an item stands in its document. */
export function placeOf(item: { content: string | null; number: number }): string {
  return item.content ? `${item.content} ${item.number}` : String(item.number);
}

export function percent(score: number): string {
  return `${(Math.round(score * 1000) / 10).toFixed(1)}%`;
}

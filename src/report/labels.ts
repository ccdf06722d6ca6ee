import type { ItemState, Lang, Verdict, VetoState } from '../assess/types.js';

/** Every word a report prints, in both languages, in one place. */
export const LABELS = {
  zh: {
    verdict: { pass: '达标', fail: '不达标', veto: '否决' } satisfies Record<Verdict, string>,
    state: { pass: '达标', fail: '未达标', missing: '缺少事实', not_applicable: '不适用', unsupported: '证明材料不足' } satisfies Record<ItemState, string>,
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
    /** Words only the HTML report prints (src/report/html/). */
    html: {
      title: '未成年人保护示范创建评估报告',
      batchTitle: (n: number) => `未成年人保护示范创建评估报告（${n} 个地区）`,
      unnamedArea: '未命名地区',
      period: '周期',
      standard: '标准',
      input: '输入',
      state: '状态',
      place: '位置',
      id: '编号',
      actual: '实际值',
      explanation: '原因',
      evidence: '需提供的佐证材料',
      chart: '各项目得分',
      triggered: '触发负面工作清单项',
      rectification: '整改清单',
      byUnit: '按责任单位分组；一项有多个责任单位时在每个单位下都列出。',
      byAspect: '本标准未列明这些工作标准的责任单位，按项目分组。',
      unitGroup: (unit: string) => `责任单位：${unit}`,
      aspectGroup: (aspect: string) => `项目：${aspect}（未列明责任单位）`,
      allItems: (n: number) => `全部工作标准（${n} 项）`,
      overview: '总览',
      area: '地区',
      worstAspect: '最弱项目',
      sortHint: '点击表头排序',
      noResults: '没有可报告的评估结果。',
    },
  },
  en: {
    verdict: { pass: 'PASS (达标)', fail: 'FAIL (不达标)', veto: 'VETO (否决)' } satisfies Record<Verdict, string>,
    state: { pass: 'pass', fail: 'fail', missing: 'missing', not_applicable: 'n/a', unsupported: 'unsupported' } satisfies Record<ItemState, string>,
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
    html: {
      title: 'Minor protection demonstration assessment',
      batchTitle: (n: number) => `Minor protection demonstration assessment (${n} areas)`,
      unnamedArea: 'unnamed area',
      period: 'Period',
      standard: 'Standard',
      input: 'Input',
      state: 'State',
      place: 'Place',
      id: 'Id',
      actual: 'Actual',
      explanation: 'Why',
      evidence: 'Evidence to supply',
      chart: 'Score per aspect (项目)',
      triggered: 'Triggered negative-list item',
      rectification: 'Rectification list (整改清单)',
      byUnit: 'Grouped by responsible unit (责任单位); an item with several units is listed under each.',
      byAspect: 'The standard names no responsible unit for these items: grouped by aspect (项目).',
      unitGroup: (unit: string) => `Responsible unit: ${unit}`,
      aspectGroup: (aspect: string) => `Aspect: ${aspect} (no responsible unit named)`,
      allItems: (n: number) => `All items (${n})`,
      overview: 'Overview',
      area: 'Area',
      worstAspect: 'Weakest aspect',
      sortHint: 'click a column header to sort',
      noResults: 'No assessment results to report.',
    },
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

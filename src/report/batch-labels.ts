import type { Lang } from '../assess/types.js';

/** Words of the batch summary and of the progress section (月报), in both languages. */
export const BATCH_LABELS = {
  zh: {
    invalid: '无效输入',
    summary: '汇总',
    packs: (n: number) => `${n} 个数据包`,
    worst: '最需关注的街道',
    mostFailed: '最常未达标的工作标准',
    areas: (n: number, total: number) => `${n}/${total} 个街道`,
    vetoes: '触发的负面工作清单项',
    area: '街道',
    verdictHead: '结论',
    input: '数据包',
    open: '未达标项',
    progress: '与上期相比',
    noBaseline: '上期报告中没有该街道（同一标准）',
    baselineFrom: (period: string | undefined, verdict: string, score: string) => `上期${period ? `（${period}）` : ''}：${verdict}，得分 ${score}`,
    newlyMet: '新达标',
    newlyFailed: '新出现的未达标',
    stillOpen: '仍未达标',
    scoreDelta: '得分变化',
    before: '上期',
    after: '本期',
    delta: '变化',
    vetoChanges: '负面工作清单项变化',
    evidence: '证明材料问题',
  },
  en: {
    invalid: 'INVALID',
    summary: 'Summary',
    packs: (n: number) => `${n} pack${n === 1 ? '' : 's'}`,
    worst: 'Areas most in need of attention',
    mostFailed: 'Items most often not met',
    areas: (n: number, total: number) => `${n}/${total} areas`,
    vetoes: 'Negative-list items triggered',
    area: 'Area',
    verdictHead: 'Verdict',
    input: 'Pack',
    open: 'Open items',
    progress: 'Since the last report',
    noBaseline: 'not in the previous report (same standard)',
    baselineFrom: (period: string | undefined, verdict: string, score: string) => `last report${period ? ` (${period})` : ''}: ${verdict}, score ${score}`,
    newlyMet: 'Newly met',
    newlyFailed: 'Newly not met',
    stillOpen: 'Still open',
    scoreDelta: 'Score change',
    before: 'Before',
    after: 'Now',
    delta: 'Change',
    vetoChanges: 'Negative-list changes',
    evidence: 'Evidence problems',
  },
} as const;

export function batchLabels(lang: Lang) {
  return BATCH_LABELS[lang];
}

/** "+12.5 pt" / "−3.0 pt": a change of score in percentage points; "—" when there is nothing to compare. */
export function signedPoints(delta: number | null): string {
  if (delta === null) return '—';
  const pts = Math.round(delta * 1000) / 10;
  return `${pts > 0 ? '+' : pts < 0 ? '−' : '±'}${Math.abs(pts).toFixed(1)} pt`;
}

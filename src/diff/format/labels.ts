import type { Lang } from '../../assess/types.js';
import type { DiffSummary, Direction, Place } from '../types.js';

/** Every word `assess diff` prints, in both languages, in one place. */
const LABELS = {
  zh: {
    noChanges: '无变化',
    draft: '草案，非正式文件',
    summary: (s: DiffSummary) => [
      `新增 ${s.added}`, `删除 ${s.removed}`, `移动 ${s.moved}`, `改写 ${s.reworded}`,
      `阈值 ${s.thresholds.stricter + s.thresholds.looser + s.thresholds.changed}（从严 ${s.thresholds.stricter}，放宽 ${s.thresholds.looser}，其他 ${s.thresholds.changed}）`,
      `其他规则 ${s.rules}`, `责任单位 ${s.responsible}`,
      `负面清单 +${s.negativeList.added} −${s.negativeList.removed} ~${s.negativeList.changed}`,
      `判定规则 ${s.verdictPolicy}`, `事实 +${s.facts.added} −${s.facts.removed} ~${s.facts.redefined}`, `未变 ${s.unchanged}`,
    ].join(' · '),
    title: '标题',
    added: '新增工作标准',
    removed: '删除工作标准',
    moved: '位置变化（项目 / 内容 / 序号，同一 id）',
    reworded: '文字改写（同一 id）',
    thresholds: '阈值变化',
    rules: '其他规则变化',
    responsible: '责任单位变化',
    negativeList: '负面工作清单项（一票否决）',
    lists: '适用的负面清单',
    vetoAdded: '新增否决项',
    vetoRemoved: '删除否决项',
    vetoChanged: '变化的否决项',
    policy: '判定规则',
    factsAdded: '新版本读取、旧版本未读取的事实（填报单位须新采集）',
    factsRemoved: '不再读取的事实',
    factsRedefined: '定义变化的事实',
    renames: '可能的改名（仅为提示，未按此匹配）',
    readBy: '读取于',
    readsAdded: '新读取',
    readsRemoved: '不再读取',
    similarity: '相似度',
    direction: { stricter: '从严', looser: '放宽', changed: '变化' } satisfies Record<Direction, string>,
    policyName: { all_applicable_met: '全部适用项达标', min_score: '得分达到' } as Record<string, string>,
    impact: '对该地区的影响',
    verdict: { pass: '达标', fail: '不达标', veto: '否决' } as Record<string, string>,
    state: { pass: '达标', fail: '未达标', missing: '缺少事实', not_applicable: '不适用', clear: '未触发', triggered: '已触发', absent: '（无此项）' } as Record<string, string>,
    impactLine: (failing: number, missing: number, met: number, collect: number) =>
      [`${failing} 项新未达标`, `${missing} 项新缺少事实`, `${met} 项新达标`, `${collect} 个事实需采集`].join('，'),
    stateChanges: '状态变化的工作标准',
    collect: '需采集的事实',
    columns: ['id', '位置', '之前', '之后', '说明'],
    none: '无',
  },
  en: {
    noChanges: 'no changes',
    draft: 'draft, not an official document',
    summary: (s: DiffSummary) => [
      `${s.added} added`, `${s.removed} removed`, `${s.moved} moved`, `${s.reworded} reworded`,
      `${s.thresholds.stricter + s.thresholds.looser + s.thresholds.changed} thresholds (${s.thresholds.stricter} stricter, ${s.thresholds.looser} looser, ${s.thresholds.changed} other)`,
      `${s.rules} other rule changes`, `${s.responsible} 责任单位 changes`,
      `negative list +${s.negativeList.added} −${s.negativeList.removed} ~${s.negativeList.changed}`,
      `${s.verdictPolicy} verdict policy`, `facts +${s.facts.added} −${s.facts.removed} ~${s.facts.redefined}`, `${s.unchanged} unchanged`,
    ].join(' · '),
    title: 'Title',
    added: 'Added items',
    removed: 'Removed items',
    moved: 'Moved (项目 / 内容 / number changed, same id)',
    reworded: 'Reworded (text changed, same id)',
    thresholds: 'Threshold changes',
    rules: 'Other rule changes',
    responsible: '责任单位 (responsible units) changes',
    negativeList: 'Negative list (veto items)',
    lists: 'Negative lists applied',
    vetoAdded: 'Veto items added',
    vetoRemoved: 'Veto items removed',
    vetoChanged: 'Veto items changed',
    policy: 'Verdict policy',
    factsAdded: 'Facts the new version reads that the old did not (submitters must now collect them)',
    factsRemoved: 'Facts no longer read',
    factsRedefined: 'Facts whose definition changed',
    renames: 'Possible renames (a hint only; not matched)',
    readBy: 'read by',
    readsAdded: 'now reads',
    readsRemoved: 'no longer reads',
    similarity: 'similarity',
    direction: { stricter: 'stricter', looser: 'looser', changed: 'changed' } satisfies Record<Direction, string>,
    policyName: { all_applicable_met: 'every applicable item met', min_score: 'score at least' } as Record<string, string>,
    impact: 'Impact on the area',
    verdict: { pass: 'PASS (达标)', fail: 'FAIL (不达标)', veto: 'VETO (否决)' } as Record<string, string>,
    state: { pass: 'pass', fail: 'fail', missing: 'missing', not_applicable: 'n/a', clear: 'clear', triggered: 'triggered', absent: '(absent)' } as Record<string, string>,
    impactLine: (failing: number, missing: number, met: number, collect: number) =>
      [`${failing} items newly failing`, `${missing} newly missing facts`, `${met} newly met`, `${collect} facts to collect`].join(', '),
    stateChanges: 'Items whose state changes',
    collect: 'Facts to collect',
    columns: ['id', 'place', 'before', 'after', 'why'],
    none: 'none',
  },
};

export type DiffLabels = (typeof LABELS)['zh'];

export function diffLabels(lang: Lang): DiffLabels {
  return LABELS[lang];
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

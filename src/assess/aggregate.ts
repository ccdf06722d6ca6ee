import type { VerdictPolicy } from '../standard/types.js';
import type { AspectScore, ItemResult, VetoResult, Verdict } from './types.js';

/** Score per 项目 and overall: the weighted share of applicable items met (weight defaults to 1). */
export function scoreAspects(items: ItemResult[]): { aspects: AspectScore[]; score: number } {
  const byAspect = new Map<string, ItemResult[]>();
  for (const it of items) {
    const list = byAspect.get(it.aspect);
    if (list) list.push(it);
    else byAspect.set(it.aspect, [it]);
  }
  const aspects = [...byAspect].map(([name, list]) => ({ name, ...tally(list) }));
  const all = tally(items);
  return { aspects: aspects.map(({ weightMet, weightApplicable, ...a }) => a), score: all.score };
}

function tally(items: ItemResult[]) {
  const applicable = items.filter((i) => i.state !== 'not_applicable');
  const met = applicable.filter((i) => i.state === 'pass');
  const weightApplicable = applicable.reduce((s, i) => s + i.weight, 0);
  const weightMet = met.reduce((s, i) => s + i.weight, 0);
  const score = weightApplicable === 0 ? 1 : round(weightMet / weightApplicable);
  return { met: met.length, applicable: applicable.length, score, weightMet, weightApplicable };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/**
 * Any triggered veto → veto (否决), whatever the score. Otherwise the standard's policy:
 * all_applicable_met → any fail or missing item, or any veto whose facts are missing, is 不达标;
 * min_score → 不达标 below the score or with anything missing.
 */
export function decideVerdict(policy: VerdictPolicy, items: ItemResult[], vetoes: VetoResult[], score: number): Verdict {
  if (vetoes.some((v) => v.state === 'triggered')) return 'veto';
  if (vetoes.some((v) => v.state === 'missing')) return 'fail';
  if (items.some((i) => i.state === 'missing')) return 'fail';
  // Part-year (src/assess/period.ts): nothing failed, something not yet due → in_progress (进行中).
  const pending = items.some((i) => i.state === 'pending');
  if (policy.policy === 'min_score') {
    if (score >= (policy.minScore ?? 1)) return 'pass';
    return pending && scoreAspects(items.map((i) => (i.state === 'pending' ? { ...i, state: 'pass' } : i))).score >= (policy.minScore ?? 1) ? 'in_progress' : 'fail';
  }
  if (items.some((i) => i.state === 'fail' || i.state === 'unsupported')) return 'fail';
  return pending ? 'in_progress' : 'pass';
}

import type { VerdictPolicy } from '../standard/types.js';
import type { AspectScore, ItemResult, VetoResult, Verdict } from './types.js';

/** Score per 项目 and overall: the weighted share of applicable items met (weight defaults to 1). */
export function scoreAspects(items: ItemResult[]): { aspects: AspectScore[]; score: number } {
  // One pass, tallying each 项目 (in order of first appearance) and the whole at once; weights
  // are added in item order, as the sums were before, so the scores are the same numbers.
  // A 项目's items stand together in a standard: its tally is looked up only where the 项目
  // changes; the tallies are read back from lists, not by iterating the Map (its iterator and the
  // entries destructured made this one of the larger TurboFan compiles of an area's assessment).
  const names: string[] = [];
  const tallies: Tally[] = [];
  const byName = new Map<string, Tally>();
  const all = new Tally();
  let name: string | undefined;
  let tally: Tally | undefined;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it.aspect !== name || tally === undefined) {
      name = it.aspect;
      tally = tallyOf(names, tallies, name, byName);
    }
    tally.add(it);
    all.add(it);
  }
  const aspects: AspectScore[] = [];
  for (let k = 0; k < names.length; k++) {
    const t = tallies[k];
    aspects.push({ name: names[k], met: t.met, applicable: t.applicable, score: t.score() });
  }
  return { aspects, score: all.score() };
}

/**
 * The tally of a 项目 (a new one, listed, the first time it comes): the last listed, which it
 * nearly always is, else found by name (a standard whose 项目 were interleaved would otherwise be
 * searched through for each item).
 */
function tallyOf(names: string[], tallies: Tally[], name: string, byName: Map<string, Tally>): Tally {
  const last = names.length - 1;
  if (last >= 0 && names[last] === name) return tallies[last];
  let tally = byName.get(name);
  if (tally === undefined) {
    tally = new Tally();
    names.push(name);
    tallies.push(tally);
    byName.set(name, tally);
  }
  return tally;
}

class Tally {
  met = 0;
  applicable = 0;
  weightMet = 0;
  weightApplicable = 0;

  add(item: ItemResult): void {
    if (item.state === 'not_applicable') return;
    this.applicable++;
    this.weightApplicable += item.weight;
    if (item.state === 'pass') {
      this.met++;
      this.weightMet += item.weight;
    }
  }

  score(): number {
    return this.weightApplicable === 0 ? 1 : round(this.weightMet / this.weightApplicable);
  }
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
  // One pass over each list, not a `some` per state (this runs for every area of a batch).
  let vetoMissing = false;
  for (let i = 0; i < vetoes.length; i++) {
    const state = vetoes[i].state;
    if (state === 'triggered') return 'veto';
    if (state === 'missing') vetoMissing = true;
  }
  if (vetoMissing) return 'fail';
  let pending = false;
  let failed = false;
  for (let i = 0; i < items.length; i++) {
    const state = items[i].state;
    if (state === 'missing') return 'fail';
    if (state === 'pending') pending = true;
    else if (state === 'fail' || state === 'unsupported') failed = true;
  }
  // Part-year (src/assess/period.ts): nothing failed, something not yet due → in_progress (进行中).
  if (policy.policy === 'min_score') {
    if (score >= (policy.minScore ?? 1)) return 'pass';
    return pending && scoreAspects(items.map((i) => (i.state === 'pending' ? { ...i, state: 'pass' } : i))).score >= (policy.minScore ?? 1) ? 'in_progress' : 'fail';
  }
  if (failed) return 'fail';
  return pending ? 'in_progress' : 'pass';
}

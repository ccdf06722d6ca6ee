import { assessFacts } from '../assess/assess.js';
import type { AssessResult, ItemResult, Lang, VetoResult } from '../assess/types.js';
import type { FactsFile } from '../facts/types.js';
import type { LoadedStandard } from '../standard/types.js';
import { placeOf, readers } from './standards.js';
import type { FactView, Impact, ImpactSide, StateChange } from './types.js';

/**
 * What a new version does to one area: the area assessed under both (the same `assessFacts` the
 * CLI uses), the items whose state changes, the verdict before and after, and the facts the
 * area must now collect — those the new version finds missing and the old one did not ask for.
 */
export function assessImpact(from: LoadedStandard, to: LoadedStandard, facts: FactsFile, input: string, lang: Lang = 'zh'): Impact {
  const before = assessFacts(from, facts, { lang });
  const after = assessFacts(to, facts, { lang });
  const changes = [...stateChanges(before.items, after.items, 'item'), ...stateChanges(before.vetoes, after.vetoes, 'veto')];
  const count = (test: (c: StateChange) => boolean) => changes.filter(test).length;
  const missingBefore = new Set(missingFacts(before));
  const readBy = readers(to);
  const factsToCollect: FactView[] = [...new Set(missingFacts(after))]
    .filter((p) => !missingBefore.has(p))
    .map((p) => ({ path: p, spec: to.vocabulary[p] ?? null, readBy: readBy.get(p) ?? [] }));
  return {
    input,
    area: after.area,
    ...(after.period !== undefined ? { period: after.period } : {}),
    before: sideOf(before),
    after: sideOf(after),
    changes,
    newlyFailing: count((c) => isFailing(c.after) && !isFailing(c.before)),
    newlyMissing: count((c) => c.after === 'missing' && c.before !== 'missing'),
    newlyMet: count((c) => (c.after === 'pass' || c.after === 'clear') && (c.before === 'fail' || c.before === 'missing' || c.before === 'triggered')),
    factsToCollect,
  };
}

/** Failing for the area: an item not met, or a veto triggered. */
function isFailing(state: StateChange['before']): boolean {
  return state === 'fail' || state === 'triggered';
}

function stateChanges(before: (ItemResult | VetoResult)[], after: (ItemResult | VetoResult)[], kind: 'item' | 'veto'): StateChange[] {
  const old = new Map(before.map((r) => [r.id, r]));
  const out: StateChange[] = [];
  for (const b of after) {
    const a = old.get(b.id);
    if (a && a.state === b.state) continue;
    out.push({ id: b.id, kind, place: place(b), text: b.text, before: a ? a.state : 'absent', after: b.state, explanation: b.explanation });
  }
  const ids = new Set(after.map((r) => r.id));
  for (const a of before) {
    if (!ids.has(a.id)) out.push({ id: a.id, kind, place: place(a), text: a.text, before: a.state, after: 'absent', explanation: '' });
  }
  return out;
}

function place(r: ItemResult | VetoResult) {
  return 'aspect' in r ? placeOf(r) : { aspect: '负面工作清单项', content: null, number: r.number };
}

function missingFacts(r: AssessResult): string[] {
  return [...r.items.flatMap((i) => i.missing), ...r.vetoes.flatMap((v) => v.missing)];
}

function sideOf(r: AssessResult): ImpactSide {
  return {
    verdict: r.verdict,
    score: r.score,
    failed: r.items.filter((i) => i.state === 'fail').length,
    missing: r.items.filter((i) => i.state === 'missing').length,
  };
}

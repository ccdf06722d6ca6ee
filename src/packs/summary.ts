import type { AssessResult, ItemState, Verdict } from '../assess/types.js';

/** A pack that could not be assessed at all (exit 3): what it was and why, in the words of stderr. */
export interface InvalidInput {
  input: string;
  message: string;
}

/** The batch view a district 未保办 reads first: how many passed, who is worst, what fails most. */
export interface BatchSummary {
  total: number;
  byVerdict: Record<Verdict | 'invalid', number>;
  /** The worst areas: vetoed first, then by score, lowest first; passing areas are not listed. */
  worst: { input?: string; area: string; period?: string; verdict: Verdict; score: number; open: number }[];
  /** Items most often not met (fail, missing or unsupported) across the batch. */
  mostFailed: { id: string; aspect: string; content: string | null; number: number; text: string; count: number; states: Partial<Record<ItemState, number>> }[];
  /** Negative-list items triggered anywhere, with how often. */
  vetoes: { id: string; number: number; text: string; count: number }[];
  invalid: InvalidInput[];
}

const NOT_MET: ReadonlySet<ItemState> = new Set(['fail', 'missing', 'unsupported']);

export function summarize(results: AssessResult[], invalid: InvalidInput[] = [], limit = 10): BatchSummary {
  const byVerdict = { pass: 0, fail: 0, veto: 0, invalid: invalid.length };
  for (const r of results) byVerdict[r.verdict]++;

  const rank = (v: Verdict) => (v === 'veto' ? 0 : v === 'fail' ? 1 : 2);
  const worst = results
    .filter((r) => r.verdict !== 'pass')
    .map((r) => ({
      ...(r.input !== undefined ? { input: r.input } : {}),
      area: r.area.name ?? r.input ?? '',
      ...(r.period !== undefined ? { period: r.period } : {}),
      verdict: r.verdict,
      score: r.score,
      open: r.items.filter((i) => NOT_MET.has(i.state)).length,
    }))
    .sort((a, b) => rank(a.verdict) - rank(b.verdict) || a.score - b.score || a.area.localeCompare(b.area))
    .slice(0, limit);

  const items = new Map<string, BatchSummary['mostFailed'][number]>();
  const vetoes = new Map<string, BatchSummary['vetoes'][number]>();
  for (const r of results) {
    for (const i of r.items) {
      if (!NOT_MET.has(i.state)) continue;
      const entry = items.get(i.id) ?? { id: i.id, aspect: i.aspect, content: i.content, number: i.number, text: i.text, count: 0, states: {} };
      entry.count++;
      entry.states[i.state] = (entry.states[i.state] ?? 0) + 1;
      items.set(i.id, entry);
    }
    for (const v of r.vetoes) {
      if (v.state !== 'triggered') continue;
      const entry = vetoes.get(v.id) ?? { id: v.id, number: v.number, text: v.text, count: 0 };
      entry.count++;
      vetoes.set(v.id, entry);
    }
  }
  const byCount = <T extends { count: number; id: string }>(a: T, b: T) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    total: results.length + invalid.length,
    byVerdict,
    worst,
    mostFailed: [...items.values()].sort(byCount).slice(0, limit),
    vetoes: [...vetoes.values()].sort(byCount),
    invalid,
  };
}

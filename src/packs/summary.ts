import type { FailureKind, ProblemRecord } from '../error-words.js';
import { isOpen } from '../assess/open.js';
import type { AssessResult, ItemResult, ItemState, Verdict, VetoResult } from '../assess/types.js';

/** A pack that could not be assessed at all (exit 3): what it was and why, in the words of stderr, and as data. */
export interface InvalidInput {
  input: string;
  message: string;
  /** The file (inside a pack) and line of the first problem, where known; a workbook's also its cell (`事实!D12`). */
  where?: { file: string; line?: number; column?: number; cell?: string };
  /** parse, schema, read, not-found, rule; internal for a fault of weibao's own. */
  kind?: FailureKind;
  /** Each problem with its catalogue id, place and words, in the file's order (error-words.ts). */
  problems?: ProblemRecord[];
}

/** The batch view a district 未保办 reads first: how many passed, who is worst, what fails most. */
export interface BatchSummary {
  total: number;
  /** `in_progress` only once a part-year result (src/assess/period.ts) has been counted. */
  byVerdict: Record<Exclude<Verdict, 'in_progress'> | 'invalid', number> & { in_progress?: number };
  /** The worst areas: vetoed first, then by score, lowest first; passing areas are not listed. */
  worst: { input?: string; area: string; period?: string; verdict: Verdict; score: number; open: number }[];
  /** Items most often not met (fail, missing or unsupported) across the batch. */
  mostFailed: { id: string; aspect: string; content: string | null; number: number; text: string; count: number; states: Partial<Record<ItemState, number>> }[];
  /** Negative-list items triggered anywhere, with how often. */
  vetoes: { id: string; number: number; text: string; count: number }[];
  invalid: InvalidInput[];
}


/**
 * What the summary reads of a result: an AssessResult is one; `summarised` keeps only that (the
 * open items and the triggered vetoes), so a worker thread sends a few hundred bytes, not the
 * whole result, for the summary.
 */
export interface Summarised {
  input?: string;
  area: { name?: string };
  period?: string;
  verdict: Verdict;
  score: number;
  items: Pick<ItemResult, 'id' | 'aspect' | 'content' | 'number' | 'text' | 'state'>[];
  vetoes: Pick<VetoResult, 'id' | 'number' | 'text' | 'state'>[];
}

export function summarised(r: AssessResult): Summarised {
  // Loops and plain literals, not filter/map and spread: this runs once per area of a batch.
  const items: Summarised['items'] = [];
  for (const i of r.items) if (isOpen(i)) items.push({ id: i.id, aspect: i.aspect, content: i.content, number: i.number, text: i.text, state: i.state });
  const vetoes: Summarised['vetoes'] = [];
  for (const v of r.vetoes) if (v.state === 'triggered') vetoes.push({ id: v.id, number: v.number, text: v.text, state: v.state });
  const out: Summarised = { area: r.area.name !== undefined ? { name: r.area.name } : {}, verdict: r.verdict, score: r.score, items, vetoes };
  if (r.input !== undefined) out.input = r.input;
  if (r.period !== undefined) out.period = r.period;
  return out;
}

const rank = (v: Verdict) => (v === 'veto' ? 0 : v === 'fail' ? 1 : 2);
type Worst = BatchSummary['worst'][number];
// localeCompare without locales compares as a new Intl.Collator() does (ECMA-402), but makes that
// collator at every call: once per failing area of a batch, ~1% of a --format csv run's CPU.
// Made at the first tie, not at load: making one costs ~70 M instructions (ICU's collation data),
// ~10 ms of every process and worker thread that loads this module, most of which never rank.
let collator: Intl.Collator | undefined;
const worse = (a: Worst, b: Worst) => rank(a.verdict) - rank(b.verdict) || a.score - b.score || (collator ??= new Intl.Collator()).compare(a.area, b.area);
/** Enough of a result to rank it among the worst (a tie with the last one kept keeps that one, as a stable sort would). */
const candidate = (r: Summarised): Worst => ({ area: r.area.name ?? r.input ?? '', verdict: r.verdict, score: r.score, open: 0 });
const byCount = <T extends { count: number; id: string }>(a: T, b: T) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The summary built one result at a time, so a batch of 38,000 packs need not be held in memory
 * to be summarised: counts, the `limit` worst kept sorted (a stable sort, so ties keep input
 * order as sorting the whole list would), a count per item and veto id.
 */
export class SummaryBuilder {
  private byVerdict: BatchSummary['byVerdict'] = { pass: 0, fail: 0, veto: 0, invalid: 0 };
  private worst: Worst[] = [];
  private items = new Map<string, BatchSummary['mostFailed'][number]>();
  private vetoes = new Map<string, BatchSummary['vetoes'][number]>();
  private invalid: InvalidInput[] = [];
  private results = 0;

  constructor(private readonly limit = 10) {}

  add(r: Summarised): void {
    this.results++;
    this.byVerdict[r.verdict] = (this.byVerdict[r.verdict] ?? 0) + 1;
    if (r.verdict !== 'pass' && !(this.worst.length >= this.limit && worse(this.worst[this.limit - 1], candidate(r)) <= 0)) {
      const w: Worst = {
        ...(r.input !== undefined ? { input: r.input } : {}),
        area: r.area.name ?? r.input ?? '',
        ...(r.period !== undefined ? { period: r.period } : {}),
        verdict: r.verdict,
        score: r.score,
        open: r.items.filter(isOpen).length,
      };
      // Where a stable sort of the list with it at the end would put it: after every one it is not
      // worse than. A few comparisons by halves, not a sort of the whole list for each failing area
      // (a tie in verdict and score goes to the collator).
      let lo = 0;
      for (let hi = this.worst.length; lo < hi; ) {
        const mid = (lo + hi) >> 1;
        if (worse(this.worst[mid], w) <= 0) lo = mid + 1;
        else hi = mid;
      }
      this.worst.splice(lo, 0, w);
      if (this.worst.length > this.limit) this.worst.length = this.limit;
    }
    for (const i of r.items) {
      if (!isOpen(i)) continue;
      const entry = this.items.get(i.id) ?? { id: i.id, aspect: i.aspect, content: i.content, number: i.number, text: i.text, count: 0, states: {} };
      entry.count++;
      entry.states[i.state] = (entry.states[i.state] ?? 0) + 1;
      this.items.set(i.id, entry);
    }
    for (const v of r.vetoes) {
      if (v.state !== 'triggered') continue;
      const entry = this.vetoes.get(v.id) ?? { id: v.id, number: v.number, text: v.text, count: 0 };
      entry.count++;
      this.vetoes.set(v.id, entry);
    }
  }

  addInvalid(bad: InvalidInput): void {
    this.invalid.push(bad);
    this.byVerdict.invalid++;
  }

  summary(): BatchSummary {
    return {
      total: this.results + this.invalid.length,
      byVerdict: { ...this.byVerdict },
      worst: [...this.worst],
      mostFailed: [...this.items.values()].sort(byCount).slice(0, this.limit),
      vetoes: [...this.vetoes.values()].sort(byCount),
      invalid: [...this.invalid],
    };
  }
}

import { isOpen } from '../assess/open.js';
import type { AssessResult, ItemResult, VetoResult } from '../assess/types.js';

/**
 * What a batch keeps of each result for a report laid out at the end (the xlsx workbook, the
 * 整改台账 in html, xlsx and pdf): everything of an open item (why, what to supply, 责任单位) and of
 * a triggered or undecided veto, and of the rest only what a matrix or a count shows — id, place,
 * text, state, units, weight. A met item's reads, values, reasons and evidence, the warnings (on
 * stderr already) and the locations are the bulk of a result and are read only by one area's own
 * report, which a batch of these formats does not print. Formats say so in formats.ts (`slim`).
 */
export function slimmed(r: AssessResult): AssessResult {
  const { locations: _locations, ...rest } = r;
  return { ...rest, warnings: [], items: r.items.map((i) => (isOpen(i) ? i : metItem(i))), vetoes: r.vetoes.map((v) => (v.state === 'clear' ? clearVeto(v) : v)) };
}

function metItem(i: ItemResult): ItemResult {
  return { id: i.id, aspect: i.aspect, content: i.content, number: i.number, text: i.text, state: i.state, reads: [], actual: {}, explanation: '', reasons: [], responsible: i.responsible, missing: [], evidence: [], weight: i.weight };
}

function clearVeto(v: VetoResult): VetoResult {
  return { id: v.id, list: v.list, number: v.number, text: v.text, state: v.state, reads: [], actual: {}, explanation: '', reasons: [], missing: [] };
}

/**
 * One object for every slimmed item that is alike across areas (same standard, id, state and
 * text): 38,600 areas × 70 met items are then 70 objects and 38,600 arrays of pointers, not
 * 2.7 million copies (each result arrives from a worker thread as a copy of its own). Found by
 * standard, then id, then among the few seen with that id — no key string made per item.
 */
export class SlimShare {
  private readonly items = new Map<string, Map<string, ItemResult[]>>();
  private readonly vetoes = new Map<string, Map<string, VetoResult[]>>();

  share(r: AssessResult): AssessResult {
    const items = byId(this.items, `${r.standard.id}@${r.standard.version}`);
    r.items = r.items.map((i) => (isOpen(i) ? i : once(items, i, (a, b) => a.state === b.state && a.text === b.text)));
    r.vetoes = r.vetoes.map((v) => (v.state === 'clear' ? once(byId(this.vetoes, `${v.list.id}@${v.list.version}`), v, (a, b) => a.text === b.text) : v));
    return r;
  }
}

function byId<T>(m: Map<string, Map<string, T[]>>, key: string): Map<string, T[]> {
  let ids = m.get(key);
  if (!ids) m.set(key, (ids = new Map()));
  return ids;
}

function once<T extends { id: string }>(m: Map<string, T[]>, value: T, alike: (a: T, b: T) => boolean): T {
  const seen = m.get(value.id);
  if (!seen) {
    m.set(value.id, [value]);
    return value;
  }
  for (const s of seen) if (alike(s, value)) return s;
  seen.push(value);
  return value;
}

import { isOpen } from './open.js';
import type { AssessResult, ItemResult, VetoResult } from './types.js';

export interface RectificationGroup {
  /** by: responsible → a 责任单位; by: aspect → a 项目 (the item names no unit). */
  by: 'responsible' | 'aspect';
  key: string;
  items: ItemResult[];
}

/**
 * The 整改清单 (rectification list): every open item under each of its 责任单位 — a row with three
 * units appears under each, since each must act. Items whose standard names no unit (all of 长宁's
 * items but those whose text names the acting departments; its document has no 责任单位 column)
 * fall back to their 项目, so nothing is left out. Groups keep the document's order.
 */
export function rectificationGroups(items: ItemResult[]): RectificationGroup[] {
  const units = new Map<string, ItemResult[]>();
  const aspects = new Map<string, ItemResult[]>();
  for (const item of items.filter(isOpen)) {
    if (item.responsible.length) for (const unit of new Set(item.responsible)) push(units, unit, item);
    else push(aspects, item.aspect, item);
  }
  return [
    ...[...units].map(([key, list]) => ({ by: 'responsible' as const, key, items: list })),
    ...[...aspects].map(([key, list]) => ({ by: 'aspect' as const, key, items: list })),
  ];
}

/** Documents still to supply for an open item: what proves the facts it needs. */
export function evidenceToSupply(item: ItemResult): string[] {
  const behind = item.state === 'missing' ? item.missing : item.state === 'fail' ? (item.unmet ?? []) : [];
  const wanted = behind.length ? item.evidence.filter((e) => behind.includes(e.fact)) : item.evidence;
  return [...new Set((wanted.length ? wanted : item.evidence).flatMap((e) => e.documents))];
}

export interface RectificationList {
  input?: string;
  area: AssessResult['area'];
  period?: string;
  standard: AssessResult['standard'];
  verdict: AssessResult['verdict'];
  /** True where no open item names a 责任单位, so the list is grouped by 项目 only. */
  byAspectOnly: boolean;
  /** Negative-list items triggered (or undecided for missing facts): a veto decides the verdict, so it heads the list. */
  vetoes: VetoResult[];
  groups: RectificationGroup[];
}

export function rectificationList(r: AssessResult): RectificationList {
  const groups = rectificationGroups(r.items);
  return {
    ...(r.input !== undefined ? { input: r.input } : {}),
    area: r.area,
    period: r.period,
    standard: r.standard,
    verdict: r.verdict,
    byAspectOnly: groups.every((g) => g.by === 'aspect'),
    vetoes: r.vetoes.filter((v) => v.state !== 'clear'),
    groups,
  };
}

function push(m: Map<string, ItemResult[]>, key: string, item: ItemResult): void {
  const list = m.get(key);
  if (list) list.push(item);
  else m.set(key, [item]);
}

import type { ItemResult } from '../../assess/types.js';

export interface Group {
  /** A 责任单位, or a 项目 where the standard names no unit for the items. */
  key: string;
  items: ItemResult[];
}

export interface Rectification {
  byUnit: Group[];
  byAspect: Group[];
}

/** Still to do: anything not met and not exempt (fail, missing, and states added later such as unsupported). */
export function isOpen(item: ItemResult): boolean {
  return item.state !== 'pass' && item.state !== 'not_applicable';
}

/**
 * The 整改清单: open items under each of their 责任单位 (an item with three units appears under
 * each, since each must act); items whose standard names no unit — all of 长宁, whose document
 * has no 责任单位 column — fall back to their 项目 so nothing is left out. Groups keep the
 * document's order of first appearance.
 */
export function rectification(items: ItemResult[]): Rectification {
  const units = new Map<string, ItemResult[]>();
  const aspects = new Map<string, ItemResult[]>();
  for (const item of items.filter(isOpen)) {
    if (item.responsible.length) for (const unit of new Set(item.responsible)) push(units, unit, item);
    else push(aspects, item.aspect, item);
  }
  const groups = (m: Map<string, ItemResult[]>) => [...m].map(([key, list]) => ({ key, items: list }));
  return { byUnit: groups(units), byAspect: groups(aspects) };
}

function push(m: Map<string, ItemResult[]>, key: string, item: ItemResult): void {
  const list = m.get(key);
  if (list) list.push(item);
  else m.set(key, [item]);
}

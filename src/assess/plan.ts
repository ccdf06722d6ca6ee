import type { CompiledItem, LoadedStandard, StandardItem } from '../standard/types.js';
import { NOT_FOUND, resolveParts } from '../rules/resolve.js';

/**
 * What evaluating an area needs from a standard that depends on the standard alone, worked out
 * once per standard rather than once per area: each item with its compiled rules, and how to
 * read the facts it shows as `actual`. A batch of 2,000 areas otherwise looked up every item's
 * compiled rules by id, split every fact path and asked of every fact name whether
 * Object.prototype has it, 2,000 times over.
 */
export interface ItemPlan {
  item: StandardItem;
  compiled: CompiledItem;
  /** The facts `actual` shows (item.reads), with how each is read. */
  reads: readonly Read[];
  /** `actual` with every key in place (null): a copy takes its shape at once, keys in reads order. */
  template: Record<string, null>;
}

interface Read {
  path: string;
  /** The path split at its dots; undefined for '' (the whole facts object). */
  parts: string[] | undefined;
  /**
   * One segment that Object.prototype does not have: on a plain object (a parsed facts file)
   * one property load finds it, own or absent, as resolveParts would.
   */
  direct: boolean;
}

const plans = new WeakMap<LoadedStandard, { items: readonly StandardItem[]; plan: ItemPlan[] }>();

/** The standard's items, planned (made on first use; made again if a caller swapped its items). */
export function planOf(standard: LoadedStandard): ItemPlan[] {
  const cached = plans.get(standard);
  if (cached && cached.items === standard.items && cached.plan.length === standard.items.length) return cached.plan;
  const plan = standard.items.map((item): ItemPlan => {
    const reads = item.reads.map((path): Read => {
      const parts = path === '' ? undefined : path.split('.');
      return { path, parts, direct: parts !== undefined && parts.length === 1 && !(path in Object.prototype) };
    });
    const template: Record<string, null> = {};
    for (const r of reads) template[r.path] = null;
    return { item, compiled: standard.compiled.get(item.id)!, reads, template };
  });
  plans.set(standard, { items: standard.items, plan });
  return plan;
}

/**
 * Whether a facts object can be read by plain property loads (`direct` reads): it inherits
 * nothing, or only Object.prototype's names, which `direct` excludes. Asked once per area.
 */
export function isPlainFacts(facts: unknown): boolean {
  if (typeof facts !== 'object' || facts === null) return false;
  const proto = Object.getPrototypeOf(facts);
  return proto === Object.prototype || proto === null;
}

/** The values of the facts an item reads, null where absent: the item's `actual`. */
export function actualOf(plan: ItemPlan, facts: unknown, plain: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { ...plan.template };
  const { reads } = plan;
  for (let i = 0; i < reads.length; i++) {
    const r = reads[i];
    let v: unknown;
    if (plain && r.direct) {
      v = (facts as Record<string, unknown>)[r.path];
      if (v === undefined) v = null;
    } else if (r.parts === undefined) v = facts;
    else {
      v = resolveParts(facts, r.parts);
      if (v === NOT_FOUND) v = null;
    }
    out[r.path] = v;
  }
  return out;
}

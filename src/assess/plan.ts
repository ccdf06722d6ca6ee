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
  /** The facts `actual` shows (item.reads). */
  paths: readonly string[];
  /**
   * Every path is one segment that Object.prototype does not have: on a plain object (a parsed
   * facts file) one property load finds each, own or absent, as resolveParts would. Nearly every
   * item of every standard; the others read through resolveParts.
   */
  direct: boolean;
  /** Each path split at its dots; undefined for '' (the whole facts object). */
  parts: readonly (string[] | undefined)[];
}

const plans = new WeakMap<LoadedStandard, { items: readonly StandardItem[]; plan: ItemPlan[] }>();

/** The standard's items, planned (made on first use; made again if a caller swapped its items). */
export function planOf(standard: LoadedStandard): ItemPlan[] {
  const cached = plans.get(standard);
  if (cached && cached.items === standard.items && cached.plan.length === standard.items.length) return cached.plan;
  const plan = standard.items.map((item): ItemPlan => {
    const parts = item.reads.map((path) => (path === '' ? undefined : path.split('.')));
    const direct = item.reads.every((path, i) => parts[i]?.length === 1 && !(path in Object.prototype));
    return { item, compiled: standard.compiled.get(item.id)!, paths: item.reads.slice(), direct, parts };
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
  // Built key by key: a copy of a template (`{ ...template }`) is slower, every item's shape being its own.
  const out: Record<string, unknown> = {};
  const { paths } = plan;
  if (plain && plan.direct) {
    for (let i = 0; i < paths.length; i++) {
      const v = (facts as Record<string, unknown>)[paths[i]];
      out[paths[i]] = v === undefined ? null : v;
    }
    return out;
  }
  for (let i = 0; i < paths.length; i++) {
    const parts = plan.parts[i];
    const v = parts === undefined ? facts : resolveParts(facts, parts);
    out[paths[i]] = v === NOT_FOUND ? null : v;
  }
  return out;
}

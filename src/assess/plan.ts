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
  /** Each path split at its dots; undefined for '' (the whole facts object). */
  parts: readonly (string[] | undefined)[];
  /**
   * Set where every path is one segment that Object.prototype does not have (nearly every item
   * of every standard): `actual` from a plain object (a parsed facts file), one property load a
   * name, own or absent, as resolveParts would find it. The others read through resolveParts.
   */
  direct?: (facts: Record<string, unknown>) => Record<string, unknown>;
}

const plans = new WeakMap<LoadedStandard, { items: readonly StandardItem[]; plan: ItemPlan[] }>();

/** The standard's items, planned (made on first use; made again if a caller swapped its items). */
export function planOf(standard: LoadedStandard): ItemPlan[] {
  const cached = plans.get(standard);
  if (cached && cached.items === standard.items && cached.plan.length === standard.items.length) return cached.plan;
  const plan = standard.items.map((item): ItemPlan => {
    const parts = item.reads.map((path) => (path === '' ? undefined : path.split('.')));
    const direct = item.reads.every((path, i) => parts[i]?.length === 1 && !(path in Object.prototype));
    return { item, compiled: standard.compiled.get(item.id)!, paths: item.reads.slice(), parts, ...(direct ? { direct: reader(item.reads) } : {}) };
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
  if (plain && plan.direct) return plan.direct(facts as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  const { paths } = plan;
  for (let i = 0; i < paths.length; i++) {
    const parts = plan.parts[i];
    const v = parts === undefined ? facts : resolveParts(facts, parts);
    out[paths[i]] = v === NOT_FOUND ? null : v;
  }
  return out;
}

/**
 * `actual` for one item's names as an object literal made for them: `(f) => ({ "a": f["a"] ?? null, … })`.
 * Built key by key in one shared loop, every item's object went through the same megamorphic
 * stores (a dictionary lookup of a facts file's 250+ names, then a map transition, per key) and
 * grew its properties out of line; a copy of a template (`{ ...template }`) was slower still,
 * its copy site as megamorphic. A literal of its own per item has its shape and size fixed and
 * its own inline caches: ~15% less CPU in assessFacts over 2,000 areas and 1.3 KB less
 * allocated per area. The names come from a standard (untrusted when given by path): each is
 * written as JSON.stringify writes it, a JavaScript string literal whatever it holds, and only
 * names Object.prototype lacks get here (no `__proto__` key, which a literal would take for the
 * prototype). `?? null`: absent (undefined) and null both show as null, as resolveParts' NOT_FOUND does.
 */
function reader(names: readonly string[]): (facts: Record<string, unknown>) => Record<string, unknown> {
  const body = names.map((name) => `${JSON.stringify(name)}: f[${JSON.stringify(name)}] ?? null`).join(', ');
  return new Function('f', `return { ${body} };`) as (facts: Record<string, unknown>) => Record<string, unknown>;
}

import { analyseRule } from '../rules/analyse.js';
import type { LoadedStandard, Standard, StandardItem, Vocabulary } from '../standard/types.js';
import { compareRules } from './thresholds.js';
import { diffText, similarity } from './text.js';
import type {
  DiffSummary, FactView, FactsDiff, ItemView, ItemsDiff, Place, PolicyView, RenameHint, Side, StandardDiff,
} from './types.js';

/** Texts at least this alike (share of characters kept) make a removed/added pair a rename hint. */
export const RENAME_HINT_SIMILARITY = 0.6;

/**
 * The structural diff of two versions of a standard, as data. Items are matched by id and only
 * by id: ids are stable and shared across standards precisely so that "the same requirement"
 * is a decision written into the data, not a guess. Same id, different 项目/内容/number → moved;
 * same id, different text → reworded (both can hold); an id on one side only → added or removed.
 * Alike texts under different ids are offered as rename hints and never matched silently.
 */
export function diffStandards(from: LoadedStandard, to: LoadedStandard): StandardDiff {
  const polarity = (s: Standard) => (s.kind === 'negative-list' ? 'veto' : 'met') as 'met' | 'veto';
  const items = diffItems(from.items, to.items, polarity(to));
  const vetoFrom = from.negativeLists.flatMap((l) => l.items);
  const vetoTo = to.negativeLists.flatMap((l) => l.items);
  const negativeList = {
    from: from.negativeLists.map(refOf),
    to: to.negativeLists.map(refOf),
    items: diffItems(vetoFrom, vetoTo, 'veto'),
  };
  const verdictPolicy = samePolicy(from, to) ? null : { from: policyView(from), to: policyView(to) };
  const facts = diffFacts(from, to);
  const renameHints = [...suggestRenames(items.removed, items.added), ...suggestRenames(negativeList.items.removed, negativeList.items.added)];
  const summary = summarise(items, negativeList.items, verdictPolicy !== null, facts);
  const titleChanged = from.title !== to.title;
  const identical = !titleChanged && countChanges(summary) === 0;
  return { schemaVersion: 1, from: sideOf(from), to: sideOf(to), identical, summary, titleChanged, items, negativeList, verdictPolicy, facts, renameHints };
}

/** Diff two item lists by id; `polarity` says how the rules read (met or veto). */
export function diffItems(before: StandardItem[], after: StandardItem[], polarity: 'met' | 'veto'): ItemsDiff {
  const old = new Map(before.map((i) => [i.id, i]));
  const ids = new Set(after.map((i) => i.id));
  const out: ItemsDiff = { added: [], removed: [], moved: [], reworded: [], thresholds: [], rules: [], responsible: [], unchanged: 0 };
  for (const b of after) {
    const a = old.get(b.id);
    if (!a) {
      out.added.push(viewOf(b));
      continue;
    }
    let changed = false;
    const place = placeOf(b);
    if (!samePlace(placeOf(a), place)) {
      out.moved.push({ id: b.id, text: b.text, from: placeOf(a), to: place });
      changed = true;
    }
    if (a.text !== b.text) {
      out.reworded.push({ id: b.id, place, from: a.text, to: b.text, parts: diffText(a.text, b.text) });
      changed = true;
    }
    const fields = [
      ['rule', a.rule, b.rule, polarity],
      ['veto_if', a.vetoIf, b.vetoIf, 'veto'],
      ['applies_if', a.appliesIf, b.appliesIf, 'met'],
    ] as const;
    for (const [field, ra, rb, pol] of fields) {
      const delta = compareRules(ra, rb, pol);
      if (delta.kind === 'same') continue;
      changed = true;
      if (delta.kind === 'thresholds') {
        for (const c of delta.changes) out.thresholds.push({ id: b.id, place, field, ...c });
      } else {
        const readsA = readsOf(ra);
        const readsB = readsOf(rb);
        out.rules.push({
          id: b.id, place, field, from: ra ?? null, to: rb ?? null,
          readsAdded: readsB.filter((r) => !readsA.includes(r)),
          readsRemoved: readsA.filter((r) => !readsB.includes(r)),
        });
      }
    }
    const added = b.responsible.filter((r) => !a.responsible.includes(r));
    const removed = a.responsible.filter((r) => !b.responsible.includes(r));
    if (added.length || removed.length) {
      out.responsible.push({ id: b.id, place, from: a.responsible, to: b.responsible, added, removed });
      changed = true;
    }
    if (!changed) out.unchanged++;
  }
  for (const a of before) if (!ids.has(a.id)) out.removed.push(viewOf(a));
  return out;
}

/**
 * For each removed item, the added item whose text is most alike, if alike enough; each added
 * item is offered once (best pairs first). A hint for the person who maintains the ids.
 */
export function suggestRenames(removed: ItemView[], added: ItemView[]): RenameHint[] {
  const pairs: RenameHint[] = [];
  for (const r of removed) for (const a of added) {
    const s = similarity(r.text, a.text);
    if (s >= RENAME_HINT_SIMILARITY) pairs.push({ removed: r.id, added: a.id, similarity: Math.round(s * 100) / 100 });
  }
  pairs.sort((x, y) => y.similarity - x.similarity || x.removed.localeCompare(y.removed) || x.added.localeCompare(y.added));
  const usedR = new Set<string>();
  const usedA = new Set<string>();
  return pairs.filter((p) => !usedR.has(p.removed) && !usedA.has(p.added) && (usedR.add(p.removed), usedA.add(p.added)));
}

/** Facts each side reads (checklist and negative-list items alike), compared. */
function diffFacts(from: LoadedStandard, to: LoadedStandard): FactsDiff {
  const readA = readers(from);
  const readB = readers(to);
  const view = (path: string, readBy: Map<string, string[]>, vocabulary: Vocabulary): FactView => ({
    path, spec: vocabulary[path] ?? null, readBy: readBy.get(path) ?? [],
  });
  return {
    added: [...readB.keys()].filter((p) => !readA.has(p)).map((p) => view(p, readB, to.vocabulary)),
    removed: [...readA.keys()].filter((p) => !readB.has(p)).map((p) => view(p, readA, from.vocabulary)),
    redefined: [...readB.keys()]
      .filter((p) => readA.has(p) && JSON.stringify(from.vocabulary[p] ?? null) !== JSON.stringify(to.vocabulary[p] ?? null))
      .map((p) => ({ path: p, from: from.vocabulary[p] ?? null, to: to.vocabulary[p] ?? null })),
  };
}

/** fact path → ids of the items reading it, in document order. */
export function readers(s: LoadedStandard): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const item of [...s.items, ...s.negativeLists.flatMap((l) => l.items)]) {
    for (const path of item.reads) out.set(path, [...(out.get(path) ?? []), item.id]);
  }
  return out;
}

function summarise(items: ItemsDiff, vetoes: ItemsDiff, policyChanged: boolean, facts: FactsDiff): DiffSummary {
  const dir = (d: string) => items.thresholds.filter((t) => t.direction === d).length;
  const vetoChanged = new Set([
    ...vetoes.moved, ...vetoes.reworded, ...vetoes.thresholds, ...vetoes.rules, ...vetoes.responsible,
  ].map((c) => c.id)).size;
  return {
    added: items.added.length,
    removed: items.removed.length,
    moved: items.moved.length,
    reworded: items.reworded.length,
    thresholds: { stricter: dir('stricter'), looser: dir('looser'), changed: dir('changed') },
    rules: items.rules.length,
    responsible: items.responsible.length,
    negativeList: { added: vetoes.added.length, removed: vetoes.removed.length, changed: vetoChanged },
    verdictPolicy: policyChanged ? 1 : 0,
    facts: { added: facts.added.length, removed: facts.removed.length, redefined: facts.redefined.length },
    unchanged: items.unchanged,
  };
}

/** Every count of the summary but `unchanged`, added up: 0 means the standards are the same. */
export function countChanges(s: DiffSummary): number {
  return s.added + s.removed + s.moved + s.reworded + s.thresholds.stricter + s.thresholds.looser + s.thresholds.changed +
    s.rules + s.responsible + s.negativeList.added + s.negativeList.removed + s.negativeList.changed + s.verdictPolicy +
    s.facts.added + s.facts.removed + s.facts.redefined;
}

/** The same reader the loader uses for an item's `reads`. */
function readsOf(rule: unknown): string[] {
  return rule === undefined ? [] : analyseRule(rule).reads;
}

function sideOf(s: LoadedStandard): Side {
  return { id: s.id, version: s.version, title: s.title, draft: s.draft, kind: s.kind, items: s.items.length };
}

function refOf(s: Standard): string {
  return `${s.id}@${s.version}`;
}

export function placeOf(i: { aspect: string; content: string | null; number: number }): Place {
  return { aspect: i.aspect, content: i.content, number: i.number };
}

function samePlace(a: Place, b: Place): boolean {
  return a.aspect === b.aspect && a.content === b.content && a.number === b.number;
}

function viewOf(i: StandardItem): ItemView {
  return { id: i.id, ...placeOf(i), text: i.text, responsible: i.responsible, reads: i.reads };
}

function policyView(s: Standard): PolicyView {
  return { policy: s.verdict.policy, minScore: s.verdict.minScore ?? null };
}

function samePolicy(a: Standard, b: Standard): boolean {
  return a.verdict.policy === b.verdict.policy && (a.verdict.minScore ?? null) === (b.verdict.minScore ?? null);
}

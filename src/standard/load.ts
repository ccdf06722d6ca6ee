import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { hint, InputError, pointerOf, problem, RuleError, type InputProblem } from '../errors.js';
import { ruleProblem } from './rule-words.js';
import { mergeVocabularies, sharedVocabulary, toVocabulary } from './vocabulary.js';
import { compileTrackedTree } from '../rules/compile.js';
import { parseRule } from '../rules/tree.js';
import { RuleFault } from './fault.js';
import { readDocument } from '../source/read.js';
import type { Parsed } from '../source/types.js';
import { lintParsed } from './lint.js';
import { readPrebuilt } from './prebuilt.js';
import { isPathRef, resolveBundled } from './registry.js';
import type { CompiledItem, LintProblem, LoadedStandard, RawStandard, Standard, StandardItem } from './types.js';

export type { LintProblem, RawItem, RawStandard } from './types.js';

export interface LoadOptions {
  /** Extra negative lists to apply (id@version or file), on top of those the standard declares. */
  negativeLists?: string[];
}

const cache = new Map<string, LoadedStandard>();

/**
 * Load a standard by `id@version`, bare id (latest) or file path: parse, lint (schema, unique
 * ids, allowlisted operations, every fact in the vocabulary), compile every rule once, and
 * attach the negative lists it declares. Throws InputError listing every problem found.
 */
export async function loadStandard(ref: string, options: LoadOptions = {}): Promise<LoadedStandard> {
  return loadStandardSync(ref, options);
}

// The last bundled standard asked for, by ref and lists: a batch asks once per area, nearly
// always for the same one, and finding it again (ref checked, resolved, the cache key built)
// cost more than the lookup. Bundled refs only: a path is resolved against the working directory.
let last: { ref: string; lists: readonly string[]; loaded: LoadedStandard } | undefined;

export function loadStandardSync(ref: string, options: LoadOptions = {}): LoadedStandard {
  const lists = options.negativeLists ?? [];
  if (last && last.ref === ref && sameList(last.lists, lists)) return last.loaded;
  const path = isPathRef(ref);
  const loaded = loadUncached(path ? resolve(ref) : resolveBundled(ref).file, lists);
  if (!path) last = { ref, lists: lists.slice(), loaded };
  return loaded;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function loadUncached(file: string, lists: readonly string[]): LoadedStandard {
  const key = `${file}|${lists.join(',')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const standard = readStandardFile(file);
  const refs = [...new Set([...standard.negativeListRefs, ...lists])];
  const negativeLists = refs.map((r) => {
    const list = loadStandardSync(r);
    if (list.kind !== 'negative-list') {
      throw new InputError('schema', file, [problem({ expected: 'a negative-list standard', hint: hint('input.fix.negativeList') }, 'input.standard.notNegativeList', { ref: r })]);
    }
    return list;
  });
  const loaded: LoadedStandard = { ...standard, negativeLists, compiled: compileItems(standard.file, standard.kind, standard.items) };
  checkNegativeLists(loaded, negativeLists);
  cache.set(key, loaded);
  return loaded;
}

/**
 * The vocabulary of the standard in `file` as loaded already in this process (with any negative
 * lists), or undefined: what a report needs of a standard the run assessed against, without
 * reading it again.
 */
export function loadedVocabulary(file: string): Standard['vocabulary'] | undefined {
  for (const [key, loaded] of cache) if (key.startsWith(`${file}|`)) return loaded.vocabulary;
  return undefined;
}

/** Parse and check one standard file; no rules are compiled and no negative list is loaded. */
export function readStandardFile(file: string, { prebuilt = true } = {}): Standard {
  const built = prebuilt ? readPrebuilt(file) : undefined;
  if (built) return built;
  const parsed = readDocument(file);
  const { standard, problems } = checkStandard(parsed, file);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length || !standard) throw new InputError('schema', file, errors);
  return standard;
}

/** The lint of a parsed standard, and the standard itself when it has no errors. */
export function checkStandard(parsed: Parsed, file?: string): { standard?: Standard; problems: LintProblem[] } {
  const raw = parsed.value as RawStandard;
  const { problems, reads } = lintParsed(parsed, file);
  if (problems.some((p) => p.severity === 'error')) return { problems };
  const localFacts = toVocabulary(raw.facts);
  const standard: Standard = {
    id: raw.id,
    version: String(raw.version),
    title: raw.title,
    kind: raw.kind,
    source: raw.source,
    draft: raw.draft === true,
    negativeListRefs: raw.negative_lists ?? [],
    verdict: raw.verdict
      ? { policy: raw.verdict.policy, minScore: raw.verdict.min_score, note: raw.verdict.note }
      : { policy: 'all_applicable_met' },
    items: raw.items.map((it, i) => ({
      id: it.id,
      aspect: it.aspect,
      content: it.content ?? null,
      number: it.number,
      ...(it.row !== undefined ? { row: it.row } : {}),
      text: it.text.trim(),
      responsible: it.responsible ?? [],
      weight: it.weight ?? 1,
      appliesIf: it.applies_if,
      rule: it.rule,
      vetoIf: it.veto_if,
      evidence: it.evidence ?? [],
      note: it.note,
      reads: reads[i],
    })),
    vocabulary: mergeVocabularies(sharedVocabulary(), localFacts),
    localFacts,
    file,
  };
  return { standard, problems };
}

/** Every item's rules parsed and compiled once; a rule that throws while evaluating is the standard's fault. */
function compileItems(file: string | undefined, kind: Standard['kind'], items: StandardItem[]): Map<string, CompiledItem> {
  const out = new Map<string, CompiledItem>();
  items.forEach((it, i) => {
    const field = kind === 'negative-list' ? 'veto_if' : 'rule';
    const at = (name: string, rule: unknown) => {
      try {
        return parseRule(rule);
      } catch (e) {
        // A prebuilt or library-made standard skipped lint: say where, as lint would.
        if (e instanceof RuleError) throw new InputError('rule', file, [ruleProblem(e, { pointer: `/items/${i}/${name}${e.pointer}`, hint: hint('input.fix.rule') }, it.id)]);
        throw e;
      }
    };
    const appliesIf = it.appliesIf === undefined ? undefined : at('applies_if', it.appliesIf);
    const test = at(field, it.rule !== undefined ? it.rule : it.vetoIf);
    out.set(it.id, {
      appliesIf: appliesIf && compileTrackedTree(appliesIf, { fault: faultOf(file, it.id, `/items/${i}/applies_if`) }),
      test: compileTrackedTree(test, { fault: faultOf(file, it.id, `/items/${i}/${field}`) }),
      tree: { appliesIf, test },
    });
  });
  return out;
}

function faultOf(file: string | undefined, item: string, pointer: string): (e: unknown) => RuleFault {
  return (e) => new RuleFault(file, item, pointer + (e instanceof RuleError ? e.pointer : ''), e);
}

/**
 * A negative list is read with the standard's facts: one that defines a fact differently (an
 * integer made a string, so `3 == "3"` vetoes) or reuses an item id would change what the
 * standard's own items mean. Both are errors, located in the list's file.
 */
function checkNegativeLists(standard: Standard, lists: LoadedStandard[]): void {
  const facts = new Map<string, { spec: unknown; from: Standard }>();
  for (const [name, spec] of Object.entries(standard.vocabulary)) facts.set(name, { spec, from: standard });
  const ids = new Map<string, Standard>(standard.items.map((it) => [it.id, standard]));
  for (const list of lists) {
    const problems: InputProblem[] = [];
    for (const [name, spec] of Object.entries(list.localFacts)) {
      const known = facts.get(name);
      if (known && !isDeepStrictEqual({ ...(known.spec as object) }, { ...spec })) {
        problems.push(
          problem({ pointer: pointerOf(['facts', name]), expected: `the same definition as ${describe(known.from)}, or a fact of another name`, hint: hint('input.fix.sameFact', { other: refOf(known.from) }) }, 'input.standard.factRedefined', {
            name,
            other: refOf(known.from),
          }),
        );
      } else if (!known) facts.set(name, { spec, from: list });
    }
    list.items.forEach((it, i) => {
      const first = ids.get(it.id);
      if (first) problems.push(problem({ pointer: `/items/${i}/id`, expected: 'an item id used nowhere else in the standard or its negative lists', hint: hint('input.fix.otherId') }, 'input.standard.idUsed', { id: it.id, other: refOf(first) }));
      else ids.set(it.id, list);
    });
    if (problems.length) throw new InputError('schema', list.file, located(list.file, problems));
  }
}

const refOf = (s: Standard) => `${s.id}@${s.version}`;

function describe(s: Standard): string {
  return `${s.kind === 'negative-list' ? 'negative list' : 'standard'} ${s.id}@${s.version}`;
}

/** Line and column for problems found after parsing (the error path only reads the file again). */
function located(file: string | undefined, problems: InputProblem[]): InputProblem[] {
  if (!file) return problems;
  try {
    const parsed = readDocument(file);
    return problems.map((p) => ({ ...p, ...(p.pointer !== undefined ? parsed.locate(p.pointer) : {}) }));
  } catch {
    return problems;
  }
}

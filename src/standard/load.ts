import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, type InputProblem } from '../errors.js';
import { mergeVocabularies, sharedVocabulary, toVocabulary, VOCABULARY_FILE } from '../facts/vocabulary.js';
import type { Vocabulary } from './types.js';
import { compileTracked } from '../rules/compile.js';
import { readDocument } from '../source/read.js';
import type { Parsed } from '../source/types.js';
import { lintParsed } from './lint.js';
import { isPathRef, resolveBundled, STANDARDS_DIR } from './registry.js';
import type { CompiledItem, FactSpec, LoadedStandard, Standard, StandardItem } from './types.js';

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

export function loadStandardSync(ref: string, options: LoadOptions = {}): LoadedStandard {
  const file = isPathRef(ref) ? resolve(ref) : resolveBundled(ref).file;
  const key = `${file}|${(options.negativeLists ?? []).join(',')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const standard = readStandardFile(file);
  const refs = [...new Set([...standard.negativeListRefs, ...(options.negativeLists ?? [])])];
  const negativeLists = refs.map((r) => {
    const list = loadStandardSync(r);
    if (list.kind !== 'negative-list') {
      throw new InputError('schema', file, [{ message: `"${r}" is a ${list.kind}, not a negative list`, expected: 'a negative-list standard' }]);
    }
    return list;
  });
  const loaded: LoadedStandard = { ...standard, negativeLists, compiled: compileItems(standard.items) };
  cache.set(key, loaded);
  return loaded;
}

/** Bundled standards parsed and linted at build time (scripts/prebuild.mjs). */
export const PREBUILT_DIR = fileURLToPath(new URL('../standards/', import.meta.url));

/** dist/standards/<id>@<version>.json for standards/<id>/<version>.yaml. */
export function prebuiltFile(file: string): string {
  return join(PREBUILT_DIR, `${basename(dirname(file))}@${basename(file).replace(/\.yaml$/, '')}.json`);
}

/**
 * A bundled standard as the build left it, if that is newer than its YAML (a checkout with
 * edited standards and no rebuild falls back to the YAML, never to stale rules).
 */
function readPrebuilt(file: string): Standard | undefined {
  if (dirname(dirname(file)) + '/' !== STANDARDS_DIR && dirname(dirname(file)) !== STANDARDS_DIR) return undefined;
  const json = prebuiltFile(file);
  try {
    // The shared vocabulary is merged into it too: an edited vocabulary.yaml makes it stale.
    const built = statSync(json).mtimeMs;
    if (built < statSync(file).mtimeMs || built < statSync(VOCABULARY_FILE).mtimeMs) return undefined;
    const raw = JSON.parse(readFileSync(json, 'utf8')) as Standard;
    // Vocabularies have no prototype (a fact named `constructor` must not be found on Object).
    const vocabulary: Vocabulary = toVocabulary(raw.vocabulary);
    return { ...raw, file, vocabulary, localFacts: toVocabulary(raw.localFacts) };
  } catch {
    return undefined;
  }
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

export interface LintProblem extends InputProblem {
  severity: 'error' | 'warning';
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

const LAZY = { generate: 'lazy' } as const;

function compileItems(items: StandardItem[]): Map<string, CompiledItem> {
  const out = new Map<string, CompiledItem>();
  for (const it of items) {
    out.set(it.id, {
      // lazy: a run over one facts file evaluates each rule once, and should not pay for code generation.
      appliesIf: it.appliesIf === undefined ? undefined : compileTracked(it.appliesIf, LAZY),
      test: compileTracked(it.rule !== undefined ? it.rule : it.vetoIf, LAZY),
    });
  }
  return out;
}

/** The YAML as written (snake_case keys), after the schema check. */
export interface RawStandard {
  id: string;
  version: string;
  title: string;
  kind: 'checklist' | 'negative-list';
  source?: Record<string, string>;
  draft?: boolean;
  negative_lists?: string[];
  verdict?: { policy: 'all_applicable_met' | 'min_score'; min_score?: number; note?: string };
  facts?: Record<string, FactSpec>;
  items: RawItem[];
}

export interface RawItem {
  id: string;
  aspect: string;
  content?: string;
  number: number;
  row?: number;
  text: string;
  responsible?: string[];
  weight?: number;
  applies_if?: unknown;
  rule?: unknown;
  veto_if?: unknown;
  evidence?: { fact: string; documents: string[] }[];
  note?: string;
}

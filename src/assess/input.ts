import { InputError, pointerToken } from '../errors.js';
import { declaredStandard, readFactsSource } from '../facts/load.js';
import { validateFacts } from '../facts/validate.js';
import { emptyList } from '../facts/lists.js';
import type { EvidenceMode } from './evidence.js';
import { DEFAULT_EVIDENCE_LIMITS, packFiles, type EvidenceLimits } from '../source/pack.js';
import { problemLines } from '../error-words.js';
import { DEFAULT_LIMITS, type ParseLimits, type Parsed } from '../source/types.js';
import { loadStandardSync } from '../standard/load.js';
import { DEFAULT_STANDARD } from '../standard/registry.js';
import type { FactsFile } from '../facts/types.js';
import { assessFacts } from './assess.js';
import type { AssessResult, Lang } from './types.js';

export interface AssessInputOptions {
  /** id@version, id (latest) or a standard file; default: the facts file's own `standard`, else changning-demo-street. */
  standard?: string;
  /** Negative lists (id@version) applied besides those the standard declares. */
  negativeLists?: string[];
  /** The language of explanations, findings and warnings (default zh). */
  lang?: Lang;
  /** Data packs: strict (default) = evidence that does not hold makes a met item unsupported; warn = only reported. */
  evidence?: EvidenceMode;
  /** Parsing limits (largest file, depth …); defaults as the CLI's. */
  limits?: Partial<ParseLimits>;
  /** Data packs: how much evidence may be read (one file, a pack in all); defaults as the CLI's. */
  evidenceLimits?: Partial<EvidenceLimits>;
  /** Fill `locations` (line and column of the facts and evidence lists the findings read), for annotations on lines. */
  locations?: boolean;
  /** false: leave `explanation` empty (see assessFacts). */
  explain?: boolean;
  /** A batch's inputs: one with nothing filled in (no area, no period, no fact: an unfilled template) is invalid input, not an area at 0%. */
  refuseBlank?: boolean;
}

/**
 * What `assess <path>` does, as one library call (conftest's runner.Run): a facts file (JSON,
 * YAML, xlsx) or a data pack directory → its result. The standard it declares is resolved and
 * loaded, the facts are validated (InputError with file, line and column otherwise), assessed,
 * and a pack's evidence is checked before scoring; warnings come back on the result, each
 * located in the file. Reads files; prints nothing.
 */
export function assessInput(path: string, options: AssessInputOptions = {}): AssessResult {
  const source = readFactsSource(path, { ...DEFAULT_LIMITS, ...options.limits });
  const named = declaredStandard(source.parsed, source.file);
  let standard;
  try {
    standard = loadStandardSync(options.standard ?? named ?? DEFAULT_STANDARD, { negativeLists: options.negativeLists });
  } catch (e) {
    // An unknown standard named inside the facts file is that file's problem: say where.
    // (Only that one: an unknown negative list is the caller's, not the file's.)
    if (e instanceof InputError && e.kind === 'not-found' && !options.standard && named && e.problems.some((p) => p.message.includes(`"${named}"`) || p.message.includes(`"${named.split('@')[0]}"`))) {
      const at = source.parsed.locate('/standard');
      throw new InputError('not-found', source.file, e.problems.map((p) => ({ ...p, file: source.file, pointer: '/standard', ...at })));
    }
    throw e;
  }
  const { facts, warnings } = validateFacts(source.parsed, standard.vocabulary, source.file, { standard, ...(options.refuseBlank ? { refuseBlank: true } : {}) });
  // Located and in words, without the "警告:" label (whoever prints a warning adds it). A loop
  // onto one kind of list, not map (whose list is of another kind when empty): lists.ts.
  const worded = emptyList<string>();
  for (const w of warnings) worded.push(problemLines({ ...w, file: source.file }, options.lang ?? 'zh').join('\n').replace(/^[^:]*: /, ''));
  const result = assessFacts(standard, facts, {
    lang: options.lang,
    input: path,
    warnings: worded,
    validated: true,
    explain: options.explain,
    // Evidence is checked for data packs only: a lone facts file has no pack to hold its documents.
    ...(source.pack ? { pack: { files: packFiles(source.pack, { ...DEFAULT_EVIDENCE_LIMITS, ...options.evidenceLimits }), mode: options.evidence } } : {}),
  });
  result.file = source.file;
  if (options.locations) result.locations = locationsOf(source.parsed, facts, result);
  return result;
}

/**
 * Where the facts of each finding stand, so a CI annotation can point at the line: the facts an
 * item failed, unsupported or not yet due reads or misses, those a missing item misses, the
 * evidence lists its evidence findings name, the facts a veto not clear reads, and `/facts`
 * (for a finding that reads none). Only
 * these: locating reads the file a second time (recording where every value starts), and a
 * pointer looked up costs as much again — so an area with no finding is not read again at all.
 */
function locationsOf(parsed: Parsed, facts: FactsFile, r: AssessResult): Record<string, { line: number; column: number }> {
  const items = r.items.filter((i) => i.state !== 'pass' && i.state !== 'not_applicable');
  const vetoes = r.vetoes.filter((v) => v.state !== 'clear');
  if (!items.length && !vetoes.length) return {};
  const pointers = new Set<string>(['/facts']);
  // A fact the file does not give has no place of its own (a YAML reader would answer with its parent's).
  const fact = (name: string) => {
    if (Object.hasOwn(facts.facts, name)) pointers.add('/facts/' + pointerToken(name));
  };
  for (const i of items) {
    // A missing item is pointed at by the facts it misses (where the file gives one as null),
    // not by the others it reads: every area of a batch has some, and its reads are up to
    // 267 lookups for lines nobody points at.
    if (i.state !== 'missing') i.reads.forEach(fact);
    i.missing.forEach(fact);
    for (const e of r.evidenceFindings ?? []) {
      if (!e.items.includes(i.id)) continue;
      fact(e.fact);
      if (Object.hasOwn(facts.evidence, e.fact)) pointers.add('/evidence/' + pointerToken(e.fact));
    }
  }
  for (const v of vetoes) v.reads.forEach(fact);
  const out: Record<string, { line: number; column: number }> = {};
  for (const pointer of pointers) {
    const at = parsed.locate(pointer);
    if (at) out[pointer] = { line: at.line, column: at.column };
  }
  return out;
}

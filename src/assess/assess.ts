import type { FactsFile } from '../facts/types.js';
import { validateFacts } from '../facts/validate.js';
import { emptyList } from '../facts/lists.js';
import { evidenceProblem, explain } from '../messages/explain.js';
import { t } from '../messages/catalogue.js';
import { checkEvidence, evidenceReason, type EvidenceMode } from './evidence.js';
import type { PackFiles } from '../source/pack.js';
import type { LoadedStandard } from '../standard/types.js';
import { decideVerdict, scoreAspects } from './aggregate.js';
import { evaluateItems, evaluateVetoes } from './evaluate.js';
import type { AssessResult, EvidenceFinding, Lang } from './types.js';
import { parsePeriod, type Period } from './period.js';
import { evidenceDetail } from '../messages/errno.js';

export interface AssessOptions {
  /** The language of `explanation`, evidence findings and warnings (default zh). */
  lang?: Lang;
  /** Shown as `input` in the result (the file or pack it came from). */
  input?: string;
  warnings?: string[];
  /**
   * The submission has already been through validateFacts (the CLI does so to locate errors in
   * the file). Otherwise it is validated here: a library caller gets the same guarantees.
   */
  validated?: boolean;
  /**
   * A data pack's files: the evidence the facts name is checked between evaluation and scoring
   * (src/assess/evidence.ts), so the score and verdict are made once, on the final states.
   */
  pack?: { files: PackFiles; mode?: EvidenceMode };
  /**
   * false: leave `explanation` empty, for a caller that prints no words or renders `reasons`
   * itself (src/messages/explain.ts). Words cost only for items not met.
   */
  explain?: boolean;
}

/**
 * Assess one area against a loaded standard. Pure: nothing is read or printed (a pack's files
 * come in through `options.pack`). `submission` is a facts file's content (`{ area, period,
 * facts, evidence }`) or the bare facts values; unless `validated`, it is checked against the
 * vocabulary first (InputError, with JSON pointers, on a wrong type: "2" is never taken for a
 * count). evaluate (reasons as data) → evidence → aggregate → words.
 */
export function assessFacts(standard: LoadedStandard, submission: FactsFile | Record<string, unknown>, options: AssessOptions = {}): AssessResult {
  const lang = options.lang ?? 'zh';
  let file = asFactsFile(submission);
  // Copied onto one kind of list, empty or not (lists.ts): every result's warnings are read by the same code.
  const warnings = emptyList<string>();
  if (options.warnings) for (const w of options.warnings) warnings.push(w);
  if (!options.validated) {
    const checked = validateFacts({ value: file, locate: () => undefined }, standard.vocabulary);
    file = checked.facts;
    warnings.push(...checked.warnings.map((w) => w.message));
  }
  let items = evaluateItems(standard, file.facts, periodOf(file.period));
  const vetoes = evaluateVetoes(standard, file.facts);
  let evidenceFindings: EvidenceFinding[] | undefined;
  if (options.pack) {
    const mode = options.pack.mode ?? 'strict';
    const checked = checkEvidence(items, file.evidence, options.pack.files, mode);
    items = checked.items;
    evidenceFindings = checked.findings;
    for (const f of evidenceFindings) {
      f.message = evidenceProblem(evidenceReason(f), lang);
      // What a reader sees is words (the reasons keep the code as data): never EACCES bare.
      if (f.detail !== undefined) f.detail = evidenceDetail(f.detail, lang);
    }
    // strict: a finding no item rests on is still worth a warning; warn: every finding is one.
    for (const f of evidenceFindings) {
      if (mode === 'warn' || !f.items.length) warnings.push(t(lang, 'evidence.warning', { input: options.input, fact: f.fact, message: f.message, items: f.items }));
    }
  }
  const { aspects, score } = scoreAspects(items);
  if (options.explain !== false) {
    for (const i of items) if (i.reasons.length) i.explanation = explain(i.reasons, lang, standard.vocabulary);
    for (const v of vetoes) if (v.reasons.length) v.explanation = explain(v.reasons, lang, standard.vocabulary);
  }
  const verdict = decideVerdict(standard.verdict, items, vetoes, score);
  const about = { id: standard.id, version: standard.version, title: standard.title };
  // Written out rather than spread (`...(input ? { input } : {})`): this runs for every area.
  const result: AssessResult =
    options.input !== undefined
      ? { input: options.input, area: file.area, period: file.period, standard: about, verdict, score, aspects, items, vetoes, warnings }
      : { area: file.area, period: file.period, standard: about, verdict, score, aspects, items, vetoes, warnings };
  if (evidenceFindings) result.evidenceFindings = evidenceFindings;
  return result;
}

// A batch's areas nearly all give the same period: read the last one once.
let lastPeriod: { text: string | undefined; period: Period | undefined } = { text: undefined, period: undefined };

function periodOf(text: string | undefined): Period | undefined {
  if (text !== lastPeriod.text) lastPeriod = { text, period: parsePeriod(text) };
  return lastPeriod.period;
}

function asFactsFile(s: FactsFile | Record<string, unknown>): FactsFile {
  const facts = (s as FactsFile).facts;
  if (facts && typeof facts === 'object' && !Array.isArray(facts)) {
    const f = s as FactsFile;
    const area = f.area ?? {};
    const evidence = f.evidence ?? {};
    // Written out rather than spread (`...(period ? { period } : {})`): this runs for every area.
    if (f.period === undefined || f.period === null) return f.standard !== undefined ? { standard: f.standard, area, facts, evidence } : { area, facts, evidence };
    const period = String(f.period);
    return f.standard !== undefined ? { standard: f.standard, area, period, facts, evidence } : { area, period, facts, evidence };
  }
  return { area: {}, facts: s as Record<string, unknown>, evidence: {} };
}

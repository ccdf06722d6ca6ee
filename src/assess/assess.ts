import type { FactsFile } from '../facts/types.js';
import { validateFacts } from '../facts/validate.js';
import type { LoadedStandard } from '../standard/types.js';
import { decideVerdict, scoreAspects } from './aggregate.js';
import { evaluateItems, evaluateVetoes } from './evaluate.js';
import type { AssessResult, Lang } from './types.js';

export interface AssessOptions {
  lang?: Lang;
  /** Shown as `input` in the result (the file or pack it came from). */
  input?: string;
  warnings?: string[];
  /**
   * The submission has already been through validateFacts (the CLI does so to locate errors in
   * the file). Otherwise it is validated here: a library caller gets the same guarantees.
   */
  validated?: boolean;
}

/**
 * Assess one area against a loaded standard. Pure: nothing is read or printed. `submission` is a
 * facts file's content (`{ area, period, facts, evidence }`) or the bare facts values; unless
 * `validated`, it is checked against the vocabulary first (InputError, with JSON pointers, on a
 * wrong type: "2" is never taken for a count).
 */
export function assessFacts(standard: LoadedStandard, submission: FactsFile | Record<string, unknown>, options: AssessOptions = {}): AssessResult {
  const lang = options.lang ?? 'zh';
  let file = asFactsFile(submission);
  const warnings = [...(options.warnings ?? [])];
  if (!options.validated) {
    const checked = validateFacts({ value: file, locate: () => undefined }, standard.vocabulary);
    file = checked.facts;
    warnings.push(...checked.warnings.map((w) => w.message));
  }
  const items = evaluateItems(standard, file.facts, lang);
  const vetoes = evaluateVetoes(standard, file.facts, lang);
  const { aspects, score } = scoreAspects(items);
  return {
    ...(options.input !== undefined ? { input: options.input } : {}),
    area: file.area,
    period: file.period,
    standard: { id: standard.id, version: standard.version, title: standard.title },
    verdict: decideVerdict(standard.verdict, items, vetoes, score),
    score,
    aspects,
    items,
    vetoes,
    warnings,
  };
}

function asFactsFile(s: FactsFile | Record<string, unknown>): FactsFile {
  const facts = (s as FactsFile).facts;
  if (facts && typeof facts === 'object' && !Array.isArray(facts)) {
    const f = s as FactsFile;
    return {
      ...(f.standard !== undefined ? { standard: f.standard } : {}),
      area: f.area ?? {},
      ...(f.period !== undefined && f.period !== null ? { period: String(f.period) } : {}),
      facts,
      evidence: f.evidence ?? {},
    };
  }
  return { area: {}, facts: s as Record<string, unknown>, evidence: {} };
}

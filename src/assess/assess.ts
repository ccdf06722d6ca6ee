import type { FactsFile } from '../facts/types.js';
import type { LoadedStandard } from '../standard/types.js';
import { decideVerdict, scoreAspects } from './aggregate.js';
import { evaluateItems, evaluateVetoes } from './evaluate.js';
import type { AssessResult, Lang } from './types.js';

export interface AssessOptions {
  lang?: Lang;
  /** Shown as `input` in the result (the file or pack it came from). */
  input?: string;
  warnings?: string[];
}

/**
 * Assess one area against a loaded standard. Pure: `facts` is either a validated FactsFile or
 * a plain `{ facts: {...} }`-shaped object (or the bare facts values), nothing is read or printed.
 */
export function assessFacts(standard: LoadedStandard, submission: FactsFile | Record<string, unknown>, options: AssessOptions = {}): AssessResult {
  const lang = options.lang ?? 'zh';
  const file = asFactsFile(submission);
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
    warnings: options.warnings ?? [],
  };
}

function asFactsFile(s: FactsFile | Record<string, unknown>): FactsFile {
  const facts = (s as FactsFile).facts;
  if (facts && typeof facts === 'object' && !Array.isArray(facts)) {
    const f = s as FactsFile;
    return { area: f.area ?? {}, period: f.period === undefined ? undefined : String(f.period), facts, evidence: f.evidence ?? {}, standard: f.standard };
  }
  return { area: {}, facts: s as Record<string, unknown>, evidence: {} };
}

import type { AssessResult } from '../assess/types.js';
import type { Formatter } from './types.js';

/** The contract's JSON, version 1: stable key order, one object for all inputs. */
export const SCHEMA_VERSION = 1;

export const json: Formatter = (results, options) =>
  JSON.stringify({ schemaVersion: SCHEMA_VERSION, results: results.map(toJson), ...(options?.summary ? { summary: options.summary } : {}) }, null, 2) + '\n';

export function toJson(r: AssessResult) {
  return {
    ...(r.input !== undefined ? { input: r.input } : {}),
    area: r.area,
    period: r.period ?? null,
    standard: r.standard,
    verdict: r.verdict,
    score: r.score,
    aspects: r.aspects,
    items: r.items.map((i) => ({
      id: i.id,
      aspect: i.aspect,
      content: i.content,
      number: i.number,
      text: i.text,
      state: i.state,
      reads: i.reads,
      actual: i.actual,
      explanation: i.explanation,
      responsible: i.responsible,
      missing: i.missing,
      evidence: i.evidence,
      weight: i.weight,
    })),
    vetoes: r.vetoes.map((v) => ({
      id: v.id,
      list: v.list,
      number: v.number,
      text: v.text,
      state: v.state,
      reads: v.reads,
      actual: v.actual,
      explanation: v.explanation,
      missing: v.missing,
    })),
    warnings: r.warnings,
    ...(r.evidenceFindings ? { evidenceFindings: r.evidenceFindings } : {}),
    ...(r.progress ? { progress: r.progress } : {}),
  };
}

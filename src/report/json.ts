import type { AssessResult } from '../assess/types.js';
import { safeJson } from '../text/safe.js';
import type { ReportStream, StreamFormatter, TextFormatter } from './types.js';

/** The contract's JSON, version 1: stable key order, one object for all inputs. */
export const SCHEMA_VERSION = 1;

export const json: TextFormatter = (results, options) => whole(jsonStream(options), results, options?.summary);

/**
 * The same text as JSON.stringify({schemaVersion, results, summary}, null, 2), written as it
 * goes: each result is stringified alone and indented to its place in the array.
 */
export const jsonStream: StreamFormatter = (options) => {
  let n = 0;
  // --compact: the same document without indentation (about half the bytes; a batch of the
  // country is otherwise 4.5 GB). Exactly JSON.stringify({schemaVersion, results, summary}).
  if (options?.compact) {
    const piece = (r: AssessResult) => safeJson(JSON.stringify(toJson(r)));
    const place = (p: unknown) => `${n++ ? ',' : ''}${p as string}`;
    return {
      head: () => `{"schemaVersion":${SCHEMA_VERSION},"results":[`,
      piece,
      place,
      item: (r) => place(piece(r)),
      tail: (summary) => `]${summary ? `,"summary":${safeJson(JSON.stringify(summary))}` : ''}}\n`,
    };
  }
  // Stringified two levels down ([[r]]) so JSON.stringify indents it to its place itself; the
  // brackets around it are cut off (JSON has no raw line break inside a value to re-indent).
  // Names and paths from outside may hold a bidi override or U+2028: escaped (safeJson), the same value.
  const piece = (r: AssessResult) => safeJson(JSON.stringify([[toJson(r)]], null, 2).slice(10, -6));
  const place = (p: unknown) => `${n++ ? ',' : ''}\n    ${p as string}`;
  return {
    head: () => `{\n  "schemaVersion": ${SCHEMA_VERSION},\n  "results": [`,
    piece,
    place,
    item: (r) => place(piece(r)),
    tail: (summary) => `${n ? '\n  ' : ''}]${summary ? `,\n  "summary": ${safeJson(JSON.stringify(summary, null, 2)).replace(/\n/g, '\n  ')}` : ''}\n}\n`,
  };
};

/** A stream's pieces in order, for the whole-array formatter. */
export function whole(stream: ReportStream, results: AssessResult[], summary: Parameters<ReportStream['tail']>[0]): string {
  const items = results.map((r) => stream.item(r)).join('');
  const tail = stream.tail(summary);
  return stream.head() + items + tail;
}

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
      reasons: i.reasons,
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
      reasons: v.reasons,
      missing: v.missing,
    })),
    warnings: r.warnings,
    ...(r.evidenceFindings ? { evidenceFindings: r.evidenceFindings } : {}),
    ...(r.progress ? { progress: r.progress } : {}),
  };
}

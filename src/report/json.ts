import type { AssessResult } from '../assess/types.js';
import { safeJson } from '../text/safe.js';
import { jsonItems } from './json-items.js';
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
    const items = jsonItems(false);
    const piece = (r: AssessResult) => resultParts(r, items, false);
    const separator = () => (n++ ? ',' : '');
    const place = (p: unknown): string[] => [separator(), ...(p as string[])];
    return {
      head: () => `{"schemaVersion":${SCHEMA_VERSION},"results":[`,
      piece,
      place,
      placeBytes: (bytes) => [separator(), bytes],
      item: (r) => place(piece(r)).join(''),
      tail: (summary) => `]${summary ? `,"summary":${safeJson(JSON.stringify(summary))}` : ''}}\n`,
    };
  }
  // A result is two levels down in the document (results[i]), placed in parts (ReportText).
  const items = jsonItems(true);
  const piece = (r: AssessResult) => resultParts(r, items, true);
  const separator = () => (n++ ? ',\n    ' : '\n    ');
  const place = (p: unknown): string[] => [separator(), ...(p as string[])];
  return {
    head: () => `{\n  "schemaVersion": ${SCHEMA_VERSION},\n  "results": [`,
    piece,
    place,
    placeBytes: (bytes) => [separator(), bytes],
    item: (r) => place(piece(r)).join(''),
    tail: (summary) => `${n ? '\n  ' : ''}]${summary ? `,\n  "summary": ${safeJson(JSON.stringify(summary, null, 2)).replace(/\n/g, '\n  ')}` : ''}\n}\n`,
  };
};

/** Items (and vetoes) stringified together: a few dozen kilobytes, well under V8's large-object size. */
const GROUP = 16;

/**
 * A result as JSON.stringify writes it (toJson's shape) in the document — `indented`: with
 * (…, null, 2), two levels down (results[i]); else compact, as a JSON line too — in parts: what
 * comes before `items`, the items and the vetoes a group at a time (json-items.ts writes each),
 * and what comes after. Joined, the parts are that text exactly; apart, none is a large object
 * (ReportText says why). Names and paths from outside may hold a bidi override or U+2028:
 * escaped (safeJson), the same value.
 */
export function resultParts(r: AssessResult, write: ReturnType<typeof jsonItems>, indented: boolean): string[] {
  const before = { ...(r.input !== undefined ? { input: r.input } : {}), area: r.area, period: r.period ?? null, standard: r.standard, verdict: r.verdict, score: r.score, aspects: r.aspects };
  const after = { warnings: r.warnings, ...(r.evidenceFindings ? { evidenceFindings: r.evidenceFindings } : {}), ...(r.progress ? { progress: r.progress } : {}) };
  const text = (value: unknown, depth: number) => (indented ? nested(value, depth) : JSON.stringify(value));
  // The line break before a member (a key of the result, an item) or a closing bracket.
  const br = (depth: number) => (indented ? '\n' + '  '.repeat(depth) : '');
  const head = text(before, 2);
  // `{…, "aspects": […]`, without the line break and brace that close it.
  const parts = [safeJson(head.slice(0, head.length - br(2).length - 1))];
  const list = <T>(key: string, values: T[], one: (value: T) => string) => {
    parts.push(`,${br(3)}"${key}":${indented ? ' ' : ''}[`);
    for (let k = 0; k < values.length; k += GROUP) {
      // `{…},{…}` as they stand in the list, each after its line break.
      let group = '';
      for (let j = k; j < values.length && j < k + GROUP; j++) group += (j ? ',' : '') + br(4) + one(values[j]);
      parts.push(group);
    }
    parts.push(values.length ? `${br(3)}]` : ']');
  };
  list('items', r.items, write.item);
  list('vetoes', r.vetoes, write.veto);
  // `,"warnings": …}`: the rest, from after its opening brace.
  parts.push(',' + safeJson(text(after, 2).slice(1)));
  return parts;
}

/** JSON.stringify(value, null, 2) as it stands `depth` levels down in a document: each line after the first indented 2 × depth more. */
function nested(value: unknown, depth: number): string {
  let wrapped = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Cut the wrapping arrays' brackets and line breaks: d(d + 3) characters before, d(d + 1) after.
  return text.slice(depth * (depth + 3), text.length - depth * (depth + 1));
}

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

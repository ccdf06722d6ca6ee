import type { AssessResult } from '../assess/types.js';
import { safeJson } from '../text/safe.js';
import { jsonItems, type JsonItems } from './json-items.js';
import { Utf8Builder, utf8Of } from './utf8-builder.js';
import type { ReportStream, StreamFormatter, TextFormatter } from './types.js';

/** The contract's JSON, version 1: stable key order, one object for all inputs. */
export const SCHEMA_VERSION = 1;

export const json: TextFormatter = (results, options) => whole(jsonStream(options), results, options?.summary);

/**
 * The same text as JSON.stringify({schemaVersion, results, summary}, null, 2), written as it
 * goes: each result is stringified alone and indented to its place in the array.
 */
export const jsonStream: StreamFormatter = (options, bytesOf) => {
  let n = 0;
  // A result's piece is its UTF-8 (writeResult), written into a buffer of its own (from bytesOf):
  // held, or moved from a worker thread, as it is; only the separator before it is placed in order.
  const out = new Utf8Builder(bytesOf);
  // --compact: the same document without indentation (about half the bytes; a batch of the
  // country is otherwise 4.5 GB). Exactly JSON.stringify({schemaVersion, results, summary}).
  const indented = !options?.compact;
  const items = jsonItems(indented);
  const piece = (r: AssessResult): Uint8Array => {
    writeResult(r, items, indented, out);
    return out.take();
  };
  const separator = indented ? () => (n++ ? ',\n    ' : '\n    ') : () => (n++ ? ',' : '');
  const place = (p: unknown) => [separator(), p as Uint8Array];
  return {
    head: () => (indented ? `{\n  "schemaVersion": ${SCHEMA_VERSION},\n  "results": [` : `{"schemaVersion":${SCHEMA_VERSION},"results":[`),
    piece,
    place,
    placeBytes: place,
    item: (r) => {
      writeResult(r, items, indented, out);
      return separator() + out.takeText();
    },
    tail: indented
      ? (summary) => `${n ? '\n  ' : ''}]${summary ? `,\n  "summary": ${safeJson(JSON.stringify(summary, null, 2)).replace(/\n/g, '\n  ')}` : ''}\n}\n`
      : (summary) => `]${summary ? `,"summary":${safeJson(JSON.stringify(summary))}` : ''}}\n`,
  };
};

/**
 * A result as JSON.stringify writes it (toJson's shape) in the document — `indented`: with
 * (…, null, 2), two levels down (results[i]); else compact, as a JSON line too — written into
 * `out` as UTF-8: what comes before `items`, the items and the vetoes (json-items.ts writes each,
 * mostly from bytes kept), and what comes after. Names and paths from outside may hold a bidi
 * override or U+2028: escaped (safeJson), the same value.
 */
export function writeResult(r: AssessResult, write: JsonItems, indented: boolean, out: Utf8Builder): void {
  // The aspects (an array, as the engine makes them) are written as a list, as the items are; anything else with the rest.
  const listed = Array.isArray(r.aspects);
  // Made as one literal or the other, not spread from conditional parts: the spreads cost more than the
  // rest of the result's head (~8 µs an area under --cpu-prof; the keys and their order are the same).
  const before: Record<string, unknown> =
    r.input !== undefined
      ? { input: r.input, area: r.area, period: r.period ?? null, standard: r.standard, verdict: r.verdict, score: r.score }
      : { area: r.area, period: r.period ?? null, standard: r.standard, verdict: r.verdict, score: r.score };
  if (!listed) before.aspects = r.aspects;
  const text = (value: unknown, depth: number) => (indented ? nested(value, depth) : JSON.stringify(value));
  // The line break before a member (a key of the result, an item) or a closing bracket.
  const br = (depth: number) => (indented ? '\n' + '  '.repeat(depth) : '');
  const head = text(before, 2);
  // `{…, "score": …`, without the line break and brace that close it.
  out.text(safeJson(head.slice(0, head.length - br(2).length - 1)));
  const first = br(4);
  const next = ',' + first;
  const list = <T>(key: string, values: T[], one: (value: T, out: Utf8Builder) => void) => {
    out.ascii(`,${br(3)}"${key}":${indented ? ' ' : ''}[`);
    for (let j = 0; j < values.length; j++) {
      out.ascii(j ? next : first);
      one(values[j], out);
    }
    out.ascii(values.length ? `${br(3)}]` : ']');
  };
  if (listed) list('aspects', r.aspects, write.aspect);
  list('items', r.items, write.item);
  list('vetoes', r.vetoes, write.veto);
  // `,"warnings": …}`: the rest, from after its opening brace; most results' (no warnings) kept.
  if (Array.isArray(r.warnings) && r.warnings.length === 0 && !r.evidenceFindings && !r.progress) return out.bytes(QUIET_END[indented ? 1 : 0]);
  const after = { warnings: r.warnings, ...(r.evidenceFindings ? { evidenceFindings: r.evidenceFindings } : {}), ...(r.progress ? { progress: r.progress } : {}) };
  const rest = text(after, 2);
  // No warnings at all (a result put together by hand): the brace that closes the result.
  out.text(rest === '{}' ? br(2) + '}' : ',' + safeJson(rest.slice(1)));
}

/** How a result without warnings ends, compact and indented. */
const QUIET_END = [utf8Of(',' + JSON.stringify({ warnings: [] }).slice(1)), utf8Of(',' + nested({ warnings: [] }, 2).slice(1))];

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

import type { AssessResult } from '../assess/types.js';
import { jsonItems } from './json-items.js';
import { whole, writeResult } from './json.js';
import { Utf8Builder } from './utf8-builder.js';
import { safeJson } from '../text/safe.js';
import type { Formatter, StreamFormatter } from './types.js';
import type { InvalidInput } from '../packs/summary.js';

/**
 * `--format jsonl` (JSON Lines): one compact line per area — the same result object as an entry
 * of the JSON report's `results` (reasons included) — for loading into a data engine (ClickHouse,
 * DuckDB, Spark, BigQuery read it as is). An input that could not be assessed is a line
 * `{"input", "verdict": "invalid", "message", "where", "kind", "problems"}` after the others, so a
 * load counts every input, and groups them by what was wrong (each problem's catalogue id).
 * No batch summary: the engine computes its own. schemas/report.schema.json defines a line.
 */
export const jsonl: Formatter = (results, options) => whole(jsonlStream(options), results, options.summary);

export const jsonlStream: StreamFormatter = (_options, bytesOf) => {
  // The line as UTF-8 (json.ts writeResult; names and paths from outside escaped by safeJson),
  // written into a buffer of its own (from bytesOf): held, or moved from a worker thread, as it is.
  const items = jsonItems(false);
  const out = new Utf8Builder(bytesOf);
  const line = (r: AssessResult) => {
    writeResult(r, items, false, out);
    out.ascii('\n');
  };
  const piece = (r: AssessResult): Uint8Array => {
    line(r);
    return out.take();
  };
  const place = (p: unknown) => [p as Uint8Array];
  return {
    head: () => '',
    item: (r) => {
      line(r);
      return out.takeText();
    },
    piece,
    place,
    placeBytes: place,
    tailReads: 'invalid',
    tail: (summary) => (summary?.invalid ?? []).map((bad) => safeJson(JSON.stringify(invalidLine(bad))) + '\n').join(''),
  };
};

/** An input that could not be assessed, as its line: the verdict `invalid`, why in words, and where and why as data. */
const invalidLine = ({ input, message, where, kind, problems }: InvalidInput) => ({ input, verdict: 'invalid', message, ...(where ? { where } : {}), ...(kind ? { kind } : {}), ...(problems ? { problems } : {}) });

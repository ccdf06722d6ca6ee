import type { AssessResult } from '../assess/types.js';
import { jsonItems } from './json-items.js';
import { resultParts, whole } from './json.js';
import { safeJson } from '../text/safe.js';
import type { Formatter, StreamFormatter } from './types.js';

/**
 * `--format jsonl` (JSON Lines): one compact line per area — the same result object as an entry
 * of the JSON report's `results` (reasons included) — for loading into a data engine (ClickHouse,
 * DuckDB, Spark, BigQuery read it as is). An input that could not be assessed is a line
 * `{"input", "verdict": "invalid", "message"}` after the others, so a load counts every input.
 * No batch summary: the engine computes its own. schemas/report.schema.json defines a line.
 */
export const jsonl: Formatter = (results, options) => whole(jsonlStream(options), results, options.summary);

export const jsonlStream: StreamFormatter = () => {
  // The line in parts (json.ts resultParts; names and paths from outside escaped by safeJson).
  const items = jsonItems(false);
  const piece = (r: AssessResult) => [...resultParts(r, items, false), '\n'];
  return {
    head: () => '',
    item: (r) => piece(r).join(''),
    piece,
    place: (parts) => parts as string[],
    placeBytes: (bytes) => [bytes],
    tail: (summary) => (summary?.invalid ?? []).map((bad) => safeJson(JSON.stringify({ input: bad.input, verdict: 'invalid', message: bad.message })) + '\n').join(''),
  };
};

import { toJson, whole } from './json.js';
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

export const jsonlStream: StreamFormatter = () => ({
  head: () => '',
  // Names and paths from outside may hold a bidi override or U+2028: escaped (safeJson), the same value.
  item: (r) => safeJson(JSON.stringify(toJson(r))) + '\n',
  piece: (r) => safeJson(JSON.stringify(toJson(r))) + '\n',
  place: (line) => line as string,
  tail: (summary) => (summary?.invalid ?? []).map((bad) => safeJson(JSON.stringify({ input: bad.input, verdict: 'invalid', message: bad.message })) + '\n').join(''),
});

import { evidenceToSupply, rectificationList } from '../../assess/rectification.js';
import { placeOf } from '../labels.js';
import type { AssessResult } from '../../assess/types.js';
import { SCHEMA_VERSION, whole } from '../json.js';
import type { StreamFormatter, TextFormatter } from '../types.js';

/** `--by responsible --format json`: the 整改清单, one entry per input. */
export const rectificationJson: TextFormatter = (results, options) => whole(rectificationJsonStream(options), results, options.summary);

/**
 * The same text as JSON.stringify({schemaVersion, rectification}, null, 2), one entry at a time
 * (indented to its place as the JSON report's results are, src/report/json.ts).
 */
export const rectificationJsonStream: StreamFormatter = () => {
  let n = 0;
  const piece = (r: AssessResult) => JSON.stringify([[entry(r)]], null, 2).slice(10, -6);
  const place = (p: unknown) => `${n++ ? ',' : ''}\n    ${p as string}`;
  return {
    head: () => `{\n  "schemaVersion": ${SCHEMA_VERSION},\n  "rectification": [`,
    piece,
    place,
    item: (r) => place(piece(r)),
    tail: () => `${n ? '\n  ' : ''}]\n}\n`,
    tailReads: 'invalid',
  };
};

function entry(r: AssessResult) {
  const list = rectificationList(r);
  return {
    ...(list.input !== undefined ? { input: list.input } : {}),
    area: list.area,
    period: list.period ?? null,
    standard: list.standard,
    verdict: list.verdict,
    groupedBy: list.byAspectOnly ? 'aspect' : 'responsible',
    vetoes: list.vetoes.map((v) => ({ id: v.id, list: v.list, number: v.number, text: v.text, state: v.state, explanation: v.explanation, reasons: v.reasons })),
    groups: list.groups.map((g) => ({
      by: g.by,
      key: g.key,
      items: g.items.map((i) => ({
        id: i.id,
        aspect: i.aspect,
        place: placeOf(i),
        text: i.text,
        state: i.state,
        explanation: i.explanation,
        reasons: i.reasons,
        missing: i.missing,
        evidence: evidenceToSupply(i),
        responsible: i.responsible,
      })),
    })),
  };
}

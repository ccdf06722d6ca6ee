import { evidenceToSupply, rectificationList } from '../../assess/rectification.js';
import { placeOf } from '../labels.js';
import { SCHEMA_VERSION } from '../json.js';
import type { TextFormatter } from '../types.js';

/** `--by responsible --format json`: the 整改清单, one entry per input. */
export const rectificationJson: TextFormatter = (results) =>
  JSON.stringify(
    {
      schemaVersion: SCHEMA_VERSION,
      rectification: results.map((r) => {
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
      }),
    },
    null,
    2,
  ) + '\n';

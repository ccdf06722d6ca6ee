import { isOpen } from '../../assess/open.js';
import { evidenceToSupply } from '../../assess/rectification.js';
import type { AssessResult, ItemState } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';
import type { Lang } from '../../messages/types.js';
import { areaCells, BOM, row } from '../csv.js';
import { labels, placeOf } from '../labels.js';
import { whole } from '../json.js';
import type { Formatter, StreamFormatter } from '../types.js';

/**
 * `--by responsible --format csv`: the 整改清单 as one row per area × open item × 责任单位 — an
 * item with three units is three rows, since each must act; an item whose standard names no unit
 * is one row with that cell empty (its 项目 is in its own column). A triggered negative-list item
 * is the area's first row. Areas with nothing open have no row. Same encoding as the per-area CSV (src/report/csv.ts): BOM, RFC 4180, formulas defused.
 */
export const rectificationCsv: Formatter = (results, options) => whole(rectificationCsvStream(options), results, options.summary);

/** The same, one area's rows at a time. */
export const rectificationCsvStream: StreamFormatter = ({ lang }) => {
  const piece = (r: AssessResult) => rows(r, lang);
  return { head: () => BOM + header(lang), piece, place: (p) => p as string, item: piece, tail: () => '', tailReads: 'invalid' };
};

function rows(r: AssessResult, lang: Lang): string {
  let out = '';
  const L = labels(lang);
  {
    const area = areaCells(r, lang);
    // A triggered (or undecided) negative-list item decides the verdict: its row comes first.
    for (const v of r.vetoes) {
      if (v.state === 'clear') continue;
      out += row([...area, '', L.vetoHeading, `${L.negativeItem} ${v.number}`, v.id, v.text, L.veto[v.state], v.explanation, v.missing.join('; '), '']);
    }
    for (const item of r.items) {
      if (!isOpen(item)) continue;
      const cells = [item.aspect, placeOf(item), item.id, item.text, stateWord(item.state, lang), item.explanation, item.missing.join('; '), evidenceToSupply(item).join('; ')];
      const units = item.responsible.length ? [...new Set(item.responsible)] : [''];
      for (const unit of units) out += row([...area, unit, ...cells]);
    }
  }
  return out;
}

function header(lang: Lang): string {
  const ids = ['input', 'area', 'code', 'period', 'standard', 'verdict', 'responsible', 'aspect', 'place', 'item', 'text', 'state', 'explanation', 'missingFacts', 'documents'] as const;
  return row(ids.map((id) => t(lang, `batch.csv.${id}`)));
}

function stateWord(state: ItemState, lang: Lang): string {
  return state === 'fail' || state === 'missing' || state === 'unsupported' ? t(lang, `batch.state.${state}`) : state;
}

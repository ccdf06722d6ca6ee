import { Chalk } from 'chalk';
import { evidenceToSupply, rectificationList } from '../../assess/rectification.js';
import { t } from '../../messages/catalogue.js';
import { factsOf, whyOf } from '../facts.js';
import { labels, placeOf } from '../labels.js';
import type { AssessResult } from '../../assess/types.js';
import { whole } from '../json.js';
import type { FormatOptions, StreamFormatter, TextFormatter } from '../types.js';
import { displayWidth, hang, joinFitting, truncate, wrap } from '../width.js';
import { safeText } from '../../text/safe.js';
import { negativeListLine } from './words.js';

/**
 * `--by responsible`: the 整改清单 in a terminal — a triggered veto first (it decides the verdict),
 * then per 责任单位 (else 项目) the open items, why, and what to supply.
 */
export const rectificationTable: TextFormatter = (results, options) => whole(rectificationTableStream(options), results, options.summary);

/** The same, one area at a time (each area's lines stand alone; a line break between areas). */
export const rectificationTableStream: StreamFormatter = (options) => {
  let n = 0;
  const piece = (r: AssessResult) => area(r, options);
  const place = (p: unknown) => `${n++ ? '\n' : ''}${p as string}`;
  return { head: () => '', piece, place, item: (r) => place(piece(r)), tail: () => '', tailReads: 'invalid' };
};

function area(r: AssessResult, options: FormatOptions): string {
  const { lang, color, width } = options;
  const c = new Chalk({ level: color ? 1 : 0 });
  const L = labels(lang);
  const out: string[] = [];
  const under = (text: string) => wrap(text, Math.max(20, width - 6)).map((line) => c.gray(`      ${line}`));
  {
    const facts = factsOf(r, options);
    const list = rectificationList(r);
    for (const line of joinFitting([list.area.name, list.period, `${list.standard.title} (${list.standard.id}@${list.standard.version})`].filter((p): p is string => !!p), ' · ', width)) out.push(c.bold(line));
    if (r.input) for (const line of wrap(safeText(r.input), width)) out.push(c.gray(line));
    out.push(`${t(lang, 'report.rect.tableTitle')} — ${L.verdict[list.verdict]}`, '');
    if (list.vetoes.length) {
      out.push(c.bold(t(lang, 'report.rect.vetoHead')));
      for (const v of list.vetoes) {
        const plain = `  ${L.veto[v.state]} ${L.negativeItem} ${v.number}  `;
        const [first, ...rest] = hang(plain, v.text, width, 6);
        out.push(`  ${c.red(L.veto[v.state])} ${L.negativeItem} ${v.number}  ${first.slice(plain.length)}`, ...rest, ...under(whyOf(v, lang, facts)));
      }
      out.push('');
    } else {
      const clear = negativeListLine(r, lang);
      if (clear) out.push(c.green(clear), '');
    }
    if (!list.groups.length) out.push(t(lang, list.vetoes.length ? 'report.rect.noneElse' : 'report.rect.none'), '');
    if (list.byAspectOnly && list.groups.length) out.push(...wrap(t(lang, 'report.rect.aspectOnly'), width).map((l) => c.gray(l)), '');
    for (const g of list.groups) {
      const head = g.by === 'responsible' ? t(lang, 'report.rect.unitHead', { unit: g.key }) : t(lang, 'report.rect.aspectHead', { aspect: g.key });
      out.push(c.bold(truncate(head, width - 2 - String(g.items.length).length)) + c.gray(`  ${g.items.length}`));
      for (const i of g.items) {
        const prefix = `  ${L.state[i.state]} ${i.aspect} / ${placeOf(i)}  `;
        out.push(`  ${c.red(L.state[i.state])} ${i.aspect} / ${placeOf(i)}  ${truncate(i.text, Math.max(10, width - displayWidth(prefix)))}`);
        out.push(...under(whyOf(i, lang, facts)));
        const docs = evidenceToSupply(i);
        if (docs.length) out.push(...under(t(lang, 'report.rect.supply', { documents: docs })));
      }
      out.push('');
    }
  }
  return out.join('\n');
}

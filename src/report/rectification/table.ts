import { Chalk } from 'chalk';
import { evidenceToSupply, rectificationList } from '../../assess/rectification.js';
import { t } from '../../messages/catalogue.js';
import { labels, placeOf } from '../labels.js';
import type { TextFormatter } from '../types.js';
import { truncate, wrap } from '../width.js';

/**
 * `--by responsible`: the 整改清单 in a terminal — a triggered veto first (it decides the verdict),
 * then per 责任单位 (else 项目) the open items, why, and what to supply.
 */
export const rectificationTable: TextFormatter = (results, { lang, color, width }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const L = labels(lang);
  const out: string[] = [];
  for (const r of results) {
    const list = rectificationList(r);
    out.push(c.bold([list.area.name, list.period, `${list.standard.title} (${list.standard.id}@${list.standard.version})`].filter(Boolean).join(' · ')));
    out.push(`${t(lang, 'report.rect.tableTitle')} — ${L.verdict[list.verdict]}`, '');
    if (list.vetoes.length) {
      out.push(c.bold(t(lang, 'report.rect.vetoHead')));
      for (const v of list.vetoes) {
        out.push(`  ${c.red(L.veto[v.state])} ${L.negativeItem} ${v.number}  ${truncate(v.text, Math.max(20, width - 24))}`);
        for (const line of wrap(v.explanation, Math.max(20, width - 6))) out.push(c.gray(`      ${line}`));
      }
      out.push('');
    }
    if (!list.groups.length) out.push(t(lang, 'report.rect.none'), '');
    if (list.byAspectOnly && list.groups.length) out.push(c.gray(t(lang, 'report.rect.aspectOnly')), '');
    for (const g of list.groups) {
      const head = g.by === 'responsible' ? t(lang, 'report.rect.unitHead', { unit: g.key }) : t(lang, 'report.rect.aspectHead', { aspect: g.key });
      out.push(c.bold(head) + c.gray(`  ${g.items.length}`));
      for (const i of g.items) {
        out.push(`  ${c.red(L.state[i.state])} ${i.aspect} / ${placeOf(i)}  ${truncate(i.text, Math.max(20, width - 24))}`);
        for (const line of wrap(i.explanation, Math.max(20, width - 6))) out.push(c.gray(`      ${line}`));
        const docs = evidenceToSupply(i);
        if (docs.length) for (const line of wrap(t(lang, 'report.rect.supply', { documents: docs }), Math.max(20, width - 6))) out.push(c.gray(`      ${line}`));
      }
      out.push('');
    }
  }
  return out.join('\n');
};

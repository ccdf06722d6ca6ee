import { Chalk } from 'chalk';
import { evidenceToSupply, rectificationList } from '../../assess/rectification.js';
import { labels, placeOf } from '../labels.js';
import type { TextFormatter } from '../types.js';
import { truncate, wrap } from '../width.js';

/** `--by responsible`: the 整改清单 in a terminal — per 责任单位 (else 项目) the open items, why, and what to supply. */
export const rectificationTable: TextFormatter = (results, { lang, color, width }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const L = labels(lang);
  const zh = lang === 'zh';
  const out: string[] = [];
  for (const r of results) {
    const list = rectificationList(r);
    out.push(c.bold([list.area.name, list.period, `${list.standard.title} (${list.standard.id}@${list.standard.version})`].filter(Boolean).join(' · ')));
    out.push(`${zh ? '整改清单' : 'Rectification list'} — ${L.verdict[list.verdict]}`, '');
    if (!list.groups.length) out.push(zh ? '无未达标项。' : 'Nothing open.', '');
    if (list.byAspectOnly && list.groups.length) out.push(c.gray(zh ? '本标准未列责任单位，按项目分组。' : 'This standard names no responsible units: grouped by aspect.'), '');
    for (const g of list.groups) {
      const head = g.by === 'responsible' ? (zh ? '责任单位：' : 'Responsible: ') : zh ? '项目（未列责任单位）：' : 'Aspect (no unit named): ';
      out.push(c.bold(`${head}${g.key}`) + c.gray(`  ${g.items.length}`));
      for (const i of g.items) {
        out.push(`  ${c.red(L.state[i.state])} ${i.aspect} / ${placeOf(i)}  ${truncate(i.text, Math.max(20, width - 24))}`);
        for (const line of wrap(i.explanation, Math.max(20, width - 6))) out.push(c.gray(`      ${line}`));
        const docs = evidenceToSupply(i);
        if (docs.length) out.push(c.gray(`      ${zh ? '需补充材料：' : 'evidence to supply: '}${docs.join('、')}`));
      }
      out.push('');
    }
  }
  return out.join('\n');
};

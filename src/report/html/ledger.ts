import { evidenceToSupply, rectificationGroups } from '../../assess/rectification.js';
import type { AssessResult, ItemResult, Lang } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';
import { labels, placeOf } from '../labels.js';
import { blank, state } from './area.js';
import { escapeHtml as h } from './escape.js';
import { areaTitle, stateLabel } from './words.js';
import { factsOf, whyOf } from '../facts.js';
import type { FormatOptions } from '../types.js';

interface Entry {
  area: number;
  item: ItemResult;
}

interface Group {
  by: 'responsible' | 'aspect';
  key: string;
  entries: Entry[];
}

/**
 * The 整改台账: every area's open items under each 责任单位 (派出所 sees every 街道's items it must
 * act on), by 项目 where the standard names no unit — the same grouping as one area's 整改清单
 * (src/assess/rectification.ts), merged across areas in the order units first appear. Each row has
 * 整改措施 and 完成时限 to fill; with several areas, the area's name links to its report.
 */
export function ledger(results: AssessResult[], anchors: string[] | undefined, lang: Lang, words: Pick<FormatOptions, 'facts'> = {}): string {
  const groups = new Map<string, Group>();
  results.forEach((r, area) => {
    for (const g of rectificationGroups(r.items)) {
      const key = `${g.by}\u0000${g.key}`;
      const group = groups.get(key) ?? { by: g.by, key: g.key, entries: [] };
      for (const item of g.items) group.entries.push({ area, item });
      groups.set(key, group);
    }
  });
  if (!groups.size) return `<p class="none">${h(t(lang, 'pdf.district.ledgerNone'))}</p>`;
  // Units first, then the 项目 fallback, each in the order they first appear.
  const ordered = [...groups.values()].sort((a, b) => (a.by === b.by ? 0 : a.by === 'responsible' ? -1 : 1));
  const L = labels(lang);
  const withArea = results.length > 1;
  const sep = t(lang, 'pdf.list.separator');
  const head =
    `<thead><tr><th class="num">${h(t(lang, 'pdf.problems.no'))}</th>${withArea ? `<th>${h(t(lang, 'pdf.problems.area'))}</th>` : ''}` +
    `<th>${h(t(lang, 'pdf.problems.item'))}</th><th>${h(t(lang, 'pdf.problems.why'))}</th><th>${h(t(lang, 'pdf.problems.measures'))}</th><th>${h(t(lang, 'pdf.problems.deadline'))}</th></tr></thead>`;
  const out = [`<p class="note">${h(t(lang, withArea ? 'pdf.district.ledgerIntro' : 'pdf.problems.byUnitIntro'))}</p>`];
  for (const g of ordered) {
    const title = g.by === 'responsible' ? t(lang, 'pdf.district.unit', { unit: g.key, n: g.entries.length }) : t(lang, 'pdf.district.aspect', { aspect: g.key, n: g.entries.length });
    const rows = g.entries.map(({ area, item }, n) => {
      const r = results[area];
      const name = h(areaTitle(r, lang));
      const docs = evidenceToSupply(item);
      return (
        `<tr class="ledger-row" data-item="${h(item.id)}" data-area="${name}" data-state="${h(item.state)}"><td class="num">${n + 1}</td>` +
        (withArea ? `<td>${anchors ? `<a href="#${h(anchors[area])}">${name}</a>` : name}</td>` : '') +
        `<td>${state(stateLabel(L, item.state), item.state)} <span class="place">${h(item.aspect)} · ${h(placeOf(item))}</span><br>${h(item.text)}</td>` +
        `<td>${h(whyOf(item, lang, factsOf(r, words)) || t(lang, 'pdf.problems.noReason'))}${docs.length ? `<br><span class="muted">${h(t(lang, 'pdf.problems.evidence'))}${lang === 'zh' ? '：' : ': '}${h(docs.join(sep))}</span>` : ''}</td>` +
        `<td class="fill-cell">${blank('cell')}</td><td class="fill-cell">${blank('cell')}</td></tr>`
      );
    });
    out.push(
      `<div class="ledger-group" data-by="${g.by}" data-key="${h(g.key)}"><h3>${h(title)}</h3>`,
      `<table class="ledger${withArea ? ' with-area' : ''}">${head}<tbody>${rows.join('\n')}</tbody></table></div>`,
    );
  }
  return out.join('\n');
}

import type { AssessResult, Lang } from '../../assess/types.js';
import { labels, percent } from '../labels.js';
import { classToken, escapeHtml as h } from './escape.js';
import { areaTitle } from './words.js';

/** Verdicts sort by how bad they are, not alphabetically. */
const SEVERITY: Record<string, number> = { pass: 0, fail: 1, veto: 2 };

/**
 * The district's one page: every area with verdict, score and weakest 项目, each linking to its
 * section. Cells carry `data-sort` keys so the inline script sorts numbers as numbers.
 */
export function overviewTable(results: AssessResult[], anchors: string[], lang: Lang): string {
  const L = labels(lang);
  const rows = results.map((r, i) => {
    const worst = worstAspect(r);
    return (
      `<tr data-verdict="${h(r.verdict)}">` +
      `<td data-sort="${h(areaTitle(r, lang))}"><a href="#${h(anchors[i])}">${h(areaTitle(r, lang))}</a></td>` +
      `<td data-sort="${h(r.period ?? '')}">${h(r.period ?? '')}</td>` +
      `<td data-sort="${SEVERITY[r.verdict] ?? 3}"><span class="verdict-text-${classToken(r.verdict)}">${h(L.verdict[r.verdict] ?? r.verdict)}</span></td>` +
      `<td class="num" data-sort="${r.score}">${percent(r.score)}</td>` +
      `<td data-sort="${worst ? worst.score : 2}">${worst ? `${h(worst.name)} <span class="muted">${percent(worst.score)}</span>` : '<span class="muted">—</span>'}</td>` +
      '</tr>'
    );
  });
  const th = (label: string, type: 'text' | 'number', cls = '') =>
    `<th scope="col" data-type="${type}"${cls ? ` class="${cls}"` : ''}><button type="button">${h(label)}</button></th>`;
  return [
    `<section class="overview-section"><h2>${h(L.html.overview)}</h2>`,
    `<p class="hint muted">${h(L.html.sortHint)}</p>`,
    `<table class="overview sortable"><thead><tr>${th(L.html.area, 'text')}${th(L.html.period, 'text')}${th(L.conclusion, 'number')}${th(L.score, 'number', 'num')}${th(L.html.worstAspect, 'number')}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table></section>`,
  ].join('\n');
}

/** The applicable 项目 with the lowest score; none when every one is fully met. */
export function worstAspect(r: AssessResult): { name: string; score: number } | undefined {
  let worst: { name: string; score: number } | undefined;
  for (const a of r.aspects) if (a.applicable > 0 && a.score < 1 && (!worst || a.score < worst.score)) worst = a;
  return worst && { name: worst.name, score: worst.score };
}

import type { AssessResult, Lang } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';
import type { BatchSummary } from '../../packs/summary.js';
import { labels, percent } from '../labels.js';
import { documentHead, numbered, signOff, type DocumentContext, type Part } from './area.js';
import { classToken, escapeHtml as h } from './escape.js';
import { heatMap } from './heatmap.js';
import { ledger } from './ledger.js';
import { signed } from './progress.js';
import { verdictWord } from './summary.js';
import { formatDate, titleStem } from './titles.js';
import { areaTitle } from './words.js';

/** Verdicts by how bad they are: the overview lists 否决, then 不达标, then 达标. */
const SEVERITY: Record<string, number> = { veto: 0, fail: 1, pass: 2 };

/** The district's order: 否决 → 不达标 → 达标, then by score (lowest first), then as given. */
export function districtOrder(results: AssessResult[]): AssessResult[] {
  return districtIndexOrder(results).map((i) => results[i]);
}

/** The same order as indices into `results`. */
export function districtIndexOrder(results: Pick<AssessResult, 'verdict' | 'score'>[]): number[] {
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (SEVERITY[a.r.verdict] ?? 3) - (SEVERITY[b.r.verdict] ?? 3) || a.r.score - b.r.score || a.i - b.i)
    .map(({ i }) => i);
}

/** What a batch is about, for titles: its one standard, or none when the areas used several. */
export function commonStem(results: AssessResult[]): { stem: string; title: string } | undefined {
  const titles = new Set(results.map((r) => r.standard.title));
  if (titles.size !== 1) return undefined;
  const [title] = titles;
  return { stem: titleStem(title), title };
}

/**
 * The district's view of a batch (issue 17): a summary, the heat map of areas × 项目, every area
 * with verdict and score (sorted worst first, each linking to its report), and the 整改台账 across
 * areas by 责任单位. `results` and `anchors` are already in the district's order.
 */
export function districtDocument(results: AssessResult[], anchors: string[], ctx: DocumentContext, summary: BatchSummary | undefined): string {
  const { lang } = ctx;
  const common = commonStem(results);
  const title = common ? t(lang, 'pdf.title.district', { ...common, areas: results.length }) : t(lang, 'pdf.title.district', { stem: '', title: t(lang, 'pdf.title.empty'), areas: results.length });
  const periods = [...new Set(results.map((r) => r.period).filter(Boolean))].join(t(lang, 'pdf.list.separator'));
  const standards = [...new Set(results.map((r) => `${r.standard.title}（${r.standard.id}@${r.standard.version}）`))].join(t(lang, 'pdf.list.separator'));
  const meta: [string, string | undefined][] = [
    [t(lang, 'pdf.meta.issuer'), ctx.issuer],
    [t(lang, 'pdf.meta.date'), formatDate(ctx.date, lang)],
    [t(lang, 'pdf.meta.period'), periods],
    [t(lang, 'pdf.meta.standard'), standards],
  ];
  const count = (v: string) => results.filter((r) => r.verdict === v).length;
  const invalid = summary?.invalid ?? [];
  const summaryBody = [
    `<p class="district-sentence">${h(t(lang, 'pdf.district.summary', { areas: results.length, veto: count('veto'), fail: count('fail'), pass: count('pass'), invalid: invalid.length }))}</p>`,
    invalid.length ? `<h3>${h(t(lang, 'pdf.district.invalid'))}</h3><ul class="invalid">${invalid.map((i) => `<li><code>${h(i.input)}</code> ${h(i.message)}</li>`).join('')}</ul>` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const parts: Part[] = [
    { heading: t(lang, 'pdf.section.summary'), className: 'summary', body: summaryBody },
    { heading: t(lang, 'pdf.section.heatmap'), className: 'heatmap-section', body: heatMap(results, anchors, lang) },
    { heading: t(lang, 'pdf.section.overview'), className: 'overview-section', body: overviewTable(results, anchors, lang) },
    { heading: t(lang, 'pdf.section.ledger'), className: 'ledger-section', body: ledger(results, anchors, lang, ctx) },
  ];
  return [`<section class="district doc" id="overview">`, documentHead(title, meta), numbered(parts, lang), signOff(lang), '</section>'].join('\n');
}

/**
 * Every area with verdict, score, counts and weakest 项目, worst first; each links to its report.
 * Cells carry `data-sort` keys so the inline script re-sorts numbers as numbers on screen.
 */
export function overviewTable(results: AssessResult[], anchors: string[], lang: Lang): string {
  const L = labels(lang);
  const progress = results.some((r) => r.progress);
  const rows = results.map((r, i) => {
    const worst = worstAspect(r);
    const fail = r.items.filter((x) => x.state === 'fail' || x.state === 'unsupported').length;
    const missing = r.items.filter((x) => x.state === 'missing').length;
    const delta = r.progress?.score.delta ?? null;
    return (
      `<tr data-verdict="${h(r.verdict)}">` +
      `<td data-sort="${h(areaTitle(r, lang))}"><a href="#${h(anchors[i])}">${h(areaTitle(r, lang))}</a></td>` +
      `<td data-sort="${h(r.period ?? '')}">${h(r.period ?? '')}</td>` +
      `<td data-sort="${SEVERITY[r.verdict] ?? 3}"><span class="verdict-text-${classToken(r.verdict)}">${h(verdictWord(r.verdict, lang))}</span></td>` +
      `<td class="num" data-sort="${r.score}">${percent(r.score)}</td>` +
      `<td class="num" data-sort="${fail}">${fail}</td>` +
      `<td class="num" data-sort="${missing}">${missing}</td>` +
      `<td data-sort="${worst ? worst.score : 2}">${worst ? `${h(worst.name)} <span class="muted">${percent(worst.score)}</span>` : '<span class="muted">—</span>'}</td>` +
      (progress ? `<td class="num" data-sort="${delta ?? ''}">${h(signed(delta))}</td>` : '') +
      '</tr>'
    );
  });
  const th = (label: string, type: 'text' | 'number', cls = '') =>
    `<th scope="col" data-type="${type}"${cls ? ` class="${cls}"` : ''}><button type="button">${h(label)}</button></th>`;
  return [
    `<p class="hint muted screen-only">${h(L.html.sortHint)}</p>`,
    `<table class="overview sortable"><thead><tr>${th(t(lang, 'pdf.problems.area'), 'text')}${th(t(lang, 'pdf.meta.period'), 'text')}${th(L.conclusion, 'number')}${th(L.score, 'number', 'num')}` +
      `${th(t(lang, 'pdf.district.open'), 'number', 'num')}${th(t(lang, 'pdf.district.missing'), 'number', 'num')}${th(t(lang, 'pdf.district.worst'), 'number')}` +
      `${progress ? th(t(lang, 'pdf.section.progress'), 'number', 'num') : ''}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}

/** The applicable 项目 with the lowest score; none when every one is fully met. */
export function worstAspect(r: AssessResult): { name: string; score: number } | undefined {
  let worst: { name: string; score: number } | undefined;
  for (const a of r.aspects) if (a.applicable > 0 && a.score < 1 && (!worst || a.score < worst.score)) worst = a;
  return worst && { name: worst.name, score: worst.score };
}

import type { AssessResult, Lang } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';
import { labels, percent, placeOf } from '../labels.js';
import { displayWidth } from '../width.js';
import { escapeHtml as h } from './escape.js';
import { verdictWord } from './summary.js';
import { stateLabel, vetoLabel } from './words.js';

// Named through AssessResult, wherever the shapes are declared.
type Progress = NonNullable<AssessResult['progress']>;
type ItemChange = Progress['newlyMet'][number];

/**
 * 本月进展 (`--baseline`): the 月报's "比上月" in sentences — score and verdict then and now, how
 * many items were newly met, newly failed, still open — then the change per 项目 as a chart and
 * the items of each kind by their place in the standard (their full text is in the 附件).
 */
export function progressSection(r: AssessResult, lang: Lang): string {
  const p = r.progress!;
  if (!p.baseline) return `<p class="progress-none">${h(t(lang, 'pdf.progress.none'))}</p>`;
  const join = t(lang, 'pdf.sentence.join');
  const end = t(lang, 'pdf.sentence.end');
  const before = p.verdict.before ? verdictWord(p.verdict.before, lang) : t(lang, 'pdf.progress.new');
  const after = verdictWord(p.verdict.after, lang);
  const since = p.baseline.period ? t(lang, 'pdf.progress.since', { period: p.baseline.period }) : t(lang, 'pdf.progress.sinceUnknown');
  const sentence = [
    `${since}${lang === 'zh' ? '，' : ', '}${t(lang, 'pdf.progress.score', { before: p.score.before === null ? '—' : percent(p.score.before), after: percent(p.score.after), delta: t(lang, 'pdf.progress.points', { delta: signed(p.score.delta) }) })}`,
    p.verdict.before === p.verdict.after ? t(lang, 'pdf.progress.verdictSame', { verdict: after }) : t(lang, 'pdf.progress.verdict', { before, after }),
    t(lang, 'pdf.progress.counts', { met: p.newlyMet.length, failed: p.newlyFailed.length, open: p.stillOpen.length }),
  ].join(join) + end;
  const L = labels(lang);
  const vetoes = p.vetoes.length
    ? `<p class="veto-changes">${h(
        t(lang, 'pdf.progress.vetoes', {
          list: p.vetoes
            .map((v) => t(lang, 'pdf.progress.vetoChange', { number: v.number, before: v.before ? vetoLabel(L, v.before) : t(lang, 'pdf.progress.new'), after: vetoLabel(L, v.after) }))
            .join(t(lang, 'pdf.list.separator')),
        }) + end,
      )}</p>`
    : '';
  return [
    `<p class="progress-sentence">${h(sentence)}</p>`,
    vetoes,
    changeList('newly-met', t(lang, 'pdf.progress.newlyMet'), p.newlyMet, lang),
    changeList('newly-failed', t(lang, 'pdf.progress.newlyFailed'), p.newlyFailed, lang),
    changeList('still-open', t(lang, 'pdf.progress.stillOpen'), p.stillOpen, lang),
    `<h3>${h(t(lang, 'pdf.progress.chart'))}</h3>`,
    deltaChart(p, lang),
  ]
    .filter(Boolean)
    .join('\n');
}

function changeList(kind: string, title: string, items: ItemChange[], lang: Lang): string {
  const L = labels(lang);
  const entries = items.map(
    (i) =>
      `<li data-item="${h(i.id)}" title="${h(i.text)}">${h(i.aspect)} ${h(placeOf(i))}` +
      (kind === 'still-open' ? '' : `<span class="muted">（${h(i.before ? stateLabel(L, i.before) : t(lang, 'pdf.progress.new'))} → ${h(stateLabel(L, i.after))}）</span>`) +
      '</li>',
  );
  return `<div class="changes" data-kind="${kind}"><span class="k">${h(title)}（${items.length}）${lang === 'zh' ? '：' : ': '}</span>${
    entries.length ? `<ul class="inline">${entries.join('')}</ul>` : `<span class="muted">${h(L.none)}</span>`
  }</div>`;
}

const ROW = 26;
const BAR = 8;
const TRACK = 360;
const TOP = 40;
const PX_PER_COLUMN = 7;

/**
 * Each 项目's score last time (thin grey bar) and now (coloured bar), with the change in points
 * beside it; data attributes carry the numbers so a test can check the drawing against them.
 */
function deltaChart(p: Progress, lang: Lang): string {
  const labelWidth = Math.max(60, ...p.aspects.map((a) => displayWidth(a.name) * PX_PER_COLUMN)) + 12;
  const width = labelWidth + TRACK + 140;
  const height = TOP + p.aspects.length * ROW + 6;
  const title = t(lang, 'pdf.progress.chart');
  const out = [`<svg class="chart delta" role="img" aria-label="${h(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`, `<title>${h(title)}</title>`];
  out.push(`<rect class="bar before" x="${labelWidth}" y="6" width="14" height="4"/><text class="value" x="${labelWidth + 18}" y="12">${h(t(lang, 'pdf.progress.before'))}</text>`);
  out.push(`<rect class="bar after" x="${labelWidth + 70}" y="4" width="14" height="8"/><text class="value" x="${labelWidth + 88}" y="12">${h(t(lang, 'pdf.progress.after'))}</text>`);
  for (const tick of [0, 0.5, 1]) {
    const x = labelWidth + tick * TRACK;
    out.push(`<line class="grid" x1="${x}" y1="${TOP - 8}" x2="${x}" y2="${height - 2}"/><text class="value" x="${x}" y="${TOP - 10}" text-anchor="middle">${tick * 100}%</text>`);
  }
  p.aspects.forEach((a, i) => {
    const y = TOP + i * ROW;
    const delta = a.delta === null ? '—' : signed(a.delta);
    const cls = a.delta === null || a.delta === 0 ? 'same' : a.delta > 0 ? 'up' : 'down';
    out.push(`<g class="row" data-aspect="${h(a.name)}" data-before="${a.before ?? ''}" data-after="${a.after}" data-delta="${a.delta ?? ''}">`);
    out.push(`<text class="label" x="${labelWidth - 8}" y="${y + 14}" text-anchor="end">${h(a.name)}</text>`);
    if (a.before !== null) out.push(`<rect class="bar before" x="${labelWidth}" y="${y + 2}" width="${round(clamp(a.before) * TRACK)}" height="4"/>`);
    out.push(`<rect class="bar after" x="${labelWidth}" y="${y + 8}" width="${round(clamp(a.after) * TRACK)}" height="${BAR}"/>`);
    out.push(`<text class="value delta-${cls}" x="${labelWidth + TRACK + 8}" y="${y + 15}">${h(percent(a.after))}（${h(delta)}）</text>`);
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('\n');
}

/** A change in percentage points: +8.5, −3.0, 0.0. */
export function signed(delta: number | null): string {
  if (delta === null) return '—';
  const points = Math.round(delta * 1000) / 10;
  return `${points > 0 ? '+' : points < 0 ? '−' : ''}${Math.abs(points).toFixed(1)}`;
}

function clamp(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

import type { AspectScore, ItemResult, Lang } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';
import { percent } from '../labels.js';
import { displayWidth } from '../width.js';
import { escapeHtml } from './escape.js';
import { aspectStanding } from './summary.js';

const ROW = 28;
const BAR = 18;
const TRACK = 420;
const TOP = 22;
/** Pixels per terminal column at the chart's 13px label size (a CJK character takes two). */
const PX_PER_COLUMN = 7;

/**
 * The score per 项目 as horizontal bars, drawn here rather than by a charting library: ten bars
 * need no dependency, and the file stays self-contained. Each bar carries its aspect and exact
 * score as data attributes so a test (or a reader's tool) can check the drawing against the data.
 */
export function aspectChart(aspects: AspectScore[], title: string, items: ItemResult[], lang: Lang): string {
  const labelWidth = Math.max(60, ...aspects.map((a) => displayWidth(a.name) * PX_PER_COLUMN)) + 12;
  const width = labelWidth + TRACK + 72;
  const height = TOP + aspects.length * ROW + 8;
  const out: string[] = [];
  out.push(`<svg class="chart" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`);
  out.push(`<title>${escapeHtml(title)}</title>`);
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const x = labelWidth + tick * TRACK;
    out.push(`<line class="grid" x1="${x}" y1="${TOP - 6}" x2="${x}" y2="${height - 4}"/>`);
    out.push(`<text class="value" x="${x}" y="${TOP - 9}" text-anchor="middle">${tick * 100}%</text>`);
  }
  aspects.forEach((a, i) => {
    const y = TOP + i * ROW + (ROW - BAR) / 2;
    // An aspect with nothing applicable scores 1 by definition; grey says it was not tested. One
    // whose every applicable item lacks facts has no score yet: no bar, and 未填报 where the
    // number would stand (a 0% bar reads as failure).
    const standing = aspectStanding(a, items);
    const kind = standing === 'not-applicable' ? 'none-applicable' : standing === 'unreported' ? 'unreported' : a.score >= 1 ? 'full' : 'partial';
    const w = standing === 'unreported' ? 0 : round(clamp(a.score) * TRACK);
    const value = standing === 'unreported' ? t(lang, 'pdf.chart.unreported') : standing === 'not-applicable' ? t(lang, 'pdf.chart.notApplicable') : percent(a.score);
    const label = `${a.name}: ${value} (${a.met}/${a.applicable})`;
    out.push(`<g class="row">`);
    out.push(`<text class="label" x="${labelWidth - 8}" y="${y + BAR - 4}" text-anchor="end">${escapeHtml(a.name)}</text>`);
    out.push(`<rect class="track" x="${labelWidth}" y="${y}" width="${TRACK}" height="${BAR}"/>`);
    out.push(
      `<rect class="bar ${kind}" x="${labelWidth}" y="${y}" width="${w}" height="${BAR}" data-aspect="${escapeHtml(a.name)}" data-score="${a.score}" data-met="${a.met}" data-applicable="${a.applicable}" data-standing="${standing}"><title>${escapeHtml(label)}</title></rect>`,
    );
    out.push(`<text class="value${standing === 'scored' ? '' : ` ${standing}`}" x="${labelWidth + TRACK + 6}" y="${y + BAR - 4}">${escapeHtml(value)}</text>`);
    out.push(`</g>`);
  });
  out.push('</svg>');
  return out.join('\n');
}

/** Full width of the bar track, for readers that check bars against scores. */
export const CHART_TRACK_WIDTH = TRACK;

function clamp(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

import type { AspectScore } from '../../assess/types.js';
import { percent } from '../labels.js';
import { displayWidth } from '../width.js';
import { escapeHtml } from './escape.js';

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
export function aspectChart(aspects: AspectScore[], title: string): string {
  const labelWidth = Math.max(60, ...aspects.map((a) => displayWidth(a.name) * PX_PER_COLUMN)) + 12;
  const width = labelWidth + TRACK + 64;
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
    const w = round(clamp(a.score) * TRACK);
    // An aspect with nothing applicable scores 1 by definition; grey says it was not tested.
    const kind = a.applicable === 0 ? 'none-applicable' : a.score >= 1 ? 'full' : 'partial';
    const label = `${a.name}: ${percent(a.score)} (${a.met}/${a.applicable})`;
    out.push(`<g class="row">`);
    out.push(`<text class="label" x="${labelWidth - 8}" y="${y + BAR - 4}" text-anchor="end">${escapeHtml(a.name)}</text>`);
    out.push(`<rect class="track" x="${labelWidth}" y="${y}" width="${TRACK}" height="${BAR}"/>`);
    out.push(
      `<rect class="bar ${kind}" x="${labelWidth}" y="${y}" width="${w}" height="${BAR}" data-aspect="${escapeHtml(a.name)}" data-score="${a.score}" data-met="${a.met}" data-applicable="${a.applicable}"><title>${escapeHtml(label)}</title></rect>`,
    );
    out.push(`<text class="value" x="${labelWidth + TRACK + 6}" y="${y + BAR - 4}">${percent(a.score)}</text>`);
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

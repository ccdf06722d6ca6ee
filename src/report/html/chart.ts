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
  const frame = frameOf(aspects, lang);
  let out = `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" ${frame.size}>\n<title>${escapeHtml(title)}</title>\n${frame.grid}`;
  for (let i = 0; i < aspects.length; i++) {
    const a = aspects[i];
    // An aspect with nothing applicable scores 1 by definition; grey says it was not tested. One
    // whose every applicable item lacks facts has no score yet: no bar, and 未填报 where the
    // number would stand (a 0% bar reads as failure).
    const standing = aspectStanding(a, items);
    // A row is drawn from its 项目's numbers alone: most areas' rows are one of a few (5/5 met).
    const key = `${standing}\u0000${a.score}\u0000${a.met}\u0000${a.applicable}`;
    const rows = frame.rows[i];
    let row = rows.get(key);
    if (row === undefined) {
      if (rows.size >= MAX_ROWS) rows.clear();
      rows.set(key, (row = chartRow(a, i, standing, frame.labelWidth, lang)));
    }
    out += row;
  }
  return out + '</svg>';
}

interface Frame {
  labelWidth: number;
  /** `width="…" height="…" viewBox="…"` */
  size: string;
  /** The grid lines and their percentages, each line ending in a newline. */
  grid: string;
  /** By 项目 (in order): its rows drawn so far, by its numbers. */
  rows: Map<string, string>[];
}

/** Rows kept at most per 项目 (then begun again). */
const MAX_ROWS = 256;

/** What a chart's drawing takes from the standard alone (its 项目's names and count), kept by them. */
const frames = new Map<string, Frame>();

function frameOf(aspects: AspectScore[], lang: Lang): Frame {
  let key = lang as string;
  for (const a of aspects) key += '\u0000' + a.name;
  let frame = frames.get(key);
  if (frame) return frame;
  const labelWidth = Math.max(60, ...aspects.map((a) => displayWidth(a.name) * PX_PER_COLUMN)) + 12;
  const width = labelWidth + TRACK + 72;
  const height = TOP + aspects.length * ROW + 8;
  let grid = '';
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const x = labelWidth + tick * TRACK;
    grid += `<line class="grid" x1="${x}" y1="${TOP - 6}" x2="${x}" y2="${height - 4}"/>\n`;
    grid += `<text class="value" x="${x}" y="${TOP - 9}" text-anchor="middle">${tick * 100}%</text>\n`;
  }
  if (frames.size >= MAX_FRAMES) frames.clear();
  frame = { labelWidth, size: `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`, grid, rows: aspects.map(() => new Map()) };
  frames.set(key, frame);
  return frame;
}

/** Standards' charts kept at most (then begun again). */
const MAX_FRAMES = 64;

/** One 项目's bar, its name and its number, each line ending in a newline. */
function chartRow(a: AspectScore, i: number, standing: ReturnType<typeof aspectStanding>, labelWidth: number, lang: Lang): string {
  const y = TOP + i * ROW + (ROW - BAR) / 2;
  const kind = standing === 'not-applicable' ? 'none-applicable' : standing === 'unreported' ? 'unreported' : a.score >= 1 ? 'full' : 'partial';
  const w = standing === 'unreported' ? 0 : round(clamp(a.score) * TRACK);
  const value = standing === 'unreported' ? t(lang, 'pdf.chart.unreported') : standing === 'not-applicable' ? t(lang, 'pdf.chart.notApplicable') : percent(a.score);
  const label = `${a.name}: ${value} (${a.met}/${a.applicable})`;
  return [
    `<g class="row">`,
    `<text class="label" x="${labelWidth - 8}" y="${y + BAR - 4}" text-anchor="end">${escapeHtml(a.name)}</text>`,
    `<rect class="track" x="${labelWidth}" y="${y}" width="${TRACK}" height="${BAR}"/>`,
    `<rect class="bar ${kind}" x="${labelWidth}" y="${y}" width="${w}" height="${BAR}" data-aspect="${escapeHtml(a.name)}" data-score="${a.score}" data-met="${a.met}" data-applicable="${a.applicable}" data-standing="${standing}"><title>${escapeHtml(label)}</title></rect>`,
    `<text class="value${standing === 'scored' ? '' : ` ${standing}`}" x="${labelWidth + TRACK + 6}" y="${y + BAR - 4}">${escapeHtml(value)}</text>`,
    `</g>`,
    '',
  ].join('\n');
}

/** Full width of the bar track, for readers that check bars against scores. */
export const CHART_TRACK_WIDTH = TRACK;

function clamp(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

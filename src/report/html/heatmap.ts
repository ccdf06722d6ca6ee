import type { AssessResult, Lang } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';
import { displayWidth } from '../width.js';
import { escapeHtml as h } from './escape.js';
import { aspectStanding } from './summary.js';

/**
 * ColorBrewer RdYlBu (5 classes): diverging red → yellow → blue, one of the schemes ColorBrewer
 * marks safe for colour-blind readers, and the number is printed in every cell anyway. Bins are
 * upper bounds of the score; 100% gets its own (darkest blue) class, since only it is 达标.
 */
export const BINS: { below: number; fill: string; ink: string }[] = [
  { below: 0.6, fill: '#d7191c', ink: '#ffffff' },
  { below: 0.8, fill: '#fdae61', ink: '#101828' },
  { below: 0.9, fill: '#ffffbf', ink: '#101828' },
  { below: 1, fill: '#abd9e9', ink: '#101828' },
  { below: Infinity, fill: '#2c7bb6', ink: '#ffffff' },
];

const CELL_W = 58;
const CELL_H = 26;
const PX_PER_COLUMN = 7;

export function binOf(score: number) {
  return BINS.find((b) => score < b.below)!;
}

/** What the heat map shows of an area: its name, verdict and total, and each 项目 as `[name, score or null, standing]` (aspectStanding). */
export interface HeatRow {
  title: string;
  verdict: string;
  score: number;
  aspects: [string, number | null, string][];
}

/** Each of the area's 项目 as the heat map shows it (a score only where something in it was measured). */
export function heatCells(r: AssessResult): HeatRow['aspects'] {
  return r.aspects.map((a) => {
    const standing = aspectStanding(a, r.items);
    return [a.name, standing === 'scored' ? a.score : null, standing];
  });
}

/**
 * Rows a drawing: the heat map is drawn as a column of drawings of this many rows each, which
 * read as one (the same width and scale, no gap, each drawing's viewBox the part of the map it
 * holds): a district's view is printed in parts (pdf/split.ts) and can be cut only between
 * drawings — one drawing of 38,600 rows was ~100 MB of html in one print. About half an A4 page
 * (a page holds ~40 rows at the print's width), so a page ends at most half a block short.
 */
export const ROWS_A_BLOCK = 20;

/**
 * The district's one picture: areas (rows, in the overview's order) × 项目 (columns, `aspects`: in
 * the standard's order) and a total column, each cell the score in % on a colour of its bin;
 * 未填报 hatched grey, 不适用 left blank. Row labels link to each area's report. Drawn here as SVG
 * (issue 17): a grid of rects needs no charting library. In pieces, a row at a time (`rows`:
 * `count` of them, each with its anchor), in drawings of ROWS_A_BLOCK rows, the column heads over
 * the first; `widest`: the display width of the longest area name.
 */
export function* heatMap(aspects: string[], widest: number, count: number, rows: Iterable<[HeatRow, string]>, lang: Lang): Generator<string> {
  const labelWidth = Math.max(80, widest * PX_PER_COLUMN) + 12;
  const headerHeight = Math.max(...aspects.map((a) => displayWidth(a)), 4) * PX_PER_COLUMN + 12;
  const columns = [...aspects, t(lang, 'pdf.district.total')];
  const width = labelWidth + columns.length * CELL_W + 4;
  const title = t(lang, 'pdf.section.heatmap');
  const blocks = Math.max(1, Math.ceil(count / ROWS_A_BLOCK));
  /** Block b's drawing opened: the rows it holds, its own hatch (an id a print of its own can hold). */
  const open = (b: number) => {
    const top = b === 0 ? 0 : headerHeight + b * ROWS_A_BLOCK * CELL_H;
    const bottom = headerHeight + Math.min(count, (b + 1) * ROWS_A_BLOCK) * CELL_H + (b === blocks - 1 ? 4 : 0);
    const height = bottom - top;
    return [
      `<svg class="heatmap" role="img" aria-label="${h(title)}" width="${width}" height="${height}" viewBox="0 ${top} ${width} ${height}">`,
      `<title>${h(title)}</title>`,
      `<defs><pattern id="${hatch(b)}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#eaecf0"/><line x1="0" y1="0" x2="0" y2="6" stroke="#98a2b3" stroke-width="2"/></pattern></defs>`,
    ].join('\n');
  };
  const out = [open(0)];
  columns.forEach((name, c) => {
    // Column heads stand upright (rotated), so ten 项目 fit the A4 type area.
    const x = labelWidth + c * CELL_W + CELL_W / 2 + 4;
    out.push(`<text class="col" x="${x}" y="${headerHeight - 6}" transform="rotate(-90 ${x} ${headerHeight - 6})">${h(name)}</text>`);
  });
  yield out.join('\n');
  let row = 0;
  for (const [r, anchor] of rows) {
    const block = Math.floor(row / ROWS_A_BLOCK);
    if (row > 0 && row % ROWS_A_BLOCK === 0) {
      // Closed as a piece of its own and the next opened in the next: the view may be cut here.
      yield '\n</svg>';
      yield '\n' + open(block);
    }
    yield '\n' + heatRow(r, anchor, headerHeight + row++ * CELL_H, `url(#${hatch(block)})`, labelWidth, aspects, columns[columns.length - 1], lang);
  }
  yield '\n</svg>\n' + legend(lang);
}

/**
 * An area's row of the heat map at height `y`, `fill` its drawing's hatch. A function of its own,
 * apart from heatMap's loop: a generator spends V8's optimisation budget at every yield by how far
 * into it the yield stands, and with the row inline the 2,000 yields of a 2,000-area batch had
 * TurboFan compile the whole map, cells and all, for a loop that ends soon after.
 */
function heatRow(r: HeatRow, anchor: string, y: number, fill: string, labelWidth: number, aspects: string[], total: string, lang: Lang): string {
  const name = h(r.title);
  const line = [`<g class="heat-row" data-area="${name}" data-verdict="${h(r.verdict)}">`, `<a href="#${h(anchor)}"><text class="row" x="${labelWidth - 8}" y="${y + CELL_H / 2 + 4}" text-anchor="end">${name}</text></a>`];
  const byName = new Map(r.aspects.map((a) => [a[0], a]));
  aspects.forEach((aspect, c) => {
    const a = byName.get(aspect);
    line.push(a ? cell(labelWidth + c * CELL_W, y, aspect, a[1], a[2], lang, fill) : cell(labelWidth + c * CELL_W, y, aspect, null, 'not-applicable', lang, fill));
  });
  line.push(cell(labelWidth + aspects.length * CELL_W, y, total, r.score, 'scored', lang, fill, true));
  line.push('</g>');
  return line.join('\n');
}

/** The first drawing's hatch is `hatch` as it always was; each other drawing has its own. */
const hatch = (block: number) => (block === 0 ? 'hatch' : `hatch-${block}`);

function cell(x: number, y: number, aspect: string, score: number | null, standing: string, lang: Lang, hatched: string, total = false): string {
  const cx = x + CELL_W / 2;
  const cy = y + CELL_H / 2 + 4;
  const data = `data-aspect="${h(aspect)}" data-score="${score ?? ''}" data-standing="${standing}"`;
  if (score === null) {
    const word = standing === 'unreported' ? t(lang, 'pdf.chart.unreported') : '';
    const fill = standing === 'unreported' ? hatched : '#ffffff';
    return `<rect class="cell ${standing}" x="${x + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}" fill="${fill}" ${data}/>` + (word ? `<text class="cell-text" x="${cx}" y="${cy}" text-anchor="middle" fill="#344054">${h(word)}</text>` : '');
  }
  const bin = binOf(score);
  return (
    `<rect class="cell${total ? ' total' : ''}" x="${x + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}" fill="${bin.fill}" ${data}/>` +
    `<text class="cell-text" x="${cx}" y="${cy}" text-anchor="middle" fill="${bin.ink}">${cellNumber(score)}</text>`
  );
}

/** The score in % with one decimal as everywhere else, never 100 for a 项目 not fully met. */
function cellNumber(score: number): string {
  if (score >= 1) return '100';
  return Math.min(99.9, Math.round(score * 1000) / 10).toFixed(1);
}

function legend(lang: Lang): string {
  const bounds = ['< 60', '60–80', '80–90', '90–100', '100'];
  const swatches = BINS.map((_, i) => `<li><span class="swatch bin-${i}"></span>${bounds[i]}</li>`);
  return `<ul class="legend">${swatches.join('')}<li><span class="swatch hatch"></span>${h(t(lang, 'pdf.chart.unreported'))}</li></ul>\n<p class="note">${h(t(lang, 'pdf.district.heatmapNote'))}</p>`;
}

import { BINS } from './heatmap.js';

/**
 * The report's stylesheets, inlined so the file reads offline and prints the same anywhere. No web
 * fonts (a report must not fetch anything): the faces GB/T 9704-2012 names for 公文, where the
 * machine has them, then the free CJK serif every Linux desktop ships (Noto Serif CJK SC, also
 * published as Source Han Serif SC), then the platform's own 宋体. Chromium embeds the faces it
 * used in the PDF.
 *
 * - title (2号小标宋): 方正小标宋 → Noto Serif CJK SC (bold) → Songti SC / STSong → SimSun → serif
 * - body (3号仿宋): 仿宋_GB2312 → 仿宋 / FangSong → STFangsong → Noto Serif CJK SC → Songti SC → SimSun → serif
 * - first-level headings (黑体): SimHei → Noto Sans CJK SC → PingFang SC → Microsoft YaHei → sans-serif
 * - page numbers (4号宋体): SimSun → Noto Serif CJK SC → Songti SC → serif
 */
export const TITLE_FONTS = '"FZXiaoBiaoSong-B05S", "方正小标宋简体", "方正小标宋_GBK", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "STSong", "SimSun", serif';
export const BODY_FONTS = '"FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif';
export const HEADING_FONTS = '"SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
export const NUMBER_FONTS = '"SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif';

const HEAT = BINS.map((b, i) => `.swatch.bin-${i} { background: ${b.fill}; }`).join('\n');

export const STYLE = `
:root { --pass: #1a7f37; --fail: #b54708; --veto: #7a0916; --missing: #7a5af8; --muted: #667085; --line: #98a2b3; --soft: #f2f4f7; }
* { box-sizing: border-box; }
html { background: var(--soft); }
body { font-family: ${BODY_FONTS}; color: #101828; margin: 0 auto; max-width: 900px; padding: 24px; line-height: 1.7; font-size: 16px; }
.doc { background: #fff; padding: 40px 48px; margin: 0 0 32px; box-shadow: 0 1px 3px rgba(16,24,40,.12); }
.doc-head { text-align: center; margin: 0 0 24px; }
.doc-title { font-family: ${TITLE_FONTS}; font-weight: 700; font-size: 28px; line-height: 1.45; margin: 0 0 16px; }
.doc-meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 auto; max-width: 40em; text-align: left; }
.doc-meta div { display: contents; }
.doc-meta dt { font-weight: 700; }
.doc-meta dt::after { content: "："; }
html[lang="en"] .doc-meta dt::after { content: ":"; }
.doc-meta dd { margin: 0; }
h2 { font-family: ${HEADING_FONTS}; font-weight: 400; font-size: 20px; margin: 28px 0 10px; }
h2.annex-title { font-size: 20px; }
h3 { font-family: ${HEADING_FONTS}; font-weight: 400; font-size: 17px; margin: 18px 0 8px; }
p { margin: 6px 0; }
.verdict-sentence, .score-sentence, .progress-sentence, .district-sentence { text-indent: 2em; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 14px; line-height: 1.5; }
th, td { border: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: var(--soft); font-weight: 700; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 11px; color: var(--muted); overflow-wrap: anywhere; }
.ids { font-size: 11px; }
ul.vetoes-first { list-style: none; padding-left: 0; }
li.veto-problem { margin: 0 0 10px; break-inside: avoid; }
/* Columns as set below, whatever a cell holds: a long unbreakable string (a sha256) wraps inside its cell instead of squeezing the others, and words break only where they must. */
table.ledger { table-layout: fixed; }
.muted, .note { color: var(--muted); }
.note { font-size: 13px; }
.banner { border-radius: 6px; padding: 8px 16px; margin: 0 0 10px; color: #fff; display: flex; flex-wrap: wrap; gap: 4px 20px; align-items: baseline; }
.banner.verdict-pass { background: var(--pass); }
.banner.verdict-fail { background: var(--fail); }
.banner.verdict-veto { background: var(--veto); border: 4px double #fff; outline: 3px solid var(--veto); }
.banner .verdict { font-family: ${HEADING_FONTS}; font-size: 22px; letter-spacing: 2px; }
.banner .score { font-size: 18px; font-variant-numeric: tabular-nums; }
.banner .vetoes { flex: 1 1 100%; margin: 0; padding: 0; list-style: none; }
.state { display: inline-block; border-radius: 3px; padding: 0 5px; font-size: 12px; line-height: 1.5; color: #fff; background: var(--muted); white-space: nowrap; }
.state-pass, .state-clear { background: var(--pass); }
.state-fail { background: var(--fail); }
.state-missing { background: var(--missing); }
.state-unsupported { background: #c11574; }
.state-not_applicable { background: #98a2b3; }
.state-triggered { background: var(--veto); }
.place { font-family: ${HEADING_FONTS}; font-size: .9em; }
.k { font-weight: 700; }
svg { max-width: 100%; height: auto; display: block; }
svg text { font-family: ${HEADING_FONTS}; }
.chart .label, .heatmap .row, .heatmap .col { font-size: 13px; fill: #101828; }
.chart .value { font-size: 12px; fill: #344054; font-variant-numeric: tabular-nums; }
.chart .value.unreported { fill: var(--missing); font-weight: 700; }
.chart .grid { stroke: #d0d5dd; stroke-width: 1; }
.chart .track { fill: var(--soft); }
.chart .bar.full { fill: var(--pass); }
.chart .bar.partial { fill: var(--fail); }
.chart .bar.none-applicable { fill: #d0d5dd; }
.chart.delta .bar.before { fill: #98a2b3; }
.chart.delta .bar.after { fill: #2c7bb6; }
.chart.delta .delta-up { fill: var(--pass); }
.chart.delta .delta-down { fill: #b42318; }
/* The heat map is a column of drawings (heatmap.ts: so a long view can be cut between them): no line gap between them. */
svg.heatmap { display: block; }
.heatmap .cell-text { font-size: 12px; font-variant-numeric: tabular-nums; }
.heatmap a text { fill: #175cd3; }
.heatmap .cell.total { stroke: #101828; stroke-width: 1; }
ul.legend { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 13px; }
.swatch { display: inline-block; width: 14px; height: 14px; border: 1px solid #667085; vertical-align: -2px; margin-right: 4px; }
.swatch.hatch { background: repeating-linear-gradient(45deg, #eaecf0 0 3px, #98a2b3 3px 5px); }
${HEAT}
ol.problems { padding-left: 1.6em; margin: 6px 0; }
li.problem { margin: 0 0 10px; break-inside: avoid; }
li.problem p, li.veto-problem p { margin: 2px 0; }
.problem-why, .problem-docs, .fill { font-size: 15px; }
.blank { display: inline-block; min-width: 9em; border-bottom: 1px solid #101828; min-height: 1.3em; vertical-align: bottom; margin: 0 1.2em 0 .2em; }
.fill { display: flex; align-items: flex-end; flex-wrap: wrap; }
.fill .k { white-space: nowrap; }
.fill .blank { flex: 1 1 6em; }
.fill .blank.wide { flex: 1 1 auto; margin-right: 0; }
.fill .blank.filled { flex: 0 1 auto; }
.blank.short { min-width: 7em; }
.blank.cell { display: block; min-width: 0; border: 0; min-height: 2.6em; margin: 0; }
.blank.filled { min-width: 0; padding: 0 .3em; }
table.ledger th:nth-last-child(1) { width: 11%; } table.ledger th:nth-last-child(2) { width: 16%; } table.ledger th:nth-last-child(3) { width: 26%; }
table.ledger th:first-child { width: 2.6em; }
table.ledger.with-area th:nth-child(2) { width: 14%; }
table.vetoes th:first-child { width: 3em; } table.vetoes th:last-child { width: 6.5em; }
.all-items table { font-size: 13px; table-layout: fixed; }
.all-items th:nth-child(1) { width: 2.8em; } .all-items th:nth-child(2) { width: 14%; } .all-items th:nth-child(4) { width: 6.5em; } .all-items th:nth-child(5) { width: 34%; }
.signoff { margin: 28px 0 8px; break-inside: avoid; }
table.signoff-lines, table.signoff-lines td { border: 0; font-size: 16px; }
table.signoff-lines td { padding: 10px 0; width: 50%; }
.seal { text-align: right; color: var(--muted); margin-right: 2em; }
.annex { margin-top: 36px; }
ul.warnings, ul.invalid { overflow-wrap: anywhere; }
details { margin: 10px 0; }
summary { cursor: pointer; font-weight: 700; }
ul.inline { display: inline; padding: 0; margin: 0; }
ul.inline li { display: inline; }
ul.inline li + li::before { content: "、"; }
html[lang="en"] ul.inline li + li::before { content: ", "; }
.changes { font-size: 15px; }
.overview th button { all: unset; font-weight: 700; cursor: pointer; }
.overview th button:focus-visible { outline: 2px solid #2e90fa; }
.overview th[aria-sort="ascending"] button::after { content: " ▲"; }
.overview th[aria-sort="descending"] button::after { content: " ▼"; }
.verdict-text-pass { color: var(--pass); font-weight: 700; }
.verdict-text-fail { color: var(--fail); font-weight: 700; }
.verdict-text-veto { color: var(--veto); font-weight: 700; }
.back { font-size: 14px; margin: 0 0 8px; }
@media print {
  html { background: none; }
  body { max-width: none; padding: 0; font-size: 16pt; line-height: 26pt; }
  .doc { box-shadow: none; padding: 0; margin: 0; background: none; }
  .doc + .doc { break-before: page; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .doc-title { font-size: 22pt; line-height: 1.5; margin: 0 0 14pt; }
  .doc-head { margin: 0 0 12pt; }
  .doc-meta { font-size: 12pt; line-height: 1.5; max-width: none; margin: 0 2em; }
  h2 { font-size: 16pt; margin: 12pt 0 4pt; break-after: avoid; }
  h3 { font-size: 14pt; margin: 8pt 0 4pt; break-after: avoid; }
  p { margin: 0; }
  table { font-size: 10.5pt; line-height: 1.45; }
  th, td { border-color: #000; border-width: .5pt; padding: 1.5pt 4pt; }
  th { background: #f2f4f7; }
  tr, li.problem, svg, .banner, .ledger-group h3 { break-inside: avoid; }
  thead { display: table-header-group; }
  .banner { border-radius: 0; padding: 3pt 10pt; margin: 0 0 4pt; }
  .banner .verdict { font-size: 16pt; }
  .banner .score { font-size: 14pt; }
  .state { font-size: 9pt; border-radius: 2pt; }
  .note, .changes { font-size: 11pt; line-height: 1.5; }
  li.problem { margin: 0 0 4pt; font-size: 10.5pt; line-height: 1.45; }
  .problem-why, .problem-docs, .fill { font-size: 10.5pt; }
  .fill { margin-top: 3pt; }
  .blank { border-bottom-width: .75pt; border-color: #000; }
  .problem-item { font-size: 10.5pt; }
  .signoff { margin: 16pt 0 0; }
  table.signoff-lines td { font-size: 14pt; padding: 8pt 0; }
  .seal { font-size: 12pt; }
  .annex { break-before: page; margin: 0; }
  .all-items table { font-size: 9pt; }
  /* The archive copy shows every item, collapsed on screen or not. */
  details::details-content { content-visibility: visible; display: block; }
  summary { list-style: none; font-size: 14pt; }
  summary::-webkit-details-marker { display: none; }
  .screen-only, .overview th button::after { display: none; }
  a { color: inherit; text-decoration: none; }
  .heatmap a text { fill: #101828; }
  svg.chart { width: 115mm; }
  svg.chart.delta { width: 135mm; }
  svg.heatmap { width: 100%; }
}
`;

/** A CSS string literal of untrusted words (an area's name): quotes, backslashes and markup characters as hex escapes. */
export function cssString(text: string): string {
  const hex = (c: string) => `\\${c.charCodeAt(0).toString(16)} `;
  return `"${text.replace(/[\\"'<>&]/g, hex).replace(/[\r\n\f]/g, ' ')}"`;
}

/**
 * The printed page (GB/T 9704-2012 5.2): A4, top margin (天头) 37 mm, left (订口) 28 mm, type area
 * 156 × 225 mm, hence 26 mm right and 35 mm bottom. Page numbers `— 1 —` in 4号宋体 under the type
 * area, odd pages right and even pages left, one character in from the edge (7.5). The running
 * header names the area and the standard (issue 17; 公文 themselves have none).
 */
export function pageStyle(header: string, firstPage = 1): string {
  const number = `content: "—\\2002" counter(page) "\\2002—"; font-family: ${NUMBER_FONTS}; font-size: 14pt; vertical-align: top; padding-top: 7mm;`;
  // A document printed as one part of a longer one (a batch's PDF, printed an area at a time)
  // numbers its pages on from the parts before; Chromium counts its own first page as a right
  // one, so a part that starts on an even page has right and left swapped.
  const [odd, even] = firstPage % 2 === 1 ? [':right', ':left'] : [':left', ':right'];
  return `
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @top-center { content: ${cssString(header)}; font-family: ${BODY_FONTS}; font-size: 9pt; color: #667085; vertical-align: bottom; padding-bottom: 8mm; }
}
@page ${odd} { @bottom-right { ${number} text-align: right; padding-right: 14pt; } }
@page ${even} { @bottom-left { ${number} text-align: left; padding-left: 14pt; } }
${firstPage > 1 ? `html { counter-reset: page ${firstPage - 1}; }\n` : ''}`;
}

/**
 * The report's only stylesheet, inlined so the file reads offline and prints the same anywhere.
 *
 * Fonts: no web fonts (a report must not fetch anything). This system stack covers Simplified
 * Chinese on every common desktop: PingFang SC / Hiragino Sans GB (macOS), Microsoft YaHei
 * (Windows), Noto Sans CJK SC / Source Han Sans SC / WenQuanYi Micro Hei (Linux), then the
 * generic sans-serif.
 */
export const FONT_STACK =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif';

export const STYLE = `
:root { --pass: #1a7f37; --fail: #b54708; --veto: #7a0916; --missing: #7a5af8; --muted: #667085; --line: #d0d5dd; --soft: #f2f4f7; }
* { box-sizing: border-box; }
body { font-family: ${FONT_STACK}; color: #101828; margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.55; font-size: 14px; }
h1 { font-size: 22px; margin: 0 0 16px; }
h2 { font-size: 19px; margin: 0; }
h3 { font-size: 16px; margin: 24px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h4 { font-size: 14px; margin: 16px 0 6px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; color: var(--muted); word-break: break-all; }
.muted { color: var(--muted); }
.area { margin: 0 0 40px; }
.banner { border-radius: 8px; padding: 14px 18px; margin: 0 0 16px; color: #fff; display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: baseline; }
.banner.verdict-pass { background: var(--pass); }
.banner.verdict-fail { background: var(--fail); }
.banner.verdict-veto { background: var(--veto); border: 4px double #fff; outline: 3px solid var(--veto); }
.banner h2 { flex: 1 1 100%; }
.banner .verdict { font-size: 24px; font-weight: 700; letter-spacing: 2px; }
.banner .score { font-size: 20px; font-variant-numeric: tabular-nums; }
.banner dl { margin: 0; display: flex; flex-wrap: wrap; gap: 4px 20px; }
.banner dt { display: inline; opacity: .8; }
.banner dd { display: inline; margin: 0 0 0 4px; }
.banner .vetoes { flex: 1 1 100%; background: rgba(255,255,255,.15); border-radius: 4px; padding: 6px 10px; margin: 0; list-style: none; }
.state { display: inline-block; border-radius: 3px; padding: 0 6px; font-size: 12px; color: #fff; background: var(--muted); }
.state-pass { background: var(--pass); }
.state-fail { background: var(--fail); }
.state-missing { background: var(--missing); }
.state-unsupported { background: #c11574; }
.state-not_applicable { background: #98a2b3; }
.state-triggered { background: var(--veto); }
.chart { max-width: 100%; height: auto; }
.chart .label { font-size: 13px; fill: #101828; }
.chart .value { font-size: 12px; fill: #344054; font-variant-numeric: tabular-nums; }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .track { fill: var(--soft); }
.chart .bar.full { fill: var(--pass); }
.chart .bar.partial { fill: var(--fail); }
.chart .bar.none-applicable { fill: #98a2b3; }
ul.docs { margin: 0; padding-left: 18px; }
.group { break-inside: avoid; }
td { overflow-wrap: anywhere; }
/* Fixed layouts: an unbreakable string (a sha256 in an explanation) must not widen a column off the A4 page. */
table.findings, table.vetoes, .all-items table { table-layout: fixed; }
.findings th:nth-child(1) { width: 10%; } .findings th:nth-child(2) { width: 11%; } .findings th:nth-child(3) { width: 37%; } .findings th:nth-child(4) { width: 26%; } .findings th:nth-child(5) { width: 16%; }
.vetoes th:nth-child(1) { width: 10%; } .vetoes th:nth-child(2) { width: 7%; } .vetoes th:nth-child(3) { width: 45%; }
.all-items th:nth-child(1) { width: 10%; } .all-items th:nth-child(2) { width: 10%; } .all-items th:nth-child(3) { width: 10%; } .all-items th:nth-child(4) { width: 44%; }
.rectification li { margin: 0 0 6px; }
details { margin: 12px 0; }
summary { cursor: pointer; font-weight: 600; }
.overview th button { all: unset; font-weight: 600; cursor: pointer; }
.overview th button:focus-visible { outline: 2px solid #2e90fa; }
.area + .area { border-top: 2px solid var(--line); padding-top: 24px; }
.overview th[aria-sort="ascending"] button::after { content: " ▲"; }
.overview th[aria-sort="descending"] button::after { content: " ▼"; }
.verdict-text-pass { color: var(--pass); font-weight: 600; }
.verdict-text-fail { color: var(--fail); font-weight: 600; }
.verdict-text-veto { color: var(--veto); font-weight: 700; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .area + .area { break-before: page; }
  tr, .banner, svg { break-inside: avoid; }
  thead { display: table-header-group; }
  /* The 档案 copy must show every item, collapsed or not. */
  details::details-content { content-visibility: visible; display: block; }
  summary { list-style: none; }
  .overview th button::after, .hint { display: none; }
  a { color: inherit; text-decoration: none; }
}
`;

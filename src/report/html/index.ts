import { createHash } from 'node:crypto';
import type { AssessResult, Lang } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';
import { labels } from '../labels.js';
import type { BatchSummary } from '../../packs/summary.js';
import type { FormatOptions, ReportLayout, TextFormatter } from '../types.js';
import { areaDocument, documentHead, metaOf, signOff, vetoProblems, type DocumentContext } from './area.js';
import { factsOf } from '../facts.js';
import { isOpen } from '../../assess/open.js';
import { negativeListLine } from '../rectification/words.js';
import { commonStem, districtDocument, districtIndexOrder, districtOrder } from './district.js';
import { escapeHtml as h } from './escape.js';
import { ledger } from './ledger.js';
import { SCRIPT } from './script.js';
import { pageStyle, STYLE } from './style.js';
import { verdictSentence } from './summary.js';
import { documentTitle, formatDate, parseDate, today } from './titles.js';
import { areaTitle } from './words.js';

/**
 * `--format html`: one self-contained document (inline CSS and SVG, no network, no web fonts) that
 * is read on screen and printed on A4 for the 档案 — the PDF (src/report/pdf/) is this document
 * printed by Chromium. One area: its report; several: the district's view, then each area's report.
 *
 * The Content-Security-Policy allows exactly our own styles and script (by hash) and nothing
 * else, so even a string that escaped escaping could neither run nor fetch anything.
 */
export const html: TextFormatter = (results, options) => renderDocument(results, options, 'report', 'screen');

/** `--by responsible --format html`: the 整改清单 alone, as a 问题清单 (one area) or 整改台账 (several). */
export const htmlProblems: TextFormatter = (results, options) => renderDocument(results, options, 'problems', 'screen');

export type Medium = DocumentContext['medium'];

function contextOf(options: FormatOptions, medium: Medium): DocumentContext {
  return { lang: options.lang, date: (options.date && parseDate(options.date)) || today(), medium, ...(options.issuer ? { issuer: options.issuer } : {}), ...(options.facts ? { facts: options.facts } : {}) };
}

export function renderDocument(results: AssessResult[], options: FormatOptions, kind: 'report' | 'problems', medium: Medium): string {
  const { lang } = options;
  const ctx = contextOf(options, medium);
  const { title, header, body } = kind === 'problems' ? problemsDocument(results, ctx) : reportDocument(results, ctx, options);
  return page(title, header, body, lang, medium);
}

function reportDocument(results: AssessResult[], ctx: DocumentContext, options: FormatOptions) {
  const { lang } = ctx;
  if (!results.length) return { title: t(lang, 'pdf.title.empty'), header: '', body: `<h1 class="doc-title">${h(t(lang, 'pdf.title.empty'))}</h1>\n<p>${h(labelsNoResults(lang))}</p>` };
  if (results.length === 1) {
    const r = results[0];
    const title = documentTitle(r, r.progress ? 'monthly' : 'report', lang, ctx.date);
    return { title: `${areaTitle(r, lang)} · ${title}`, header: headerOf(r, lang), body: areaDocument(r, 'area-1', ctx) };
  }
  const parts = results.map((r) => areaPart(r, ctx));
  const { title, header, body } = districtLayout(results, (i) => parts[i], ctx, options.summary);
  return { title, header, body: [...body].join('') };
}

/** An area's document in a batch, its anchor left to the layout (AREA_ANCHOR, set by districtLayout). */
function areaPart(r: AssessResult, ctx: DocumentContext): string {
  // Each area's own document names the area as 报送单位; --issuer is the district's.
  const areaCtx: DocumentContext = { lang: ctx.lang, date: ctx.date, medium: ctx.medium, ...(ctx.facts ? { facts: ctx.facts } : {}) };
  return areaDocument(r, AREA_ANCHOR, areaCtx, 'overview');
}

/** The anchor an area's document is made with before its place in the district's order is known. */
const AREA_ANCHOR = 'area-0';

/**
 * A batch's document: the district's view, then each area's document in the district's order,
 * anchored area-1, area-2 … . `results` need only be what slim.ts keeps (the district's view reads
 * no more); each area's document is `part(i)` for the i-th result, made from the whole result
 * beforehand (areaPart) — so a batch of any size can set the parts aside as they come (on disk,
 * `htmlLayout`) and read each back when it is placed. The body comes in pieces.
 */
function districtLayout(results: AssessResult[], part: (index: number) => string | Uint8Array, ctx: DocumentContext, summary: BatchSummary | undefined) {
  const { lang } = ctx;
  const order = districtIndexOrder(results);
  const ordered = order.map((i) => results[i]);
  const anchors = ordered.map((_, i) => `area-${i + 1}`);
  const common = commonStem(ordered);
  const title = t(lang, 'pdf.title.district', { ...(common ?? { stem: '', title: t(lang, 'pdf.title.empty') }), areas: ordered.length });
  const anchorAt = `id="${AREA_ANCHOR}"`;
  const anchorBytes = Buffer.from(anchorAt);
  function* body(): Generator<string | Uint8Array> {
    yield districtDocument(ordered, anchors, ctx, summary);
    for (let k = 0; k < order.length; k++) {
      // The anchor is the opening tag's first attribute value, before anything from the input.
      const text = part(order[k]);
      if (typeof text === 'string') {
        yield '\n' + text.replace(anchorAt, `id="${anchors[k]}"`);
        continue;
      }
      // Bytes as set aside: the anchor swapped in place, the rest written as it is (never decoded).
      const at = Buffer.from(text.buffer, text.byteOffset, text.byteLength).indexOf(anchorBytes);
      yield '\n';
      if (at < 0) {
        yield text;
        continue;
      }
      yield text.subarray(0, at);
      yield `id="${anchors[k]}"`;
      yield text.subarray(at + anchorBytes.length);
    }
  }
  return { title, header: ctx.issuer ? `${ctx.issuer} · ${title}` : title, body: body() };
}

/**
 * `--format html` for a batch, piece by piece (the CLI's way for a batch; `html` gives the same
 * text at once): `part` each area's document as it is assessed (any thread), `keep` what the
 * district's view needs of the result, and at the end `write` the document, reading each part
 * back as it is placed.
 */
export function htmlLayout(options: FormatOptions): ReportLayout {
  const ctx = contextOf(options, 'screen');
  return {
    part: (r) => areaPart(r, ctx),
    *write(kept, part, summary) {
      const { title, header, body } = districtLayout(kept, part, ctx, summary);
      const [before, after] = pageParts(title, header, options.lang, 'screen');
      yield before;
      yield* body;
      yield after;
    },
  };
}

function problemsDocument(results: AssessResult[], ctx: DocumentContext) {
  const { lang } = ctx;
  if (!results.length) return { title: t(lang, 'pdf.title.empty'), header: '', body: `<p>${h(labelsNoResults(lang))}</p>` };
  if (results.length === 1) {
    const r = results[0];
    const title = documentTitle(r, 'problems', lang, ctx.date);
    const vetoes = vetoProblems(r, lang, factsOf(r, ctx));
    const body = [
      `<section class="doc problems-doc" data-verdict="${h(r.verdict)}">`,
      documentHead(title, metaOf(r, ctx), r.verdict),
      `<p class="verdict-sentence">${h(verdictSentence(r, lang))}</p>`,
      // A veto heads the 整改清单; a list with none says the negative list was checked.
      vetoes || negativeClear(r, lang),
      r.items.some(isOpen) ? ledger([r], undefined, lang, ctx) : `<p class="none">${h(t(lang, vetoes ? 'report.rect.noneElse' : 'pdf.problems.none'))}</p>`,
      signOff(lang),
      '</section>',
    ].join('\n');
    return { title: `${areaTitle(r, lang)} · ${title}`, header: headerOf(r, lang), body };
  }
  const ordered = districtOrder(results);
  const common = commonStem(ordered) ?? { stem: '', title: t(lang, 'pdf.title.empty') };
  const title = t(lang, 'pdf.title.ledger', { ...common, areas: ordered.length });
  const meta: [string, string | undefined][] = [
    [t(lang, 'pdf.meta.issuer'), ctx.issuer],
    [t(lang, 'pdf.meta.date'), formatDate(ctx.date, lang)],
  ];
  const vetoes = ordered.map((r) => vetoProblems(r, lang, factsOf(r, ctx)) && `<h3>${h(areaTitle(r, lang))}</h3>\n${vetoProblems(r, lang, factsOf(r, ctx))}`).filter(Boolean);
  const body = [`<section class="doc problems-doc">`, documentHead(title, meta), ...vetoes, ledger(ordered, undefined, lang, ctx), signOff(lang), '</section>'].join('\n');
  return { title, header: ctx.issuer ? `${ctx.issuer} · ${title}` : title, body };
}

function negativeClear(r: AssessResult, lang: Lang): string {
  const line = negativeListLine(r, lang);
  return line ? `<p class="negative-clear">${h(line)}</p>` : '';
}

/** The running header of every printed page: which area, against which standard. */
function headerOf(r: AssessResult, lang: Lang): string {
  return t(lang, 'pdf.header', { area: areaTitle(r, lang), standard: r.standard.title });
}

function labelsNoResults(lang: Lang): string {
  return labels(lang).html.noResults;
}

function page(title: string, header: string, body: string, lang: Lang, medium: Medium): string {
  const [before, after] = pageParts(title, header, lang, medium);
  return before + body + after;
}

/** The document around its body: page(…, body) is before + body + after. */
function pageParts(title: string, header: string, lang: Lang, medium: Medium): [string, string] {
  const BODY = '\u0000body\u0000';
  const whole = pageText(title, header, BODY, lang, medium);
  const at = whole.indexOf(BODY);
  return [whole.slice(0, at), whole.slice(at + BODY.length)];
}

function pageText(title: string, header: string, body: string, lang: Lang, medium: Medium): string {
  const pages = pageStyle(header);
  // On paper nothing needs the script (sorting is for the screen); the PDF is printed without it.
  const script = medium === 'screen' ? SCRIPT : '';
  const csp = `default-src 'none'; style-src '${sha256(STYLE)}' '${sha256(pages)}'; script-src ${script ? `'${sha256(script)}'` : "'none'"}; img-src data:; base-uri 'none'; form-action 'none'`;
  return [
    '<!doctype html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="weibao">',
    `<title>${h(title)}</title>`,
    `<style>${STYLE}</style>`,
    `<style>${pages}</style>`,
    '</head>',
    `<body class="medium-${medium}">`,
    body,
    script ? `<script>${script}</script>` : '',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .concat('')
    .join('\n');
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

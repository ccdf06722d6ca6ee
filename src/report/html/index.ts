import { createHash } from 'node:crypto';
import type { AssessResult, Lang } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';
import { labels } from '../labels.js';
import type { BatchSummary } from '../../packs/summary.js';
import type { FormatOptions, ReportLayout, TextFormatter } from '../types.js';
import { areaDocumentBytes, areaDocument, documentHead, metaOf, signOff, vetoProblems, type DocumentContext } from './area.js';
import { factsOf } from '../facts.js';
import { isOpen } from '../../assess/open.js';
import { negativeListLine } from '../rectification/words.js';
import { areaLine, districtDocument, districtIndexOrder, districtSurvey, invalidList, type AreaLine } from './district.js';
import { escapeHtml as h } from './escape.js';
import { ledger, ledgerPieces, ledgerSections, mergeGroups } from './ledger.js';
import { SCRIPT } from './script.js';
import { pageStyle, STYLE } from './style.js';
import { verdictSentence } from './summary.js';
import { documentTitle, formatDate, parseDate, titleStem, today } from './titles.js';
import { areaTitle } from './words.js';
import { Utf8Builder } from '../utf8-builder.js';

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
  // A batch left with one area (or none), the rest refused, is that area's own report; the inputs
  // that could not be assessed are still named, after it, as the district's page names them.
  const fewer = results.length < 2 ? invalidList(options.summary?.invalid ?? [], lang) : '';
  return page(title, header, fewer ? `${body}\n<section class="doc invalid-inputs">\n${fewer}\n</section>` : body, lang, medium);
}

function reportDocument(results: AssessResult[], ctx: DocumentContext, options: FormatOptions) {
  const { lang } = ctx;
  if (!results.length) return { title: t(lang, 'pdf.title.empty'), header: '', body: `<h1 class="doc-title">${h(t(lang, 'pdf.title.empty'))}</h1>\n<p>${h(labelsNoResults(lang))}</p>` };
  if (results.length === 1) {
    const r = results[0];
    const title = documentTitle(r, r.progress ? 'monthly' : 'report', lang, ctx.date);
    return { title: `${areaTitle(r, lang)} · ${title}`, header: headerOf(r, lang), body: areaDocument(r, 'area-1', ctx) };
  }
  const parts = results.map((r) => reportParts(r, ctx));
  const { title, header, body } = districtLayout(results, (i, s = 0) => parts[i][s], ctx, options.summary);
  return { title, header, body: [...body].map(textOf).join('') };
}

/**
 * What a batch sets aside of each area for its document (made where the area is assessed, from
 * the whole result): the area's own document (AREA_PART), its line for the district's view
 * (LINE_PART: JSON), and its 整改台账 sections (from LEDGER_PARTS on, one per group).
 */
function reportParts(r: AssessResult, ctx: DocumentContext, named = false, builder?: Utf8Builder): (string | Uint8Array)[] {
  const ledger = ledgerSections(r, ctx.lang, ctx, 'link');
  return [areaPart(r, ctx, named, builder), JSON.stringify(areaLine(r, ctx.lang, ledger)), ...ledger.map((s) => s.rows)];
}

const AREA_PART = 0;
const LINE_PART = 1;
const LEDGER_PARTS = 2;

/** An area's document in a batch (UTF-8: written out as it is), its anchor left to the layout (AREA_ANCHOR, set by districtLayout). */
function areaPart(r: AssessResult, ctx: DocumentContext, named: boolean, builder?: Utf8Builder): Uint8Array {
  // Each area's own document names the area as 报送单位; --issuer is the district's.
  const areaCtx: DocumentContext = { lang: ctx.lang, date: ctx.date, medium: ctx.medium, ...(ctx.facts ? { facts: ctx.facts } : {}) };
  return areaDocumentBytes(r, AREA_ANCHOR, areaCtx, 'overview', named, builder);
}

/** The anchor an area's document is made with before its place in the district's order is known. */
const AREA_ANCHOR = 'area-0';

/** What a batch of these documents keeps of each result in memory: its place in the district's order (and its input, to assess it again if it is left alone). */
type Kept = Pick<AssessResult, 'verdict' | 'score'> & { input?: string };

function keep(r: AssessResult): Kept {
  return { verdict: r.verdict, score: r.score, ...(r.input !== undefined ? { input: r.input } : {}) };
}

type PartOf = (index: number, section?: number) => string | Uint8Array;

/** A part as text (its UTF-8 as set aside, decoded: a line or a 整改台账 section, a few kilobytes). */
function textOf(part: string | Uint8Array): string {
  return typeof part === 'string' ? part : Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('utf8');
}

/**
 * A batch's document: the district's view, then each area's document in the district's order,
 * anchored area-1, area-2 … . `kept` is what keep() holds of each result (its place in the order);
 * everything else is read from each area's parts (reportParts) as it is needed, `part(i, s)` the
 * i-th result's s-th — so a batch of any size sets the parts aside as they come (on disk,
 * `htmlLayout`) and holds only counts. The body comes in pieces.
 */
function districtLayout(kept: Kept[], part: PartOf, ctx: DocumentContext, summary: BatchSummary | undefined) {
  const order = districtIndexOrder(kept);
  const anchor = (k: number) => `area-${k + 1}`;
  function* lines(): Generator<AreaLine> {
    for (const i of order) yield JSON.parse(textOf(part(i, LINE_PART))) as AreaLine;
  }
  const survey = districtSurvey(order.length, lines, (k, s) => textOf(part(order[k], LEDGER_PARTS + s)), anchor, ctx.lang);
  const { title } = survey;
  const anchorAt = `id="${AREA_ANCHOR}"`;
  const anchorBytes = Buffer.from(anchorAt);
  function* body(): Generator<string | Uint8Array> {
    yield* districtDocument(survey, ctx, summary);
    for (let k = 0; k < order.length; k++) {
      // The anchor is the opening tag's first attribute value, before anything from the input.
      const text = part(order[k], AREA_PART);
      if (typeof text === 'string') {
        yield '\n' + text.replace(anchorAt, `id="${anchor(k)}"`);
        continue;
      }
      // Bytes as set aside: the anchor swapped in place, the rest written as it is (never decoded).
      const bytes = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
      const at = bytes.indexOf(anchorBytes);
      if (at < 0) {
        yield '\n';
        yield text;
        continue;
      }
      // The opening tag's few bytes before the anchor go with it as text: one piece, then the rest.
      yield `\n${bytes.toString('utf8', 0, at)}id="${anchor(k)}"`;
      yield text.subarray(at + anchorBytes.length);
    }
  }
  /** The same documents apart, for printing each on its own (printLayout): the district's view, then each area's. */
  function* areas(): Generator<{ anchor: string; title: string; body: string }> {
    for (let k = 0; k < order.length; k++) {
      const { title } = JSON.parse(textOf(part(order[k], LINE_PART))) as AreaLine;
      yield { anchor: anchor(k), title, body: textOf(part(order[k], AREA_PART)).replace(anchorAt, `id="${anchor(k)}"`) };
    }
  }
  const anchors = order.map((_, k) => anchor(k));
  return { title, header: ctx.issuer ? `${ctx.issuer} · ${title}` : title, body: body(), district: () => districtDocument(survey, ctx, summary), areas, anchors };
}

/**
 * `--format html` for a batch, piece by piece (the CLI's way for a batch; `html` gives the same
 * text at once): `part` each area's parts as it is assessed (any thread), `keep` its place in the
 * district's order, and at the end `write` the document, reading each part back as it is placed.
 */
export function htmlLayout(options: FormatOptions, bytesOf?: (size: number) => Buffer): ReportLayout<Kept> {
  const ctx = contextOf(options, 'screen');
  // Each area's document (~90 KB) in a buffer from bytesOf, which the caller hands out again once
  // the document is set aside — not a new one for each (3.5 GB over 38,600 areas, freed only as
  // the garbage collector comes round to it: with --jobs 2, moved from the worker, it held the
  // main thread's memory ~60 MB above --jobs 1's).
  const builder = bytesOf ? new Utf8Builder(bytesOf) : undefined;
  return {
    // Set aside in the CLI's PartSpool, which keeps each annex row once (NamedPiece) and gives back the document.
    part: (r) => reportParts(r, ctx, true, builder),
    keep,
    tailReads: 'invalid',
    *write(kept, part, summary) {
      const { title, header, body } = districtLayout(kept, part, ctx, summary);
      const [before, after] = pageParts(title, header, options.lang, 'screen');
      yield* joined([before], body, [after]);
    },
  };
}

/**
 * A batch printed to PDF a document at a time (src/report/pdf/layout.ts), so that Chromium holds
 * one area's document, never the batch's: the same documents as the batch's html, on paper — the
 * district's view, then each area's report in the district's order, `part` made as each area is
 * assessed and read back as it is printed. Each print is a document of its own (`page`): its
 * page numbers go on from `firstPage`.
 */
export function printLayout(options: FormatOptions) {
  const ctx = contextOf(options, 'print');
  return {
    part: (r: AssessResult) => reportParts(r, ctx),
    keep,
    documents: (kept: Kept[], part: PartOf, summary?: BatchSummary) => districtLayout(kept, part, ctx, summary),
    /** `--by responsible`: the 整改台账 across the batch, its body in pieces. */
    problemsPart: (r: AssessResult) => problemsParts(r, ctx),
    problems: (kept: Kept[], part: PartOf) => ledgerLayout(kept, part, ctx),
    page: (title: string, header: string, body: string, firstPage: number) => page(title, header, body, options.lang, 'print', firstPage),
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
  const parts = results.map((r) => problemsParts(r, ctx));
  const { title, header, body } = ledgerLayout(results, (i, s = 0) => parts[i][s], ctx);
  return { title, header, body: [...body].join('') };
}

/**
 * What a batch's 整改台账 document sets aside of each area: its line (PROBLEMS_LINE: the standard's
 * title and its 整改台账 groups, JSON), its negative-list items that are not clear (VETO_PART,
 * headed by the area's name; empty where none is) and its 整改台账 sections (from LEDGER_PARTS on).
 */
function problemsParts(r: AssessResult, ctx: DocumentContext): string[] {
  const { lang } = ctx;
  const ledger = ledgerSections(r, lang, ctx, 'name');
  const vetoes = vetoProblems(r, lang, factsOf(r, ctx));
  const line: LedgerLine = { standardTitle: r.standard.title, ledger: ledger.map((s) => [s.by, s.key, s.n]) };
  return [JSON.stringify(line), vetoes && `<h3>${h(areaTitle(r, lang))}</h3>\n${vetoes}`, ...ledger.map((s) => s.rows)];
}

type LedgerLine = Pick<AreaLine, 'standardTitle' | 'ledger'>;
const PROBLEMS_LINE = 0;
const VETO_PART = 1;

/** A batch's 整改台账 (`--by responsible`) as a document: the areas in the district's order, read from their parts (problemsParts) as they are placed. */
function ledgerLayout(kept: Kept[], part: PartOf, ctx: DocumentContext) {
  const { lang } = ctx;
  const order = districtIndexOrder(kept);
  const titles = new Set<string>();
  function* sections(): Generator<{ by: 'responsible' | 'aspect'; key: string; n: number }[]> {
    for (const i of order) {
      const line = JSON.parse(textOf(part(i, PROBLEMS_LINE))) as LedgerLine;
      titles.add(line.standardTitle);
      yield line.ledger.map(([by, key, n]) => ({ by, key, n }));
    }
  }
  const groups = mergeGroups(sections(), () => undefined, (k, s) => textOf(part(order[k], LEDGER_PARTS + s)));
  const [only] = titles;
  const common = titles.size === 1 ? { stem: titleStem(only), title: only } : { stem: '', title: t(lang, 'pdf.title.empty') };
  const title = t(lang, 'pdf.title.ledger', { ...common, areas: order.length });
  const meta: [string, string | undefined][] = [
    [t(lang, 'pdf.meta.issuer'), ctx.issuer],
    [t(lang, 'pdf.meta.date'), formatDate(ctx.date, lang)],
  ];
  function* body(): Generator<string> {
    yield `<section class="doc problems-doc">\n${documentHead(title, meta)}`;
    for (const i of order) {
      const vetoes = textOf(part(i, VETO_PART));
      if (vetoes) yield '\n' + vetoes;
    }
    yield '\n';
    yield* ledgerPieces(groups, 'name', lang);
    yield `\n${signOff(lang)}\n</section>`;
  }
  return { title, header: ctx.issuer ? `${ctx.issuer} · ${title}` : title, body: body() };
}

/** `--by responsible --format html` for a batch, piece by piece (as htmlLayout is to `html`). */
export function htmlProblemsLayout(options: FormatOptions): ReportLayout<Kept> {
  const ctx = contextOf(options, 'screen');
  return {
    part: (r) => problemsParts(r, ctx),
    keep,
    tailReads: 'invalid',
    *write(kept, part) {
      const { title, header, body } = ledgerLayout(kept, part, ctx);
      const [before, after] = pageParts(title, header, options.lang, 'screen');
      yield* joined([before], body, [after]);
    },
  };
}

/**
 * A document's pieces as the CLI writes them: text pieces in a row (the district's view comes a
 * table row at a time, ~10,000 pieces at 2,000 areas) joined into pieces of at least JOINED
 * characters; bytes (each area's document, read back) passed on as they come, never copied —
 * they are good only until the next part is read (PartSpool.bytes). Each piece is a promise and a
 * write on the CLI's way out (runAssess's for await).
 */
function* joined(...runs: Iterable<string | Uint8Array>[]): Generator<string | Uint8Array> {
  let text = '';
  for (const run of runs)
    for (const piece of run) {
      if (typeof piece === 'string') {
        text += piece;
        if (text.length >= JOINED) {
          yield text;
          text = '';
        }
        continue;
      }
      if (text) yield text;
      text = '';
      yield piece;
    }
  if (text) yield text;
}

/** Characters of text written at once, at least (a few pieces of the district's view). */
const JOINED = 1 << 14;

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

function page(title: string, header: string, body: string, lang: Lang, medium: Medium, firstPage = 1): string {
  const [before, after] = pageParts(title, header, lang, medium, firstPage);
  return before + body + after;
}

/** The document around its body: page(…, body) is before + body + after. */
function pageParts(title: string, header: string, lang: Lang, medium: Medium, firstPage = 1): [string, string] {
  const BODY = '\u0000body\u0000';
  const whole = pageText(title, header, BODY, lang, medium, firstPage);
  const at = whole.indexOf(BODY);
  return [whole.slice(0, at), whole.slice(at + BODY.length)];
}

function pageText(title: string, header: string, body: string, lang: Lang, medium: Medium, firstPage = 1): string {
  const pages = pageStyle(header, firstPage);
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

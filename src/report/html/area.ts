import { isOpen } from '../../assess/open.js';
import { evidenceToSupply } from '../../assess/rectification.js';
import type { AssessResult, ItemResult, Lang, VetoResult } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';
import { labels, percent, placeOf } from '../labels.js';
import { aspectChart } from './chart.js';
import { classToken, escapeHtml as h } from './escape.js';
import { progressSection } from './progress.js';
import { NAMED_PART, NamedPiece, Utf8Builder, utf8Of as utf8 } from '../utf8-builder.js';
import { aspectStanding, scoreSentence, verdictSentence, verdictWord } from './summary.js';
import { documentTitle, formatDate, type DocumentKind, type ReportDate } from './titles.js';
import { areaTitle, stateLabel, vetoLabel } from './words.js';
import { factInWords, factsOf, whyOf } from '../facts.js';
import type { FactDictionary } from '../../messages/explain.js';
import type { FormatOptions } from '../types.js';

export interface DocumentContext {
  lang: Lang;
  date: ReportDate;
  /** `--issuer`; each area's own document defaults to the area's name. */
  issuer?: string;
  /** `print`: laid out for the PDF (every collapsed part open, no script). */
  medium: 'screen' | 'print';
  /** The words of facts (FormatOptions.facts): descriptions, units. */
  facts?: FormatOptions['facts'];
}

/** A section of a document: its heading is numbered 一、二、… when the document is assembled. */
export interface Part {
  heading: string;
  className: string;
  body: string;
}

/** Assemble numbered parts: `<section class="…"><h2>一、…</h2>…</section>`. */
export function numbered(parts: Part[], lang: Lang, level = 2): string {
  return parts
    .map((p, i) => `<section class="${p.className}">\n<h${level}>${h(t(lang, 'pdf.heading', { n: i + 1, text: p.heading }))}</h${level}>\n${p.body}\n</section>`)
    .join('\n');
}

/**
 * One area's report as the document a 街道 signs and files (issue 17; 公文 conventions of GB/T
 * 9704-2012): title, who reports and when, the summary in sentences, the 月报's progress where a
 * baseline was given, the 项目 scores, the 问题清单 with lines to fill, the negative list (stated
 * even when nothing triggered), the sign-off, and the full item list as 附件 — it no longer leads.
 */
export function areaDocument(r: AssessResult, anchor: string, ctx: DocumentContext, backLink?: string): string {
  areaDocumentTo(shared, r, anchor, ctx, backLink);
  return shared.takeText();
}

/**
 * areaDocument() as UTF-8 in a buffer of its own (a batch's part: set aside on disk, or moved from
 * a worker thread). `named`: its annex rows as named pieces (NamedPiece), for a part set aside in
 * a PartSpool, which gives back the document. `out`: the builder it is made in (default: a new
 * buffer for each document; a batch's layout gives one whose buffers are used again: htmlLayout).
 */
export function areaDocumentBytes(r: AssessResult, anchor: string, ctx: DocumentContext, backLink?: string, named = false, out: Utf8Builder = parts): Uint8Array {
  if (named) out.bytes(NAMED_PART);
  areaDocumentTo(out, r, anchor, ctx, backLink, named);
  return out.take();
}

/** One builder per thread: a document is built in one go, then taken. */
const shared = new Utf8Builder();

/**
 * A batch's documents are each built straight into a buffer of its own, handed over as it is
 * (Utf8Builder's `bytesOf`): taken whole, not copied into another (80 KB an area, 160 MB of
 * copying per 2,000). Each is made an eighth larger than the last document, which the next
 * (about as long) then fits without growing.
 */
const parts = new Utf8Builder((size) => Buffer.allocUnsafeSlow(size + (size >> 3)));

function areaDocumentTo(out: Utf8Builder, r: AssessResult, anchor: string, ctx: DocumentContext, backLink?: string, named = false): void {
  const { lang } = ctx;
  const facts = factsOf(r, ctx);
  const kind: DocumentKind = r.progress ? 'monthly' : 'report';
  const parts: Part[] = [{ heading: t(lang, 'pdf.section.summary'), className: 'summary', body: summaryBody(r, lang) }];
  if (r.progress) parts.push({ heading: t(lang, 'pdf.section.progress'), className: 'progress', body: progressSection(r, lang) });
  parts.push({ heading: t(lang, 'pdf.section.chart'), className: 'chart-section', body: chartBody(r, lang) });
  parts.push({ heading: t(lang, 'pdf.section.problems'), className: 'problems', body: problemsBody(r, lang, facts) });
  parts.push({ heading: t(lang, 'pdf.section.negative'), className: 'negative', body: negativeBody(r.vetoes, lang, facts) });
  out.text(
    [
      `<section class="area doc" id="${h(anchor)}" data-verdict="${h(r.verdict)}" data-area="${h(areaTitle(r, lang))}">`,
      backLink ? `<p class="back screen-only"><a href="#${h(backLink)}">${h(t(lang, 'pdf.district.back'))}</a></p>` : '',
      documentHead(documentTitle(r, kind, lang, ctx.date), metaOf(r, ctx), r.verdict),
      numbered(parts, lang),
      signOff(lang),
      '',
    ]
      .filter((line, i, all) => line || i === all.length - 1)
      .join('\n'),
  );
  annexTo(out, r, ctx, facts, named);
  out.text('\n</section>');
}

/** The title block: title, then 被评估地区 / 报送单位 / 报告日期 / 评估周期 / 评估标准. */
export function documentHead(title: string, meta: [string, string | undefined][], verdict?: string): string {
  return [
    `<header class="doc-head">`,
    `<h1 class="doc-title"${verdict ? ` data-verdict="${h(verdict)}"` : ''}>${h(title)}</h1>`,
    `<dl class="doc-meta">${meta
      .filter(([, v]) => v)
      .map(([k, v]) => `<div><dt>${h(k)}</dt><dd>${h(v)}</dd></div>`)
      .join('')}</dl>`,
    '</header>',
  ].join('\n');
}

export function metaOf(r: AssessResult, ctx: DocumentContext): [string, string | undefined][] {
  const { lang } = ctx;
  const area = areaTitle(r, lang);
  return [
    [t(lang, 'pdf.meta.area'), area + (r.area.code ? `（${r.area.code}）` : '')],
    [t(lang, 'pdf.meta.issuer'), ctx.issuer ?? area],
    [t(lang, 'pdf.meta.date'), formatDate(ctx.date, lang)],
    [t(lang, 'pdf.meta.period'), r.period],
    [t(lang, 'pdf.meta.standard'), `${r.standard.title}（${r.standard.id}@${r.standard.version}）`],
  ];
}

function summaryBody(r: AssessResult, lang: Lang): string {
  const L = labels(lang);
  let vetoes = '';
  for (const v of r.vetoes) if (v.state === 'triggered') vetoes += `<li class="veto-triggered">${h(L.html.triggered)} ${v.number}：${h(v.text)}</li>`;
  return (
    `<div class="banner verdict-${classToken(r.verdict)}">\n` +
    `<span class="verdict-label">${h(L.conclusion)}</span>\n` +
    `<span class="verdict" data-verdict="${h(r.verdict)}">${h(verdictWord(r.verdict, lang))}</span>\n` +
    `<span class="score" data-score="${r.score}">${h(L.score)} ${percent(r.score)}</span>\n` +
    (vetoes ? `<ul class="vetoes">${vetoes}</ul>\n` : '') +
    '</div>\n' +
    `<p class="verdict-sentence">${h(verdictSentence(r, lang))}</p>\n` +
    `<p class="score-sentence">${h(scoreSentence(r, lang))}</p>`
  );
}

function chartBody(r: AssessResult, lang: Lang): string {
  const title = `${areaTitle(r, lang)} · ${t(lang, 'pdf.section.chart')}`;
  const unreported = r.aspects.some((a) => aspectStanding(a, r.items) === 'unreported');
  return [aspectChart(r.aspects, title, r.items, lang), unreported ? `<p class="note">${h(t(lang, 'pdf.chart.legendUnreported'))}</p>` : ''].filter(Boolean).join('\n');
}

/** A line to write on when printed (and an empty box on screen): the 整改 measures are the 街道's to fill. */
export function blank(className = ''): string {
  return `<span class="blank${className ? ` ${className}` : ''}"></span>`;
}

/**
 * 问题清单 (002 四(二)): each open item with what is wrong and what proves it, then 整改措施,
 * 责任单位 and 完成时限 to fill. Where the standard names the 责任单位 (杨市's 责任清单) they are
 * printed; the line stays, for the office to confirm or add to.
 */
function problemsBody(r: AssessResult, lang: Lang, facts: FactDictionary): string {
  const open = r.items.filter(isOpen);
  // A veto decides the verdict whatever else is done: it heads the list, and "nothing to rectify" is never said under it.
  const vetoes = vetoProblems(r, lang, facts);
  if (!open.length) return [vetoes, `<p class="none">${h(t(lang, vetoes ? 'report.rect.noneElse' : 'pdf.problems.none'))}</p>`].filter(Boolean).join('\n');
  const L = labels(lang);
  const sep = t(lang, 'pdf.list.separator');
  const label = (words: string) => `<span class="k">${h(words)}${colon(lang)}</span>`;
  const rows = open.map((i) => {
    const docs = evidenceToSupply(i);
    return [
      `<li class="problem" data-state="${h(i.state)}" data-item="${h(i.id)}">`,
      `<p class="problem-item">${state(stateLabel(L, i.state), i.state)} <span class="place">${h(i.aspect)} · ${h(placeOf(i))}</span> ${h(i.text)}</p>`,
      `<p class="problem-why">${label(t(lang, 'pdf.problems.why'))}${h(whyOf(i, lang, facts) || t(lang, 'pdf.problems.noReason'))}${missingFacts(i)}</p>`,
      docs.length ? `<p class="problem-docs">${label(t(lang, 'pdf.problems.evidence'))}${h(docs.join(sep))}</p>` : '',
      `<p class="fill">${label(t(lang, 'pdf.problems.measures'))}${blank('wide')}</p>`,
      `<p class="fill">${label(t(lang, 'pdf.problems.unit'))}${i.responsible.length ? `<span class="blank filled">${h(i.responsible.join(sep))}</span>` : blank()}` +
        `${label(t(lang, 'pdf.problems.deadline'))}${blank('short')}</p>`,
      '</li>',
    ]
      .filter(Boolean)
      .join('');
  });
  return [vetoes, `<p>${h(t(lang, 'pdf.problems.intro', { n: open.length }))}</p>`, `<ol class="problems">`, ...rows, '</ol>'].filter(Boolean).join('\n');
}

/**
 * The negative-list items triggered (or undecided for missing facts), first in any 问题清单 or
 * 整改清单: each with the document's words and why. Empty where none is.
 */
export function vetoProblems(r: AssessResult, lang: Lang, facts: FactDictionary): string {
  const open = r.vetoes.filter((v) => v.state !== 'clear');
  if (!open.length) return '';
  const L = labels(lang);
  const rows = open.map((v) => {
    const why = whyOf(v, lang, facts);
    return (
      `<li class="veto-problem" data-state="${h(v.state)}" data-veto="${h(v.id)}">` +
      `<p class="problem-item">${state(vetoLabel(L, v.state), v.state === 'triggered' ? 'triggered' : v.state)} <span class="place">${h(L.negativeItem)} ${v.number}</span> ${h(v.text)}</p>` +
      (why ? `<p class="problem-why"><span class="k">${h(t(lang, 'pdf.problems.why'))}${colon(lang)}</span>${h(why)}${missingFacts(v)}</p>` : '') +
      '</li>'
    );
  });
  return [`<h3 class="veto-head">${h(t(lang, 'report.rect.vetoHead'))}</h3>`, `<ul class="problems vetoes-first">`, ...rows, '</ul>'].join('\n');
}

/** Every negative-list item and how it stands, so the document says they were checked. */
function negativeBody(vetoes: VetoResult[], lang: Lang, facts: FactDictionary): string {
  if (!vetoes.length) return `<p>${h(t(lang, 'pdf.negative.none'))}</p>`;
  const L = labels(lang);
  const rows = vetoes.map(
    (v) =>
      `<tr class="veto" data-state="${h(v.state)}" data-veto="${h(v.id)}"><td class="num">${v.number}</td><td>${h(v.text)}${v.state !== 'clear' && whyOf(v, lang, facts) ? `<br><span class="muted">${h(whyOf(v, lang, facts))}</span>` : ''}</td>` +
      `<td>${state(vetoLabel(L, v.state), v.state === 'triggered' ? 'triggered' : v.state === 'clear' ? 'clear' : v.state)}</td></tr>`,
  );
  const triggered = vetoes.filter((v) => v.state === 'triggered').length;
  const missing = vetoes.filter((v) => v.state === 'missing').length;
  const sentence = triggered
    ? ''
    : `<p>${h((missing ? t(lang, 'pdf.summary.vetoUndecided', { n: vetoes.length, missing }) : t(lang, 'pdf.summary.vetoClear', { n: vetoes.length })) + t(lang, 'pdf.sentence.end'))}</p>`;
  return [
    sentence,
    `<table class="vetoes"><thead><tr><th class="num">${h(t(lang, 'pdf.problems.no'))}</th><th>${h(t(lang, 'pdf.negative.item'))}</th><th>${h(t(lang, 'pdf.problems.state'))}</th></tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** 填报人 / 审核人 / 负责人 / 日期, and room for the seal: the same in every document of a language, made once. */
export function signOff(lang: Lang): string {
  return (signOffs[lang] ??= signOffOf(lang));
}
const signOffs: Partial<Record<Lang, string>> = {};

function signOffOf(lang: Lang): string {
  const cell = (id: 'pdf.signoff.reporter' | 'pdf.signoff.reviewer' | 'pdf.signoff.head' | 'pdf.signoff.date') => `<td><span class="k">${h(t(lang, id))}${colon(lang)}</span>${blank()}</td>`;
  return [
    '<section class="signoff">',
    `<table class="signoff-lines"><tr>${cell('pdf.signoff.reporter')}${cell('pdf.signoff.reviewer')}</tr><tr>${cell('pdf.signoff.head')}${cell('pdf.signoff.date')}</tr></table>`,
    `<p class="seal">${h(t(lang, 'pdf.signoff.seal'))}</p>`,
    '</section>',
  ].join('\n');
}

/** 附件: every item (collapsed on screen, open on paper), then warnings and evidence problems; `named`: rows kept as named pieces. */
function annexTo(out: Utf8Builder, r: AssessResult, ctx: DocumentContext, facts: FactDictionary, named: boolean): void {
  const { lang } = ctx;
  const L = labels(lang);
  out.text(
    [
      '<section class="annex">',
      `<h2 class="annex-title">${h(t(lang, 'pdf.annex'))}</h2>`,
      `<details class="all-items"${ctx.medium === 'print' ? ' open' : ''}><summary>${h(t(lang, 'pdf.annex.items', { n: r.items.length }))}</summary>`,
      `<table><thead><tr><th class="num">${h(t(lang, 'pdf.problems.no'))}</th><th>${h(L.aspect)}</th><th>${h(L.item)}</th><th>${h(L.html.state)}</th><th>${h(L.html.actual)}</th></tr></thead>`,
      '<tbody>',
    ].join('\n'),
  );
  // Each row as UTF-8 made once (annexRow): only its state and its facts' values are looked up.
  const items = r.items;
  for (let n = 0; n < items.length; n++) {
    const i = items[n];
    annexRow(out, itemCells(i, n, lang, facts), i.state, i.actual, L, named);
  }
  if (items.length) out.bytes(ROW_END);
  out.text(annexEnd(r, lang));
}

/**
 * The annex's end: warnings and evidence problems, where there are any. Apart from annexTo's loop
 * over the rows: an area's first warning (an array of another kind than the empty ones before it)
 * deoptimised annexTo, which was then compiled again, rows and all — three times in a 2,000-area batch.
 */
function annexEnd(r: AssessResult, lang: Lang): string {
  const findings = r.evidenceFindings;
  if (r.warnings.length === 0 && !findings?.length) return ANNEX_END;
  const notes = [...r.warnings, ...(findings ?? []).map((f) => `${f.fact}: ${f.message}`)];
  return ['</tbody></table></details>', `<h3>${h(t(lang, 'pdf.annex.notes'))}</h3><ul class="warnings">${notes.map((w) => `<li>${h(w)}</li>`).join('')}</ul>`, '</section>'].join('\n');
}

const ANNEX_END = '</tbody></table></details>\n</section>';

const ROW_END = utf8('</td></tr>');

export const colon = (lang: Lang) => (lang === 'zh' ? '：' : ': ');

export function state(label: string, key: string): string {
  return `<span class="state state-${classToken(key)}">${h(label)}</span>`;
}

function missingFacts(i: Pick<ItemResult, 'missing'>): string {
  // The ids once, in small print on screen (what the facts file calls them); the words above name each fact.
  return i.missing?.length ? ` <span class="screen-only ids">${i.missing.map((f) => `<code>${h(f)}</code>`).join(' ')}</span>` : '';
}

// ── Made once, not once per area: what depends only on the standard (and the language) ──
// A batch of 2,000 areas writes each of a standard's ~80 items 2,000 times, and most facts take
// a handful of values (是/否, small counts): the escaped text of each is kept and reused.

interface ItemCells {
  id: string;
  aspect: string;
  content: string | null;
  number: number;
  text: string;
  /** The row's place in the annex (its number is n + 1) and the words it was made in. */
  n: number;
  lang: Lang;
  facts: FactDictionary;
  /**
   * By state, everything of the row before its 实际值 — the end of the row before it (none for
   * the first), `<tr class="item" data-state="…" data-item="…"><td class="num">n</td>`, the
   * item's cells, its state cell and `<td>` — as UTF-8.
   */
  heads: Map<string, Uint8Array>;
  /** The facts the item showed last, in order, and each one's spans by value (spansOf). */
  keys: string[];
  spans: Map<unknown, Uint8Array>[];
  /**
   * Whole rows (rowHead, then each fact's span) for those facts, found by state, then the first
   * fact's value, then the next's …; at most MAX_ROWS of them (`count`), the first made.
   */
  rows: RowTree;
  count: number;
}
/** By state, then by each fact's value in turn: the row's bytes at the last step. */
type RowTree = Map<unknown, RowTree | NamedPiece>;
const itemCellsById = new Map<string, ItemCells>();

/** An item's annex row as far as the standard decides it: kept by id, and made again should another standard give the id other words or another place. */
function itemCells(i: ItemResult, n: number, lang: Lang, facts: FactDictionary): ItemCells {
  const seen = itemCellsById.get(i.id);
  if (seen && seen.n === n && seen.lang === lang && seen.facts === facts && seen.aspect === i.aspect && seen.content === i.content && seen.number === i.number && seen.text === i.text) return seen;
  const made: ItemCells = { id: i.id, aspect: i.aspect, content: i.content, number: i.number, text: i.text, n, lang, facts, heads: new Map(), keys: [], spans: [], rows: new Map(), count: 0 };
  itemCellsById.set(i.id, made);
  return made;
}

/**
 * An annex row: the item's cells and state, then 实际值 — each fact by its description with its
 * value in words (`已建立强制报告工作流程：是`), the id as a tooltip. Most areas' rows are one of a
 * few per item (a 2,000-area batch: 142,000 rows, 400 unlike), so a row whose facts' values are
 * not objects is written as one piece kept whole (ItemCells.rows): one copy, not one per fact.
 */
function annexRow(out: Utf8Builder, cells: ItemCells, state: string, values: Record<string, unknown>, L: ReturnType<typeof labels>, named: boolean): void {
  const { lang, facts } = cells;
  // Own keys, in order (for…in over ~70 shapes of object, one per item, was slower).
  const keys = Object.keys(values);
  // An item reads its facts in the same order in every area: the j-th fact's spans are at hand.
  let same = keys.length === cells.keys.length;
  for (let j = 0; j < keys.length; j++) {
    const k = keys[j];
    if (cells.keys[j] === k) continue;
    same = false;
    cells.keys[j] = k;
    cells.spans[j] = spansOf(k, lang, facts);
  }
  if (!same) {
    // Rows made for other facts say other things.
    cells.keys.length = keys.length;
    cells.spans.length = keys.length;
    cells.rows = new Map();
    cells.count = 0;
  }
  let node: RowTree = cells.rows;
  let key: unknown = state;
  for (let j = 0; j < keys.length; j++) {
    const next = node.get(key);
    if (next === undefined) return newRow(out, cells, node, key, j, state, values, L, named);
    node = next as RowTree;
    key = values[keys[j]];
  }
  const row = node.get(key) as NamedPiece | undefined;
  if (row === undefined) return newRow(out, cells, node, key, keys.length, state, values, L, named);
  out.bytes(named ? row.marked : row.bytes);
}

/** A row not kept yet: written, and kept (in `node` under `key`, the tree grown for facts from `from` on) while there is room and no value is an object. */
function newRow(out: Utf8Builder, cells: ItemCells, node: RowTree, key: unknown, from: number, state: string, values: Record<string, unknown>, L: ReturnType<typeof labels>, named: boolean): void {
  const { keys, spans, lang, facts } = cells;
  const head = rowHead(cells, state, L);
  const pieces: Uint8Array[] = [head];
  for (let j = 0; j < keys.length; j++) {
    const k = keys[j];
    const v = values[k];
    if (v !== null && typeof v === 'object') {
      // Words made from a list or a record are not kept: this row is written from its pieces.
      out.bytes(head);
      for (let m = 0; m < keys.length; m++) {
        if (m) out.ascii('<br>');
        factSpan(out, spans[m], keys[m], values[keys[m]], lang, facts);
      }
      return;
    }
    if (j) pieces.push(BR);
    pieces.push(spanOf(spans[j], k, v, lang, facts));
  }
  const row = pieces.length === 1 ? head : Buffer.concat(pieces);
  if (cells.count >= MAX_ROWS) return out.bytes(row);
  const kept = new NamedPiece(row);
  out.bytes(named ? kept.marked : kept.bytes);
  cells.count++;
  for (let j = from; j < keys.length; j++) {
    const next: RowTree = new Map();
    node.set(key, next);
    node = next;
    key = values[keys[j]];
  }
  node.set(key, kept);
}

const BR = utf8('<br>');

/** Rows kept at most per item (the first made; the rest written from their pieces). */
const MAX_ROWS = 64;

/** The row's beginning for the item in state `key` (ItemCells.heads). */
function rowHead(cells: ItemCells, key: string, L: ReturnType<typeof labels>): Uint8Array {
  let head = cells.heads.get(key);
  if (head === undefined) {
    const i = cells;
    head = utf8(
      `${i.n ? '</td></tr>\n' : ''}<tr class="item" data-state="${h(key)}" data-item="${h(i.id)}"><td class="num">${i.n + 1}` +
        `</td><td>${h(i.aspect)}<br><span class="muted">${h(placeOf(i))}</span></td><td>${h(i.text)}<br><code>${h(i.id)}</code></td><td>` +
        `${state(stateLabel(L, key), key)}</td><td>`,
    );
    cells.heads.set(key, head);
  }
  return head;
}

/** Values kept at most per fact (then begun again): a batch of made-up numbers cannot grow it without end. */
const MAX_VALUES = 1000;
const spansByWords = new WeakMap<FactDictionary, Record<Lang, Map<string, Map<unknown, Uint8Array>>>>();

/** A fact's spans by value, in `lang` and the words of `facts`: one map per fact, whichever items show it. */
function spansOf(k: string, lang: Lang, facts: FactDictionary): Map<unknown, Uint8Array> {
  let byLang = spansByWords.get(facts);
  if (!byLang) spansByWords.set(facts, (byLang = { zh: new Map(), en: new Map() }));
  let values = byLang[lang].get(k);
  if (!values) byLang[lang].set(k, (values = new Map()));
  return values;
}

/** One fact and its value in words, escaped: kept (spanOf) for a value that is not an object (是/否, a count, a date). */
function factSpan(out: Utf8Builder, values: Map<unknown, Uint8Array>, k: string, v: unknown, lang: Lang, facts: FactDictionary): void {
  if (v !== null && typeof v === 'object') return out.text(makeSpan(k, v, lang, facts));
  out.bytes(spanOf(values, k, v, lang, facts));
}

/** A fact's span for a value that is not an object, as UTF-8, kept in `values` (spansOf). */
function spanOf(values: Map<unknown, Uint8Array>, k: string, v: unknown, lang: Lang, facts: FactDictionary): Uint8Array {
  // Keyed by the value itself: 1 and "1" are two keys, as they are two values.
  let span = values.get(v);
  if (span === undefined) {
    if (values.size >= MAX_VALUES) values.clear();
    values.set(v, (span = utf8(makeSpan(k, v, lang, facts))));
  }
  return span;
}

function makeSpan(k: string, v: unknown, lang: Lang, facts: FactDictionary): string {
  return `<span class="fact" title="${h(k)}">${h(factInWords(k, v, lang, facts))}</span>`;
}

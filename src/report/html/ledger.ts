import { evidenceToSupply, rectificationGroups } from '../../assess/rectification.js';
import type { AssessResult, ItemResult, Lang } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';
import { labels, placeOf } from '../labels.js';
import { blank, state } from './area.js';
import { escapeHtml as h } from './escape.js';
import { areaTitle, stateLabel } from './words.js';
import { factsOf, whyOf } from '../facts.js';
import type { FormatOptions } from '../types.js';

/** How a row names its area: not at all (one area's 整改清单), by name, or by name linking to its report. */
export type AreaColumn = 'none' | 'name' | 'link';

/**
 * Where a row's number (its place in the group) and its area's anchor go: known only when the
 * ledger is laid out. Neither character can come from a result: escapeHtml shows every C0
 * control as an escape.
 */
const NUMBER = '\u0000';
const ANCHOR = '\u0001';
const MARKS = /[\u0000\u0001]/g;

/** One area's rows of one group of the 整改台账 (by 责任单位, else by 项目), the number and anchor to fill in. */
export interface LedgerSection {
  by: 'responsible' | 'aspect';
  key: string;
  /** How many rows. */
  n: number;
  rows: string;
}

/**
 * One area's part of the 整改台账: its open items grouped as its own 整改清单 (src/assess/rectification.ts),
 * each group's rows made now — where the whole result is at hand, on any thread — and placed
 * later (ledgerPieces) under the group merged across areas.
 */
export function ledgerSections(r: AssessResult, lang: Lang, words: Pick<FormatOptions, 'facts'>, column: AreaColumn): LedgerSection[] {
  const L = labels(lang);
  const sep = t(lang, 'pdf.list.separator');
  const name = h(areaTitle(r, lang));
  const facts = factsOf(r, words);
  const row = (item: ItemResult) => {
    const docs = evidenceToSupply(item);
    return (
      `<tr class="ledger-row" data-item="${h(item.id)}" data-area="${name}" data-state="${h(item.state)}"><td class="num">${NUMBER}</td>` +
      (column === 'none' ? '' : `<td>${column === 'link' ? `<a href="#${ANCHOR}">${name}</a>` : name}</td>`) +
      `<td>${state(stateLabel(L, item.state), item.state)} <span class="place">${h(item.aspect)} · ${h(placeOf(item))}</span><br>${h(item.text)}</td>` +
      `<td>${h(whyOf(item, lang, facts) || t(lang, 'pdf.problems.noReason'))}${docs.length ? `<br><span class="muted">${h(t(lang, 'pdf.problems.evidence'))}${lang === 'zh' ? '：' : ': '}${h(docs.join(sep))}</span>` : ''}</td>` +
      `<td class="fill-cell">${blank('cell')}</td><td class="fill-cell">${blank('cell')}</td></tr>`
    );
  };
  return rectificationGroups(r.items).map((g) => ({ by: g.by, key: g.key, n: g.items.length, rows: g.items.map(row).join('\n') }));
}

/** A group of the 整改台账 across areas: its rows, each area's in turn (text as made by ledgerSections, and the anchor of its area). */
export interface LedgerGroup {
  by: 'responsible' | 'aspect';
  key: string;
  /** Rows in all. */
  n: number;
  rows(): Iterable<{ rows: string; anchor?: string }>;
}

/**
 * The 整改台账: every area's open items under each 责任单位 (派出所 sees every 街道's items it must
 * act on), by 项目 where the standard names no unit — the same grouping as one area's 整改清单,
 * merged across areas in the order units first appear (`groups`, in that order). Each row has
 * 整改措施 and 完成时限 to fill; with several areas, the area's name links to its report. In
 * pieces: a group's rows are read as it is placed.
 */
export function* ledgerPieces(groups: LedgerGroup[], column: AreaColumn, lang: Lang): Generator<string> {
  if (!groups.length) {
    yield `<p class="none">${h(t(lang, 'pdf.district.ledgerNone'))}</p>`;
    return;
  }
  // Units first, then the 项目 fallback, each in the order they first appear.
  const ordered = [...groups].sort((a, b) => (a.by === b.by ? 0 : a.by === 'responsible' ? -1 : 1));
  const withArea = column !== 'none';
  const head =
    `<thead><tr><th class="num">${h(t(lang, 'pdf.problems.no'))}</th>${withArea ? `<th>${h(t(lang, 'pdf.problems.area'))}</th>` : ''}` +
    `<th>${h(t(lang, 'pdf.problems.item'))}</th><th>${h(t(lang, 'pdf.problems.why'))}</th><th>${h(t(lang, 'pdf.problems.measures'))}</th><th>${h(t(lang, 'pdf.problems.deadline'))}</th></tr></thead>`;
  yield `<p class="note">${h(t(lang, withArea ? 'pdf.district.ledgerIntro' : 'pdf.problems.byUnitIntro'))}</p>`;
  for (const g of ordered) {
    const title = g.by === 'responsible' ? t(lang, 'pdf.district.unit', { unit: g.key, n: g.n }) : t(lang, 'pdf.district.aspect', { aspect: g.key, n: g.n });
    yield `\n<div class="ledger-group" data-by="${g.by}" data-key="${h(g.key)}"><h3>${h(title)}</h3>\n<table class="ledger${withArea ? ' with-area' : ''}">${head}<tbody>`;
    let n = 0;
    let first = true;
    for (const { rows, anchor } of g.rows()) {
      yield (first ? '' : '\n') + rows.replace(MARKS, (m) => (m === NUMBER ? String(++n) : anchor!));
      first = false;
    }
    yield '</tbody></table></div>';
  }
}

/**
 * The 整改台账 of results held whole (one area's 问题清单, a batch's 整改台账 as one string):
 * ledgerSections of each, merged by ledgerPieces. `anchors` given: each area's name links to it.
 */
export function ledger(results: AssessResult[], anchors: string[] | undefined, lang: Lang, words: Pick<FormatOptions, 'facts'> = {}): string {
  const column: AreaColumn = results.length <= 1 ? 'none' : anchors ? 'link' : 'name';
  return [...ledgerPieces(mergeGroups(results.map((r) => ledgerSections(r, lang, words, column)), (area) => anchors?.[area]), column, lang)].join('');
}

/**
 * Each area's sections (in the order given) merged into the ledger's groups: a group for each
 * unit (or 项目) in the order first met, its rows area by area.
 */
export function mergeGroups(areas: Iterable<readonly Pick<LedgerSection, 'by' | 'key' | 'n'>[]>, anchor: (area: number) => string | undefined, rowsOf?: (area: number, section: number) => string): LedgerGroup[] {
  const groups = new Map<string, { by: 'responsible' | 'aspect'; key: string; n: number; at: number[] }>();
  const held: (readonly Pick<LedgerSection, 'by' | 'key' | 'n'>[])[] = [];
  let area = 0;
  for (const sections of areas) {
    if (!rowsOf) held.push(sections);
    sections.forEach((s, k) => {
      const key = `${s.by}\u0000${s.key}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { by: s.by, key: s.key, n: 0, at: [] }));
      g.n += s.n;
      g.at.push(area, k);
    });
    area++;
  }
  const read = rowsOf ?? ((a: number, k: number) => (held[a][k] as LedgerSection).rows);
  return [...groups.values()].map((g) => ({
    by: g.by,
    key: g.key,
    n: g.n,
    *rows() {
      for (let i = 0; i < g.at.length; i += 2) {
        const a = g.at[i];
        yield { rows: read(a, g.at[i + 1]), anchor: anchor(a) };
      }
    },
  }));
}

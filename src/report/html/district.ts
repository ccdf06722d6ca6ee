import type { AssessResult, Lang } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';
import type { BatchSummary, InvalidInput } from '../../packs/summary.js';
import { invalidWords } from '../invalid-words.js';
import { labels, percent } from '../labels.js';
import { documentHead, signOff, type DocumentContext } from './area.js';
import { classToken, escapeHtml as h } from './escape.js';
import { heatCells, heatMap, type HeatRow } from './heatmap.js';
import { ledgerPieces, mergeGroups, type LedgerGroup, type LedgerSection } from './ledger.js';
import { displayWidth } from '../width.js';
import { signed } from './progress.js';
import { verdictWord } from './summary.js';
import { formatDate, titleStem } from './titles.js';
import { areaTitle } from './words.js';

/** Verdicts by how bad they are: the overview lists 否决, then 不达标, then 达标. */
const SEVERITY: Record<string, number> = { veto: 0, fail: 1, pass: 2 };

/** The district's order, as indices into `results`: 否决 → 不达标 → 达标, then by score (lowest first), then as given. */
export function districtIndexOrder(results: Pick<AssessResult, 'verdict' | 'score'>[]): number[] {
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (SEVERITY[a.r.verdict] ?? 3) - (SEVERITY[b.r.verdict] ?? 3) || a.r.score - b.r.score || a.i - b.i)
    .map(({ i }) => i);
}

/**
 * What the district's view reads of one area, made where the area is assessed (any thread) and
 * set aside with its document: its row of the heat map and of the overview, what the titles
 * and the summary count, and its 整改台账 groups (the rows themselves are set aside beside it).
 */
export interface AreaLine extends HeatRow {
  period?: string;
  /** `title（id@version）`, and the title alone (the document's title when all areas share it). */
  standard: string;
  standardTitle: string;
  /** Display width of the area's name (the heat map's label column). */
  width: number;
  /** Compared with a baseline: the score's change (null where there was none before). */
  progress?: { delta: number | null };
  /** Items failed (or unsupported), and missing facts. */
  open: number;
  missing: number;
  worst?: [string, number];
  ledger: [LedgerSection['by'], string, number][];
}

export function areaLine(r: AssessResult, lang: Lang, ledger: Pick<LedgerSection, 'by' | 'key' | 'n'>[]): AreaLine {
  const title = areaTitle(r, lang);
  const worst = worstAspect(r);
  return {
    title,
    verdict: r.verdict,
    score: r.score,
    aspects: heatCells(r),
    ...(r.period !== undefined ? { period: r.period } : {}),
    standard: `${r.standard.title}（${r.standard.id}@${r.standard.version}）`,
    standardTitle: r.standard.title,
    width: displayWidth(title),
    ...(r.progress ? { progress: { delta: r.progress.score.delta ?? null } } : {}),
    open: r.items.filter((x) => x.state === 'fail' || x.state === 'unsupported').length,
    missing: r.items.filter((x) => x.state === 'missing').length,
    ...(worst ? { worst: [worst.name, worst.score] as [string, number] } : {}),
    ledger: ledger.map((s) => [s.by, s.key, s.n]),
  };
}

/**
 * What the district's view of a batch (issue 17) says before its first row: titles, periods,
 * standards, counts, the heat map's columns and label width, the 整改台账's groups — from one
 * pass over `count` areas' lines (`lines()`, in the district's order, read afresh for each pass:
 * from disk for a batch of any size). `rows(k, s)` is the k-th area's s-th 整改台账 section
 * (ledgerSections), `anchor(k)` its report's. Only sets and counts are held, never a line per area.
 */
export function districtSurvey(count: number, lines: () => Iterable<AreaLine>, rows: (area: number, section: number) => string, anchor: (area: number) => string, lang: Lang) {
  const titles = new Set<string>();
  const periods = new Set<string>();
  const standards = new Set<string>();
  const aspects = new Set<string>();
  const verdicts: Record<string, number> = {};
  let widest = 0;
  let progress = false;
  function* sections(): Generator<{ by: LedgerSection['by']; key: string; n: number }[]> {
    for (const line of lines()) {
      titles.add(line.standardTitle);
      if (line.period) periods.add(line.period);
      standards.add(line.standard);
      for (const [name] of line.aspects) aspects.add(name);
      verdicts[line.verdict] = (verdicts[line.verdict] ?? 0) + 1;
      widest = Math.max(widest, line.width);
      progress ||= !!line.progress;
      yield line.ledger.map(([by, key, n]) => ({ by, key, n }));
    }
  }
  const ledger: LedgerGroup[] = mergeGroups(sections(), anchor, rows);
  const [only] = titles;
  const common = titles.size === 1 ? { stem: titleStem(only), title: only } : undefined;
  return {
    count,
    lines,
    anchor,
    aspects: [...aspects],
    widest,
    progress,
    ledger,
    verdicts,
    periods: [...periods],
    standards: [...standards],
    common,
    title: t(lang, 'pdf.title.district', { ...(common ?? { stem: '', title: t(lang, 'pdf.title.empty') }), areas: count }),
  };
}

export type DistrictSurvey = ReturnType<typeof districtSurvey>;

/** The district's view (districtSurvey), in pieces. */
export function* districtDocument(survey: DistrictSurvey, ctx: DocumentContext, summary: BatchSummary | undefined): Generator<string> {
  const { lang } = ctx;
  const { anchor } = survey;
  const sep = t(lang, 'pdf.list.separator');
  const meta: [string, string | undefined][] = [
    [t(lang, 'pdf.meta.issuer'), ctx.issuer],
    [t(lang, 'pdf.meta.date'), formatDate(ctx.date, lang)],
    [t(lang, 'pdf.meta.period'), survey.periods.join(sep)],
    [t(lang, 'pdf.meta.standard'), survey.standards.join(sep)],
  ];
  const count = (v: string) => survey.verdicts[v] ?? 0;
  const invalid = summary?.invalid ?? [];
  const summaryBody = [
    `<p class="district-sentence">${h(t(lang, 'pdf.district.summary', { areas: survey.count, veto: count('veto'), fail: count('fail'), pass: count('pass'), invalid: invalid.length }))}</p>`,
    invalidList(invalid, lang),
  ]
    .filter(Boolean)
    .join('\n');
  function* anchored<T>(items: Iterable<T>): Generator<[T, string]> {
    let k = 0;
    for (const item of items) yield [item, anchor(k++)];
  }
  yield [`<section class="district doc" id="overview">`, documentHead(survey.title, meta), ''].join('\n');
  yield* numbered(
    [
      { heading: t(lang, 'pdf.section.summary'), className: 'summary', body: [summaryBody] },
      { heading: t(lang, 'pdf.section.heatmap'), className: 'heatmap-section', body: heatMap(survey.aspects, survey.widest, survey.count, anchored(survey.lines()), lang) },
      { heading: t(lang, 'pdf.section.overview'), className: 'overview-section', body: overviewTable(anchored(survey.lines()), survey.progress, lang) },
      { heading: t(lang, 'pdf.section.ledger'), className: 'ledger-section', body: ledgerPieces(survey.ledger, 'link', lang) },
    ],
    lang,
  );
  yield '\n' + signOff(lang) + '\n</section>';
}

/** numbered() in pieces: each part's body is read as it is placed. */
function* numbered(parts: { heading: string; className: string; body: Iterable<string> }[], lang: Lang): Generator<string> {
  let first = true;
  for (const [i, p] of parts.entries()) {
    yield `${first ? '' : '\n'}<section class="${p.className}">\n<h2>${h(t(lang, 'pdf.heading', { n: i + 1, text: p.heading }))}</h2>\n`;
    yield* p.body;
    yield '\n</section>';
    first = false;
  }
}

/**
 * Every area with verdict, score, counts and weakest 项目, worst first; each links to its report.
 * Cells carry `data-sort` keys so the inline script re-sorts numbers as numbers on screen.
 * `progress`: some area was compared with a baseline (a column for the change).
 */
export function* overviewTable(lines: Iterable<[AreaLine, string]>, progress: boolean, lang: Lang): Generator<string> {
  const L = labels(lang);
  const th = (label: string, type: 'text' | 'number', cls = '') =>
    `<th scope="col" data-type="${type}"${cls ? ` class="${cls}"` : ''}><button type="button">${h(label)}</button></th>`;
  yield [
    `<p class="hint muted screen-only">${h(L.html.sortHint)}</p>`,
    `<table class="overview sortable"><thead><tr>${th(t(lang, 'pdf.problems.area'), 'text')}${th(t(lang, 'pdf.meta.period'), 'text')}${th(L.conclusion, 'number')}${th(L.score, 'number', 'num')}` +
      `${th(t(lang, 'pdf.district.open'), 'number', 'num')}${th(t(lang, 'pdf.district.missing'), 'number', 'num')}${th(t(lang, 'pdf.district.worst'), 'number')}` +
      `${progress ? th(t(lang, 'pdf.section.progress'), 'number', 'num') : ''}</tr></thead>`,
    `<tbody>`,
  ].join('\n');
  let first = true;
  for (const [r, anchor] of lines) {
    yield (first ? '' : '\n') + overviewRow(r, anchor, progress, lang);
    first = false;
  }
  yield '</tbody></table>';
}

/**
 * An area's row of the overview. A function of its own, apart from overviewTable's loop: a
 * generator spends V8's optimisation budget at every yield by how far into it the yield stands,
 * and with the row inline the 2,000 yields of a 2,000-area batch had TurboFan compile the whole
 * table (the row's escaping and numbers inlined) for a loop that ends soon after.
 */
function overviewRow(r: AreaLine, anchor: string, progress: boolean, lang: Lang): string {
  const title = h(r.title);
  const delta = r.progress?.delta ?? null;
  return (
    `<tr data-verdict="${h(r.verdict)}">` +
    `<td data-sort="${title}"><a href="#${h(anchor)}">${title}</a></td>` +
    `<td data-sort="${h(r.period ?? '')}">${h(r.period ?? '')}</td>` +
    `<td data-sort="${SEVERITY[r.verdict] ?? 3}"><span class="verdict-text-${classToken(r.verdict)}">${h(verdictWord(r.verdict, lang))}</span></td>` +
    `<td class="num" data-sort="${r.score}">${percent(r.score)}</td>` +
    `<td class="num" data-sort="${r.open}">${r.open}</td>` +
    `<td class="num" data-sort="${r.missing}">${r.missing}</td>` +
    `<td data-sort="${r.worst ? r.worst[1] : 2}">${r.worst ? `${h(r.worst[0])} <span class="muted">${percent(r.worst[1])}</span>` : '<span class="muted">—</span>'}</td>` +
    (progress ? `<td class="num" data-sort="${delta ?? ''}">${h(signed(delta))}</td>` : '') +
    '</tr>'
  );
}

/** The applicable 项目 with the lowest score; none when every one is fully met. */
export function worstAspect(r: AssessResult): { name: string; score: number } | undefined {
  let worst: { name: string; score: number } | undefined;
  for (const a of r.aspects) if (a.applicable > 0 && a.score < 1 && (!worst || a.score < worst.score)) worst = a;
  return worst && { name: worst.name, score: worst.score };
}

/** The inputs of a batch that could not be assessed, under their heading (none: nothing). */
export function invalidList(invalid: readonly InvalidInput[], lang: Lang): string {
  return invalid.length ? `<h3>${h(t(lang, 'pdf.district.invalid'))}</h3><ul class="invalid">${invalid.map(invalidItem).join('')}</ul>` : '';
}

/** A pack that could not be read: where (the place once: invalidWords), why, and what to type instead on a line of its own. */
function invalidItem(bad: InvalidInput): string {
  const words = invalidWords(bad);
  return `<li><code>${h(words.place)}</code> ${h(words.reason)}${words.more.map((m) => `<br>${h(m)}`).join('')}</li>`;
}

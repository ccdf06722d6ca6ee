import type { AssessResult, AspectScore, ItemResult, Lang } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';
import { labels, percent } from '../labels.js';

/** How many items stand in each state: the numbers of the summary sentence (one pass). */
export function stateCounts(items: ItemResult[]) {
  let pass = 0, fail = 0, missing = 0, unsupported = 0, na = 0;
  for (const i of items) {
    if (i.state === 'pass') pass++;
    else if (i.state === 'fail') fail++;
    else if (i.state === 'missing') missing++;
    else if (i.state === 'unsupported') unsupported++;
    else if (i.state === 'not_applicable') na++;
  }
  return { total: items.length, pass, fail, missing, unsupported, na };
}

/**
 * The summary as a clerk would write it (issue 17): `对照 71 项工作标准，达标 65 项，未达标 4 项，缺少材料
 * 2 项；负面工作清单 9 项均未触发；结论：不达标。` A triggered negative-list item is named first,
 * since it decides the verdict whatever the score.
 */
export function verdictSentence(r: AssessResult, lang: Lang): string {
  const join = t(lang, 'pdf.sentence.join');
  const sep = t(lang, 'pdf.list.separator');
  const triggered = r.vetoes.filter((v) => v.state === 'triggered');
  const parts: string[] = [];
  if (triggered.length) {
    parts.push(t(lang, 'pdf.summary.vetoTriggered', { list: triggered.map((v) => t(lang, 'pdf.summary.vetoItem', { number: v.number, text: v.text.replace(/[。．.；;]+$/, '') })).join(sep) }));
  }
  parts.push(t(lang, 'pdf.summary.items', stateCounts(r.items)));
  if (!triggered.length) parts.push(vetoClause(r, lang));
  parts.push(t(lang, 'pdf.summary.conclusion', { verdict: verdictWord(r.verdict, lang) }));
  return parts.join(join) + t(lang, 'pdf.sentence.end');
}

function vetoClause(r: AssessResult, lang: Lang): string {
  if (!r.vetoes.length) return t(lang, 'pdf.summary.vetoNone');
  const missing = r.vetoes.filter((v) => v.state === 'missing').length;
  return missing ? t(lang, 'pdf.summary.vetoUndecided', { n: r.vetoes.length, missing }) : t(lang, 'pdf.summary.vetoClear', { n: r.vetoes.length });
}

/** The second sentence: the score, and where the open items are (or that every 项目 is met). */
export function scoreSentence(r: AssessResult, lang: Lang): string {
  const sep = t(lang, 'pdf.list.separator');
  const openNames = new Set<string>();
  for (const i of r.items) if (i.state !== 'pass' && i.state !== 'not_applicable') openNames.add(i.aspect);
  const open = r.aspects.filter((a) => openNames.has(a.name));
  const unreported = r.aspects.filter((a) => aspectStanding(a, r.items) === 'unreported');
  const parts = [
    t(lang, 'pdf.summary.score', { score: percent(r.score) }),
    open.length ? t(lang, 'pdf.summary.openAspects', { n: open.length, aspects: open.map((a) => a.name).join(sep) }) : t(lang, 'pdf.summary.allAspectsMet'),
  ];
  if (unreported.length) parts.push(t(lang, 'pdf.summary.unreported', { aspects: unreported.map((a) => a.name).join(sep) }));
  return parts.join(t(lang, 'pdf.sentence.join')) + t(lang, 'pdf.sentence.end');
}

export function verdictWord(verdict: string, lang: Lang): string {
  // The document says 达标 / 不达标 / 否决 in either language's sentence; en adds its word.
  return (labels(lang).verdict as Record<string, string>)[verdict] ?? verdict;
}

/**
 * What a 项目's score means: `scored` (something in it was measured), `unreported` (every
 * applicable item lacks facts: no score yet, which a 0% bar would misread as failure) or
 * `not-applicable` (nothing in it applies).
 */
export function aspectStanding(a: AspectScore, items: ItemResult[]): 'scored' | 'unreported' | 'not-applicable' {
  if (a.applicable === 0) return 'not-applicable';
  const own = tallyOf(items).get(a.name);
  if (own && own.applicable && own.applicable === own.missing) return 'unreported';
  return 'scored';
}

/**
 * Each 项目's applicable items and how many of them lack facts, counted in one pass over an
 * area's items and kept for them: the summary, the chart and the district's heat map each ask
 * for every 项目's standing, which was a pass over the items per question.
 */
function tallyOf(items: ItemResult[]): Map<string, { applicable: number; missing: number }> {
  let tally = tallies.get(items);
  if (tally) return tally;
  tally = new Map();
  for (const i of items) {
    if (i.state === 'not_applicable') continue;
    let own = tally.get(i.aspect);
    if (!own) tally.set(i.aspect, (own = { applicable: 0, missing: 0 }));
    own.applicable++;
    if (i.state === 'missing') own.missing++;
  }
  tallies.set(items, tally);
  return tally;
}
const tallies = new WeakMap<ItemResult[], Map<string, { applicable: number; missing: number }>>();

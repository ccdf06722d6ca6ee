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
  // Counted and joined in one loop, once per area of a batch: filter, map and join made arrays
  // whose kind (empty or not) changed from area to area, and TurboFan compiled them again.
  const join = t(lang, 'pdf.sentence.join');
  const vetoes = r.vetoes;
  let triggered = '';
  let missing = 0;
  for (let k = 0; k < vetoes.length; k++) {
    const v = vetoes[k];
    if (v.state === 'triggered') {
      const item = t(lang, 'pdf.summary.vetoItem', { number: v.number, text: v.text.replace(/[。．.；;]+$/, '') });
      triggered = triggered ? triggered + t(lang, 'pdf.list.separator') + item : item;
    } else if (v.state === 'missing') missing++;
  }
  let text = triggered ? t(lang, 'pdf.summary.vetoTriggered', { list: triggered }) + join : '';
  text += t(lang, 'pdf.summary.items', stateCounts(r.items));
  if (!triggered) text += join + vetoClause(vetoes.length, missing, lang);
  return text + join + t(lang, 'pdf.summary.conclusion', { verdict: verdictWord(r.verdict, lang) }) + t(lang, 'pdf.sentence.end');
}

function vetoClause(n: number, missing: number, lang: Lang): string {
  if (!n) return t(lang, 'pdf.summary.vetoNone');
  return missing ? t(lang, 'pdf.summary.vetoUndecided', { n, missing }) : t(lang, 'pdf.summary.vetoClear', { n });
}

/** The second sentence: the score, and where the open items are (or that every 项目 is met). */
export function scoreSentence(r: AssessResult, lang: Lang): string {
  const sep = t(lang, 'pdf.list.separator');
  const tally = tallyOf(r.items);
  // 项目 in the standard's order: those with an item not met, and those not reported at all.
  let open = '';
  let n = 0;
  let unreported = '';
  let u = 0;
  for (const a of r.aspects) {
    const own = tally.get(a.name);
    if (own === undefined) continue;
    if (own.open) open = n++ ? open + sep + a.name : a.name;
    if (a.applicable !== 0 && own.applicable && own.applicable === own.missing) unreported = u++ ? unreported + sep + a.name : a.name;
  }
  let text = t(lang, 'pdf.summary.score', { score: percent(r.score) }) + t(lang, 'pdf.sentence.join');
  text += n ? t(lang, 'pdf.summary.openAspects', { n, aspects: open }) : t(lang, 'pdf.summary.allAspectsMet');
  if (u) text += t(lang, 'pdf.sentence.join') + t(lang, 'pdf.summary.unreported', { aspects: unreported });
  return text + t(lang, 'pdf.sentence.end');
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
function tallyOf(items: ItemResult[]): Map<string, Tally> {
  let tally = tallies.get(items);
  if (tally) return tally;
  tally = new Map();
  for (const i of items) {
    if (i.state === 'not_applicable') continue;
    let own = tally.get(i.aspect);
    if (!own) tally.set(i.aspect, (own = { applicable: 0, missing: 0, open: 0 }));
    own.applicable++;
    if (i.state === 'missing') own.missing++;
    if (i.state !== 'pass') own.open++;
  }
  tallies.set(items, tally);
  return tally;
}

/** Of one 项目's items: those that apply, those of them lacking facts, and those not met (any state but pass and not applicable). */
interface Tally {
  applicable: number;
  missing: number;
  open: number;
}
const tallies = new WeakMap<ItemResult[], Map<string, Tally>>();

import { isOpen } from '../assess/open.js';
import type { AssessResult } from '../assess/types.js';
import { areaAndPeriod, labels, percent, placeOf } from './labels.js';
import { t } from '../messages/catalogue.js';
import { batchMarkdown, markdownRow, type MarkdownRow } from './batch-markdown.js';
import { progressMarkdown } from './progress-markdown.js';
import { esc } from './markdown-text.js';
import type { FormatOptions, ReportLayout, TextFormatter } from './types.js';
import { safeText } from '../text/safe.js';
import { factsOf, factWords, whyOf } from './facts.js';

/** A summary to paste into a 问题清单 or post on a pull request. */
export const markdown: TextFormatter = (results, options) =>
  (options.summary ? batchMarkdown(results.map(markdownRow), options.summary, options.lang) : '') + results.map((r) => area(r, options)).join(SEPARATOR);

const SEPARATOR = '\n---\n\n';
const area = (r: AssessResult, options: FormatOptions) => one(r, options) + progressMarkdown(r, options.lang);

/**
 * `--format markdown` for a batch, piece by piece (the CLI's way; `markdown` gives the same text at
 * once): each area's section is made where the area is assessed and set aside, the head (one row
 * per area, counts, most-failed items) needs only a few fields of each (MarkdownRow), and each section is read
 * back as it is placed, so a batch holds no area's whole result.
 */
export function markdownLayout(options: FormatOptions): ReportLayout<MarkdownRow> {
  return {
    part: (r) => area(r, options),
    keep: markdownRow,
    *write(kept, part, summary) {
      if (summary) yield batchMarkdown(kept, summary, options.lang);
      for (let i = 0; i < kept.length; i++) {
        if (i) yield SEPARATOR;
        yield part(i);
      }
    },
  };
}

function one(r: AssessResult, options: FormatOptions): string {
  const { lang } = options;
  const facts = factsOf(r, options);
  const L = labels(lang);
  const W = wordsOf(lang);
  const out: string[] = [];
  const title = areaAndPeriod(r.area.name, r.period) || (r.input ?? '');
  out.push(`## ${esc(title)}: ${W.verdict.get(r.verdict)}`, '');
  out.push(`${r.standard.title} (\`${r.standard.id}@${r.standard.version}\`)${r.input ? ` — \`${safeText(r.input)}\`` : ''}`, '');
  // Counted, not filtered into a list of their own: a filtered list is an array of one kind when
  // empty and of another when not, and the compiled function was thrown away at the first area
  // that gave the other kind (--trace-deopt "wrong map"); the words of a veto's state are looked
  // up in Maps for the same reason (wordsOf).
  let vetoes = 0;
  for (const v of r.vetoes) if (v.state !== 'clear') vetoes++;
  if (vetoes) {
    out.push(`### ${L.vetoHeading}`, '');
    for (const v of r.vetoes) {
      if (v.state === 'clear') continue;
      const why = whyOf(v, lang, facts);
      out.push(`- **${W.veto.get(v.state)}** ${L.negativeItem} ${v.number}: ${esc(v.text)}${why ? `\n  - ${esc(why)}` : ''}`);
    }
    out.push('');
  } else if (r.vetoes.length) {
    out.push(t(lang, 'report.vetoesClear', { n: r.vetoes.length }), '');
  }
  out.push(`| ${L.aspect} | ${L.met} | ${L.applicable} | ${L.score} |`, '|---|---:|---:|---:|');
  let met = 0;
  let applicable = 0;
  for (const a of r.aspects) {
    out.push(`| ${esc(a.name)} | ${a.met} | ${a.applicable} | ${percent(a.score)} |`);
    met += a.met;
    applicable += a.applicable;
  }
  out.push(`| **${L.total}** | **${met}** | **${applicable}** | **${percent(r.score)}** |`, '');
  out.push(`### ${L.findings}`, '');
  // Loops, not filter/flatMap/spread: this runs once per area of a batch, most of whose items are met.
  let open = 0;
  for (const i of r.items) {
    if (!isOpen(i)) continue;
    open++;
    out.push(`- **${W.state.get(i.state)}** ${esc(i.aspect)} / ${esc(placeOf(i))}: ${esc(i.text)}`);
    const why = whyOf(i, lang, facts);
    if (why) out.push(`  - ${esc(why)}`);
  }
  if (!open) out.push(L.none);
  // Every fact still to collect, by description: the submitter's to-do in one place.
  const missing = missingFacts(r);
  if (missing.length) {
    out.push('', `### ${t(lang, 'report.missingFacts', { n: missing.length })}`, '');
    for (const f of missing) out.push(`- ${esc(factWords(f, lang, facts))}`);
  }
  return out.join('\n') + '\n';
}

/**
 * The words of states and verdicts, in Maps (as github.ts has them): `L.state[i.state]` is a load
 * keyed by another name from one area to the next (fail, missing …), and each name the compiled
 * function had not seen yet threw it away.
 */
function wordsOf(lang: FormatOptions['lang']) {
  let w = words.get(lang);
  if (w === undefined) {
    const L = labels(lang);
    w = { state: new Map<string, string>(Object.entries(L.state)), veto: new Map<string, string>(Object.entries(L.veto)), verdict: new Map<string, string>(Object.entries(L.verdict)) };
    words.set(lang, w);
  }
  return w;
}
const words = new Map<FormatOptions['lang'], { state: Map<string, string>; veto: Map<string, string>; verdict: Map<string, string> }>();

/** The facts still missing of an area's items and vetoes, each once, in their order. */
function missingFacts(r: AssessResult): string[] {
  let seen: Set<string> | undefined;
  for (const list of [r.items, r.vetoes]) for (const i of list) if (i.missing.length) for (const f of i.missing) (seen ??= new Set()).add(f);
  return seen ? [...seen] : [];
}

import { isOpen } from '../assess/open.js';
import type { AssessResult } from '../assess/types.js';
import { labels, percent, placeOf } from './labels.js';
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
  const out: string[] = [];
  const title = [r.area.name, r.period].filter(Boolean).join(' · ') || (r.input ?? '');
  out.push(`## ${esc(title)}: ${L.verdict[r.verdict]}`, '');
  out.push(`${r.standard.title} (\`${r.standard.id}@${r.standard.version}\`)${r.input ? ` — \`${safeText(r.input)}\`` : ''}`, '');
  const vetoes = r.vetoes.filter((v) => v.state !== 'clear');
  if (vetoes.length) {
    out.push(`### ${L.vetoHeading}`, '');
    for (const v of vetoes) {
      const why = whyOf(v, lang, facts);
      out.push(`- **${L.veto[v.state]}** ${L.negativeItem} ${v.number}: ${esc(v.text)}${why ? `\n  - ${esc(why)}` : ''}`);
    }
    out.push('');
  } else if (r.vetoes.length) {
    out.push(t(lang, 'report.vetoesClear', { n: r.vetoes.length }), '');
  }
  out.push(`| ${L.aspect} | ${L.met} | ${L.applicable} | ${L.score} |`, '|---|---:|---:|---:|');
  for (const a of r.aspects) out.push(`| ${esc(a.name)} | ${a.met} | ${a.applicable} | ${percent(a.score)} |`);
  const met = r.aspects.reduce((s, a) => s + a.met, 0);
  const applicable = r.aspects.reduce((s, a) => s + a.applicable, 0);
  out.push(`| **${L.total}** | **${met}** | **${applicable}** | **${percent(r.score)}** |`, '');
  const open = r.items.filter(isOpen);
  out.push(`### ${L.findings}`, '');
  if (!open.length) out.push(L.none);
  for (const i of open) {
    out.push(`- **${L.state[i.state]}** ${esc(i.aspect)} / ${esc(placeOf(i))}: ${esc(i.text)}`);
    const why = whyOf(i, lang, facts);
    if (why) out.push(`  - ${esc(why)}`);
  }
  // Every fact still to collect, by description: the submitter's to-do in one place.
  const missing = [...new Set([...r.items, ...r.vetoes].flatMap((i) => i.missing))];
  if (missing.length) {
    out.push('', `### ${t(lang, 'report.missingFacts', { n: missing.length })}`, '');
    for (const f of missing) out.push(`- ${esc(factWords(f, lang, facts))}`);
  }
  return out.join('\n') + '\n';
}

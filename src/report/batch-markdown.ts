import { isOpen } from '../assess/open.js';
import type { AssessResult, Verdict } from '../assess/types.js';
import type { BatchSummary } from '../packs/summary.js';
import { batchLabels, signedPoints } from './batch-labels.js';
import { invalidWords } from './invalid-words.js';
import { areaAndPeriod, labels, percent, placeOf } from './labels.js';
import { esc } from './markdown-text.js';

/**
 * What the head's row of an area reads of its result: all a batch keeps of it (markdownLayout's
 * keep; the rest is in the area's section, set aside) — held for every area until the end, so
 * a few fields, not the result (2,000 slimmed results were a third of the format's cost in GC).
 */
export interface MarkdownRow {
  input?: string;
  /** Area · period, or — . */
  name: string;
  verdict: Verdict;
  score: number;
  /** The score's change since the baseline: set where the result has progress. */
  delta?: number | null;
  /** Items not met. */
  open: number;
}

export function markdownRow(r: AssessResult): MarkdownRow {
  let open = 0;
  for (const i of r.items) if (isOpen(i)) open++;
  const name = areaAndPeriod(r.area.name, r.period) || '—';
  // Written out rather than spread from conditional parts: this runs for every area of a batch.
  const row: MarkdownRow = r.input !== undefined ? { input: r.input, name, verdict: r.verdict, score: r.score, open } : { name, verdict: r.verdict, score: r.score, open };
  if (r.progress) row.delta = r.progress.score.delta;
  return row;
}

/** The head of a batch's Markdown report: one row per pack, then counts, worst areas, most-failed items. */
export function batchMarkdown(rows: MarkdownRow[], summary: BatchSummary, lang: 'zh' | 'en'): string {
  const L = labels(lang);
  const B = batchLabels(lang);
  const counts = summary.byVerdict;
  const out: string[] = [`# ${B.summary}: ${B.packs(summary.total)}`, ''];
  out.push(`${[`${L.verdict.pass} ${counts.pass}`, `${L.verdict.fail} ${counts.fail}`, `${L.verdict.veto} ${counts.veto}`, ...(counts.in_progress ? [`${L.verdict.in_progress} ${counts.in_progress}`] : []), `${B.invalid} ${counts.invalid}`].join(' · ')}`, '');
  const withDelta = rows.some((r) => r.delta !== undefined);
  out.push(`| ${B.area} | ${B.verdictHead} | ${L.score} |${withDelta ? ` ${B.scoreDelta} |` : ''} ${B.open} | ${B.input} |`);
  out.push(`|---|---|---:|${withDelta ? '---:|' : ''}---:|---|`);
  for (const r of rows) {
    out.push(`| ${esc(r.name)} | ${L.verdict[r.verdict]} | ${percent(r.score)} |${withDelta ? ` ${r.delta !== undefined ? signedPoints(r.delta) : '—'} |` : ''} ${r.open} | ${r.input ? `\`${esc(r.input)}\`` : ''} |`);
  }
  for (const bad of summary.invalid) {
    const words = invalidWords(bad);
    out.push(`| — | **${B.invalid}** | — |${withDelta ? ' — |' : ''} — | ${[`\`${esc(words.place)}\`: ${esc(words.reason)}`, ...words.more.map(esc)].join('<br>')} |`);
  }
  out.push('');
  if (summary.vetoes.length) {
    out.push(`### ${B.vetoes}`, '');
    for (const v of summary.vetoes) out.push(`- ${B.areas(v.count, rows.length)}: ${L.negativeItem} ${v.number} ${esc(v.text)}`);
    out.push('');
  }
  if (summary.mostFailed.length) {
    out.push(`### ${B.mostFailed}`, '');
    for (const i of summary.mostFailed) out.push(`- ${B.areas(i.count, rows.length)}: ${esc(i.aspect)} / ${esc(placeOf(i))} ${esc(i.text)}`);
    out.push('');
  }
  return out.join('\n') + '\n---\n\n';
}

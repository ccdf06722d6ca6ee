import { isOpen } from '../assess/open.js';
import type { AssessResult } from '../assess/types.js';
import type { BatchSummary } from '../packs/summary.js';
import { batchLabels, signedPoints } from './batch-labels.js';
import { labels, percent, placeOf } from './labels.js';
import { esc } from './markdown-text.js';

/** The head of a batch's Markdown report: one row per pack, then counts, worst areas, most-failed items. */
export function batchMarkdown(results: AssessResult[], summary: BatchSummary, lang: 'zh' | 'en'): string {
  const L = labels(lang);
  const B = batchLabels(lang);
  const counts = summary.byVerdict;
  const out: string[] = [`# ${B.summary}: ${B.packs(summary.total)}`, ''];
  out.push(`${[`${L.verdict.pass} ${counts.pass}`, `${L.verdict.fail} ${counts.fail}`, `${L.verdict.veto} ${counts.veto}`, ...(counts.in_progress ? [`${L.verdict.in_progress} ${counts.in_progress}`] : []), `${B.invalid} ${counts.invalid}`].join(' · ')}`, '');
  const withDelta = results.some((r) => r.progress);
  out.push(`| ${B.area} | ${B.verdictHead} | ${L.score} |${withDelta ? ` ${B.scoreDelta} |` : ''} ${B.open} | ${B.input} |`);
  out.push(`|---|---|---:|${withDelta ? '---:|' : ''}---:|---|`);
  for (const r of results) {
    const open = r.items.filter(isOpen).length;
    const name = [r.area.name, r.period].filter(Boolean).join(' · ') || '—';
    out.push(`| ${esc(name)} | ${L.verdict[r.verdict]} | ${percent(r.score)} |${withDelta ? ` ${r.progress ? signedPoints(r.progress.score.delta) : '—'} |` : ''} ${open} | ${r.input ? `\`${esc(r.input)}\`` : ''} |`);
  }
  for (const bad of summary.invalid) {
    out.push(`| — | **${B.invalid}** | — |${withDelta ? ' — |' : ''} — | \`${esc(bad.input)}\`: ${esc(bad.message.split('\n')[0])} |`);
  }
  out.push('');
  if (summary.vetoes.length) {
    out.push(`### ${B.vetoes}`, '');
    for (const v of summary.vetoes) out.push(`- ${B.areas(v.count, results.length)}: ${L.negativeItem} ${v.number} ${esc(v.text)}`);
    out.push('');
  }
  if (summary.mostFailed.length) {
    out.push(`### ${B.mostFailed}`, '');
    for (const i of summary.mostFailed) out.push(`- ${B.areas(i.count, results.length)}: ${esc(i.aspect)} / ${esc(placeOf(i))} ${esc(i.text)}`);
    out.push('');
  }
  return out.join('\n') + '\n---\n\n';
}

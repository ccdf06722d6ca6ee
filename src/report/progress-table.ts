import { Chalk } from 'chalk';
import type { AssessResult } from '../assess/types.js';
import { batchLabels, signedPoints } from './batch-labels.js';
import { labels, percent, placeOf } from './labels.js';
import { t } from '../messages/catalogue.js';
import type { FormatOptions } from './types.js';
import { displayWidth, truncate } from './width.js';

/** The 月报 section of the terminal report: what changed since the previous report. */
export function progressTable(r: AssessResult, { lang, color, width }: FormatOptions): string {
  const p = r.progress;
  if (!p) return '';
  const c = new Chalk({ level: color ? 1 : 0 });
  const L = labels(lang);
  const B = batchLabels(lang);
  const out: string[] = ['', c.bold(B.progress)];
  if (!p.baseline) return [...out, `  ${B.noBaseline}`].join('\n') + '\n';
  const verdictWord = (v: string | null) => (v && v in L.verdict ? L.verdict[v as keyof typeof L.verdict] : (v ?? '—'));
  out.push(`  ${B.baselineFrom(p.baseline.period, verdictWord(p.verdict.before), percent(p.baseline.score))}`);
  out.push(`  ${t(lang, 'report.labelled', { label: B.scoreDelta, text: `${percent(p.score.before ?? 0)} → ${percent(p.score.after)}  (${signedPoints(p.score.delta)})` })}`);
  for (const a of p.aspects) {
    if (a.delta === 0) continue;
    out.push(truncate(`    ${a.name}  ${a.before === null ? '—' : percent(a.before)} → ${percent(a.after)}  (${signedPoints(a.delta)})`, width));
  }
  const list = (title: string, paint: (s: string) => string, items: typeof p.newlyMet) => {
    if (!items.length) return;
    out.push(paint(`  ${t(lang, 'report.progress.count', { title, n: items.length })}`));
    // Where the item stands, how it changed, then as much of its text as fits (its id is in the JSON).
    for (const i of items) {
      const head = `    ${i.aspect} / ${placeOf(i)}  ${i.before ? L.state[i.before] : '—'} → ${L.state[i.after]}  `;
      out.push(head + truncate(i.text, Math.max(10, width - displayWidth(head))));
    }
  };
  list(B.newlyMet, c.green, p.newlyMet);
  list(B.newlyFailed, c.red, p.newlyFailed);
  list(B.stillOpen, c.yellow, p.stillOpen);
  if (p.vetoes.length) {
    out.push(`  ${B.vetoChanges}`);
    for (const v of p.vetoes) out.push(`    ${L.negativeItem} ${v.number}  ${v.before ? L.veto[v.before] : '—'} → ${L.veto[v.after]}`);
  }
  return out.join('\n') + '\n';
}

import type { AssessResult } from '../assess/types.js';
import { batchLabels, signedPoints } from './batch-labels.js';
import { labels, percent, placeOf } from './labels.js';
import { t } from '../messages/catalogue.js';
import { esc } from './markdown-text.js';

/** The 月报 section: change since the previous report, as a 街道 sends it up. */
export function progressMarkdown(r: AssessResult, lang: 'zh' | 'en'): string {
  const p = r.progress;
  if (!p) return '';
  const L = labels(lang);
  const B = batchLabels(lang);
  const out: string[] = ['', `### ${B.progress}`, ''];
  if (!p.baseline) return [...out, B.noBaseline].join('\n') + '\n';
  const verdictWord = (v: string | null) => (v && v in L.verdict ? L.verdict[v as keyof typeof L.verdict] : (v ?? '—'));
  out.push(`${B.baselineFrom(p.baseline.period, verdictWord(p.verdict.before), percent(p.baseline.score))}${t(lang, 'report.progress.and')}${B.scoreDelta} **${signedPoints(p.score.delta)}**`, '');
  out.push(`| ${L.aspect} | ${B.before} | ${B.after} | ${B.delta} |`, '|---|---:|---:|---:|');
  for (const a of p.aspects) out.push(`| ${esc(a.name)} | ${a.before === null ? '—' : percent(a.before)} | ${percent(a.after)} | ${signedPoints(a.delta)} |`);
  out.push(`| **${L.total}** | ${p.score.before === null ? '—' : percent(p.score.before)} | ${percent(p.score.after)} | **${signedPoints(p.score.delta)}** |`, '');
  const list = (title: string, items: typeof p.newlyMet) => {
    out.push(`**${t(lang, 'report.progress.count', { title, n: items.length })}**`, '');
    if (!items.length) out.push(L.none);
    for (const i of items) out.push(`- ${esc(i.aspect)} / ${esc(placeOf(i))}: ${i.before ? L.state[i.before] : '—'} → ${L.state[i.after]} — ${esc(i.text)}`);
    out.push('');
  };
  list(B.newlyMet, p.newlyMet);
  list(B.newlyFailed, p.newlyFailed);
  list(B.stillOpen, p.stillOpen);
  if (p.vetoes.length) {
    out.push(`**${B.vetoChanges}**`, '');
    for (const v of p.vetoes) out.push(`- ${L.negativeItem} ${v.number}: ${v.before ? L.veto[v.before] : '—'} → ${L.veto[v.after]}`);
    out.push('');
  }
  return out.join('\n');
}

import { evidenceToSupply, rectificationList } from '../../assess/rectification.js';
import { t, type MessageId } from '../../messages/catalogue.js';
import type { Lang } from '../../messages/types.js';
import { labels, placeOf } from '../labels.js';
import { esc } from '../markdown-text.js';
import type { AssessResult } from '../../assess/types.js';
import { whole } from '../json.js';
import type { FormatOptions, StreamFormatter, TextFormatter } from '../types.js';
import { factsOf, whyOf } from '../facts.js';
import { negativeListLine } from './words.js';

/**
 * `--by responsible --format markdown`: what a 街道 pastes into its monthly 问题清单 — per 责任单位
 * a table of open items with the problem and the evidence to supply, and empty 整改措施 / 完成时限
 * columns to fill in (the 杨市 方案 asks for both).
 */
export const rectificationMarkdown: TextFormatter = (results, options) => whole(rectificationMarkdownStream(options), results, options.summary);

/** The same, one area at a time, a rule (---) between areas. */
export const rectificationMarkdownStream: StreamFormatter = (options) => {
  let n = 0;
  const piece = (r: AssessResult) => one(r, options);
  const place = (p: unknown) => `${n++ ? '\n---\n\n' : ''}${p as string}`;
  return { head: () => '', piece, place, item: (r) => place(piece(r)), tail: () => '', tailReads: 'invalid' };
};

function one(r: Parameters<typeof rectificationList>[0], options: FormatOptions): string {
  const { lang } = options;
  const facts = factsOf(r, options);
  const w = (id: MessageId) => (t as (l: Lang, i: MessageId) => string)(lang, id);
  const L = labels(lang);
  const list = rectificationList(r);
  const title = [list.area.name, list.period].filter(Boolean).join(' · ');
  const out = [`## ${w('report.rect.title')}${title ? `: ${esc(title)}` : ''}`, '', `${list.standard.title} (\`${list.standard.id}@${list.standard.version}\`) — ${L.verdict[list.verdict]}`, ''];
  // A veto decides the verdict whatever else is done: it heads the list.
  if (list.vetoes.length) {
    out.push(`### ${w('report.rect.vetoHead')}`, '');
    for (const v of list.vetoes) {
      const why = whyOf(v, lang, facts);
      out.push(`- **${L.veto[v.state]}** ${L.negativeItem} ${v.number}: ${esc(v.text)}${why ? `\n  - ${esc(why)}` : ''}`);
    }
    out.push('');
  } else {
    const clear = negativeListLine(r, lang);
    if (clear) out.push(clear, '');
  }
  if (!list.groups.length) return out.concat(w(list.vetoes.length ? 'report.rect.noneElse' : 'report.rect.none')).join('\n') + '\n';
  if (list.byAspectOnly) out.push(w('report.rect.aspectOnly'), '');
  let saidNoUnit = list.byAspectOnly;
  for (const g of list.groups) {
    if (g.by === 'aspect' && !saidNoUnit) (out.push(w('report.rect.noUnit'), ''), (saidNoUnit = true));
    out.push(`### ${t(lang, 'report.labelled', { label: g.by === 'responsible' ? w('report.rect.unit') : w('report.rect.aspect'), text: esc(g.key) })}`, '');
    out.push(`| ${w('report.rect.n')} | ${w('report.rect.item')} | ${w('report.rect.problem')} | ${w('report.rect.evidence')} | ${w('report.rect.measure')} | ${w('report.rect.deadline')} |`, '|---:|---|---|---|---|---|');
    g.items.forEach((i, k) => {
      // A failure's reasons don't name the state; a missing fact's and an evidence problem's do (no "缺少事实：缺少事实：").
      const why = whyOf(i, lang, facts);
      const problem = i.state === 'fail' && why ? t(lang, 'report.labelled', { label: L.state[i.state], text: why }) : why || L.state[i.state];
      out.push(`| ${k + 1} | ${esc(`${i.aspect} / ${placeOf(i)}`)}<br>${esc(i.text)} | ${esc(problem)} | ${esc(evidenceToSupply(i).join(t(lang, 'report.rect.listSep')))} |  |  |`);
    });
    out.push('');
  }
  return out.join('\n');
}

import { evidenceToSupply, rectificationList } from '../../assess/rectification.js';
import { labels, placeOf } from '../labels.js';
import { esc } from '../markdown-text.js';
import type { TextFormatter } from '../types.js';

/**
 * `--by responsible --format markdown`: what a 街道 pastes into its monthly 问题清单 — per 责任单位
 * a table of open items with the problem and the evidence to supply, and empty 整改措施 / 完成时限
 * columns to fill in (the 杨市 方案 asks for both).
 */
export const rectificationMarkdown: TextFormatter = (results, { lang }) => results.map((r) => one(r, lang)).join('\n---\n\n');

const WORDS = {
  zh: { title: '问题清单（整改清单）', unit: '责任单位', aspect: '项目', n: '序号', item: '工作标准', problem: '问题', evidence: '需补充材料', measure: '整改措施', deadline: '完成时限', none: '无未达标项。', aspectOnly: '本标准未列责任单位，按项目分组。', noUnit: '以下工作标准未列责任单位，按项目分组。' },
  en: { title: 'Rectification list', unit: 'Responsible unit', aspect: 'Aspect', n: '#', item: 'Item', problem: 'Problem', evidence: 'Evidence to supply', measure: 'Measures', deadline: 'Deadline', none: 'Nothing open.', aspectOnly: 'This standard names no responsible units: grouped by aspect.', noUnit: 'These items name no responsible unit: grouped by aspect.' },
} as const;

function one(r: Parameters<typeof rectificationList>[0], lang: 'zh' | 'en'): string {
  const W = WORDS[lang];
  const L = labels(lang);
  const list = rectificationList(r);
  const title = [list.area.name, list.period].filter(Boolean).join(' · ');
  const out = [`## ${W.title}${title ? `: ${esc(title)}` : ''}`, '', `${list.standard.title} (\`${list.standard.id}@${list.standard.version}\`) — ${L.verdict[list.verdict]}`, ''];
  if (!list.groups.length) return out.concat(W.none).join('\n') + '\n';
  if (list.byAspectOnly) out.push(W.aspectOnly, '');
  let saidNoUnit = list.byAspectOnly;
  for (const g of list.groups) {
    if (g.by === 'aspect' && !saidNoUnit) (out.push(W.noUnit, ''), (saidNoUnit = true));
    out.push(`### ${g.by === 'responsible' ? W.unit : W.aspect}：${esc(g.key)}`, '');
    out.push(`| ${W.n} | ${W.item} | ${W.problem} | ${W.evidence} | ${W.measure} | ${W.deadline} |`, '|---:|---|---|---|---|---|');
    g.items.forEach((i, k) => {
      const problem = `${L.state[i.state]}${i.explanation ? `：${i.explanation}` : ''}`;
      out.push(`| ${k + 1} | ${esc(`${i.aspect} / ${placeOf(i)}`)} \`${i.id}\`<br>${esc(i.text)} | ${esc(problem)} | ${esc(evidenceToSupply(i).join('、'))} |  |  |`);
    });
    out.push('');
  }
  return out.join('\n');
}

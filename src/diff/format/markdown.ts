import type { FactView, Impact, ItemsDiff, Side, StandardDiff } from '../types.js';
import { escapeHtml, htmlDiff } from './inline.js';
import { diffLabels, percent, placeText, policyText, type DiffLabels } from './labels.js';
import type { DiffFormatter } from './types.js';

/**
 * A change log to publish with a new 达标体系: the summary line first, then a section per kind of
 * change. Reworded texts use `<del>`/`<ins>`, which Markdown renderers show inline.
 */
export const markdown: DiffFormatter = (diff, impact, { lang }) => {
  const L = diffLabels(lang);
  const out: string[] = [`## ${side(diff.from, L)} → ${side(diff.to, L)}`, '', `**${diff.identical ? L.noChanges : L.summary(diff.summary)}**`];
  if (diff.titleChanged) out.push('', `### ${L.title}`, '', `${esc(diff.from.title)} → ${esc(diff.to.title)}`);
  out.push(...items(diff.items, L, '###', { added: L.added, removed: L.removed }));
  const n = diff.negativeList;
  if (n.from.join() !== n.to.join() || n.items.added.length || n.items.removed.length || diff.summary.negativeList.changed) {
    out.push('', `### ${L.negativeList}`, '', `${L.lists}: ${code(n.from.join(', ') || L.none)} → ${code(n.to.join(', ') || L.none)}`);
    out.push(...items(n.items, L, '####', { added: L.vetoAdded, removed: L.vetoRemoved }));
  }
  if (diff.verdictPolicy) out.push('', `### ${L.policy}`, '', `${esc(policyText(diff.verdictPolicy.from, L))} → ${esc(policyText(diff.verdictPolicy.to, L))}`);
  out.push(...facts(L.factsAdded, diff.facts.added, L, '###'));
  out.push(...facts(L.factsRemoved, diff.facts.removed, L, '###'));
  if (diff.facts.redefined.length) {
    out.push('', `### ${L.factsRedefined} (${diff.facts.redefined.length})`, '');
    for (const f of diff.facts.redefined) out.push(`- ${code(f.path)}: ${code(JSON.stringify(f.from))} → ${code(JSON.stringify(f.to))}`);
  }
  if (diff.renameHints.length) {
    out.push('', `### ${L.renames}`, '');
    for (const h of diff.renameHints) out.push(`- ${code(h.removed)} → ${code(h.added)} (${L.similarity} ${percent(h.similarity)})`);
  }
  if (impact) out.push(...impactSection(impact, L));
  return out.join('\n') + '\n';
};

function side(s: Side, L: DiffLabels): string {
  return `${esc(s.title)} (\`${s.id}@${s.version}\`${s.draft ? `, ${L.draft}` : ''})`;
}

function items(d: ItemsDiff, L: DiffLabels, h: string, heads: { added: string; removed: string }): string[] {
  const out: string[] = [];
  const head = (title: string, n: number) => out.push('', `${h} ${title} (${n})`, '');
  if (d.added.length) head(heads.added, d.added.length);
  for (const i of d.added) out.push(`- ${esc(placeText(i))} ${code(i.id)}: ${esc(i.text)}`);
  if (d.removed.length) head(heads.removed, d.removed.length);
  for (const i of d.removed) out.push(`- ${esc(placeText(i))} ${code(i.id)}: ${esc(i.text)}`);
  if (d.moved.length) head(L.moved, d.moved.length);
  for (const m of d.moved) out.push(`- ${code(m.id)}: ${esc(placeText(m.from))} → ${esc(placeText(m.to))}`);
  if (d.reworded.length) head(L.reworded, d.reworded.length);
  for (const r of d.reworded) out.push(`- ${esc(placeText(r.place))} ${code(r.id)}: ${htmlDiff(r.parts)}`);
  if (d.thresholds.length) head(L.thresholds, d.thresholds.length);
  for (const t of d.thresholds) {
    const op = t.operator ?? '';
    out.push(`- ${esc(placeText(t.place))} ${code(t.id)}${t.field === 'rule' ? '' : ` (${t.field})`}: ${code(`${t.fact ?? t.pointer} ${op} ${t.from}`)} → ${code(`${op} ${t.to}`)}, **${L.direction[t.direction]}**`);
  }
  if (d.rules.length) head(L.rules, d.rules.length);
  for (const r of d.rules) {
    const reads = [
      r.readsAdded.length ? `${L.readsAdded} ${r.readsAdded.map(code).join(', ')}` : '',
      r.readsRemoved.length ? `${L.readsRemoved} ${r.readsRemoved.map(code).join(', ')}` : '',
    ].filter(Boolean).join('; ');
    out.push(`- ${esc(placeText(r.place))} ${code(r.id)} (${r.field})${reads ? `: ${reads}` : ''}`);
    out.push(`  - − ${code(JSON.stringify(r.from))}`, `  - + ${code(JSON.stringify(r.to))}`);
  }
  if (d.responsible.length) head(L.responsible, d.responsible.length);
  for (const r of d.responsible) {
    out.push(`- ${esc(placeText(r.place))} ${code(r.id)}: ${[...r.added.map((u) => `+${esc(u)}`), ...r.removed.map((u) => `−${esc(u)}`)].join(' ')}`);
  }
  return out;
}

function facts(title: string, list: FactView[], L: DiffLabels, h: string): string[] {
  if (!list.length) return [];
  const out = ['', `${h} ${title} (${list.length})`, ''];
  for (const f of list) {
    const what = f.spec ? `: ${esc(L.factWords(f.spec))}` : '';
    out.push(`- ${code(f.path)}${what} — ${L.readBy} ${f.readBy.map(code).join(', ')}`);
  }
  return out;
}

function impactSection(i: Impact, L: DiffLabels): string[] {
  const out = ['', `### ${L.impact}: ${esc([i.area.name, i.period].filter(Boolean).join(' · ') || i.input)}`, ''];
  out.push(`**${L.verdict[i.before.verdict]} (${percent(i.before.score)}) → ${L.verdict[i.after.verdict]} (${percent(i.after.score)})**: ${L.impactLine(i.newlyFailing, i.newlyMissing, i.newlyMet, i.factsToCollect.length)}`);
  if (i.changes.length) {
    out.push('', `#### ${L.stateChanges} (${i.changes.length})`, '', `| ${L.columns.join(' | ')} |`, '|---|---|---|---|---|');
    for (const ch of i.changes) out.push(`| ${code(ch.id)} | ${esc(placeText(ch.kind === 'veto' ? { ...ch.place, aspect: L.negativeItem } : ch.place))} | ${L.state[ch.before]} | ${L.state[ch.after]} | ${esc(ch.explanation)} |`);
  }
  out.push(...facts(L.collect, i.factsToCollect, L, '####'));
  return out;
}

function code(s: string): string {
  return `\`${s.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

/** Text outside code spans: HTML-escaped (the diff marks are HTML) and kept on one line. */
function esc(s: string): string {
  return escapeHtml(s);
}

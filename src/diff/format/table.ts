import { Chalk } from 'chalk';
import type { FactView, Impact, ItemsDiff, Side, StandardDiff } from '../types.js';
import { displayWidth, truncate } from '../../report/width.js';
import { breakLines, fitLines } from '../../text/line-break.js';
import { terminalDiff } from './inline.js';
import { diffLabels, percent, placeText, policyText, type DiffLabels } from './labels.js';
import type { DiffFormatter } from './types.js';

/**
 * The terminal report: the summary line first, then one block per kind of change, each line
 * naming the item's id and place. Colour only marks (red removed / green added); every mark is
 * also a character (+ − ~ →), so the report reads the same without colour.
 */
export const table: DiffFormatter = (diff, impact, { lang, color, width }) => {
  const c = new Chalk({ level: color ? 1 : 0 });
  const L = diffLabels(lang);
  const out: string[] = [];
  // The two titles are long (a Chinese title and its id): each on a line of its own.
  out.push(c.bold(sideText(diff.from, L)), c.bold(`  → ${sideText(diff.to, L)}`));
  out.push(...(diff.identical ? [c.green(L.noChanges)] : joinWrapped(L.summary(diff.summary).split(' · '), ' · ', Math.max(20, width))));
  if (diff.titleChanged) out.push('', c.bold(L.title), `  ${diff.from.title} → ${diff.to.title}`);
  out.push(...itemBlocks(diff.items, L, c, width, { added: L.added, removed: L.removed }));
  const n = diff.negativeList;
  if (n.from.join() !== n.to.join() || n.items.added.length || n.items.removed.length || diff.summary.negativeList.changed) {
    out.push('', c.bold(L.negativeList), `  ${L.lists}${L.colon}${n.from.join(', ') || L.none} → ${n.to.join(', ') || L.none}`);
    out.push(...itemBlocks(n.items, L, c, width, { added: L.vetoAdded, removed: L.vetoRemoved }).map((l) => (l ? `  ${l}` : l)));
  }
  if (diff.verdictPolicy) out.push('', c.bold(L.policy), `  ${policyText(diff.verdictPolicy.from, L)} → ${policyText(diff.verdictPolicy.to, L)}`);
  out.push(...factBlock(L.factsAdded, diff.facts.added, '+', c.green, L));
  out.push(...factBlock(L.factsRemoved, diff.facts.removed, '−', c.red, L));
  if (diff.facts.redefined.length) {
    out.push('', c.bold(`${L.factsRedefined} (${diff.facts.redefined.length})`));
    for (const f of diff.facts.redefined) out.push(`  ~ ${f.path}: ${JSON.stringify(f.from)} → ${JSON.stringify(f.to)}`);
  }
  if (diff.renameHints.length) {
    out.push('', c.bold(L.renames));
    for (const h of diff.renameHints) out.push(`  ? ${h.removed} → ${h.added}  (${L.similarity} ${percent(h.similarity)})`);
  }
  if (impact) out.push(...impactBlock(impact, L, c, width));
  // Every line within the width (80 columns in a pipe): what the blocks above didn't wrap
  // themselves (a long place, a list of units) is broken here, under its own indent.
  return fitLines(out, Math.max(20, width)).join('\n') + '\n';
};

function sideText(s: Side, L: DiffLabels): string {
  return `${s.title} (${s.id}@${s.version}${s.draft ? `, ${L.draft}` : ''})`;
}

type Paint = (s: string) => string;

function itemBlocks(d: ItemsDiff, L: DiffLabels, c: InstanceType<typeof Chalk>, width: number, heads: { added: string; removed: string }): string[] {
  const out: string[] = [];
  const head = (title: string, n: number) => out.push('', c.bold(`${title} (${n})`));
  const body = (s: string, indent = 6) => breakLines(s, Math.max(20, width - indent)).map((l) => ' '.repeat(indent) + l);
  if (d.added.length) head(heads.added, d.added.length);
  for (const i of d.added) out.push(c.green(`  + ${placeText(i)}  [${i.id}]`), ...body(i.text).map((l) => c.green(l)));
  if (d.removed.length) head(heads.removed, d.removed.length);
  for (const i of d.removed) out.push(c.red(`  − ${placeText(i)}  [${i.id}]`), ...body(i.text).map((l) => c.red(l)));
  if (d.moved.length) head(L.moved, d.moved.length);
  for (const m of d.moved) out.push(`  → [${m.id}]  ${placeText(m.from)} → ${placeText(m.to)}`);
  if (d.reworded.length) head(L.reworded, d.reworded.length);
  // Without colour the marks are plain text; coloured, a style open at a break is carried to the next line.
  for (const r of d.reworded) out.push(`  ~ ${placeText(r.place)}  [${r.id}]`, ...body(terminalDiff(r.parts, color(c))));
  if (d.thresholds.length) head(L.thresholds, d.thresholds.length);
  for (const t of d.thresholds) {
    const paint: Paint = t.direction === 'stricter' ? c.red : t.direction === 'looser' ? c.green : c.yellow;
    const lhs = t.fact ?? t.pointer;
    const op = t.operator ?? '';
    out.push(`  ${placeText(t.place)}  [${t.id}]${t.field === 'rule' ? '' : ` (${t.field})`}`, `      ${lhs} ${op} ${t.from} → ${op} ${t.to}  ${paint(L.direction[t.direction])}`);
  }
  if (d.rules.length) head(L.rules, d.rules.length);
  for (const r of d.rules) {
    out.push(`  ~ ${placeText(r.place)}  [${r.id}] (${r.field})`);
    if (r.readsAdded.length) out.push(c.green(`      ${L.readsAdded}${L.colon}${r.readsAdded.join(', ')}`));
    if (r.readsRemoved.length) out.push(c.red(`      ${L.readsRemoved}${L.colon}${r.readsRemoved.join(', ')}`));
    out.push(c.red(`      − ${truncate(JSON.stringify(r.from), Math.max(20, width - 8))}`), c.green(`      + ${truncate(JSON.stringify(r.to), Math.max(20, width - 8))}`));
  }
  if (d.responsible.length) head(L.responsible, d.responsible.length);
  for (const r of d.responsible) {
    const marks = [...r.added.map((u) => c.green(`+${u}`)), ...r.removed.map((u) => c.red(`−${u}`))].join(' ');
    out.push(`  ~ ${placeText(r.place)}  [${r.id}]  ${marks}`);
  }
  return out;
}

function color(c: InstanceType<typeof Chalk>) {
  return c.level > 0 ? c : null;
}

function factBlock(title: string, facts: FactView[], mark: string, paint: Paint, L: DiffLabels): string[] {
  if (!facts.length) return [];
  const out = ['', `${title} (${facts.length})`];
  for (const f of facts) {
    const what = f.spec ? ` — ${L.factWords(f.spec)}` : '';
    out.push(paint(`  ${mark} ${f.path}`) + what); // wrapped, not cut, at the end (fitLines)
    out.push(`      ${L.readBy}${L.colon}${f.readBy.join(', ')}`);
  }
  return out;
}

function impactBlock(i: Impact, L: DiffLabels, c: InstanceType<typeof Chalk>, width: number): string[] {
  const out = ['', c.bold(`${L.impact}${L.colon}${[i.area.name, i.period].filter(Boolean).join(' · ') || i.input}`)];
  out.push(`  ${L.verdict[i.before.verdict]} (${percent(i.before.score)}) → ${L.verdict[i.after.verdict]} (${percent(i.after.score)}): ${L.impactLine(i.newlyFailing, i.newlyMissing, i.newlyMet, i.factsToCollect.length)}`);
  if (i.changes.length) out.push('', c.bold(`  ${L.stateChanges} (${i.changes.length})`));
  for (const ch of i.changes) {
    const bad = ch.after === 'fail' || ch.after === 'missing' || ch.after === 'triggered';
    const paint: Paint = bad ? c.red : ch.after === 'pass' || ch.after === 'clear' ? c.green : c.gray;
    out.push(`    ${placeText(ch.kind === 'veto' ? { ...ch.place, aspect: L.negativeItem } : ch.place)}  [${ch.id}]  ${L.state[ch.before]} → ${paint(L.state[ch.after])}`);
    if (ch.explanation && bad) for (const l of breakLines(ch.explanation, Math.max(20, width - 8))) out.push(c.gray(`        ${l}`));
  }
  if (i.factsToCollect.length) out.push(...factBlock(`  ${L.collect}`, i.factsToCollect, '+', c.yellow, L));
  return out;
}

/** Parts joined by `sep`, broken between parts (never inside one) to fit `width` columns. */
function joinWrapped(parts: string[], sep: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const next = line ? line + sep + part : part;
    if (line && displayWidth(next) > width) {
      lines.push(line + sep.trimEnd());
      line = part;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

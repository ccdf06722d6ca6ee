import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { AssessResult, ItemResult, ItemState } from '../assess/types.js';
import { labels, percent, placeOf } from './labels.js';
import { t as words } from '../messages/catalogue.js';
import { batchTable } from './batch-table.js';
import { progressTable } from './progress-table.js';
import type { FormatOptions, TextFormatter } from './types.js';
import { displayWidth, truncate, wrap } from './width.js';
import { safeText } from '../text/safe.js';

const MARK: Record<ItemState, string> = { pass: '✓', fail: '✗', missing: '?', not_applicable: '–', unsupported: '!', pending: '…' };

/**
 * The terminal report, ESLint-"stylish"-like: a veto first, then items grouped by 项目 (one line
 * each, failures and missing facts explained underneath), then the score per aspect and the verdict.
 */
export const table: TextFormatter = (results, options) =>
  // A batch (several packs) is one line each and a summary: src/report/batch-table.ts.
  options.summary ? batchTable(results, options) : results.map((r) => one(r, options) + progressTable(r, options)).join('\n');

function one(r: AssessResult, { lang, color, width }: FormatOptions): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const L = labels(lang);
  const paint: Record<ItemState, (s: string) => string> = { pass: c.green, fail: c.red, missing: c.yellow, not_applicable: c.gray, unsupported: c.magenta, pending: c.cyan };
  const out: string[] = [];
  const head = [r.area.name, r.period, `${r.standard.title} (${r.standard.id}@${r.standard.version})`].filter(Boolean).join(' · ');
  out.push(c.bold(head));
  if (r.input) out.push(c.gray(safeText(r.input))); // a directory name may hold ESC, CR, U+202E
  out.push('');

  const triggered = r.vetoes.filter((v) => v.state !== 'clear');
  if (triggered.length) {
    out.push(c.bold(L.vetoHeading));
    for (const v of triggered) {
      const mark = v.state === 'triggered' ? (color ? c.bgRed.white(` ${L.veto.triggered} `) : `! ${L.veto.triggered}`) : c.yellow(`? ${L.veto.missing}`);
      out.push(`  ${mark} ${L.negativeItem} ${v.number}  ${truncate(v.text, Math.max(20, width - 24))}`);
      for (const line of wrap(v.explanation, Math.max(20, width - 6))) out.push(c.gray(`      ${line}`));
    }
    out.push('');
  } else if (r.vetoes.length) {
    // Checked, not skipped: a reader must see the negative list was looked at.
    out.push(c.green(words(lang, 'report.vetoesClear', { n: r.vetoes.length })), '');
  }

  for (const aspect of r.aspects) {
    out.push(`${c.bold(aspect.name)}  ${aspect.met}/${aspect.applicable}`);
    for (const item of r.items.filter((i) => i.aspect === aspect.name)) out.push(...itemLines(item, width, paint));
    out.push('');
  }

  const t = new Table({
    head: [L.aspect, L.met, L.applicable, L.score],
    style: { head: [], border: [], compact: true },
    colAligns: ['left', 'right', 'right', 'right'],
  });
  for (const a of r.aspects) t.push([a.name, a.met, a.applicable, percent(a.score)]);
  const met = r.aspects.reduce((s, a) => s + a.met, 0);
  const applicable = r.aspects.reduce((s, a) => s + a.applicable, 0);
  t.push([L.total, met, applicable, percent(r.score)]);
  out.push(t.toString());

  const count = (s: ItemState) => r.items.filter((i) => i.state === s).length;
  const verdictPaint = r.verdict === 'pass' ? c.green.bold : r.verdict === 'veto' ? c.bgRed.white.bold : r.verdict === 'in_progress' ? c.yellow.bold : c.red.bold;
  const detail = L.counts(count('fail') + count('unsupported'), count('missing'), count('not_applicable'), count('pending'));
  const verdict = color ? verdictPaint(` ${L.verdict[r.verdict]} `) : L.verdict[r.verdict];
  out.push(words(lang, 'report.labelled', { label: L.conclusion, text: `${verdict}${detail ? `  ${detail}` : ''}` }));
  // One list of every fact still to collect, so a submitter has the whole to-do in one place.
  const missing = [...new Set([...r.items, ...r.vetoes].flatMap((i) => i.missing))];
  if (missing.length) {
    const head = words(lang, 'report.missingFacts', { n: missing.length });
    for (const line of wrap(head + missing.join(', '), Math.max(20, width))) out.push(c.yellow(line));
  }
  for (const w of r.warnings) out.push(c.yellow(`${L.warnings}: ${w}`));
  return out.join('\n') + '\n';
}

function itemLines(item: ItemResult, width: number, paint: Record<ItemState, (s: string) => string>): string[] {
  const place = placeOf(item);
  const prefix = `  ${MARK[item.state]} ${place}  `;
  const lines = [paint[item.state](`  ${MARK[item.state]} ${place}`) + '  ' + truncate(item.text, Math.max(20, width - displayWidth(prefix)))];
  if (item.state !== 'pass' && item.explanation) {
    for (const line of wrap(item.explanation, Math.max(20, width - 6))) lines.push(paint[item.state](`      ${line}`));
  }
  return lines;
}

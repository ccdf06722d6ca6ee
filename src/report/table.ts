import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { AssessResult, ItemResult, ItemState } from '../assess/types.js';
import { labels, percent, placeOf } from './labels.js';
import { t as words } from '../messages/catalogue.js';
import { batchTable, tableRow, type TableRow } from './batch-table.js';
import { progressTable } from './progress-table.js';
import type { FormatOptions, KeptLayout, TextFormatter } from './types.js';
import { displayWidth, hang, joinFitting, truncate, wrap } from './width.js';
import { safeText } from '../text/safe.js';
import { factsOf, factWords, whyOf } from './facts.js';
import type { FactDictionary } from '../messages/explain.js';

const MARK: Record<ItemState, string> = { pass: '✓', fail: '✗', missing: '?', not_applicable: '–', unsupported: '!', pending: '…' };

/**
 * The terminal report, ESLint-"stylish"-like: a veto first, then items grouped by 项目 (one line
 * each, failures and missing facts explained underneath), then the score per aspect and the verdict.
 */
export const table: TextFormatter = (results, options) =>
  // A batch (several packs) is one line each and a summary: src/report/batch-table.ts.
  options.summary ? batchTable(results.map(tableRow), options) : results.map((r) => one(r, options) + progressTable(r, options)).join('\n');

/**
 * The table of a batch in the CLI: a line per area is all it shows of each (TableRow), so that
 * is all the batch keeps — 2,000 results held to the end, even slimmed, were most of the
 * format's own cost (in the garbage collector) and grow with the count.
 */
export function tableLayout(options: FormatOptions): KeptLayout<TableRow> {
  return {
    keep: tableRow,
    write: (rows, _part, summary) => [batchTable(rows, { ...options, ...(summary ? { summary } : {}) })],
  };
}

function one(r: AssessResult, options: FormatOptions): string {
  const { lang, color, width } = options;
  const facts = factsOf(r, options);
  const c = new Chalk({ level: color ? 1 : 0 });
  const L = labels(lang);
  const paint: Record<ItemState, (s: string) => string> = { pass: c.green, fail: c.red, missing: c.yellow, not_applicable: c.gray, unsupported: c.magenta, pending: c.cyan };
  const out: string[] = [];
  const parts = [r.area.name, r.period, `${r.standard.title} (${r.standard.id}@${r.standard.version})`].filter((p): p is string => !!p);
  for (const line of joinFitting(parts, ' · ', width)) out.push(c.bold(line));
  if (r.input) for (const line of wrap(safeText(r.input), width)) out.push(c.gray(line)); // a directory name may hold ESC, CR, U+202E
  out.push('');

  const triggered = r.vetoes.filter((v) => v.state !== 'clear');
  if (triggered.length) {
    out.push(c.bold(L.vetoHeading));
    for (const v of triggered) {
      // The document's words in full (a veto decides the verdict), under a mark that says how it stands.
      const plain = `  ${v.state === 'triggered' ? `! ${L.veto.triggered}` : `? ${L.veto.missing}`} ${L.negativeItem} ${v.number}  `;
      const mark = v.state === 'triggered' ? (color ? c.bgRed.white(` ${L.veto.triggered} `) : `! ${L.veto.triggered}`) : c.yellow(`? ${L.veto.missing}`);
      const [first, ...rest] = hang(plain, v.text, width, 6);
      out.push(`  ${mark} ${L.negativeItem} ${v.number}  ${first.slice(plain.length)}`, ...rest);
      for (const line of wrap(whyOf(v, lang, facts), Math.max(20, width - 6))) out.push(c.gray(`      ${line}`));
    }
    out.push('');
  } else if (r.vetoes.length) {
    // Checked, not skipped: a reader must see the negative list was looked at.
    out.push(c.green(words(lang, 'report.vetoesClear', { n: r.vetoes.length })), '');
  }

  for (const aspect of r.aspects) {
    out.push(`${c.bold(aspect.name)}  ${aspect.met}/${aspect.applicable}`);
    for (const item of r.items.filter((i) => i.aspect === aspect.name)) out.push(...itemLines(item, width, paint, lang, facts));
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
  // One list of every fact still to collect, so a submitter has the whole to-do in one place: by
  // description, one a line (the ids are in the JSON report and in `init`'s template).
  const missing = [...new Set([...r.items, ...r.vetoes].flatMap((i) => i.missing))];
  if (missing.length) {
    out.push(c.yellow(words(lang, 'report.labelled', { label: words(lang, 'report.missingFacts', { n: missing.length }), text: '' }).trimEnd()));
    for (const f of missing) for (const line of hang('  - ', factWords(f, lang, facts), width)) out.push(c.yellow(line));
  }
  for (const w of r.warnings) for (const line of hang(words(lang, 'report.labelled', { label: L.warnings, text: '' }), safeText(w), width, 2)) out.push(c.yellow(line));
  return out.join('\n') + '\n';
}

function itemLines(item: ItemResult, width: number, paint: Record<ItemState, (s: string) => string>, lang: FormatOptions['lang'], facts: FactDictionary): string[] {
  const place = placeOf(item);
  const prefix = `  ${MARK[item.state]} ${place}  `;
  const lines = [paint[item.state](`  ${MARK[item.state]} ${place}`) + '  ' + truncate(item.text, Math.max(10, width - displayWidth(prefix)))];
  const why = item.state !== 'pass' ? whyOf(item, lang, facts) : '';
  if (why) for (const line of wrap(why, Math.max(20, width - 6))) lines.push(paint[item.state](`      ${line}`));
  return lines;
}

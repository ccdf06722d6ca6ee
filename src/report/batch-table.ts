import { Chalk } from 'chalk';
import type { AssessResult, Verdict } from '../assess/types.js';
import { batchLabels, signedPoints } from './batch-labels.js';
import { invalidWords } from './invalid-words.js';
import { areaAndPeriod, labels, percent, placeOf } from './labels.js';
import type { FormatOptions } from './types.js';
import { displayWidth, hang, padStart, truncate, truncateStart } from './width.js';
import { t } from '../messages/catalogue.js';
import { safeText } from '../text/safe.js';

/**
 * What an area's line reads of its result: all a batch keeps of it (tableLayout's keep), held for
 * every area until the lines are laid out — a few fields, not the result.
 */
export interface TableRow {
  input?: string;
  /** Area · period, or — . */
  name: string;
  verdict: Verdict;
  score: number;
  /** Items met and applicable, over all aspects. */
  met: number;
  applicable: number;
  /** The score's change since the baseline: set where the result has progress. */
  delta?: number | null;
}

export function tableRow(r: AssessResult): TableRow {
  let met = 0;
  let applicable = 0;
  for (const a of r.aspects) {
    met += a.met;
    applicable += a.applicable;
  }
  return {
    ...(r.input !== undefined ? { input: r.input } : {}),
    name: areaAndPeriod(r.area.name, r.period) || '—',
    verdict: r.verdict,
    score: r.score,
    met,
    applicable,
    ...(r.progress ? { delta: r.progress.score.delta } : {}),
  };
}

/**
 * The terminal view of a batch: one line per pack (verdict, score, items met, area, where it came
 * from), the packs that could not be read, then the summary — what a district 未保办 reads before
 * opening any single report.
 */
export function batchTable(rows: readonly TableRow[], { lang, color, width, summary }: FormatOptions): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const L = labels(lang);
  const B = batchLabels(lang);
  const paint: Record<Verdict, (s: string) => string> = { pass: c.green, fail: c.red, veto: c.bgRed.white, in_progress: c.yellow };
  const out: string[] = [];
  const verdictWidth = Math.max(...Object.values(L.verdict).map(displayWidth), displayWidth(B.invalid));
  const withDelta = rows.some((r) => r.delta !== undefined);
  const line = (verdict: string, rest: string) => `${verdict}${' '.repeat(Math.max(0, verdictWidth - displayWidth(stripAnsi(verdict))))}  ${rest}`;

  for (const r of rows) {
    const name = r.name;
    const delta = withDelta ? `  ${(r.delta !== undefined ? signedPoints(r.delta) : '—').padStart(8)}` : '';
    const fixed = `${percent(r.score).padStart(6)}  ${`${r.met}/${r.applicable}`.padStart(7)}${delta}  `;
    // The area's name whole where it can be; the pack's path after it, cut at its start (its end
    // names the pack). A directory name may hold ESC, CR, U+202E: safeText.
    const room = Math.max(20, width - verdictWidth - displayWidth(fixed) - 2);
    const shown = truncate(safeText(name), r.input ? Math.max(10, room - 12) : room);
    const rest = room - displayWidth(shown) - 2;
    const input = r.input && rest >= 6 ? `  ${truncateStart(safeText(r.input), rest)}` : '';
    out.push(line(paint[r.verdict](L.verdict[r.verdict]), fixed + shown + input));
  }
  for (const bad of summary?.invalid ?? []) {
    // Where (invalidWords: the place once) and why, then what to type instead, each wrapped in
    // the room after the verdict with its lines hung two columns in: the reason and the fix are
    // the point and are never cut.
    const words = invalidWords(bad);
    const room = width - verdictWidth - 2;
    const [first, ...rest] = [...hang('', `${safeText(words.place)}: ${safeText(words.reason)}`, room, 2), ...words.more.flatMap((m) => hang('  ', safeText(m), room, 2))];
    out.push(line(c.magenta(B.invalid), first), ...rest.map((l) => truncate(' '.repeat(verdictWidth + 2) + l, width)));
  }
  if (!summary) return out.join('\n') + '\n';

  const counts = summary.byVerdict;
  out.push('', c.bold(t(lang, 'report.labelled', { label: B.summary, text: B.packs(summary.total) })) + `  ${[
    `${L.verdict.pass} ${counts.pass}`,
    `${L.verdict.fail} ${counts.fail}`,
    `${L.verdict.veto} ${counts.veto}`,
    ...(counts.in_progress ? [`${L.verdict.in_progress} ${counts.in_progress}`] : []),
    `${B.invalid} ${counts.invalid}`,
  ].join(t(lang, 'report.list'))}`);
  if (summary.worst.length) {
    out.push('', c.bold(B.worst));
    for (const w of summary.worst) {
      out.push('  ' + line(paint[w.verdict](L.verdict[w.verdict]), `${percent(w.score).padStart(6)}  ${truncate(areaAndPeriod(w.area, w.period), Math.max(20, width - verdictWidth - 12))}`));
    }
  }
  if (summary.vetoes.length) {
    out.push('', c.bold(B.vetoes));
    for (const v of summary.vetoes) out.push(truncate(`  ${padStart(B.areas(v.count, rows.length), 12)}  ${L.negativeItem} ${v.number}  ${v.text}`, width));
  }
  if (summary.mostFailed.length) {
    const areas = rows.length;
    out.push('', c.bold(B.mostFailed));
    for (const i of summary.mostFailed) {
      // Where it stands and its text (the id is in the JSON).
      const head = `  ${padStart(B.areas(i.count, areas), 12)}  ${i.aspect} / ${placeOf(i)}`;
      out.push(truncate(head, width));
      out.push(c.gray(`      ${truncate(i.text, Math.max(20, width - 6))}`));
    }
  }
  return out.join('\n') + '\n';
}

function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;]*m/g, '');
}

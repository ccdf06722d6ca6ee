import type { AssessResult, ItemResult } from '../assess/types.js';
import { pointerOf } from '../errors.js';
import { labels, percent, placeOf } from './labels.js';
import { whole } from './json.js';
import type { InvalidInput } from '../packs/summary.js';
import type { StreamFormatter, TextFormatter } from './types.js';
import { safeText } from '../text/safe.js';
import { t } from '../messages/catalogue.js';

/**
 * GitHub Actions workflow commands: one `::error` per item not met and per veto, pointing at the
 * facts file and the line of the fact (of its evidence list, for evidence problems), a
 * `::warning` per warning and one `::notice` per area with its verdict. Lines are found by the
 * CLI (`locations` on the result), never by reading files here. An input that could not be
 * assessed is an `::error` on the file and line of its first problem — in a batch after the
 * others, alone as the whole report.
 */
export const github: TextFormatter = (results, options) => whole(githubStream(options), results, options.summary);

export const githubStream: StreamFormatter = ({ lang }) => ({
  head: () => '',
  item: (r) => lines(forResult(r, lang)),
  piece: (r) => lines(forResult(r, lang)),
  place: (text) => text as string,
  tail: (summary) => lines((summary?.invalid ?? []).map((bad) => invalid(bad, lang))),
  invalid: (bad) => lines([invalid(bad, lang)]),
});

/** An input that could not be assessed: an error on the file (inside a pack) and line of its first problem. */
const invalid = (bad: InvalidInput, lang: 'zh' | 'en') => command('error', { file: bad.where?.file ?? bad.input, line: bad.where?.line, col: bad.where?.column, title: t(lang, 'input.label.invalid') }, bad.message);

const lines = (out: string[]) => out.map((l) => l + '\n').join('');

function forResult(r: AssessResult, lang: 'zh' | 'en'): string[] {
  const L = labels(lang);
  const file = r.file ?? r.input;
  const out: string[] = [];
  for (const i of r.items) {
    if (i.state === 'pass' || i.state === 'not_applicable') continue;
    const message = `${i.aspect} / ${placeOf(i)}: ${i.text}\n${i.explanation}`;
    // pending (part-year, not yet due) is a notice, not an error.
    out.push(command(i.state === 'pending' ? 'notice' : 'error', { file, line: lineOf(r, i), title: `${L.state[i.state]}: ${i.id}` }, message));
  }
  for (const v of r.vetoes) {
    if (v.state === 'clear') continue;
    const line = v.reads.map((f) => r.locations?.[pointerOf(['facts', f])]?.line).find((l) => l !== undefined) ?? r.locations?.['/facts']?.line;
    out.push(command('error', { file, line, title: `${L.negativeItem} ${L.veto[v.state]}: ${v.id}` }, `${v.text}\n${v.explanation}`));
  }
  for (const w of r.warnings) out.push(command('warning', { file, title: 'weibao' }, w));
  const name = [r.area.name, r.period].filter(Boolean).join(' · ') || r.input || '';
  out.push(command('notice', { file, title: `weibao: ${L.verdict[r.verdict]}` }, `${name}: ${L.verdict[r.verdict]} (${percent(r.score)}), ${r.standard.id}@${r.standard.version}`));
  return out;
}

/** An evidence problem points at the evidence list; a failed rule at the first fact it reads. */
function lineOf(r: AssessResult, i: ItemResult): number | undefined {
  const at = (p: string) => r.locations?.[p]?.line;
  if (i.state === 'unsupported') {
    const facts = (r.evidenceFindings ?? []).filter((f) => f.items.includes(i.id)).map((f) => f.fact);
    for (const f of facts) {
      const line = at(pointerOf(['evidence', f])) ?? at(pointerOf(['facts', f]));
      if (line !== undefined) return line;
    }
  }
  const facts = i.state === 'missing' ? i.missing : i.reads;
  for (const f of facts) {
    const line = at(pointerOf(['facts', f]));
    if (line !== undefined) return line;
  }
  return at('/facts');
}

/** `::level key=value,…::message`, escaped as the Actions runner unescapes them. */
export function command(level: 'error' | 'warning' | 'notice', props: Record<string, string | number | undefined>, message: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${level}${p ? ' ' + p : ''}::${escapeData(message)}`;
}

export function escapeData(s: string): string {
  // CR and LF as the runner expects them; then ESC and bidi controls shown as escapes, not obeyed.
  return safeText(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

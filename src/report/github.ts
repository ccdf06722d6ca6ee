import type { AssessResult, ItemResult } from '../assess/types.js';
import { pointerToken } from '../errors.js';
import { areaAndPeriod, labels, percent, placeOf } from './labels.js';
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

export const githubStream: StreamFormatter = ({ lang }) => {
  const words = wordsOf(labels(lang));
  return {
    head: () => '',
    item: (r) => forResult(r, words),
    piece: (r) => forResult(r, words),
    place: (text) => text as string,
    tailReads: 'invalid',
    tail: (summary) => lines((summary?.invalid ?? []).map((bad) => invalid(bad, lang))),
    invalid: (bad) => lines([invalid(bad, lang)]),
  };
};

/**
 * The words of states and verdicts, in Maps: `labels.state[i.state]` is a load keyed by another
 * name from one area to the next (fail, missing, pending …), and each name the compiled forResult
 * had not seen yet threw it away ("wrong name").
 */
function wordsOf(L: ReturnType<typeof labels>) {
  return { state: new Map(Object.entries(L.state)), veto: new Map(Object.entries(L.veto)), verdict: new Map(Object.entries(L.verdict)), negativeItem: L.negativeItem };
}
type Words = ReturnType<typeof wordsOf>;

/** An input that could not be assessed: an error on the file (inside a pack) and line of its first problem. */
const invalid = (bad: InvalidInput, lang: 'zh' | 'en') => command('error', { file: bad.where?.file ?? bad.input, line: bad.where?.line, col: bad.where?.column, title: t(lang, 'input.label.invalid') }, bad.message);

const lines = (out: string[]) => out.map((l) => l + '\n').join('');

// One area's lines, made with loops and concatenation, not with callbacks (map, filter, find,
// Object.entries): this runs once per area of a batch, and V8 compiled it, with all it inlined,
// five times over 2,000 areas (each area's `locations` and properties a new shape, each a
// deoptimisation): ~0.6 s of the compiler thread's time (--trace-opt), a third of the run's compiling.
function forResult(r: AssessResult, W: Words): string {
  // Every line of the area names the same file: escaped once.
  const file = property('', 'file', r.file ?? r.input);
  let out = '';
  for (const i of r.items) {
    if (i.state === 'pass' || i.state === 'not_applicable') continue;
    const message = `${i.aspect} / ${placeOf(i)}: ${i.text}\n${i.explanation}`;
    // pending (part-year, not yet due) is a notice, not an error.
    out += commandLine(i.state === 'pending' ? 'notice' : 'error', property(property(file, 'line', lineOf(r, i)), 'title', `${W.state.get(i.state)}: ${i.id}`), message) + '\n';
  }
  for (const v of r.vetoes) {
    if (v.state === 'clear') continue;
    out += commandLine('error', property(property(file, 'line', firstLine(r, v.reads)), 'title', `${W.negativeItem} ${W.veto.get(v.state)}: ${v.id}`), `${v.text}\n${v.explanation}`) + '\n';
  }
  for (const w of r.warnings) out += commandLine('warning', property(file, 'title', 'weibao'), w) + '\n';
  const name = areaAndPeriod(r.area.name, r.period) || r.input || '';
  const verdict = W.verdict.get(r.verdict);
  out += commandLine('notice', property(file, 'title', `weibao: ${verdict}`), `${name}: ${verdict} (${percent(r.score)}), ${r.standard.id}@${r.standard.version}`) + '\n';
  return out;
}

/** An evidence problem points at the evidence list; a failed rule at the first fact it reads. */
function lineOf(r: AssessResult, i: ItemResult): number | undefined {
  if (i.state === 'unsupported' && r.evidenceFindings) {
    for (const f of r.evidenceFindings) {
      if (!f.items.includes(i.id)) continue;
      const line = lineAt(r, '/evidence/' + pointerToken(f.fact)) ?? lineAt(r, '/facts/' + pointerToken(f.fact));
      if (line !== undefined) return line;
    }
  }
  return firstLine(r, i.state === 'missing' ? i.missing : i.reads);
}

/** The line of the first of `facts` located, else of `/facts`. */
function firstLine(r: AssessResult, facts: readonly string[]): number | undefined {
  for (const f of facts) {
    const line = lineAt(r, '/facts/' + pointerToken(f));
    if (line !== undefined) return line;
  }
  return lineAt(r, '/facts');
}

const lineAt = (r: AssessResult, pointer: string) => r.locations?.[pointer]?.line;

/** `::level key=value,…::message`, escaped as the Actions runner unescapes them. */
export function command(level: 'error' | 'warning' | 'notice', props: Record<string, string | number | undefined>, message: string): string {
  let p = '';
  for (const key in props) p = property(p, key, props[key]);
  return commandLine(level, p, message);
}

/** A command of properties already written (`property`). */
function commandLine(level: 'error' | 'warning' | 'notice', properties: string, message: string): string {
  return `::${level}${properties ? ' ' + properties : ''}::${escapeData(message)}`;
}

/** `properties` with `key=value` added, unless the value is undefined or empty. */
function property(properties: string, key: string, value: string | number | undefined): string {
  if (value === undefined || value === '') return properties;
  return `${properties ? properties + ',' : ''}${key}=${escapeProperty(String(value))}`;
}

export function escapeData(s: string): string {
  // CR and LF as the runner expects them; then ESC and bidi controls shown as escapes, not obeyed.
  return safeText(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

import { safeLines } from '../text/safe.js';
import type { AssessResult } from '../assess/types.js';
import { t } from '../messages/catalogue.js';
import type { Lang } from '../messages/types.js';
import type { InvalidInput } from '../packs/summary.js';
import { whole } from './json.js';
import type { Formatter, StreamFormatter } from './types.js';

/**
 * `--format csv`: one row per area, for Excel, WPS and any data engine — input, area, code,
 * period, standard, verdict, score (0–1, as in the JSON), each 项目's score, then the ids of the
 * vetoes triggered, the items failed (fail or unsupported) and the items missing facts. An input
 * that could not be assessed is a row with the verdict 无效输入 and why, after the others (as the
 * table report lists them).
 *
 * UTF-8 with a BOM (Excel and WPS otherwise read Chinese as the ANSI code page), RFC 4180: CRLF,
 * every field quoted that holds a comma, quote or line break, quotes doubled. A text field that
 * starts like a formula (= + - @, tab, CR) gets a leading apostrophe: area names come from
 * submitters, and a spreadsheet must not run what they typed (OWASP "CSV injection").
 *
 * The 项目 columns are the first area's standard's; an area of another standard fills those of
 * its 项目 with the same name (a batch is normally one standard; jsonl carries every score).
 */
export const csv: Formatter = (results, options) => whole(csvStream(options), results, options.summary);

export const csvStream: StreamFormatter = ({ lang }) => {
  let aspects: string[] | undefined;
  const header = () => row([...base(lang), ...(aspects ?? []).map((aspect) => t(lang, 'batch.csv.aspectScore', { aspect })), ...lists(lang)]);
  // The row without its 项目 columns (piece, in any thread), then with them (place: the columns
  // are the first area's, known in input order only).
  // Loops, not filter().map(), and no array of the 项目 scores for row(): an empty list of ids
  // and a list of scores (small integers or not) are arrays of other kinds than the rest, and
  // each one the compiled code had not met threw it away (piece, and the `take` of
  // assess-command.ts that place is inlined into, compiled again).
  const piece = (r: AssessResult): Piece => {
    let vetoes = '';
    for (const v of r.vetoes) if (v.state === 'triggered') vetoes = listed(vetoes, v.id);
    let failed = '';
    let missing = '';
    for (const i of r.items) {
      if (i.state === 'fail' || i.state === 'unsupported') failed = listed(failed, i.id);
      else if (i.state === 'missing') missing = listed(missing, i.id);
    }
    return {
      aspects: r.aspects.map((a) => [a.name, a.score]),
      front: row([...areaCells(r, lang), r.score]).slice(0, -2),
      back: row([vetoes, failed, missing, '']).slice(0, -2),
    };
  };
  const place = (p: unknown) => {
    const { aspects: own, front, back } = p as Piece;
    const head = aspects ? '' : ((aspects = own.map(([name]) => name)), header());
    const scores = new Map(own);
    let columns = '';
    for (const a of aspects!) columns += cell(scores.get(a) ?? '') + ',';
    return head + front + ',' + columns + back + '\r\n';
  };
  return {
    head: () => BOM,
    piece,
    place,
    item: (r) => place(piece(r)),
    tailReads: 'invalid',
    tail: (summary) => {
      const head = aspects ? '' : ((aspects = []), header());
      return head + (summary?.invalid ?? []).map((bad) => invalidRow(bad, aspects!.length, lang)).join('');
    },
  };
};

export const BOM = '\ufeff';

/** One area's row as a worker thread makes it: the cells before and after the 项目 columns, and its 项目 scores. */
interface Piece {
  aspects: [string, number][];
  front: string;
  back: string;
}

function base(lang: Lang): string[] {
  return [t(lang, 'batch.csv.input'), t(lang, 'batch.csv.area'), t(lang, 'batch.csv.code'), t(lang, 'batch.csv.period'), t(lang, 'batch.csv.standard'), t(lang, 'batch.csv.verdict'), t(lang, 'batch.csv.score')];
}

function lists(lang: Lang): string[] {
  return [t(lang, 'batch.csv.vetoes'), t(lang, 'batch.csv.failed'), t(lang, 'batch.csv.missing'), t(lang, 'batch.csv.problem')];
}

/** input, area, code, period, standard, verdict: the cells that name an area's result. */
export function areaCells(r: AssessResult, lang: Lang): Cell[] {
  return [r.input ?? '', r.area.name ?? '', r.area.code ?? '', r.period ?? '', `${r.standard.id}@${r.standard.version}`, t(lang, `batch.verdict.${r.verdict}`)];
}

function invalidRow(bad: InvalidInput, aspects: number, lang: Lang): string {
  return row([bad.input, '', '', '', '', t(lang, 'batch.verdict.invalid'), '', ...Array<string>(aspects).fill(''), '', '', '', bad.message]);
}

/** A list of ids in a cell, `id` added ("a; b"). */
const listed = (ids: string, id: string) => (ids ? ids + '; ' + id : id);

export type Cell = string | number;

/** One CSV record, CRLF-terminated (RFC 4180). */
export function row(cells: Cell[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) out += (i ? ',' : '') + cell(cells[i]);
  return out + '\r\n';
}

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA = /^[=+\-@\t\r]/;

function cell(v: Cell): string {
  if (typeof v === 'number') return String(v);
  // A path or message from outside (a pack named `x\r达标 \x1b[32m`): escaped, as on a terminal.
  const safe = safeLines(v);
  const s = FORMULA.test(safe) ? `'${safe}` : safe;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

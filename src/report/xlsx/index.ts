import { createHash } from 'node:crypto';
import type { AssessResult } from '../../assess/types.js';
import type { FormatOptions, Formatter, ReportLayout } from '../types.js';
import { conclusionSheet, itemsSheet } from './area.js';
import { areaRow, batchColumns, matrixColumns, matrixSheet, OverviewWidths, overviewSheet, overviewWidths, shownOf, statesOf, worstFirst, type AreaRow, type MatrixColumn } from './batch.js';
import { PROGRESS_WIDEST, progressRows, progressSheet, type ProgressRow } from './progress.js';
import { RECTIFICATION_WIDEST, rectificationRows, rectificationSheet, type RectificationRow } from './rectification.js';
import { bookChunks, measureWidths, ReportBook, widest } from './writer.js';

/**
 * `--format xlsx --output r.xlsx`. One area: 结论, 工作标准, 整改清单. A batch (several inputs, or
 * a folder): 总览, 矩阵, 整改台账. With --baseline, 本期进展 as well. Written a row at a time
 * (writer.ts), every text cell made safe as it is written.
 */
export const xlsx: Formatter = async (results, options) => {
  if (results.length === 1 && !options.summary) {
    const [r] = results;
    const book = await ReportBook.open();
    const { lang } = options;
    await conclusionSheet(book, r, lang);
    await itemsSheet(book, r, lang);
    const rows = rectificationRows(r, lang, false);
    await rectificationSheet(book, lang, '整改清单', rows, measureWidths(rows, RECTIFICATION_WIDEST));
    const progress = progressRows(r, lang);
    await progressSheet(book, lang, progress, measureWidths(progress, PROGRESS_WIDEST));
    return book.bytes();
  }
  return inMemory(xlsxLayout(options), results, options);
};

/** `--by responsible --format xlsx`: the 整改台账 alone, for one area or many. */
export const xlsxRectification: Formatter = (results, options) => inMemory(xlsxRectificationLayout(options), results, options);

/** A layout run on results held whole (the library's formatter): the parts kept in memory, the workbook's pieces joined. */
async function inMemory(layout: ReportLayout<Kept>, results: AssessResult[], options: FormatOptions): Promise<Buffer> {
  const parts = results.map((r) => layout.part(r));
  const chunks: Uint8Array[] = [];
  for await (const chunk of layout.write(results.map(keep), (i, s = 0) => (parts[i] as string[])[s], options.summary)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** What a batch's workbook keeps of each result in memory: its place among the areas worst first (and its input, to assess it again if it is left alone). */
type Kept = Pick<AssessResult, 'verdict' | 'score'> & { input?: string };

function keep(r: AssessResult): Kept {
  return { verdict: r.verdict, score: r.score, ...(r.input !== undefined ? { input: r.input } : {}) };
}

/** An area's head part: its row of 总览 and the widths of it (overviewWidths) and of its rows of 整改台账 and 本期进展. */
interface Head {
  row: AreaRow;
  overview: number[];
  rectification: number[];
  progress: number[];
}

/** An area's row of 矩阵: its name, its verdict, its items' distinct states and each item's (ItemStates). */
type MatrixRow = [name: string, verdict: AreaRow['verdict'], shown: string[], codes: string];

// Each area's parts, set aside as it is assessed (ReportLayout.part), each read back alone: its
// head, its row of 矩阵, its items' columns (the items' ids, and what 矩阵's header shows of
// each), its rows of 整改台账 and of 本期进展.
const HEAD = 0;
const MATRIX = 1;
const COLUMNS = 2;
const RECTIFICATION = 3;
const PROGRESS = 4;

/**
 * What an area's items give 矩阵 (their columns: id, 项目, place, text) is, area after area, the
 * same as the last one's (the items of one standard): made again only where it differs. The
 * columns (18 KB of text) are set aside in full only then, and otherwise by their digest alone
 * (ColumnsRead finds them by it) — not the items' ids either, 2 KB an area: they are the columns'.
 */
class Repeats {
  private last: AssessResult['items'] = [];
  private digest = '';

  of(items: AssessResult['items']): string {
    if (sameColumns(items, this.last)) return this.digest;
    this.last = items;
    const json = JSON.stringify(matrixColumns(items));
    this.digest = createHash('sha256').update(json).digest('base64');
    return `${this.digest}\n${json}`;
  }
}

function sameColumns(a: AssessResult['items'], b: AssessResult['items']): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x.id !== y.id || x.aspect !== y.aspect || x.content !== y.content || x.number !== y.number || x.text !== y.text) return false;
  }
  return true;
}

/**
 * Columns read back (Repeats): a part that gives only the digest has them from another area set
 * aside in full with the same digest — an earlier one of the same thread, or found among all.
 * One list of columns (and of their ids) per digest: the areas of a standard share it.
 */
class ColumnsRead {
  private readonly known = new Map<string, { columns: MatrixColumn[]; ids: string[] }>();

  constructor(
    private readonly count: number,
    private readonly part: (area: number) => string,
  ) {}

  of(area: number): { columns: MatrixColumn[]; ids: string[] } {
    const text = this.part(area);
    const at = text.indexOf('\n');
    const digest = at < 0 ? text : text.slice(0, at);
    const known = this.known.get(digest);
    if (known) return known;
    let columns: MatrixColumn[] | undefined;
    if (at >= 0) columns = JSON.parse(text.slice(at + 1)) as MatrixColumn[];
    else
      for (let i = 0; i < this.count && !columns; i++) {
        const other = this.part(i);
        if (other.startsWith(digest + '\n')) columns = JSON.parse(other.slice(digest.length + 1)) as MatrixColumn[];
      }
    const found = { columns: columns!, ids: columns!.map((c) => c.id) };
    this.known.set(digest, found);
    return found;
  }
}

/** A part set aside, read back: its UTF-8 decoded (and parsed: JSON). */
function textOf(part: string | Uint8Array): string {
  return typeof part === 'string' ? part : Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('utf8');
}

function parsed<T>(part: string | Uint8Array): T {
  return JSON.parse(textOf(part)) as T;
}

/**
 * `--format xlsx` for a batch, from parts set aside (the CLI's way; `xlsx` gives the same workbook
 * at once): each area's rows of every sheet are made where it is assessed (any thread) and set
 * aside; the batch keeps its verdict and score; at the end each sheet is written from the rows
 * read back in its order — 总览 and 矩阵 worst first, 整改台账 and 本期进展 as the areas came —
 * and the workbook given as the zip makes it, never whole in memory.
 */
export function xlsxLayout(options: FormatOptions): ReportLayout<Kept> {
  const { lang } = options;
  const repeats = new Repeats();
  return {
    part(r) {
      const rectification = rectificationRows(r, lang, true);
      const progress = progressRows(r, lang);
      const row = areaRow(r, lang);
      const head: Head = { row, overview: overviewWidths(row, lang), rectification: measureWidths(rectification, RECTIFICATION_WIDEST), progress: measureWidths(progress, PROGRESS_WIDEST) };
      const shown = shownOf(r.items);
      const matrix: MatrixRow = [row.name, row.verdict, shown, statesOf(r.items, shown)];
      return [
        JSON.stringify(head),
        JSON.stringify(matrix),
        repeats.of(r.items),
        JSON.stringify(rectification),
        JSON.stringify(progress),
      ];
    },
    keep,
    // 总览 lists the invalid inputs; its counts and order come from the rows set aside.
    tailReads: 'invalid',
    write(kept, part, summary) {
      const inputOrder = kept.map((_, i) => i);
      const sorted = worstFirst(kept);
      const columnsRead = new ColumnsRead(kept.length, (i) => textOf(part(i, COLUMNS)));
      // Each area's columns (one list for the areas of a standard), found as the batch is laid out.
      const columnsOf: { columns: MatrixColumn[]; ids: string[] }[] = [];
      const rectification: number[] = [];
      const progress: number[] = [];
      // The areas with rows of 整改台账 or 本期进展 (measured: widths), in input order: the others' parts are not read for them.
      const rectified: number[] = [];
      const progressed: number[] = [];
      const overview = new OverviewWidths();
      const layout = batchColumns(
        (function* () {
          for (const i of inputOrder) {
            const head = parsed<Head>(part(i, HEAD));
            widest(rectification, head.rectification);
            widest(progress, head.progress);
            if (head.rectification.length) rectified.push(i);
            if (head.progress.length) progressed.push(i);
            overview.add(head.row, head.overview);
            const columns = (columnsOf[i] = columnsRead.of(i));
            yield { aspects: head.row.aspects, columns: columns.columns };
          }
        })(),
      );
      return bookChunks(async (book) => {
        await overviewSheet(book, layout, sorted.length, map(sorted, (i) => parsed<Head>(part(i, HEAD)).row), overview, lang, summary);
        await matrixSheet(book, layout, (function* () {
          for (const i of sorted) {
            const [name, verdict, shown, codes] = parsed<MatrixRow>(part(i, MATRIX));
            yield { name, verdict, items: { ids: columnsOf[i].ids, shown, codes } };
          }
        })(), lang);
        await rectificationSheet(book, lang, '整改台账', rowsOf<RectificationRow>(rectified, (i) => part(i, RECTIFICATION)), rectification);
        await progressSheet(book, lang, rowsOf<ProgressRow>(progressed, (i) => part(i, PROGRESS)), progress);
      });
    },
  };
}

/** `--by responsible --format xlsx` for a batch: the 整改台账 from each area's rows set aside (as xlsxLayout's). */
export function xlsxRectificationLayout(options: FormatOptions): ReportLayout<Kept> {
  const { lang } = options;
  return {
    part(r) {
      const rows = rectificationRows(r, lang, true);
      return [JSON.stringify(measureWidths(rows, RECTIFICATION_WIDEST)), JSON.stringify(rows)];
    },
    keep,
    tailReads: 'invalid',
    write(kept, part) {
      const measured: number[] = [];
      // The areas with rows (measured: widths), in input order: the others' rows are not read.
      const rectified: number[] = [];
      for (let i = 0; i < kept.length; i++) {
        const widths = parsed<number[]>(part(i, 0));
        widest(measured, widths);
        if (widths.length) rectified.push(i);
      }
      return bookChunks(async (book) => {
        await rectificationSheet(book, lang, '整改台账', rowsOf<RectificationRow>(rectified, (i) => part(i, 1)), measured);
      });
    },
  };
}

function* rowsOf<T>(order: number[], part: (i: number) => string | Uint8Array): Generator<T> {
  for (const i of order) yield* parsed<T[]>(part(i));
}

function* map<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

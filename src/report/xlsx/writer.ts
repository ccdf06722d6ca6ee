import type { DataValidation, Style, Worksheet } from 'exceljs';
import { EXIT, OutputError } from '../../errors.js';
import { safeLines } from '../../text/safe.js';
import { exceljs } from '../exceljs.js';
import { Book } from './book.js';
import { FOOTER, HEADER_CELL, HEADER_ROW, linesOf, pageSetupOf, rowHeight, textWidth } from './sheet.js';
import { ZipWriter } from './zip.js';

/**
 * The report workbooks' writer: exceljs's streaming WorksheetWriter in a workbook of our own over
 * our zip (book.ts, zip.ts), so a batch of any size is written row by row into the zip — memory holds one row and the compressed bytes, not the whole
 * workbook (2,000 areas × 80 styled cells of 矩阵 held by exceljs's Workbook were ~370 MB).
 *
 * What streaming asks of a sheet: its frozen panes and print setup are given when it is created,
 * its column widths before its first row (measured beforehand, `fitWidths`, from the same rows),
 * each row complete when added (written at once), and one sheet finished before the next begins.
 */

/** What a cell shows. A function is a value made only when needed: when the row is written, or measured while its column can still widen. */
export type Value = string | number | null;
export type Source = Value | (() => Value);

/** A cell's look. Shared objects (constants, `look`, `over`): exceljs finds a style it has seen by identity instead of serialising it for every cell. */
export type Look = Partial<Style>;

export interface RowSpec {
  values: Source[];
  /** The whole row's look: every cell of it (the empty ones a clerk fills in too) and the row itself. */
  look?: Look;
  /** Looks by column (0-based), over the row's. */
  cells?: (Look | undefined)[];
  /** Notes (comments) by column (0-based). */
  notes?: (string | undefined)[];
  /** Data validations by column (0-based): the same object on consecutive rows of a column is written as one range. */
  validations?: (DataValidation | undefined)[];
  height?: number;
}

export interface SheetOptions {
  views?: Worksheet['views'];
  pageSetup?: Partial<Worksheet['pageSetup']>;
  headerFooter?: Partial<Worksheet['headerFooter']>;
  autoFilter?: Worksheet['autoFilter'];
  /** Column widths, from the first column (fitWidths). */
  widths: number[];
  /** Rows from this one on are made tall enough for their wrapped text (15 points a line, at most 409). */
  fitHeightsFrom?: number;
}

/** A report workbook being written; `bytes()` finishes it (or `finish()`, written out as it goes: `chunks`). */
export class ReportBook {
  private current: SheetWriter | undefined;

  private constructor(
    private readonly book: Book,
    private readonly chunks: Buffer[],
  ) {}

  /** `out`: where each piece of the zip goes as it is made (the book waits for it); without it, the pieces are held for bytes(). */
  static async open(out?: (chunk: Buffer) => Promise<void>): Promise<ReportBook> {
    const chunks: Buffer[] = [];
    // Inline strings (no shared-string table: it would hold every distinct text of the batch until the end).
    return new ReportBook(new Book(new ZipWriter(out ?? ((chunk) => void chunks.push(chunk)), new Date())), chunks);
  }

  /** A new sheet (the one before it is finished first: the zip takes one entry at a time). */
  sheet(name: string, options: SheetOptions): SheetWriter {
    this.current?.commit();
    const { widths, fitHeightsFrom, ...rest } = options;
    const { zip } = this.book;
    this.current = new SheetWriter(this.book.addWorksheet(name, rest), widths, () => zip.drained(), fitHeightsFrom);
    return this.current;
  }

  async finish(): Promise<void> {
    this.current?.commit();
    await this.book.commit();
  }

  async bytes(): Promise<Buffer> {
    await this.finish();
    return Buffer.concat(this.chunks);
  }
}

/**
 * A workbook written by `fill`, given piece by piece as the zip makes them: each piece is taken
 * (written out by the caller) before the next is made, so the workbook is never whole in memory.
 */
export async function* bookChunks(fill: (book: ReportBook) => Promise<void>): AsyncGenerator<Uint8Array> {
  let pending: { chunk: Buffer; taken: () => void } | undefined;
  let wake: (() => void) | undefined;
  let ended = false;
  let failure: unknown;
  let dropped = false;
  const book = await ReportBook.open(
    (chunk) =>
      new Promise<void>((taken) => {
        if (dropped) return taken();
        pending = { chunk, taken };
        wake?.();
      }),
  );
  fill(book)
    .then(() => book.finish())
    .then(
      () => void (ended = true),
      (e: unknown) => void ((failure = e), (ended = true)),
    )
    .finally(() => wake?.());
  try {
    for (;;) {
      if (pending) {
        const { chunk, taken } = pending;
        pending = undefined;
        yield chunk;
        taken();
        continue;
      }
      if (ended) {
        if (failure) throw failure;
        return;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    // Left early (the report could not be written): let the book run out into nothing.
    dropped = true;
    pending?.taken();
  }
}

export class SheetWriter {
  private rows = 0;
  private committed = false;
  /** Rows made but not yet written into the sheet's stream (flush). */
  private xml = '';
  /** Per column, the validation being run down it: written as one range when it ends. */
  private readonly runs: ({ dv: DataValidation; from: number; to: number } | undefined)[] = [];

  constructor(
    readonly sheet: Worksheet,
    private readonly widths: number[],
    /** Until the zip has handed on what it was given (its output's pace). */
    private readonly drained: () => Promise<void>,
    private readonly fitHeightsFrom?: number,
  ) {
    widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
    completeWriter(sheet);
  }

  get rowCount(): number {
    return this.rows;
  }

  /**
   * Write a row (every string made safe first: `safeLines`); waits while the zip catches up. Gives
   * its number. Written as exceljs's Row and Cell xforms would write it (rowXml) — without a Row and
   * a Cell object per cell, each cell's style merged and its value typed, and an XmlStream per row
   * (~160,000 cells for 矩阵 of 2,000 areas).
   */
  async add(spec: RowSpec): Promise<number> {
    // Past the last row Excel and WPS open, the workbook would be cut short or refused: said now
    // instead (a table that can run long goes on in a sheet of its own: Table).
    if (this.rows >= SHEET_ROWS) throw new OutputError('io.xlsx.tooManyRows', { sheet: this.sheet.name, max: SHEET_ROWS }, EXIT.output, 'io.xlsx.tooLarge.fix');
    const n = ++this.rows;
    const { look, validations } = spec;
    for (let k = 0; k < Math.max(this.runs.length, validations?.length ?? 0); k++) this.validate(k, validations?.[k], n);
    const w = this.sheet as unknown as RowInternals;
    if (!w.startedData) {
      w._writeColumns();
      w._writeOpenSheetData();
      w.startedData = true;
    }
    w._rowZero = n + 1;
    // A blank row (between a table and its legend) is no XML: rowXml never sees its empty array,
    // of another elements kind than the rows' (it was made again for it: --trace-deopt).
    if (!spec.values.length && spec.height === undefined) return n;
    // The row's fields read here, not in rowXml: each sheet's rows are objects of their own shape
    // (a header's, 矩阵's, 整改台账's), and rowXml — long, ~40 ms of TurboFan a compile — was made
    // again for each shape it met after it was optimised ("wrong map" at its first line). Its
    // height too, as an attribute ('' for none): a batch's first tall row (矩阵's header) and first
    // wrapped one (整改台账's) came after rowXml was optimised, and each was a path of it never run
    // before ("insufficient type feedback"), so it was compiled twice more.
    const { cells } = spec;
    const count = make(spec.values);
    const height = spec.height ?? (this.fitHeightsFrom !== undefined && n >= this.fitHeightsFrom ? fittedHeight(count, look, cells, this.widths) : undefined);
    this.xml += rowXml(w, n, count, look, cells, spec.notes, height ? ` ht="${height}" customHeight="1"` : '');
    // Rows go to the zip several at a time: a write into exceljs's stream per row was a promise,
    // a Buffer and a chunk object each.
    if (this.xml.length >= BATCH) await this.flush();
    return n;
  }

  /** The rows waiting (add) written into the sheet's stream; then wait while the zip catches up. */
  private async flush(): Promise<void> {
    if (!this.xml) return;
    (this.sheet as unknown as RowInternals).stream.write(this.xml);
    this.xml = '';
    // Made faster than the output takes it, the zip's pieces would pile up in memory.
    await this.drained();
  }

  /** A data bar across score cells (as scoreBars does for a workbook held whole). */
  addConditionalFormatting(cf: Parameters<Worksheet['addConditionalFormatting']>[0]): void {
    this.sheet.addConditionalFormatting(cf);
  }

  commit(): void {
    if (this.committed) return;
    if (this.xml) (this.sheet as unknown as RowInternals).stream.write(this.xml);
    this.xml = '';
    for (let k = 0; k < this.runs.length; k++) this.validate(k, undefined, this.rows + 1);
    this.sheet.commit();
    this.committed = true;
  }

  private validate(k: number, dv: DataValidation | undefined, n: number): void {
    const run = this.runs[k];
    if (run && run.dv === dv && run.to === n - 1) {
      run.to = n;
      return;
    }
    if (run) {
      const col = this.sheet.getColumn(k + 1).letter;
      (this.sheet as unknown as { dataValidations: { add(address: string, dv: DataValidation): void } }).dataValidations.add(run.from === run.to ? `${col}${run.from}` : `${col}${run.from}:${col}${run.to}`, run.dv);
    }
    this.runs[k] = dv ? { dv, from: n, to: n } : undefined;
  }

}

/** Rows are handed to the zip once this much of their XML (in UTF-16 units) has been made. */
const BATCH = 1 << 15;

/** exceljs's value types (enums.js ValueType: Null 0, Number 2, String 3): a style first seen on a cell is registered for its type. */
const NULL = 0;
const NUMBER = 2;
const STRING = 3;
type RowInternals = {
  startedData: boolean;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  stream: { write(text: string): void };
  _workbook: { styles: { addStyleModel(style: Look, cellType?: number): number }; cellEnds: Book['cellEnds'] };
  hasComments: boolean;
  _sheetCommentsWriter: { addComments(comments: unknown[]): void };
  _rowZero: number;
};

let encoder: ((text: string) => string) | undefined;
/** exceljs's own escaping of XML text and attribute values. */
function xmlEncode(text: string): string {
  return (encoder ??= (exceljs('utils/utils.js') as { xmlEncode(text: string): string }).xmlEncode)(text);
}

/** Short texts made safe and escaped (the symbols of 矩阵, verdicts, states): the same few, met thousands of times. */
const shortTexts = new Map<string, string>();
function cellText(value: string): string {
  if (value.length > 8) return xmlEncode(safeLines(value));
  let text = shortTexts.get(value);
  if (text === undefined) {
    if (shortTexts.size >= 256) shortTexts.clear();
    shortTexts.set(value, (text = xmlEncode(safeLines(value))));
  }
  return text;
}

/**
 * A row as exceljs 4.4's WorksheetWriter._writeRow writes one (RowXform and CellXform: prepare,
 * then render through an XmlStream): the same attributes in the same order, each cell's and the
 * row's style id from exceljs's style registry (asked in the same order, so the ids are the
 * same), notes handed to its comments writer. Its values are `made`'s first `count`; `height`
 * its attribute, or ''. test/xlsx (and the workbooks compared entry by entry) hold it to exceljs's.
 */
function rowXml(w: RowInternals, n: number, count: number, look: Look | undefined, cells: RowSpec['cells'], notes: RowSpec['notes'], height: string): string {
  const values = made;
  let hasValues = false;
  let min = 0;
  let max = 0;
  for (let k = 0; k < count; k++) {
    const value = values[k];
    if (value === undefined) continue;
    if (!min) min = k + 1;
    max = k + 1;
    if (value !== null) hasValues = true;
  }
  if (!hasValues && !height) {
    values.length = 0;
    return '';
  }
  const { styles, cellEnds } = w._workbook;
  const rowStyle = styles.addStyleModel(look ?? NONE);
  // (a height is a number: nothing in it to escape)
  let xml = `<row r="${n}"${height}`;
  if (min > 0) xml += ` spans="${min}:${max}"`;
  if (rowStyle) xml += ` s="${rowStyle}" customFormat="1"`;
  xml += ' x14ac:dyDescent="0.25"';
  let inner = '';
  let comments: unknown[] | undefined;
  for (let k = 0; k < count; k++) {
    const value = values[k];
    if (value === undefined) continue;
    const own = cells?.[k];
    const style = (own ? (look ? over(look, own) : own) : look) ?? NONE;
    const note = notes?.[k];
    // A short text in a look seen before with it (a symbol of 矩阵, a verdict): its cell's end as written then.
    const short = typeof value === 'string' && value.length <= 8 && !note ? (cellEnds.get(style) ?? newEnds(cellEnds, style)) : undefined;
    const end = short?.get(value as string);
    if (end !== undefined) {
      inner += `<c r="${columnLetter(k + 1)}${n}${end}`;
      continue;
    }
    const id = styles.addStyleModel(style, value === null ? NULL : typeof value === 'string' ? STRING : NUMBER);
    const address = columnLetter(k + 1) + n;
    if (note) (comments ??= []).push({ ...(new (exceljsNote())(note).model as object), ref: address });
    if (value === null) {
      if (id) inner += `<c r="${address}" s="${id}"/>`;
      continue;
    }
    // A number's text has nothing to escape.
    if (typeof value === 'number') inner += `<c r="${address}"${id ? ` s="${id}"` : ''}><v>${String(value)}</v></c>`;
    else {
      const tail = `"${id ? ` s="${id}"` : ''} t="str"><v>${cellText(value)}</v></c>`;
      inner += `<c r="${address}${tail}`;
      if (short) {
        // (as shortTexts: area names of a few characters would otherwise pile up here)
        if (short.size >= 256) short.clear();
        short.set(value, tail);
      }
    }
  }
  values.length = 0;
  if (comments) {
    w.hasComments = true;
    w._sheetCommentsWriter.addComments(comments);
  }
  return inner ? `${xml}>${inner}</row>` : `${xml}/>`;
}

/**
 * A row's values, made (make fills it, rowXml empties it): one array for every row of every
 * sheet — one per sheet was a fresh array each time, and rowXml was compiled again for it.
 */
const made: Value[] = [];

/** A row's values made (a function's called) into `made`; gives their count. */
function make(sources: RowSpec['values']): number {
  const count = sources.length;
  for (let k = 0; k < count; k++) {
    const source = sources[k];
    made[k] = typeof source === 'function' ? source() : (source as Value);
  }
  return count;
}

/** The height of a row of `made` whose wrapped texts (a look with wrapText) take more than a line in their columns; undefined for one line. */
function fittedHeight(count: number, look: Look | undefined, cells: RowSpec['cells'], widths: readonly number[]): number | undefined {
  let lines = 1;
  for (let k = 0; k < count; k++) {
    const value = made[k];
    if (value === undefined || value === null) continue;
    const own = cells?.[k];
    const style = own ? (look ? over(look, own) : own) : look;
    if (style?.alignment?.wrapText) lines = Math.max(lines, linesOf(String(value), widths[k] ?? 9));
  }
  return lines > 1 ? rowHeight(lines) : undefined;
}

function newEnds(ends: Book['cellEnds'], style: Look): Map<string, string> {
  const m = new Map<string, string>();
  ends.set(style, m);
  return m;
}

const letters: string[] = [];
/** A column's letters (1 → A, 27 → AA), as exceljs's col-cache makes them. */
function columnLetter(n: number): string {
  let s = letters[n];
  if (s === undefined) {
    s = '';
    for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
    letters[n] = s;
  }
  return s;
}

let noteClass: (new (text: string) => { model: unknown }) | undefined;
/** exceljs's Note: a header's note as exceljs models it (its margins, protection, …). */
function exceljsNote() {
  return (noteClass ??= exceljs('doc/note.js') as new (text: string) => { model: unknown });
}

type Xform = { prepare?(model: unknown, options: unknown): void; toXml(model: unknown): string };
type Internals = { stream: { write(text: string): void }; conditionalFormatting: unknown[]; pageSetup: Worksheet['pageSetup']; _workbook: { styles: unknown }; _writePageMargins(): void; _writeCloseWorksheet(): void };

/**
 * Two things exceljs's streaming WorksheetWriter (4.4) leaves out that its Workbook writes, put
 * back with exceljs's own xforms at the places its Workbook puts them: `<printOptions>` (the table
 * centred on the printed page) before the page margins, and the x14 extension of data bars (solid,
 * 0–100 % of the cell, as the Workbook wrote them; without it Excel draws the 2007 gradient bar,
 * 10–90 %) as the sheet's last element. Should a later exceljs rename these methods, the workbook
 * is still valid, only without the two (test/xlsx/report.test.ts reads both back).
 */
function completeWriter(sheet: Worksheet): void {
  const w = sheet as unknown as Internals;
  if (typeof w._writePageMargins !== 'function' || typeof w._writeCloseWorksheet !== 'function') return;
  const PrintOptions = exceljs('xlsx/xform/sheet/print-options-xform.js') as new () => Xform;
  const ExtLst = exceljs('xlsx/xform/sheet/ext-lst-xform.js') as new () => Xform;
  const margins = w._writePageMargins;
  w._writePageMargins = function (this: Internals) {
    const p = this.pageSetup;
    this.stream.write(new PrintOptions().toXml({ showRowColHeaders: p.showRowColHeaders, showGridLines: p.showGridLines, horizontalCentered: p.horizontalCentered, verticalCentered: p.verticalCentered }));
    margins.call(this);
  };
  const close = w._writeCloseWorksheet;
  const ext = new ExtLst();
  const model = { conditionalFormattings: w.conditionalFormatting };
  // The ids that tie each rule to its extension are given before the rules are written (commit).
  const commit = (sheet as unknown as { commit(): void }).commit;
  (sheet as unknown as { commit(): void }).commit = function (this: Internals) {
    model.conditionalFormattings = this.conditionalFormatting;
    ext.prepare!(model, { styles: this._workbook.styles });
    commit.call(this);
  };
  w._writeCloseWorksheet = function (this: Internals) {
    this.stream.write(ext.toXml(model));
    close.call(this);
  };
}

/**
 * The look of a row or cell given none: one object, where exceljs would make an empty one for each
 * (and serialise each to find its style id: it knows a style it has seen by identity alone). An
 * empty style's id is the same for text and numbers (numFmtId 0, General).
 */
const NONE: Look = Object.freeze({});

const merged = new WeakMap<Look, Map<Look, Look>>();

/** `base` with `top` over it, one object per pair. */
export function over(base: Look, top: Look): Look {
  let m = merged.get(base);
  if (!m) merged.set(base, (m = new Map()));
  let both = m.get(top);
  if (!both) m.set(top, (both = { ...base, ...top }));
  return both;
}

const fills = new Map<string, Look>();

/** A solid fill, one object per colour. */
export function fillLook(argb: string | undefined): Look | undefined {
  if (!argb) return undefined;
  let f = fills.get(argb);
  if (!f) fills.set(argb, (f = { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb } } }));
  return f;
}

/**
 * Column widths that fit the longest line of each column within [min, max], from the rows a sheet
 * will be written with (fitColumns, before the rows are written): a column's value that is a
 * function is made only while the column can still widen (a 原因 column is at its widest by the
 * first long reason). As many columns as the widest row.
 */
export function fitWidths(rows: Iterable<Pick<RowSpec, 'values'>>, min: number, max: number): number[] {
  return boundWidths(measureWidths(rows, max), min, max);
}

/** Measured widths (measureWidths) within [min, max]. */
export function boundWidths(measured: readonly number[], min: number, max: number): number[] {
  return measured.map((w) => Math.min(Math.max(w, min), max));
}

/**
 * The width of each column's longest line (0 where nothing is written), not looking further once
 * a column is `enough`: fitWidths before its bounds. Rows measured apart (each area's, where it
 * is assessed) are measured together by taking the widest of each column (widest()).
 */
export function measureWidths(rows: Iterable<Pick<RowSpec, 'values'>>, enough = Infinity): number[] {
  const widest: number[] = [];
  for (const row of rows) {
    const { values } = row;
    for (let k = 0; k < values.length; k++) {
      const seen = widest[k] ?? 0;
      widest[k] = seen;
      if (seen >= enough) continue;
      const source = values[k];
      const value = typeof source === 'function' ? source() : source;
      if (value === null || value === undefined || value === '') continue;
      for (const line of String(value).split('\n')) widest[k] = Math.max(widest[k], textWidth(line) + 2);
    }
  }
  return widest;
}

/** `into` widened to `other`, column by column (as many columns as the longer). */
export function widest(into: number[], other: readonly number[]): number[] {
  for (let k = 0; k < other.length; k++) into[k] = Math.max(into[k] ?? 0, other[k]);
  return into;
}

/** The header row of a table sheet (styleHeader's look). */
export function headerRow(header: string[], cells?: (Look | undefined)[]): RowSpec {
  return { values: header, look: HEADER_ROW as Look, cells: header.map((_, k) => (cells?.[k] ? over(HEADER_CELL as Look, cells[k]!) : (HEADER_CELL as Look))) };
}

/** The rows of a sheet Excel and WPS open (2^20): beyond them a workbook is cut short, or refused as damaged. */
export const SHEET_ROWS = 1_048_576;

/**
 * A table that may be longer than a sheet: its rows go on in `name（2）`, `name（3）`…, each a
 * table sheet (tableSheet) with the header again, as a clerk would split it by hand. A 整改台账
 * of a national batch in a month when many facts are still missing (38,600 areas × 30 open items)
 * is longer than one sheet holds. `rowsPerSheet`: the header included (a test gives a few).
 */
export class Table {
  private part = 0;
  private sheet!: SheetWriter;

  private constructor(
    private readonly open: (name: string) => SheetWriter,
    private readonly name: string,
    private readonly header: RowSpec,
    private readonly rowsPerSheet: number,
  ) {}

  /** The first sheet, its header written. */
  static async start(open: (name: string) => SheetWriter, name: string, header: RowSpec, rowsPerSheet = SHEET_ROWS): Promise<Table> {
    const table = new Table(open, name, header, Math.min(Math.max(rowsPerSheet, 2), SHEET_ROWS));
    await table.next();
    return table;
  }

  /** The sheet the last row went into. */
  get current(): SheetWriter {
    return this.sheet;
  }

  /** Add a row (in a new sheet once this one is full); gives its number in its sheet. */
  async add(spec: RowSpec): Promise<number> {
    if (this.sheet.rowCount >= this.rowsPerSheet) await this.next();
    return this.sheet.add(spec);
  }

  private async next(): Promise<void> {
    this.part++;
    this.sheet = this.open(this.part === 1 ? this.name : `${this.name}（${this.part}）`);
    await this.sheet.add(this.header);
  }
}

/**
 * A table sheet (what tableSheet gave a workbook held whole): the header row frozen with the
 * first `freezeColumns` columns, filtered, A4 landscape with the header on every printed page.
 * The caller adds the header row (headerRow) and the rows.
 */
export function tableSheet(book: ReportBook, name: string, columns: number, options: { freezeColumns?: number; filter?: boolean; widths: number[]; fitHeightsFrom?: number }): SheetWriter {
  return book.sheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: options.freezeColumns ?? 0 }],
    ...(options.filter !== false ? { autoFilter: { from: { row: 1, column: 1 }, to: { row: 1, column: columns } } } : {}),
    pageSetup: pageSetupOf(true),
    headerFooter: { ...FOOTER },
    widths: options.widths,
    ...(options.fitHeightsFrom !== undefined ? { fitHeightsFrom: options.fitHeightsFrom } : {}),
  });
}

const PERCENT: Look = { numFmt: '0.0%' };
export { PERCENT };

/** A data bar across score cells (0 to 100%), so the weak ones show at a glance; the cells themselves say `0.0%` (PERCENT). */
export function scoreBars(sheet: SheetWriter, column: number, firstRow: number, lastRow: number): void {
  if (lastRow < firstRow) return;
  const letter = sheet.sheet.getColumn(column).letter;
  sheet.addConditionalFormatting({
    ref: `${letter}${firstRow}:${letter}${lastRow}`,
    rules: [{ type: 'dataBar', priority: 1, minLength: 0, maxLength: 100, cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 1 }], color: { argb: 'FF638EC6' }, gradient: false } as never],
  });
}

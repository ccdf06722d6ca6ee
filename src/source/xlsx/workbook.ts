import { extract, listEntries, ZipRefusal, type ZipEntry } from './zip.js';
import { decode, elements, first, richText, withoutComments } from './xml.js';
import { isDateFormat, isPercentFormat } from './dates.js';

/** Bounds on what a workbook may hold, checked before its parts are parsed. */
export interface WorkbookLimits {
  maxEntries: number;
  /** All parts together, uncompressed. */
  maxTotalSize: number;
  /** One sheet's XML, uncompressed. */
  maxSheetSize: number;
  /** Rows of one sheet, and cells of one sheet. */
  maxRows: number;
  maxCells: number;
}

export const WORKBOOK_LIMITS: WorkbookLimits = {
  maxEntries: 500,
  maxTotalSize: 32 * 1024 * 1024,
  maxSheetSize: 8 * 1024 * 1024,
  maxRows: 10_000,
  maxCells: 200_000,
};

/** Why a workbook is refused before any cell is read (words: the xlsx section of the catalogue). */
export class WorkbookRefusal extends Error {
  constructor(
    readonly reason: 'macros' | 'external-links' | 'too-many-rows' | 'too-many-cells' | 'too-large' | 'not-workbook' | 'doctype' | 'no-sheet',
    readonly detail: Record<string, string | number> = {},
  ) {
    super(reason);
  }
}

/** One cell as stored: its kind and text (t: s shared string, b boolean, n number, str/inlineStr text, e error). */
export interface RawCell {
  ref: string;
  row: number;
  col: number;
  type: 'string' | 'number' | 'boolean' | 'error' | 'empty';
  /** string/number/boolean value (a date-formatted number is still a number here; see `date`). */
  value: string | number | boolean | null;
  /** The cell's number format is a date one. */
  date: boolean;
  /** The cell's number format shows a percentage (0.6 shown as 60%): Excel stores what was typed as 60% so. */
  percent?: boolean;
  /** The cell holds a formula; `value` is its cached result (null: none cached). */
  formula: boolean;
}

export interface Sheet {
  name: string;
  /** Rows by number, each holding its cells by column number (1-based both). */
  rows: Map<number, Map<number, RawCell>>;
}

export interface Workbook {
  sheetNames: string[];
  /** Parse one sheet by name (undefined when the workbook has none of that name). */
  sheet(name: string): Sheet | undefined;
}

const MACRO_TYPES = /macroEnabled|vbaProject|vnd\.ms-office\.activeX|vnd\.ms-excel\.(sheet\.binary|addin)/i;
const EXTERNAL_LINK = /\/externalLink$/;

/**
 * Open an .xlsx held in memory: the central directory bounded first (zip.ts), then the parts
 * that say what the workbook holds — macros and external links are refused from the package's
 * own list of parts and relationships, before a single sheet is parsed.
 */
export function openWorkbook(buf: Buffer, limits: WorkbookLimits = WORKBOOK_LIMITS): Workbook {
  const entries = listEntries(buf, limits);
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) byName.set(e.name.replace(/^\/+/, ''), e);
  const read = (name: string): string | undefined => {
    const entry = byName.get(name);
    if (!entry) return undefined;
    const text = extract(buf, entry).toString('utf8');
    // A DTD could define entities that expand without bound; Excel never writes one.
    if (/<!DOCTYPE/i.test(text.slice(0, 4096))) throw new WorkbookRefusal('doctype', { part: name });
    return withoutComments(text);
  };

  for (const name of byName.keys()) {
    if (/(^|\/)vbaProject\.bin$/i.test(name) || /^xl\/(activeX|macrosheets|dialogsheets)\//i.test(name)) throw new WorkbookRefusal('macros', { part: name });
    if (/^xl\/externalLinks\//i.test(name)) throw new WorkbookRefusal('external-links', { part: name });
  }
  const types = read('[Content_Types].xml');
  if (types === undefined || !byName.has('xl/workbook.xml')) throw new WorkbookRefusal('not-workbook');
  if (MACRO_TYPES.test(types)) throw new WorkbookRefusal('macros', { part: '[Content_Types].xml' });

  const rels = relationships(read('xl/_rels/workbook.xml.rels'));
  for (const r of rels.values()) if (EXTERNAL_LINK.test(r.type) || r.external) throw new WorkbookRefusal('external-links', { part: r.target });
  const workbook = read('xl/workbook.xml')!;
  if (!first(workbook, 'workbook')) throw new WorkbookRefusal('not-workbook');
  if (first(workbook, 'externalReferences')) throw new WorkbookRefusal('external-links', { part: 'xl/workbook.xml' });
  const sheets: { name: string; part: string }[] = [];
  for (const s of elements(workbook, 'sheet')) {
    const rel = rels.get(s.attrs['r:id'] ?? s.attrs.id);
    if (rel) sheets.push({ name: s.attrs.name ?? '', part: resolvePart('xl/', rel.target) });
  }
  let strings: string[] | undefined;
  let cellStyles: CellStyle[] | undefined;
  const shared = () => (strings ??= sharedStrings(read('xl/sharedStrings.xml')));
  const styles = () => (cellStyles ??= styleIndex(read('xl/styles.xml')));
  return {
    sheetNames: sheets.map((s) => s.name),
    sheet(name) {
      const found = sheets.find((s) => s.name === name);
      if (!found) return undefined;
      const entry = byName.get(found.part);
      if (!entry) throw new WorkbookRefusal('no-sheet', { sheet: name });
      if (entry.size > limits.maxSheetSize) throw new WorkbookRefusal('too-large', { part: found.part, max: limits.maxSheetSize });
      const text = read(found.part)!;
      // Counted in the text before parsing, so a sheet of a million tiny rows never becomes a million objects.
      const rows = count(text, '<row', limits.maxRows + 1) + count(text, ':row', limits.maxRows + 1);
      if (rows > limits.maxRows) throw new WorkbookRefusal('too-many-rows', { sheet: name, max: limits.maxRows });
      const cells = count(text, '<c ', limits.maxCells + 1) + count(text, '<c>', limits.maxCells + 1) + count(text, ':c ', limits.maxCells + 1);
      if (cells > limits.maxCells) throw new WorkbookRefusal('too-many-cells', { sheet: name, max: limits.maxCells });
      return { name, rows: sheetCells(text, shared, styles) };
    },
  };
}

function count(text: string, needle: string, stopAt: number): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1 && n < stopAt; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

function relationships(xml: string | undefined): Map<string, { type: string; target: string; external: boolean }> {
  const out = new Map<string, { type: string; target: string; external: boolean }>();
  if (!xml) return out;
  for (const r of elements(xml, 'Relationship')) {
    out.set(r.attrs.Id ?? '', { type: r.attrs.Type ?? '', target: r.attrs.Target ?? '', external: r.attrs.TargetMode === 'External' });
  }
  return out;
}

/** A relationship target relative to the part's folder, or absolute from the package root. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const si of elements(xml, 'si')) out.push(richText(si.inner));
  return out;
}

/** What a cell style's number format shows: a date, or a percentage. */
interface CellStyle {
  date: boolean;
  percent: boolean;
}

/** Per cell style (cellXfs index), whether its number format shows a date or a percentage. */
function styleIndex(xml: string | undefined): CellStyle[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const f of elements(xml, 'numFmt')) custom.set(Number(f.attrs.numFmtId), f.attrs.formatCode ?? '');
  const cellXfs = first(xml, 'cellXfs')?.inner ?? '';
  const out: CellStyle[] = [];
  for (const xf of elements(cellXfs, 'xf')) {
    const id = Number(xf.attrs.numFmtId ?? 0);
    out.push({ date: isDateFormat(id, custom), percent: isPercentFormat(id, custom) });
  }
  return out;
}

function sheetCells(xml: string, shared: () => string[], styles: () => CellStyle[]): Map<number, Map<number, RawCell>> {
  const rows = new Map<number, Map<number, RawCell>>();
  // Only sheetData: the 事实 sheet's data validations (a prompt per row) are most of its text.
  const data = first(xml, 'sheetData')?.inner ?? '';
  let rowNumber = 0;
  for (const row of elements(data, 'row')) {
    rowNumber = row.attrs.r ? Number(row.attrs.r) : rowNumber + 1;
    const cells = new Map<number, RawCell>();
    let col = 0;
    for (const c of row.inner ? elements(row.inner, 'c') : []) {
      const ref = c.attrs.r;
      const at = ref ? parseRef(ref) : undefined;
      col = at ? at.col : col + 1;
      const r = at ? at.row : rowNumber;
      cells.set(col, rawCell(c.attrs, c.inner, ref ?? columnName(col) + r, r, col, shared, styles));
    }
    rows.set(rowNumber, cells);
  }
  return rows;
}

function rawCell(attrs: Record<string, string>, inner: string | undefined, ref: string, row: number, col: number, shared: () => string[], styles: () => CellStyle[]): RawCell {
  const t = attrs.t ?? 'n';
  const formula = inner !== undefined && first(inner, 'f') !== undefined;
  const vElement = inner === undefined ? undefined : first(inner, 'v');
  const v = vElement?.inner === undefined ? undefined : decode(vElement.inner);
  const base = { ref, row, col, formula, date: false };
  if (t === 'inlineStr') return { ...base, type: 'string', value: richText(first(inner ?? '', 'is')?.inner) };
  if (v === undefined || (v === '' && t !== 'str')) return { ...base, type: 'empty', value: null };
  switch (t) {
    case 's': {
      const s = shared()[Number(v)];
      return s === undefined ? { ...base, type: 'error', value: '#REF!' } : { ...base, type: 'string', value: s };
    }
    case 'str':
      return { ...base, type: 'string', value: v };
    case 'b':
      return { ...base, type: 'boolean', value: v === '1' || v.toLowerCase() === 'true' };
    case 'e':
      return { ...base, type: 'error', value: v };
    default: {
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n)) return { ...base, type: 'string', value: v };
      const s = attrs.s === undefined ? 0 : Number(attrs.s);
      const style = styles()[s];
      return { ...base, type: 'number', value: n, date: style?.date === true, ...(style?.percent ? { percent: true } : {}) };
    }
  }
}

export function parseRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

export function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export { ZipRefusal };

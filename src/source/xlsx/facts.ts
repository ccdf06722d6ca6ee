import { InputError, pointerOf, splitPointer, type InputProblem } from '../../errors.js';
import { extensionOf, isOle2, isZip, isZipWorkbook } from '../sniff.js';
import { t, type MessageId } from '../../messages/catalogue.js';
import type { Parsed, ParseLimits } from '../types.js';
import { serialToIso } from './dates.js';
import { EVIDENCE_SEPARATOR, FACT_COLUMNS, INFO_FIELDS, isReportBook, NO, SHEETS, YES } from './layout.js';
import { columnName, openWorkbook, WORKBOOK_LIMITS, WorkbookRefusal, ZipRefusal, type RawCell, type Sheet, type WorkbookLimits } from './workbook.js';

type Place = { line: number; column: number; cell: string };

/**
 * A filled 台账 workbook (assess init --format xlsx) → the same facts-file object a JSON or YAML
 * file gives, and a `locate` that answers with the cell (事实!F12) where the text parsers answer
 * with line:column — so validation and its messages are the JSON path's, located by cell.
 * Rows are found by 键, never by position: a clerk may sort, filter or insert rows.
 */
export function readFactsWorkbook(bytes: Buffer, file: string, _limits?: ParseLimits, bounds: WorkbookLimits = WORKBOOK_LIMITS): Parsed {
  const refusal = refusedByName(file, bytes) ?? refusedByMagic(bytes);
  if (refusal) throw new InputError('parse', file, [refusal]);
  try {
    return readOpened(bytes, file, bounds);
  } catch (e) {
    if (e instanceof ZipRefusal || e instanceof WorkbookRefusal) throw new InputError('parse', file, [refusalProblem(e)]);
    throw e;
  }
}

function readOpened(bytes: Buffer, file: string, bounds: WorkbookLimits): Parsed {
  const book = openWorkbook(bytes, bounds);
  const places = new Map<string, Place>();
  const problems: InputProblem[] = [];
  const place = (sheet: string, c: { ref: string; row: number; col: number }): Place => ({ line: c.row, column: c.col, cell: `${sheet}!${c.ref}` });
  /** A sheet or a column is missing: the workbook is not read as facts at all. */
  let structural = false;
  const missingSheet = (name: string) => {
    structural = true;
    problems.push({ ...say('xlsx.noSheet', { sheet: name, found: book.sheetNames.join('、') || '—' }, 'xlsx.noSheetExpected', { sheet: name }) });
  };

  const value: { standard?: string; area: { name?: string; code?: string }; period?: string; facts: Record<string, unknown>; evidence: Record<string, string[]> } = {
    area: {},
    facts: {},
    evidence: {},
  };

  const info = book.sheet(SHEETS.info);
  if (isReportBook(book.sheetNames)) {
    throw new InputError('schema', file, [{ ...say('xlsx.isReport', { found: book.sheetNames.join('、') }, 'xlsx.isReportExpected') }]);
  }
  if (!info) missingSheet(SHEETS.info);
  else {
    for (const cells of info.rows.values()) {
      const label = cells.get(1);
      const field = INFO_FIELDS.find((f) => label?.type === 'string' && String(label.value).trim() === f.label);
      if (!field) continue;
      const cell = cells.get(2) ?? { ref: columnName(2) + label!.row, row: label!.row, col: 2, type: 'empty', value: null, date: false, formula: false };
      places.set(field.pointer, place(SHEETS.info, cell));
      const text = infoText(cell, problems, place(SHEETS.info, cell));
      if (text === undefined) continue;
      const parts = splitPointer(field.pointer);
      if (parts[0] === 'area') value.area[parts[1] as 'name' | 'code'] = text;
      else (value as Record<string, unknown>)[parts[0]] = text;
    }
  }

  const facts = book.sheet(SHEETS.facts);
  if (!facts) missingSheet(SHEETS.facts);
  else if (!readFactRows(facts, value, places, problems, place)) structural = true;
  places.set('/facts', { line: 1, column: 1, cell: `${SHEETS.facts}!A1` });
  // A sheet or column missing: nothing to validate. A cell's problem (its value left out): said
  // with what validation finds (Parsed.problems), so the clerk fixes the file in one pass.
  if (structural) throw new InputError('schema', file, problems);
  return {
    value,
    locate: (pointer) => places.get(pointer) ?? places.get(pointerOf(splitPointer(pointer).slice(0, 2))),
    ...(problems.length ? { problems } : {}),
  };
}

/** The 事实 sheet's rows into `value`; false where its 键 or 填报值 column is missing (nothing read). */
function readFactRows(
  sheet: Sheet,
  value: { facts: Record<string, unknown>; evidence: Record<string, string[]> },
  places: Map<string, Place>,
  problems: InputProblem[],
  place: (sheet: string, c: { ref: string; row: number; col: number }) => Place,
): boolean {
  // The header row is the first with a 键 cell; its columns are found by name, so a clerk may reorder them.
  let header: number | undefined;
  const columns = new Map<string, number>();
  for (const [row, cells] of sheet.rows) {
    for (const [col, c] of cells) if (c.type === 'string' && FACT_COLUMNS.includes(String(c.value).trim() as never)) columns.set(String(c.value).trim(), col);
    if (columns.has('键')) {
      header = row;
      break;
    }
    columns.clear();
  }
  for (const needed of ['键', '填报值'] as const) {
    if (header === undefined || !columns.has(needed)) {
      problems.push({ cell: `${sheet.name}!A1`, line: 1, column: 1, ...say('xlsx.noColumn', { sheet: sheet.name, column: needed }, 'xlsx.noColumnExpected', { columns: FACT_COLUMNS.join('、') }) });
      return false;
    }
  }
  const keyCol = columns.get('键')!;
  const valueCol = columns.get('填报值')!;
  const evidenceCol = columns.get('证明材料');
  const unitCol = columns.get('单位');
  const typeCol = columns.get('类型');
  const seen = new Map<string, string>();
  for (const [row, cells] of sheet.rows) {
    if (row <= header!) continue;
    const keyCell = cells.get(keyCol);
    if (!keyCell || keyCell.type === 'empty') continue;
    const key = String(keyCell.value).trim();
    if (key === '') continue;
    const at = place(sheet.name, keyCell);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ ...at, ...say('xlsx.duplicateKey', { key, first }, 'xlsx.duplicateKeyExpected') });
      continue;
    }
    seen.set(key, at.cell);
    const pointer = pointerOf(['facts', key]);
    const cell = cells.get(valueCol) ?? { ref: columnName(valueCol) + row, row, col: valueCol, type: 'empty' as const, value: null, date: false, formula: false };
    places.set(pointer, place(sheet.name, cell));
    value.facts[key] = factValue(cell, problems, place(sheet.name, cell), { unit: textIn(cells, unitCol), number: NUMBER_TYPES.has(textIn(cells, typeCol) ?? '') });
    const ev = evidenceCol === undefined ? undefined : cells.get(evidenceCol);
    if (ev && ev.type === 'string') {
      const files = String(ev.value).split(EVIDENCE_SEPARATOR).map((s) => s.trim()).filter(Boolean);
      if (files.length) {
        value.evidence[key] = files;
        const evPlace = place(sheet.name, ev);
        places.set(pointerOf(['evidence', key]), evPlace);
        files.forEach((_, i) => places.set(pointerOf(['evidence', key, i]), evPlace));
      }
    }
  }
  return true;
}

/** A row's text in column `col` (its 单位, its 类型), trimmed; undefined for any other cell. */
function textIn(cells: ReadonlyMap<number, RawCell>, col: number | undefined): string | undefined {
  const c = col === undefined ? undefined : cells.get(col);
  return c?.type === 'string' ? String(c.value).trim() : undefined;
}

/** The 类型 of a row whose value is a number, in the words of either language's template. */
const NUMBER_TYPES = new Set(['整数', '数字', 'whole number', 'number']);
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * A 填报值 cell → the value a JSON facts file would hold there (null: not filled in). `row`: its
 * 单位, and whether its 类型 is a number, as the clerk sees them.
 */
function factValue(c: RawCell, problems: InputProblem[], at: Place, row: { unit?: string; number: boolean }): unknown {
  const { unit } = row;
  if (c.formula && (c.type === 'empty' || c.value === null)) {
    problems.push({ ...at, ...say('xlsx.formulaNoValue', undefined, 'xlsx.formulaNoValueExpected') });
    return null;
  }
  switch (c.type) {
    case 'empty':
      return null;
    case 'error':
      problems.push({ ...at, ...say('xlsx.cellError', { value: String(c.value) }, 'xlsx.cellErrorExpected') });
      return null;
    case 'boolean':
      return c.value;
    case 'number':
      if (c.date) return serialToIso(c.value as number);
      // 60% typed into a cell is kept as 0.6, shown as 60%: the 60 the clerk sees, for a row in %;
      // for any other row the text it shows, which validation tells is not its unit.
      if (c.percent) {
        const shown = Number(((c.value as number) * 100).toPrecision(12));
        return unit === '%' ? shown : `${shown}%`;
      }
      // To the 15 digits Excel and WPS show: a formula's =10*0.3 is kept as 3.0000000000000004,
      // which is not the whole number 3 the clerk sees.
      return Number((c.value as number).toPrecision(15));
    case 'string': {
      const s = String(c.value);
      const trimmed = s.trim();
      if (trimmed === '') return null;
      if (trimmed === YES) return true;
      if (trimmed === NO) return false;
      // A number kept as text (a cell formatted 文本, a paste from another system: Excel's green
      // corner) is the number it shows, in a row of a number.
      if (row.number && PLAIN_NUMBER.test(trimmed)) return Number(trimmed);
      return s; // other text stays text: validation says "expected a count, got "3次"", as for JSON
    }
  }
}

/** 基本信息 values are text: a code or a year typed as a number is the same text. */
function infoText(c: RawCell, problems: InputProblem[], at: Place): string | undefined {
  if (c.formula && c.value === null) {
    problems.push({ ...at, ...say('xlsx.formulaNoValue', undefined, 'xlsx.formulaNoValueExpected') });
    return undefined;
  }
  if (c.type === 'empty' || c.type === 'error') return undefined;
  if (c.type === 'number') return c.date ? serialToIso(c.value as number) : String(c.value);
  const s = String(c.value).trim();
  return s === '' ? undefined : s;
}

/** Refused by name: formats that are not a plain .xlsx — but an .xls or .et that holds an .xlsx's content is read (Excel and WPS open it too). */
function refusedByName(file: string, bytes: Buffer): InputProblem | undefined {
  const ext = extensionOf(file);
  if ((ext === 'xls' || ext === 'et') && !isZipWorkbook(bytes)) return { ...say('xlsx.legacy', undefined, 'xlsx.saveAsXlsx') };
  if (ext === 'xlsm' || ext === 'xltm' || ext === 'xlam') return { ...say('xlsx.macros', undefined, 'xlsx.saveAsXlsx') };
  if (ext === 'xlsb' || ext === 'ods') return { ...say('xlsx.otherFormat', { ext }, 'xlsx.saveAsXlsx') };
  return undefined;
}

/** Refused by content: an OLE2 compound file is an old .xls or an encrypted workbook (Office encrypts into OLE2). */
function refusedByMagic(bytes: Buffer): InputProblem | undefined {
  if (isOle2(bytes)) {
    const encrypted = bytes.includes(Buffer.from('EncryptionInfo', 'utf16le')) || bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'));
    return encrypted ? { ...say('xlsx.encrypted', undefined, 'xlsx.encryptedExpected') } : { ...say('xlsx.legacy', undefined, 'xlsx.saveAsXlsx') };
  }
  if (!isZip(bytes)) return { ...say('xlsx.notWorkbook', undefined, 'xlsx.saveAsXlsx') };
  return undefined;
}

function refusalProblem(e: ZipRefusal | WorkbookRefusal): InputProblem {
  const d = e.detail;
  switch (e.reason) {
    case 'encrypted':
      return { ...say('xlsx.encrypted', undefined, 'xlsx.encryptedExpected') };
    case 'too-large':
    case 'too-many-entries':
      return { ...say('xlsx.tooLarge', { max: Number(d.max ?? WORKBOOK_LIMITS.maxTotalSize) }, 'xlsx.tooLargeExpected') };
    case 'too-many-rows':
      return { cell: `${d.sheet}!A1`, ...say('xlsx.tooManyRows', { sheet: String(d.sheet), max: Number(d.max) }, 'xlsx.tooLargeExpected') };
    case 'too-many-cells':
      return { cell: `${d.sheet}!A1`, ...say('xlsx.tooManyCells', { sheet: String(d.sheet), max: Number(d.max) }, 'xlsx.tooLargeExpected') };
    case 'macros':
      return { ...say('xlsx.macros', undefined, 'xlsx.saveAsXlsx') };
    case 'doctype':
      return { ...say('xlsx.doctype', { part: String(d.part) }, 'xlsx.saveAsXlsx') };
    case 'external-links':
      return { ...say('xlsx.externalLinks', undefined, 'xlsx.externalLinksExpected') };
    default:
      return { ...say('xlsx.notWorkbook', undefined, 'xlsx.saveAsXlsx') };
  }
}

/**
 * A problem in the catalogue's words: its id and data (printed in the user's language), the fix
 * as a hint, and the English words for logs and library callers.
 */
function say(id: MessageId & `xlsx.${string}`, data: unknown, fix: MessageId & `xlsx.${string}`, fixData?: unknown): Pick<InputProblem, 'message' | 'expected' | 'id' | 'data' | 'hint'> {
  const en = t as unknown as (lang: 'en', id: string, data?: unknown) => string;
  return { message: en('en', id, data), expected: en('en', fix, fixData), id, data, hint: { id: fix, data: fixData } };
}

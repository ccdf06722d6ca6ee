import type { Workbook, DataValidation } from 'exceljs';
import { t } from '../../messages/catalogue.js';
import type { Lang } from '../../messages/types.js';
import { FACT_COLUMNS, INFO_FIELDS, INFO_HEADER, NO, SHEETS, YES } from '../../source/xlsx/layout.js';
import type { FactSpec, LoadedStandard } from '../../standard/types.js';
import { factsByAspect } from '../../facts/template.js';
import { fitColumns, fitRowHeights, loadExcel, printSetup, styleHeader } from './sheet.js';

const TYPE_WORD = { integer: 'xlsx.typeInteger', number: 'xlsx.typeNumber', boolean: 'xlsx.typeBoolean', date: 'xlsx.typeDate', string: 'xlsx.typeString' } as const;

/**
 * The 台账 a 街道 clerk fills in (assess init --format xlsx): sheets 说明, 基本信息 and 事实, one
 * row per fact the standard and its negative lists read, grouped by 项目 in the document's order;
 * 填报值 cells validated as the vocabulary types them, with an input message naming the fact and
 * its unit. Read back by source/xlsx/facts.ts.
 */
export async function factsTemplateXlsx(standard: LoadedStandard, lang: Lang, made: Date = new Date()): Promise<Buffer> {
  const Excel = await loadExcel();
  const book: Workbook = new Excel.Workbook();
  book.creator = 'weibao';
  book.created = made;
  const ref = `${standard.id}@${standard.version}`;

  const guide = book.addWorksheet(SHEETS.guide, { properties: { tabColor: { argb: 'FF4F81BD' } } });
  guide.addRow([t(lang, 'xlsx.guideTitle', { title: standard.title })]).font = { bold: true, size: 14 };
  guide.addRow([t(lang, 'xlsx.guideStandard'), `${standard.title}（${ref}）`]);
  guide.addRow([t(lang, 'xlsx.guideMade'), made.toISOString().slice(0, 10)]);
  guide.addRow([]);
  guide.addRow([t(lang, 'xlsx.guideSteps')]).font = { bold: true };
  for (const line of t(lang, 'xlsx.guide', { info: SHEETS.info, facts: SHEETS.facts, value: '填报值', evidence: '证明材料', key: '键', yes: YES, no: NO, file: '台账.xlsx' }).split('\n')) guide.addRow([line]);
  guide.getColumn(1).width = 14;
  guide.getColumn(2).width = 60;
  guide.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

  const info = book.addWorksheet(SHEETS.info);
  info.addRow([...INFO_HEADER]);
  for (const f of INFO_FIELDS) info.addRow([f.label, f.pointer === '/standard' ? ref : null]);
  styleHeader(info, 2);
  info.getColumn(1).width = 12;
  info.getColumn(2).width = 40;
  info.getColumn(2).numFmt = '@'; // codes and periods are text: 310105 must not become 3.1E+05
  printSetup(info);

  const sheet = book.addWorksheet(SHEETS.facts);
  sheet.addRow([...FACT_COLUMNS]);
  const valueCol = FACT_COLUMNS.indexOf('填报值') + 1;
  const keyCol = FACT_COLUMNS.indexOf('键') + 1;
  for (const group of factsByAspect(standard)) {
    for (const fact of group.facts) {
      const spec = standard.vocabulary[fact.path];
      const row = sheet.addRow([group.aspect, fact.readBy.join('、'), spec.zh, spec.unit ?? '', t(lang, TYPE_WORD[spec.type]), null, null, fact.path]);
      const cell = row.getCell(valueCol);
      cell.dataValidation = validationFor(spec, lang);
      if (spec.type === 'date') cell.numFmt = 'yyyy-mm-dd';
      else if (spec.type === 'integer') cell.numFmt = '0';
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } }; // where to type
      const key = row.getCell(keyCol);
      key.font = { color: { argb: 'FF808080' } };
      key.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      row.alignment = { vertical: 'top', wrapText: true };
    }
  }
  styleHeader(sheet, FACT_COLUMNS.length);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FACT_COLUMNS.length } };
  fitColumns(sheet, 6, 50);
  // Long texts wrap within a width that still prints legibly on A4 landscape (one page wide):
  // 所涉工作标准 and 事实 wrap; 填报值 and 证明材料 get room to type.
  const widths: Partial<Record<(typeof FACT_COLUMNS)[number], [number, number]>> = { 所涉工作标准: [12, 22], 事实: [20, 40], 填报值: [12, 14], 证明材料: [20, 22] };
  for (const [name, [min, max]] of Object.entries(widths)) {
    const column = sheet.getColumn(FACT_COLUMNS.indexOf(name as never) + 1);
    column.width = Math.min(Math.max(column.width ?? 0, min), max);
  }
  fitRowHeights(sheet);
  printSetup(sheet);

  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The drop-down or range Excel enforces as the clerk types, with the fact and unit in the input message. */
function validationFor(spec: FactSpec, lang: Lang): DataValidation {
  const clip = (s: string) => (s.length > 250 ? s.slice(0, 249) + '…' : s); // Excel's limit on an input message is 255
  const unit = (lang === 'en' ? spec.unit_en : spec.unit) ?? spec.unit ?? '';
  const fact = spec.zh;
  const common = { allowBlank: true, showInputMessage: true, showErrorMessage: true, promptTitle: t(lang, 'xlsx.inputTitle'), errorTitle: t(lang, 'xlsx.errorTitle'), errorStyle: 'stop' as const };
  switch (spec.type) {
    case 'boolean':
      return { ...common, type: 'list', formulae: [`"${YES},${NO}"`], prompt: clip(t(lang, 'xlsx.inputBoolean', { fact })), error: clip(t(lang, 'xlsx.inputBoolean', { fact })) };
    case 'integer': {
      const min = spec.minimum ?? 0;
      const message = t(lang, 'xlsx.inputInteger', { fact, unit, max: spec.maximum });
      return spec.maximum !== undefined
        ? { ...common, type: 'whole', operator: 'between', formulae: [min, spec.maximum], prompt: clip(message), error: clip(message) }
        : { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [min], prompt: clip(message), error: clip(message) };
    }
    case 'number': {
      const message = t(lang, 'xlsx.inputNumber', { fact, unit, min: spec.minimum, max: spec.maximum });
      if (spec.minimum !== undefined && spec.maximum !== undefined) return { ...common, type: 'decimal', operator: 'between', formulae: [spec.minimum, spec.maximum], prompt: clip(message), error: clip(message) };
      if (spec.maximum !== undefined) return { ...common, type: 'decimal', operator: 'lessThanOrEqual', formulae: [spec.maximum], prompt: clip(message), error: clip(message) };
      return { ...common, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [spec.minimum ?? -1e15], prompt: clip(message), error: clip(message) };
    }
    case 'date': {
      const message = t(lang, 'xlsx.inputDate', { fact });
      return { ...common, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1900, 0, 1))], prompt: clip(message), error: clip(message) };
    }
    default: {
      const message = t(lang, 'xlsx.inputText', { fact });
      return spec.enum
        ? { ...common, type: 'list', formulae: [`"${spec.enum.join(',')}"`], prompt: clip(message), error: clip(message) }
        : { ...common, type: 'textLength', operator: 'lessThanOrEqual', formulae: [1000], prompt: clip(message), error: clip(message) };
    }
  }
}

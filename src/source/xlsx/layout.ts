/**
 * The 台账 workbook's layout, shared by the template that writes it (report/xlsx/template.ts) and
 * the reader (source/xlsx/facts.ts). Sheet and column names are the contract's, in Chinese
 * whatever the language: a clerk's filled workbook must read the same under --lang en.
 */
export const SHEETS = { guide: '说明', info: '基本信息', facts: '事实' } as const;

/**
 * The sheets of the reports `assess --format xlsx` writes (src/report/xlsx: one area's, a
 * batch's): a workbook of these is a report, not a facts workbook — the 台账 saved into the
 * folder being assessed — and is told so in one line, not as two sheets missing.
 */
export const REPORT_SHEETS: readonly string[] = ['结论', '本期进展', '工作标准', '整改清单', '总览', '矩阵', '整改台账'];

/** A workbook of a report's sheets and neither of a facts workbook's (REPORT_SHEETS). */
export function isReportBook(sheetNames: readonly string[]): boolean {
  return !sheetNames.includes(SHEETS.info) && !sheetNames.includes(SHEETS.facts) && sheetNames.some((name) => REPORT_SHEETS.includes(name));
}

/** Columns of 事实, in order. */
export const FACT_COLUMNS = ['项目', '所涉工作标准', '事实', '单位', '类型', '填报值', '证明材料', '键'] as const;
export type FactColumn = (typeof FACT_COLUMNS)[number];

/** 基本信息: header and field names, each mapped to where it goes in a facts file. */
export const INFO_HEADER = ['字段', '值'] as const;
export const INFO_FIELDS = [
  { label: '地区名称', pointer: '/area/name' },
  { label: '地区代码', pointer: '/area/code' },
  { label: '期间', pointer: '/period' },
  { label: '标准', pointer: '/standard' },
] as const;

/** Words a clerk types for a boolean fact (the template's drop-down offers the first pair). */
export const YES = '是';
export const NO = '否';

/** 证明材料: several files in one cell. */
export const EVIDENCE_SEPARATOR = /[;；\n]/;

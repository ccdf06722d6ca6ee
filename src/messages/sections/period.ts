import { unitFor } from '../plural.js';
import { defineSection } from '../types.js';

/** One yearly (or quarterly) count not yet reached in a part-year period, and what remains. */
export interface PendingData {
  /** The fact's description (vocabulary zh / en). */
  label: string;
  actual: number;
  expected: number;
  remaining: number;
  /** Display unit ('' for none), already in the language. */
  unit: string;
  /** YYYY-MM-DD: the last day it can still be done. */
  due: string;
  /** The requirement is "more than" (>) rather than "at least" (>=). */
  strict: boolean;
}

const zhDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const zhUnit = (unit: string) => (unit ? ` ${unit}` : '');
const enUnit = (unit: string, n: number) => (unit ? ` ${unitFor('en', n, unit)}` : '');
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const enDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS_EN[m - 1]} ${y}`;
};

/**
 * Messages of section `period` (ids prefixed `period.`): assessing part of a year (the 月报,
 * src/assess/period.ts). zh first, en with the same ids and data.
 */
export const period = defineSection({
  zh: {
    'period.state.pending': '未到期',
    'period.verdict.in_progress': '进行中',
    'period.counts.pending': (d: { n: number }) => `${d.n} 项未到期`,
    'period.pending': (d: PendingData) =>
      `${d.label} ${d.actual}${zhUnit(d.unit)}，全年要求${d.strict ? '多于' : '至少'} ${d.expected}${zhUnit(d.unit)}：未到期，还需 ${d.remaining}${zhUnit(d.unit)}（${zhDate(d.due)}前）`,
    'period.time.year': '统计口径：年初至本期末累计（年度要求，年内未完成的为“未到期”）',
    'period.time.quarters': '统计口径：年初至本期末已完成的季度数（按已过季度评估）',
    'period.time.quarter': '统计口径：年初至本期末已结束各季度中的单季度数（按已过季度评估）',
    'period.time.period': '统计口径：本期（年初至本期末）内发生的件数',
    'period.time.now': '统计口径：本期末的现状',
    'period.forms': '年份（2023）、年初至某季度末（2023-Q2）或年初至某月末（2023-05）',
  },
  en: {
    'period.state.pending': 'pending',
    'period.verdict.in_progress': 'OPEN',
    'period.counts.pending': (d: { n: number }) => `${d.n} pending (not yet due)`,
    'period.pending': (d: PendingData) =>
      `${d.label}: ${d.actual}${enUnit(d.unit, d.actual)}, ${d.strict ? 'more than' : 'at least'} ${d.expected}${enUnit(d.unit, d.expected)} required in the year — not yet due, ${d.remaining}${enUnit(d.unit, d.remaining)} more by ${enDate(d.due)}`,
    'period.time.year': 'counts: the year to date (a yearly requirement; short of it before year end is pending)',
    'period.time.quarters': 'counts: the quarters of the year to date in which it was done (judged on the quarters elapsed)',
    'period.time.quarter': 'counts: per quarter, over the quarters of the year to date (judged on the quarters elapsed)',
    'period.time.period': 'counts: what happened in the period (1 January to the period end)',
    'period.time.now': 'counts: the state at the period end',
    'period.forms': 'a year (2023), the year to a quarter end (2023-Q2) or to a month end (2023-05)',
  },
});

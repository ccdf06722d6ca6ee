import type { AssessResult, Lang } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';

/**
 * A standard is titled for what it is (…创建达标体系, …责任清单); the report on it is titled after
 * it, as the offices do (…创建达标自评报告, …工作月报). The last word naming the kind of document
 * is dropped to make the stem.
 */
const KIND_OF_DOCUMENT = /(达标)?(体系|责任清单|工作清单|清单|标准|方案)$/;

export function titleStem(standardTitle: string): string {
  const m = standardTitle.match(KIND_OF_DOCUMENT);
  if (!m) return standardTitle;
  return standardTitle.slice(0, m.index) + (m[1] ?? '');
}

export type DocumentKind = 'report' | 'monthly' | 'problems';

/** The document's title: 自评报告, 月报 with the month, or 问题清单 (`--by responsible`). */
export function documentTitle(r: AssessResult, kind: DocumentKind, lang: Lang, date: ReportDate): string {
  const title = r.standard.title;
  const stem = titleStem(title);
  if (kind === 'problems') return t(lang, 'pdf.title.problems', { stem, title });
  if (kind === 'monthly') return t(lang, 'pdf.title.monthly', { stem, title, month: monthOf(r, lang, date) });
  return t(lang, 'pdf.title.report', { stem, title });
}

/** A calendar date as given by `--date` (YYYY-MM-DD), default today. */
export interface ReportDate {
  year: number;
  month: number;
  day: number;
}

export function parseDate(value: string): ReportDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

export function today(now = new Date()): ReportDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

export function formatDate(d: ReportDate, lang: Lang): string {
  return t(lang, 'pdf.date', d);
}

/**
 * The month a 月报 reports on: the period where it names a month (2023-12), else the month of the
 * report date (月报 are filed in the month's last week, 002 四(二)).
 */
export function monthOf(r: AssessResult, lang: Lang, date: ReportDate): string {
  const m = /^(\d{4})-(\d{2})$/.exec(r.period ?? '');
  const year = m ? Number(m[1]) : date.year;
  const month = m ? Number(m[2]) : date.month;
  return t(lang, 'pdf.month', { year, month });
}

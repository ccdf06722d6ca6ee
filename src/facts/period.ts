/**
 * The periods a facts file may name (issue 14; the part-year assessment of src/assess/period.ts
 * reads them): a year `2023`, a quarter `2023-Q2` or a month `2023-05`. A YAML `period: 2023`
 * (a number) is the year. Anything else is refused when the file is validated, with the fix.
 */
export interface Period {
  year: number;
  quarter?: 1 | 2 | 3 | 4;
  month?: number;
}

const FORM = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

/** The period a facts file's `period` names, or undefined when it is not one of the three forms. */
export function parsePeriod(v: unknown): Period | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1000 && v <= 9999 ? { year: v } : undefined;
  if (typeof v !== 'string') return undefined;
  const m = FORM.exec(v);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2]) return { year, quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  if (m[3]) return { year, month: Number(m[3]) };
  return { year };
}

/**
 * The years a standard is for, read from its version: `2023` (and `2024-draft`) is one year,
 * `2023-2025` a span of years (a multi-year 创建 cycle); a version without a year (`1`, a test
 * standard's) says nothing, and no period is held against it. A facts file's period must fall in
 * these years (src/facts/validate.ts): 2024's figures assessed against the 2023 standard are a
 * mistake of the file or of the --standard, never a result.
 */
export interface StandardYears {
  from: number;
  to: number;
}

export function standardYears(version: string): StandardYears | undefined {
  const m = /^(\d{4})(?:-(\d{4}))?(?![0-9])/.exec(version);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return to >= from ? { from, to } : undefined;
}

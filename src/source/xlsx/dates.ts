/**
 * Excel keeps a date as a number (days since 1899-12-30, with the 1900 leap-year bug folded in)
 * and only its number format says it is a date. Built-in format ids that show dates (ECMA-376
 * 18.8.30, plus the CJK ones 27–36 and 50–58 Excel uses in zh-CN).
 */
const DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isDateFormat(id: number, custom: Map<number, string>): boolean {
  const code = custom.get(id);
  if (code === undefined) return DATE_IDS.has(id);
  // Drop quoted text, escaped characters and [colour]/[locale] sections; what is left shows a date if it has y, m, d (or 年月日).
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[ydmhs年月日]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/**
 * Whether a number format shows a percentage: built-in 9 (0%) and 10 (0.00%), or a format code
 * with a % that is not quoted or escaped (0.0%, [Red]0%). A % in quotes (0"%") is text after the
 * number, which is not scaled.
 */
export function isPercentFormat(id: number, custom: Map<number, string>): boolean {
  const code = custom.get(id);
  if (code === undefined) return id === 9 || id === 10;
  return code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').includes('%');
}

/** A date serial → ISO date (YYYY-MM-DD); the time of day, if any, dropped. */
export function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000); // 25569: 1970-01-01 as a serial
  return new Date(ms).toISOString().slice(0, 10);
}

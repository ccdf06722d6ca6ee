import { t } from './catalogue.js';
import type { Lang } from './types.js';

/**
 * A system error (EROFS, ENOSPC, ENOTDIR …) in words a clerk can act on (the io section's
 * table); never the raw code alone (an unknown one is named as a system error).
 */
export function errnoWords(e: unknown, lang: Lang): string {
  const code = typeof e === 'string' ? e : ((e as NodeJS.ErrnoException | undefined)?.code ?? (e instanceof Error ? e.message : String(e)));
  return t(lang, 'io.errno', { code });
}

/**
 * An evidence finding's `detail` (source/pack.ts: an errno code, `dangling`, `max-file:<bytes>`,
 * `max-pack:<bytes>`, `nul`, `sha256 <hex>`) in words: never EACCES or ELOOP bare.
 */
export function evidenceDetail(detail: string, lang: Lang): string {
  if (/^E[A-Z0-9]+$/.test(detail)) return errnoWords(detail, lang);
  if (detail === 'dangling') return t(lang, 'io.evidence.dangling');
  if (detail === 'nul') return t(lang, 'io.evidence.nul');
  if (detail.startsWith('near:')) return t(lang, 'io.evidence.near', { path: detail.slice(5) });
  if (detail === 'several') return t(lang, 'io.evidence.several');
  const limit = /^max-(file|pack):(\d+)$/.exec(detail);
  if (limit) {
    const words = bytesInWords(Number(limit[2]));
    return limit[1] === 'file' ? t(lang, 'io.evidence.tooLarge', { limit: words, flag: '--max-evidence-bytes' }) : t(lang, 'io.evidence.packTooLarge', { limit: words, flag: '--max-evidence-total' });
  }
  return detail;
}

/** 200 MiB, 1 GiB: a limit as people say it. */
export function bytesInWords(n: number): string {
  for (const [unit, size] of [['GiB', 2 ** 30], ['MiB', 2 ** 20], ['KiB', 2 ** 10]] as const) {
    if (n >= size && n % size === 0) return `${n / size} ${unit}`;
  }
  return `${n} bytes`;
}

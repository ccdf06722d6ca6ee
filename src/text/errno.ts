import { t } from '../messages/catalogue.js';
import type { Lang } from '../messages/types.js';

/**
 * A system error (EROFS, ENOSPC, ENOTDIR …) in words a clerk can act on (the io section's
 * table); never the raw code alone (an unknown one is named as a system error).
 */
export function errnoWords(e: unknown, lang: Lang): string {
  const code = typeof e === 'string' ? e : ((e as NodeJS.ErrnoException | undefined)?.code ?? (e instanceof Error ? e.message : String(e)));
  return t(lang, 'io.errno', { code });
}

import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Lang } from '../../assess/types.js';
import { UsageError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';

/** What Chromium-family browsers are called on PATH (Debian, Ubuntu's snap shim, Google's packages). */
export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];

/**
 * The browser that prints the PDF: `--browser <path>`, else WEIBAO_CHROMIUM, else the first of
 * the usual names on PATH. None → a usage error (exit 4) saying what to install; a path given
 * that is not an executable file → one naming it and where it came from.
 */
export function findBrowser(explicit: string | undefined, lang: Lang, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return checked(explicit, '--browser', lang);
  if (env.WEIBAO_CHROMIUM) return checked(env.WEIBAO_CHROMIUM, 'WEIBAO_CHROMIUM', lang);
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of BROWSER_NAMES) {
      const path = join(dir, name);
      if (isExecutable(path)) return path;
    }
  }
  throw new UsageError(t(lang, 'pdf.browser.missing'));
}

function checked(path: string, from: string, lang: Lang): string {
  if (!isExecutable(path)) throw new UsageError(t(lang, 'pdf.browser.notFound', { path, from }));
  return path;
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

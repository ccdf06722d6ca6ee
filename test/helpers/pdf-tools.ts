import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findBrowser } from '../../src/report/pdf/browser.js';

/** Whether a program is on PATH (poppler's pdftotext, pdfinfo …). */
export const onPath = (name: string): boolean => (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, name)));

/** The browser as the CLI finds it (WEIBAO_CHROMIUM, else chromium … on PATH), or undefined where there is none. */
export function testBrowser(): string | undefined {
  try {
    return findBrowser(undefined, 'en');
  } catch {
    return undefined;
  }
}

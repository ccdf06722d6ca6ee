import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';

/**
 * Every help page, in zh (the default) and en, as golden files: what a clerk reads before the
 * first run. Review a change like a change to the documentation; update with `vitest -u`.
 */
const pages = [[], ['standards'], ['standards', 'list'], ['standards', 'show'], ['standards', 'lint'], ['init'], ['schema'], ['diff']];

describe('help pages (golden)', () => {
  it.each(pages.flatMap((page) => (['zh', 'en'] as const).map((lang) => [page.join(' ') || 'assess', lang, page] as const)))('%s --help (%s)', async (name, lang, page) => {
    const r = await runInProcess([...page, '--help', ...(lang === 'en' ? ['--lang', 'en'] : [])]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot(`golden/help/${name.replace(/ /g, '-')}.${lang}.txt`);
  });
});

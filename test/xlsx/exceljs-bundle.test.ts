import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { EXCELJS_BUNDLE, EXCELJS_MODULES } from '../../src/report/exceljs.js';

const require = createRequire(import.meta.url);

/**
 * The build's joined exceljs (scripts/bundle-exceljs.mjs) answers every path the report workbooks
 * ask for with the module exceljs itself exports there: a run quietly falls back to node_modules
 * without it, so only this test notices a build that stopped making it.
 */
describe('dist/exceljs/lib.cjs', () => {
  const joined = require(EXCELJS_BUNDLE) as Record<string, unknown>;
  it.each(EXCELJS_MODULES)('%s', (path) => {
    const own = require(`exceljs/lib/${path}`) as unknown;
    const mine = joined[path];
    expect(typeof mine).toBe(typeof own);
    if (typeof own === 'function') expect((mine as { name: string }).name).toBe((own as { name: string }).name);
    else if (typeof own === 'string') expect(mine).toBe(own);
    else expect(Object.keys(mine as object)).toEqual(Object.keys(own as object));
  });
});

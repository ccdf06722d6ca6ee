import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * The modules of exceljs the report workbooks use (xlsx/book.ts, xlsx/writer.ts), by their path
 * under exceljs/lib/: exceljs's streaming sheet writer, the xforms of a workbook's own parts, its
 * style registry and escaping. The build joins them, and the ~120 modules they require, into one
 * CommonJS file (scripts/bundle-exceljs.mjs, from this list): required one by one from
 * node_modules they were ~136 files to resolve (path lookups, lstat, package.json reads), read and
 * compile, ~50 ms of CPU in every xlsx run; the joined file loads in ~15 ms.
 */
export const EXCELJS_MODULES = [
  'stream/xlsx/worksheet-writer.js',
  'xlsx/xform/style/styles-xform.js',
  'xlsx/rel-type.js',
  'xlsx/xml/theme1.js',
  'xlsx/xform/core/relationships-xform.js',
  'xlsx/xform/core/content-types-xform.js',
  'xlsx/xform/core/app-xform.js',
  'xlsx/xform/core/core-xform.js',
  'xlsx/xform/book/workbook-xform.js',
  'xlsx/xform/sheet/print-options-xform.js',
  'xlsx/xform/sheet/ext-lst-xform.js',
  'utils/utils.js',
  'doc/note.js',
] as const;

export type ExceljsModule = (typeof EXCELJS_MODULES)[number];

/**
 * The build's file: this module sits one folder below src/ (dist/report/ once built, or in a
 * chunk of dist/bundle/), so the path is the same from all three.
 */
export const EXCELJS_BUNDLE = fileURLToPath(new URL('../../dist/exceljs/lib.cjs', import.meta.url));

const require = createRequire(import.meta.url);
let joined: Partial<Record<ExceljsModule, unknown>> | null | undefined;

/**
 * A module of exceljs's, by its path under lib/: from the build's joined file (each module made
 * when first asked for, as require would), or from node_modules where there is none (tsc alone)
 * or it was built from a shorter list. Either way exceljs's own code, once per process.
 */
export function exceljs(path: ExceljsModule): unknown {
  if (joined === undefined) {
    try {
      joined = require(EXCELJS_BUNDLE) as typeof joined;
    } catch (e) {
      if ((e as { code?: string }).code !== 'MODULE_NOT_FOUND') throw e;
      joined = null;
    }
  }
  return joined?.[path] ?? require(`exceljs/lib/${path}`);
}

import { describe, expect, it } from 'vitest';
import { fixtureBatch } from '../helpers/results.js';
import { workbookCells } from '../helpers/workbook.js';
import { PartSpool } from '../../src/cli/part-spool.js';
import { SummaryBuilder } from '../../src/packs/summary.js';
import { formatOf } from '../../src/report/formats.js';
import { xlsx, xlsxLayout, xlsxRectification, xlsxRectificationLayout } from '../../src/report/xlsx/index.js';
import type { FormatOptions } from '../../src/report/types.js';

// A batch's workbook is written from rows set aside as each area is assessed (the CLI's way:
// parts on disk, a few numbers kept per area): the same workbook as from the results held whole.
const results = fixtureBatch();
const summary = new SummaryBuilder();
for (const r of results) summary.add(r);
summary.addInvalid({ input: 'broken.json', message: 'not JSON' });
const options: FormatOptions = { lang: 'zh', color: false, width: 100, summary: summary.summary() };

describe('xlsx for a batch, from parts set aside', () => {
  for (const by of [false, true]) {
    it(`${by ? '--by responsible: ' : ''}is the workbook xlsx gives at once, keeping a few numbers per area`, async () => {
      expect(formatOf('xlsx')![by ? 'byResponsibleLayout' : 'layout']).toBeDefined();
      const layout = by ? xlsxRectificationLayout(options) : xlsxLayout(options);
      // Made last area first, as a thread may: an area's item columns are then set aside by
      // their digest alone (the same as the area made before), the full text with a later area —
      // the first area's too, whose columns the sheet needs.
      const made = [...results].reverse().map((r) => layout.part(r)).reverse();
      if (!by) expect((made[0][2] as string).length).toBeLessThan(50);
      const spool = new PartSpool('zh');
      try {
        for (const part of made) spool.add(part);
        const kept = results.map((r) => structuredClone(layout.keep!(r)));
        // What grows with the batch: a few numbers and the input's name per area, nothing of its items.
        expect(JSON.stringify(kept).length).toBeLessThan(60 * results.length);
        const chunks: Buffer[] = [];
        for await (const chunk of layout.write(kept, (i, s) => spool.bytes(i, s), options.summary)) chunks.push(Buffer.from(chunk));
        const whole = await (by ? xlsxRectification : xlsx)(results, options);
        expect(await workbookCells(Buffer.concat(chunks))).toEqual(await workbookCells(whole as Uint8Array));
      } finally {
        spool.close();
      }
    });
  }
});

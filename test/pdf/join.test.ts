import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assessInput } from '../../src/assess/input.js';
import { renderDocument } from '../../src/report/html/index.js';
import { PdfJoin } from '../../src/report/pdf/join.js';
import { printPdf } from '../../src/report/pdf/print.js';
import { XrefFile } from '../../src/report/pdf/xref-file.js';
import { root } from '../helpers/cli.js';
import { onPath, testBrowser } from '../helpers/pdf-tools.js';

/**
 * The joiner (src/report/pdf/join.ts) on a real print: one area's report printed by Chromium and
 * joined twice, as a batch's prints are. The second part's glyphs are the first's, byte for byte:
 * written once, the second part's fonts referring to them — and its pages read and look the same.
 * Skipped (with the reason) where Chromium or poppler is missing; test/pdf/pdf.test.ts makes CI
 * fail then.
 */
const browser = testBrowser();
const ready = browser && ['pdftotext', 'pdfinfo', 'pdftoppm'].every(onPath);
const tmp = mkdtempSync(join(tmpdir(), 'weibao-join-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!ready)('joining printed PDFs (join.ts)', () => {
  it('a part is joined a piece at a time; one whose glyphs a part before wrote shares them: smaller, the same words and pixels', async () => {
    const result = assessInput(join(root, 'fixtures/changning-failing.json'));
    const html = renderDocument([result], { lang: 'zh', color: false, width: 80, date: '2023-12-28' }, 'report', 'print');
    const printed = await printPdf(html, { browser: browser!, lang: 'zh' });
    const xref = new XrefFile('zh');
    try {
      const join2 = new PdfJoin(xref, '测试');
      // Made and handed out a piece at a time (~64 KB of text, a stream with the text around it), not the part at once.
      const pieces = [...join2.add(printed)];
      const first = Buffer.concat(pieces);
      expect(pieces.length).toBeGreaterThan(first.length / (128 << 10));
      expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(first.length / 4);
      const second = Buffer.concat([...join2.add(printed)]);
      const file = join(tmp, 'twice.pdf');
      writeFileSync(file, Buffer.concat([first, second, ...join2.finish()]));
      const tool = (name: string, args: string[]) => execFileSync(name, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
      const pages = Number(/^Pages:\s+(\d+)/m.exec(tool('pdfinfo', [file]))![1]);
      writeFileSync(join(tmp, 'once.pdf'), printed);
      const once = Number(/^Pages:\s+(\d+)/m.exec(tool('pdfinfo', [join(tmp, 'once.pdf')]))![1]);
      expect(pages).toBe(2 * once);
      // Its glyphs (Noto CJK's, as Type 3 fonts: most of a report's bytes) are not written again.
      expect(second.length).toBeLessThan(first.length * 0.9);
      const text = tool('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).split('\f');
      expect(text.slice(once, 2 * once)).toEqual(text.slice(0, once));
      const png = (page: number) => {
        execFileSync('pdftoppm', ['-png', '-r', '50', '-f', String(page), '-l', String(page), '-singlefile', file, join(tmp, `p${page}`)]);
        return readFileSync(join(tmp, `p${page}.png`));
      };
      for (const page of [1, 2]) expect(png(once + page).equals(png(page)), `page ${page}`).toBe(true);
    } finally {
      xref.close();
    }
  }, 300_000);
});

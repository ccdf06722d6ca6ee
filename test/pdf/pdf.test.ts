import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { printPdf } from '../../src/report/pdf/print.js';
import { onPath, testBrowser } from '../helpers/pdf-tools.js';

/**
 * The PDF as the 区未保办 gets it: made by the real CLI (`--format pdf --output`), printed by the
 * system Chromium, then read back the way a reader's tools read it — poppler's pdftotext for the
 * words on each page, pdfinfo for the page count, pdffonts for embedded faces. Each fixture the
 * issue names: one area, vetoed, a batch, a 月报, the 整改清单.
 *
 * In CI a missing browser or poppler is a failure (.ci/run installs both); elsewhere the suite
 * skips with the reason in its name. SCREENSHOT_DIR=docs writes PNGs of the first pages there
 * (docs/pdf-*.png, linked from the README).
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const browser = testBrowser();
const poppler = ['pdftotext', 'pdfinfo', 'pdffonts', 'pdftoppm'].every(onPath);
const missing = [!browser && 'Chromium (apt-get install chromium fonts-noto-cjk)', !poppler && 'poppler (apt-get install poppler-utils)'].filter(Boolean).join(' and ');

function assess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['bin/assess.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20, timeout: 0 }, (e, stdout, stderr) =>
      done({ code: e ? Number(e.code ?? 70) : 0, stdout, stderr }),
    );
  });
}

const tool = (name: string, args: string[]) => execFileSync(name, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
/** The text of each page as laid out (pdftotext separates pages with a form feed). */
const pagesOf = (file: string) => tool('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).split('\f').slice(0, -1);
const pageCount = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(tool('pdfinfo', [file]))![1]);
/** pdftotext may drop the spaces between the dashes and the number: `— 3 —` reads `—3—`. */
const pageNumber = (text: string) => [...text.matchAll(/^\s*—\s*(\d+)\s*—\s*$/gm)].at(-1)?.[1];
/** The words of a page with line breaks and spaces taken out (a sentence wraps anywhere). */
const flat = (text: string) => text.replace(/\s+/g, '');

const DATE = '2023-12-28';
/** A batch printed in several prints (src/report/pdf/layout.ts: 10 areas a print): 23 areas, generated. */
const MANY = 23;
const manyDir = join(mkdtempSync(join(tmpdir(), 'weibao-pdf-many-')), 'areas');
const REPORTS = {
  area: ['fixtures/changning-failing.json'],
  vetoed: ['fixtures/changning-vetoed.json'],
  batch: ['fixtures/packs/'],
  many: [manyDir],
  monthly: ['fixtures/packs/a-clean', '--baseline', 'fixtures/packs-baseline.json'],
  problems: ['fixtures/yangshi-failing.json', '--by', 'responsible'],
  ledger: ['fixtures/packs/', '--by', 'responsible'],
} as const;
type Name = keyof typeof REPORTS;

if (missing && process.env.CI) {
  describe('PDF reports', () => {
    it(`needs ${missing} in CI (.ci/run installs them)`, () => {
      throw new Error(`${missing} not found; the PDF tests must not be skipped in CI`);
    });
  });
} else if (missing) {
  console.warn(`test/pdf/pdf.test.ts: skipping, ${missing} not found`);
  describe.skip(`PDF reports — skipped: ${missing} not found`, () => {
    it('renders the reports', () => {});
  });
} else {
  describe('PDF reports', () => {
    let tmp: string;
    const made = new Map<Name, { code: number; stderr: string; file: string; pages: string[] }>();
    const shots = process.env.SCREENSHOT_DIR ? join(root, process.env.SCREENSHOT_DIR) : undefined;

    beforeAll(async () => {
      tmp = mkdtempSync(join(tmpdir(), 'weibao-pdf-'));
      const generated = spawnSync(process.execPath, [join(root, 'scripts/make-packs.mjs'), String(MANY), manyDir, '--seed', '3', '--files'], { encoding: 'utf8' });
      expect(generated.status, generated.stderr).toBe(0);
      // One at a time: several Chromiums at once on a 2-core machine only queue.
      for (const [name, args] of Object.entries(REPORTS) as [Name, readonly string[]][]) {
        const file = join(tmp, `${name}.pdf`);
        const run = await assess([...args, '--format', 'pdf', '--output', file, '--date', DATE]);
        made.set(name, { code: run.code, stderr: run.stderr, file, pages: existsSync(file) ? pagesOf(file) : [] });
      }
    }, 900_000);

    afterAll(() => {
      if (tmp) rmSync(tmp, { recursive: true, force: true });
      rmSync(join(manyDir, '..'), { recursive: true, force: true });
    });

    const report = (name: Name) => {
      const r = made.get(name)!;
      expect(r.code, r.stderr).toBeLessThanOrEqual(2);
      expect(existsSync(r.file), r.stderr).toBe(true);
      return r;
    };

    /** Pages of the summary document: those before the page where 附件 begins. */
    const beforeAnnex = (pages: string[]) => pages.findIndex((p) => /^附件$/m.test(p));

    it.each(Object.keys(REPORTS) as Name[])('%s: every page numbered — n — at its foot, fonts embedded', (name) => {
      const { file, pages } = report(name);
      expect(pages.length).toBe(pageCount(file));
      pages.forEach((text, i) => expect(pageNumber(text), `page ${i + 1}`).toBe(String(i + 1)));
      const fonts = tool('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      // columns: name type encoding emb sub uni object ID — every face used is embedded
      for (const line of fonts) expect(line.split(/\s+/).slice(-5)[0], line).toBe('yes');
      if (shots) {
        mkdirSync(shots, { recursive: true });
        tool('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, join(tmp, `shot-${name}`)]);
        for (const png of readdirSync(tmp).filter((f) => f.startsWith(`shot-${name}-`))) copyFileSync(join(tmp, png), join(shots, `pdf-${name}-${Number(png.match(/-(\d+)\.png$/)![1])}.png`));
      }
    }, 120_000);

    it('one area: title, issuer, date, period, the summary sentence, 不达标, sign-off; ≤ 4 pages before the 附件', () => {
      const { file, pages } = report('area');
      const first = flat(pages[0]);
      expect(first).toContain('长宁区未成年人保护示范街道（镇）创建达标自评报告');
      expect(first).toContain('报送单位：示例街道（虚构）—不达标样例');
      expect(first).toContain('报告日期：2023年12月28日');
      expect(first).toContain('评估周期：2023');
      expect(first).toContain('对照71项工作标准，达标65项，未达标6项；负面工作清单9项均未触发；结论：不达标。');
      const annex = beforeAnnex(pages);
      expect(annex).toBeGreaterThan(0);
      expect(annex).toBeLessThanOrEqual(4);
      const summary = flat(pages.slice(0, annex).join(''));
      expect(summary).toMatch(/三、问题清单.*四、负面工作清单.*填报人：.*审核人：.*负责人：.*日期：/);
      expect(summary).toContain('整改措施：');
      // The 附件 holds all 71 items.
      expect(flat(pages.slice(annex).join(''))).toContain('全部工作标准（71项）');
      expect(pageCount(file)).toBeGreaterThan(annex);
      // The 附件 lists all 71 items with their facts in words: about 17 pages (a sanity bound, not a layout goal).
      expect(pageCount(file)).toBeLessThanOrEqual(annex + 20);
    });

    it('vetoed: the triggered negative-list item named first, 否决', () => {
      const { pages } = report('vetoed');
      const first = flat(pages.slice(0, 2).join(''));
      expect(first).toMatch(/触发负面工作清单第\d+项（[^）]+），一票否决；对照71项工作标准，达标71项，未达标0项；结论：否决。/);
      const annex = beforeAnnex(pages);
      expect(annex).toBeGreaterThan(0);
      expect(annex).toBeLessThanOrEqual(4);
    });

    it('batch: the district view first — summary, heat map, overview, 整改台账 — then each area', () => {
      const { file, pages } = report('batch');
      const all = flat(pages.join(''));
      expect(all).toContain('情况汇总（4个地区）');
      expect(all).toMatch(/共评估4个地区：否决1个，不达标2个，达标1个。/);
      expect(all).toMatch(/一、总体情况.*二、各地区各项目得分.*三、各地区情况.*四、整改台账（按责任单位）/);
      for (const area of ['示例街道甲（虚构）', '示例街道乙（虚构）', '示例街道丙（虚构）', '示例街道丁（虚构）']) expect(all).toContain(area);
      expect(pages.filter((p) => /自评报告/.test(p)).length).toBeGreaterThanOrEqual(4);
      expect(pageCount(file)).toBeGreaterThanOrEqual(8);
      expect(pageCount(file)).toBeLessThanOrEqual(120);
    });

    /** The bookmarks as poppler reads them: top entries with the page each opens (pdftohtml -xml). */
    const bookmarks = (file: string) => {
      const xml = tool('pdftohtml', ['-xml', '-i', '-q', '-stdout', '-f', '1', '-l', '1', file]);
      const outline = xml.slice(xml.indexOf('<outline>'), xml.lastIndexOf('</outline>'));
      let depth = 0;
      const top: { page: number; title: string }[] = [];
      for (const m of outline.matchAll(/<(\/?)outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
        if (m[1] === '' && !m[2]) depth++;
        else if (m[1] === '/') depth--;
        else if (depth === 1) top.push({ page: Number(m[2]), title: m[3] });
      }
      return top;
    };
    /** Every bookmark under the first top one (the district's view), as `depth title` lines, with its page. */
    const viewBookmarks = (file: string) => {
      const xml = tool('pdftohtml', ['-xml', '-i', '-q', '-stdout', '-f', '1', '-l', '1', file]);
      const outline = xml.slice(xml.indexOf('<outline>'), xml.lastIndexOf('</outline>'));
      let depth = 0;
      let top = 0;
      const under: { page: number; title: string }[] = [];
      for (const m of outline.matchAll(/<(\/?)outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
        if (m[1] === '' && !m[2]) depth++;
        else if (m[1] === '/') depth--;
        else if (depth === 1) top++;
        else if (top === 1) under.push({ page: Number(m[2]), title: `${depth} ${m[3]}` });
      }
      return under;
    };

    it('a batch printed 10 areas at a time reads as one document: pages numbered on, a bookmark an area by name at its first page, the overview linking to each', () => {
      const { file, pages } = report('many');
      const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info.stderr).toBe('');
      const marks = bookmarks(file);
      // The district's view, then each area: 23 in three prints.
      expect(marks.length).toBe(MANY + 1);
      expect(marks[0]).toEqual({ page: 1, title: `长宁区未成年人保护示范街道（镇）创建达标情况汇总（${MANY} 个地区）` });
      const areas = marks.slice(1);
      expect(new Set(areas.map((a) => a.title)).size).toBe(MANY);
      areas.forEach(({ page, title }, k) => {
        expect(title).toMatch(/^合成街道\d+（虚构）$/);
        // Each area's report begins where its bookmark opens (under the batch's running header): its title, then the area's name.
        const text = flat(pages[page - 1]).replace(`长宁区未成年人保护示范街道（镇）创建达标情况汇总（${MANY}个地区）`, '');
        expect(text, title).toMatch(/^长宁区未成年人保护示范街道（镇）创建达标自评报告被评估地区：/);
        expect(text).toContain(`被评估地区：${title}`);
        expect(flat(pages[page - 2])).not.toContain(`被评估地区：${title}`);
        if (k > 0) expect(page).toBeGreaterThan(areas[k - 1].page + 4);
      });
      // The last area's report runs to the last page, its 附件 with all 71 items.
      expect(flat(pages.slice(areas.at(-1)!.page - 1).join(''))).toContain('全部工作标准（71项）');
      expect(pages.length).toBeGreaterThan(areas.at(-1)!.page + 4);
      // The overview's links (printed before the areas) open each area's first page.
      const overview = tool('pdftohtml', ['-xml', '-i', '-q', '-stdout', '-f', '1', '-l', String(areas[0].page - 1), file]);
      const targets = new Set([...overview.matchAll(/<a href="[^"#]*#(\d+)">/g)].map((m) => Number(m[1])));
      expect([...targets].sort((a, b) => a - b)).toEqual(areas.map((a) => a.page).sort((a, b) => a - b));
    });

    it('the district view printed in several prints, areas 2 at a time (the layout with small prints): read as one document all the same', async () => {
      const { assessInput } = await import('../../src/assess/input.js');
      const { pdfLayout } = await import('../../src/report/pdf/layout.js');
      const { writeFileSync } = await import('node:fs');
      const results = ['a-clean', 'b-evidence-problems', 'c-vetoed', 'd-failing'].map((d) => assessInput(join(root, 'fixtures/packs', d)));
      const layout = pdfLayout({ lang: 'zh', color: false, width: 80, date: DATE }, { areas: 2, district: 6_000 });
      const parts = results.map((r) => layout.part(r));
      const pieces: Uint8Array[] = [];
      for await (const piece of layout.write(results.map((r) => layout.keep!(r)), (i, s = 0) => ([] as (string | Uint8Array)[]).concat(parts[i])[s])) pieces.push(piece as Uint8Array);
      const file = join(tmp, 'small-prints.pdf');
      writeFileSync(file, Buffer.concat(pieces));
      const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info.stderr).toBe('');
      const pages = pagesOf(file);
      pages.forEach((text, i) => expect(pageNumber(text), `page ${i + 1}`).toBe(String(i + 1)));
      const marks = bookmarks(file);
      expect(marks.map((m) => m.title)).toEqual(['长宁区未成年人保护示范街道（镇）创建达标情况汇总（4 个地区）', '示例街道丙（虚构）', '示例街道丁（虚构）', '示例街道乙（虚构）', '示例街道甲（虚构）']);
      // The view went on over several prints (each starts a page): it has more pages than the CLI's one print of it, and all of it.
      const viewPages = marks[1].page - 1;
      const cli = report('batch');
      expect(viewPages).toBeGreaterThan(bookmarks(cli.file)[1].page - 1);
      const view = flat(pages.slice(0, viewPages).join(''));
      expect(view).toMatch(/一、总体情况.*二、各地区各项目得分.*三、各地区情况.*四、整改台账（按责任单位）.*填报人：/);
      // Every row once: each area is named as often as in the one print (heat map, overview, 整改台账).
      const cliView = flat(cli.pages.slice(0, bookmarks(cli.file)[1].page - 1).join(''));
      for (const area of ['甲', '乙', '丙', '丁']) expect(view.split(`示例街道${area}（虚构）`).length, area).toBe(cliView.split(`示例街道${area}（虚构）`).length);
      for (const { page, title } of marks.slice(1)) expect(flat(pages[page - 1])).toContain(`被评估地区：${title}`);
      // The view's own bookmarks, whichever print their heading fell in, nested as in the one print (its sections, the 整改台账's groups), each at its heading's page.
      const inView = viewBookmarks(file);
      expect(inView.map((m) => m.title)).toEqual(viewBookmarks(cli.file).map((m) => m.title));
      expect(inView.map((m) => m.title)).toEqual(expect.arrayContaining(['2 三、各地区情况', '2 四、整改台账（按责任单位）', '3 派出所（1 项）', '3 司法所（1 项）']));
      expect(new Set(inView.map((m) => m.page)).size).toBeGreaterThan(2);
      for (const { page, title } of inView) expect(flat(pages[page - 1]), title).toContain(flat(title.slice(2)));
    }, 300_000);

    it('整改台账 of a batch (--by responsible), printed in one part or in several: the same rows, pages numbered on', async () => {
      const { assessInput } = await import('../../src/assess/input.js');
      const { pdfProblemsLayout } = await import('../../src/report/pdf/layout.js');
      const { writeFileSync } = await import('node:fs');
      const cli = report('ledger');
      const one = flat(cli.pages.join(''));
      expect(one).toContain('创建达标整改台账（4 个地区）'.replace(' ', ''));
      expect(one).toMatch(/填报人：.*审核人：.*负责人：.*日期：/);
      const results = ['a-clean', 'b-evidence-problems', 'c-vetoed', 'd-failing'].map((d) => assessInput(join(root, 'fixtures/packs', d)));
      const layout = pdfProblemsLayout({ lang: 'zh', color: false, width: 80, date: DATE }, { district: 3_000 });
      const parts = results.map((r) => layout.part(r));
      const pieces: Uint8Array[] = [];
      for await (const piece of layout.write(results.map((r) => layout.keep!(r)), (i, s = 0) => ([] as (string | Uint8Array)[]).concat(parts[i])[s])) pieces.push(piece as Uint8Array);
      const file = join(tmp, 'ledger-small-prints.pdf');
      writeFileSync(file, Buffer.concat(pieces));
      expect(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stderr).toBe('');
      const pages = pagesOf(file);
      expect(pages.length).toBeGreaterThan(cli.pages.length);
      pages.forEach((text, i) => expect(pageNumber(text), `page ${i + 1}`).toBe(String(i + 1)));
      const several = flat(pages.join(''));
      for (const area of ['甲', '乙', '丙', '丁']) expect(several.split(`示例街道${area}（虚构）`).length, area).toBe(one.split(`示例街道${area}（虚构）`).length);
      expect(several).toMatch(/填报人：.*审核人：.*负责人：.*日期：/);
    }, 300_000);

    it('月报: titled with the month, 本月进展 right after the summary', () => {
      const { pages } = report('monthly');
      const doc = flat(pages.slice(0, beforeAnnex(pages)).join(''));
      expect(doc).toContain('工作月报（2023年12月）');
      expect(doc).toMatch(/一、总体情况.*二、本月进展.*与上期（2023-11）相比，得分由91\.6%变为100\.0%（\+8\.5个百分点）；结论由“不达标”变为“达标”；新达标\d+项/);
      expect(doc).toContain('各项目得分变化');
      expect(beforeAnnex(pages)).toBeLessThanOrEqual(4);
    });

    it('prints without touching the network, even for a document that asks to', async () => {
      const hits: string[] = [];
      const server = createServer((req, res) => {
        hits.push(req.url ?? '');
        res.end('x');
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        const html = `<!doctype html><html><head><link rel="stylesheet" href="${base}/a.css"><style>@import "${base}/b.css"; body { background: url(${base}/c.png); }</style></head>` +
          `<body><img src="${base}/d.png"><iframe src="${base}/e"></iframe><script src="${base}/f.js"></script>text</body></html>`;
        const pdf = await printPdf(html, { browser: browser!, lang: 'zh' });
        expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      } finally {
        server.close();
      }
      expect(hits).toEqual([]);
    }, 300_000);

    it('整改清单 (--by responsible): a 问题清单 by 责任单位 with lines to fill, and the sign-off', () => {
      const { file, pages } = report('problems');
      const doc = flat(pages.join(''));
      expect(doc).toContain('创建全国未成年人保护示范点问题清单');
      expect(doc).toMatch(/结论：不达标。/);
      expect(doc).toMatch(/派出所（\d+项）/);
      expect(doc).toMatch(/整改措施.*完成时限/);
      expect(doc).toMatch(/填报人：.*审核人：.*负责人：.*日期：/);
      expect(doc).not.toContain('附件');
      expect(pageCount(file)).toBeLessThanOrEqual(4);
    });
  });
}

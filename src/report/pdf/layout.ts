import type { BatchSummary } from '../../packs/summary.js';
import { printLayout } from '../html/index.js';
import type { FormatOptions, ReportLayout } from '../types.js';
import { findBrowser } from './browser.js';
import { PdfJoin } from './join.js';
import { openPrinter, type Printer } from './print.js';
import { splitDocument } from './split.js';
import { XrefFile } from './xref-file.js';
import { keepYoungGenerationSmall } from '../young-generation.js';

/**
 * `--format pdf` for a batch, printed a document at a time and joined as it goes (join.ts): the
 * district's view, then each area's report. One Chromium prints them all, each document in a page
 * of its own that is closed after it, so the browser holds one document and this process one
 * document's PDF, whatever the count (one print of the whole batch took 5.5 GB at 200 areas).
 *
 * The printed document is the one `pdf` prints of the whole batch, page for page, and reads as
 * one: page numbers run on across the documents (— 1 — to the last page, as one 档案 volume is
 * numbered, and as the PDF viewer counts), the overview's links go to each area's report, the
 * bookmarks list the district's view and then each area by name (closed: one line an area).
 * What differs: each area's pages carry its own running header (area · standard, as its own
 * report's do) instead of the district's title.
 */
/**
 * Areas printed at a time. Each print costs Chromium about a second whatever its length (the
 * fonts embedded afresh: Noto CJK's glyphs drawn as Type 3), and its memory grows about 20 MB an
 * area on a base of about 1.2 GB: 10 areas a print keep the first within a quarter of today's
 * one-print cost and the second near the base, at any count.
 */
const AREAS_A_PRINT = 10;

/**
 * The district's view is printed in parts of about this much html (split.ts): ~50 pages, a print
 * of about the size of 10 areas' (~800 KB of html), so that what this process holds of one print
 * (its html, several times over on its way to Chromium; its PDF, joined) is no larger for the
 * view than for the areas. One print more per 750 KB costs Chromium about a second.
 */
const DISTRICT_A_PRINT = 750_000;

type Print = ReturnType<typeof printLayout>;
type Kept = Parameters<Print['documents']>[0][number];
type PartOf = Parameters<Print['documents']>[1];

/** `sizes`: how much goes in one print (tests print small batches in several). */
export function pdfLayout(options: FormatOptions, sizes = { areas: AREAS_A_PRINT, district: DISTRICT_A_PRINT }): ReportLayout<Kept> {
  const print = printLayout(options);
  return {
    part: print.part,
    keep: print.keep,
    write: (kept, part, summary) => printed(kept, part, summary),
  };

  async function* printed(kept: Kept[], part: PartOf, summary: BatchSummary | undefined): AsyncGenerator<Uint8Array> {
    const docs = print.documents(kept, part, summary);
    yield* printing(options, docs.title, async function* (printer, join) {
      // The object number of each area's first page, handed out now: the overview links to them.
      const firstPages = new Map(docs.anchors.map((anchor) => [anchor, join.reserve()]));
      let first = true;
      for (const body of splitDocument(docs.district(), sizes.district)) {
        // The view's links go to areas printed later: Chromium keeps a link only to a place in
        // the same document, so the anchors it links to stand (empty) at its head.
        const targets = [...new Set(Array.from(body.matchAll(/href="#(area-\d+)"/g), (m) => m[1]))].map((anchor) => `<a id="${anchor}"></a>`).join('');
        const html = print.page(docs.title, docs.header, targets + body, join.pages + 1);
        // The bookmarks of a print that goes on with the view go under the view's (its title, its sections).
        yield* join.add(await printer.print(html), { target: (name) => firstPages.get(name), ...(first ? {} : { levels: topLevels(body) }) });
        first = false;
      }
      let chunk: { title: string; firstPage: number; body: string }[] = [];
      const flush = async function* () {
        const html = print.page(docs.title, docs.header, chunk.map((area) => area.body).join('\n'), join.pages + 1);
        const tops = chunk.map(({ title, firstPage }) => ({ title, firstPage }));
        chunk = [];
        yield* join.add(await printer.print(html), { tops });
      };
      for (const area of docs.areas()) {
        chunk.push({ title: area.title, firstPage: firstPages.get(area.anchor)!, body: area.body });
        if (chunk.length === sizes.areas) yield* flush();
      }
      if (chunk.length) yield* flush();
    });
  }
}

/**
 * `--by responsible --format pdf` for a batch: the 整改台账 across the areas, one document printed
 * in parts as the district's view is (split.ts), so it too is flat in memory at any count.
 */
export function pdfProblemsLayout(options: FormatOptions, sizes = { district: DISTRICT_A_PRINT }): ReportLayout<Kept> {
  const print = printLayout(options);
  return {
    part: print.problemsPart,
    keep: print.keep,
    write: (kept, part) => {
      const docs = print.problems(kept, part);
      return printing(options, docs.title, async function* (printer, join) {
        let first = true;
        for (const body of splitDocument(docs.body, sizes.district)) {
          yield* join.add(await printer.print(print.page(docs.title, docs.header, body, join.pages + 1)), first ? {} : { levels: topLevels(body) });
          first = false;
        }
      });
    },
  };
}

/**
 * The heading level of each top bookmark Chromium makes of `html` (its outline nests a heading
 * under the last one of a lower level: the top ones are those no earlier heading is above).
 */
export function topLevels(html: string): number[] {
  const levels: number[] = [];
  let highest = 7;
  for (const m of html.matchAll(/<h([1-6])[\s>]/g)) {
    const level = Number(m[1]);
    if (level <= highest) {
      levels.push(level);
      highest = level;
    }
  }
  return levels;
}

/** One Chromium and one joined PDF for the prints `parts` makes; the browser closed and the xref's file removed however it ends. */
async function* printing(options: FormatOptions, title: string, parts: (printer: Printer, join: PdfJoin) => AsyncGenerator<Uint8Array>): AsyncGenerator<Uint8Array> {
  const browser = findBrowser(options.browser, options.lang);
  // A batch's prints pass through this process one after the other (a few MB of PDF each, read,
  // joined, written), and V8 answers that by growing its young generation to its largest (two
  // semi-spaces of 16 MB, and what is promoted from them in a hurry): most of our process's peak
  // (50 areas: 259 MB with it, 166 MB without; the live heap is ~45 MB, playwright-core's most of
  // it). Kept at its starting size, the young garbage of one print is collected as it is made
  // (node's CPU +15%, a fraction of Chromium's).
  if (options.ownProcess) keepYoungGenerationSmall();
  const xref = new XrefFile(options.lang);
  try {
    const printer = await openPrinter({ browser, lang: options.lang });
    try {
      const join = new PdfJoin(xref, title);
      yield* parts(printer, join);
      yield* join.finish();
    } finally {
      await printer.close();
    }
  } finally {
    xref.close();
  }
}


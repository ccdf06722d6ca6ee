import type { Lang } from '../../assess/types.js';
import { UsageError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';

/**
 * Nothing leaves the machine while printing: no background services, no component or safe-browsing
 * updates, no DNS prefetch, every request of the page aborted (the document is self-contained; the
 * CSP in it refuses fetches too). Root (CI containers) can't use Chromium's sandbox.
 */
export function launchFlags(root = process.getuid?.() === 0): string[] {
  return [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--disable-sync',
    '--disable-extensions',
    '--disable-client-side-phishing-detection',
    '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication',
    '--dns-prefetch-disable',
    '--no-pings',
    '--no-first-run',
    '--no-default-browser-check',
    '--metrics-recording-only',
    '--disable-gpu',
    '--font-render-hinting=none',
    ...(root ? ['--no-sandbox'] : []),
  ];
}

export interface PrintOptions {
  browser: string;
  lang: Lang;
}

/**
 * Print a self-contained HTML document to PDF with the given Chromium, through playwright-core
 * (imported here only, so other formats never load it). Page size, margins, running header and
 * page numbers come from the document's own @page rules; Chromium embeds the fonts it used.
 */
export async function printPdf(html: string, options: PrintOptions): Promise<Uint8Array> {
  const printer = await openPrinter(options);
  try {
    return Buffer.from(await printer.print(html), 'latin1');
  } finally {
    await printer.close();
  }
}

export interface Printer {
  /**
   * One document printed: a page of its own, closed after, so the browser holds no more than it.
   * The PDF as Latin-1 text (one character a byte), as the joiner reads it: never held as bytes too.
   */
  print(html: string): Promise<string>;
  close(): Promise<void>;
}

/** A Chromium started once for several documents (a batch printed a document at a time). */
export async function openPrinter({ browser, lang }: PrintOptions): Promise<Printer> {
  const { chromium } = await import('playwright-core');
  let instance: import('playwright-core').Browser;
  try {
    // Generous: on a busy machine Chromium can take long to start; it is not our time to count.
    instance = await chromium.launch({ executablePath: browser, headless: true, args: launchFlags(), timeout: 180_000 });
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split('\n').find((l) => l.trim()) ?? String(e);
    throw new UsageError(t(lang, 'pdf.browser.failed', { path: browser, reason }));
  }
  try {
    const context = await instance.newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: 'block', locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
    await context.route('**/*', (route) => route.abort());
    return {
      async print(html) {
        const page = await context.newPage();
        try {
          page.setDefaultTimeout(180_000);
          await page.setContent(html, { waitUntil: 'load' });
          await page.emulateMedia({ media: 'print' });
          await page.evaluateHandle('document.fonts.ready').catch(() => undefined);
          return await printed(await context.newCDPSession(page));
        } finally {
          await page.close();
        }
      },
      async close() {
        await instance.close();
      },
    };
  } catch (e) {
    await instance.close();
    throw e;
  }
}

/** The PDF read from Chromium's stream a piece at a time. */
const READ_SIZE = 1 << 20;

/**
 * What `page.pdf({ preferCSSPageSize, printBackground, outline, tagged })` asks of Chromium, the
 * same parameters (the page's @page size and margins rule), but its stream read back in pieces
 * of READ_SIZE: page.pdf asks for it whole, one protocol message of the whole PDF in base64, read
 * by this process as bytes, as text and as parsed JSON before it is decoded (four copies of a
 * print at once, ~20 MB for 10 areas). Each piece is made Latin-1 text at once (heap, which V8
 * collects by its size, where a Buffer's bytes outside it wait for a full collection).
 */
async function printed(session: import('playwright-core').CDPSession): Promise<string> {
  try {
    const { stream } = await session.send('Page.printToPDF', {
      transferMode: 'ReturnAsStream',
      landscape: false,
      displayHeaderFooter: false,
      headerTemplate: '',
      footerTemplate: '',
      scale: 1,
      pageRanges: '',
      printBackground: true,
      preferCSSPageSize: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
      paperWidth: 8.5,
      paperHeight: 11,
      marginTop: 0,
      marginBottom: 0,
      marginLeft: 0,
      marginRight: 0,
    });
    if (!stream) throw new Error('Chromium returned no PDF stream');
    let pdf = '';
    for (let eof = false; !eof; ) {
      const read = await session.send('IO.read', { handle: stream, size: READ_SIZE });
      pdf += read.base64Encoded ? Buffer.from(read.data, 'base64').toString('latin1') : read.data;
      eof = read.eof;
    }
    await session.send('IO.close', { handle: stream });
    return pdf;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/**
 * The district's view of a batch in prints of about `budget` characters of html each, so that
 * Chromium's memory does not grow with the count (at 1,000 areas the view is 3.7 MB of html; at
 * tens of thousands, its overview and 整改台账 run to thousands of pages). It is cut only between
 * the pieces the view is written in (a row of a table, a group of the 整改台账), never inside an
 * SVG (the heat map is a column of drawings of 20 rows each, cut between them): the elements open at the cut are closed there and opened
 * again (without their ids) at the head of the next print, a table with its header row, so each
 * print is a whole document that reads on from the last.
 */
export function* splitDocument(pieces: Iterable<string>, budget: number): Generator<string> {
  const open: { tag: string; name: string; thead?: string }[] = [];
  let body = '';
  for (const piece of pieces) {
    if (body.length >= budget && !open.some((e) => e.name === 'svg')) {
      yield body + open.map((e) => `</${e.name}>`).reverse().join('');
      body = open.map((e) => e.tag.replace(/\sid="[^"]*"/, '') + (e.thead ?? '')).join('');
    }
    body += piece;
    track(piece, open);
  }
  yield body;
}

/** Elements without an end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** The open elements after `html` (ours: well formed, every `<` in text and attributes escaped). */
function track(html: string, open: { tag: string; name: string; thead?: string }[]): void {
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^>]*)?>/g)) {
    const [tag, end, raw] = m;
    const name = raw.toLowerCase();
    if (end) {
      const at = open.map((e) => e.name).lastIndexOf(name);
      if (at >= 0) open.length = at;
      // A table's header row goes again at the head of each print that goes on with the table.
      if (name === 'thead') {
        const table = open.at(-1);
        const start = html.lastIndexOf('<thead', m.index);
        if (table?.name === 'table' && start >= 0) table.thead = html.slice(start, m.index + tag.length);
      }
    } else if (!tag.endsWith('/>') && !VOID.has(name)) open.push({ tag, name });
  }
}

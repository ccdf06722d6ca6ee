import { createHash } from 'node:crypto';
import { Ref, parsePdf, pdfText, refsOf, renumbered, serialize, type Dict, type ParsedPdf, type Value } from './objects.js';

/**
 * One PDF written from PDFs printed one after the other (a batch: the district's view, then each
 * area's report), as they come: each part's objects are renumbered and written out at once, so
 * memory holds one part, never the document. What a reader expects of one document is kept:
 * one page tree (each part's own, under one root); the bookmarks (each part's outline, spliced
 * into one, each part's top entries closed so thousands of areas list as one line each); links
 * (a link to a name of the same part goes where Chromium sent it; one to another part — the
 * overview's link to an area's report — goes to that part's first page, whose object number is
 * handed out before that part is printed: `reserve`); the tagged structure (each part's under one
 * StructTreeRoot, its ParentTree keys moved past those of the parts before). Fonts stay as each
 * part embedded them (each part its own subsets).
 *
 * Where each object starts (the xref table: 20 bytes an object, millions of objects for a
 * national batch) is kept on disk (`XrefStore`), not in memory, and written at the end.
 */
export interface XrefStore {
  /** Record `entries` (20 bytes each, the xref table's lines) for objects `first`, `first + 1`, … */
  put(first: number, entries: Uint8Array): void;
  /** The lines of objects 1 … count-1, in order, a piece at a time. */
  read(count: number): Iterable<Uint8Array>;
}

/** What a part brings besides its PDF. */
export interface PartOptions {
  /**
   * Its top bookmarks in order (each area's report in it: one each): the title to give each
   * (the area's name instead of its report's title) and the object number its page is to have
   * (from `reserve`: another part links to that area's report).
   */
  tops?: { title?: string; firstPage?: number }[];
  /** Where a link to a name goes that this part does not hold: the first page of another part. */
  target?: (name: string) => number | undefined;
  /** Its bookmarks (default true): false leaves them out. */
  outline?: boolean;
  /**
   * It goes on with the part before (a district's view printed in several parts): the heading
   * level of each of its top bookmarks (h2 → 2), each placed under the document's last bookmark
   * of a lower level (the view's title, its section), as one print of the whole would have it,
   * rather than as top bookmarks of their own (closed, one a part).
   */
  levels?: number[];
}

/** A bookmark not yet written: the last one at its depth, so a later part may put one after or under it. */
interface Entry {
  /** Its object number in the document. */
  n: number;
  /** Its value, references already the document's (negative: `resolved`). */
  value: Dict;
  level: number;
  /** Bookmarks under it that show when it is open; and whether it is. */
  visible: number;
  open: boolean;
}

const CATALOG = 1;
const PAGES = 2;
const OUTLINES = 3;
const STRUCTURE = 4;
const PARENT_TREE = 5;
const INFO = 6;
const FIXED = 6;

/** Every page is A4 (the documents' @page): a link to another part opens its first page at the top. */
const A4_TOP = '841.91998';

/** What in an object's text makes it one the joining changes (a page, an annotation, a link). */
const CHANGED = /\/StructParents?\b|\/Dest\b|\/GoTo\b/;

/**
 * Glyphs remembered for sharing: a batch's prints use a few thousand characters in two or three
 * faces; this bounds the memory (~100 bytes a glyph) whatever the count.
 */
const GLYPHS_KEPT = 100_000;

/** Text written out in pieces of about this many bytes. */
const PIECE = 1 << 16;

const FREE = Buffer.from('0000000000 65535 f \n', 'latin1');

export class PdfJoin {
  private offset = 0;
  private next = FIXED + 1;
  private pageCount = 0;
  private readonly kids: number[] = [];
  private readonly structure: number[] = [];
  private readonly parentTrees: number[] = [];
  private parentKey = 0;
  private lang: string | undefined;
  private info: Dict | undefined;
  /** The outline: its first and last top entries, how many show (tops closed: one each), and its last entry at each depth (`path`, written when it can have nothing more after or under it). */
  private firstTop: number | undefined;
  private lastTopN: number | undefined;
  private tops = 0;
  private path: Entry[] = [];
  /** Glyphs written (shareGlyphs): digest → object number. */
  private readonly glyphs = new Map<string, number>();
  private started = false;
  /** Written and not yet taken: text not yet made bytes, and the pieces made. */
  private text = '';
  private out: Buffer[] = [];

  constructor(
    private readonly xref: XrefStore,
    private readonly title: string,
  ) {}

  /** Pages so far: the next part's first page is `pages + 1` (its page numbers start there). */
  get pages(): number {
    return this.pageCount;
  }

  /** An object number for a part not yet printed (its first page: another part links to it). */
  reserve(): number {
    // Free until that part is added (every number below `next` has its line in the table).
    this.xref.put(this.next, FREE);
    return this.next++;
  }

  /**
   * The bytes to write for one part (the file's head before the first), in pieces as they are
   * made: each is written and dropped before the next is made (young garbage, not a print's
   * worth held until it is all joined). `pdf`: its bytes, or its text as Latin-1.
   */
  *add(pdf: Uint8Array | string, options: PartOptions = {}): Generator<Buffer> {
    if (!this.started) {
      this.started = true;
      this.emit('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
    }
    yield* this.joined(parsePdf(pdf), options);
  }

  private *joined(pdf: ParsedPdf, options: PartOptions): Generator<Buffer> {
    const catalog = dictAt(pdf, pdf.trailer.get('/Root'));
    if (!catalog) throw new Error('the printed PDF has no catalog');
    this.lang ??= stringOf(catalog.get('/Lang'));
    this.info ??= dictAt(pdf, pdf.trailer.get('/Info'));
    const pagesRef = catalog.get('/Pages');
    const pages = dictAt(pdf, pagesRef);
    if (!(pagesRef instanceof Ref) || !pages) throw new Error('the printed PDF has no pages');
    const count = Number(pages.get('/Count') ?? 0);

    // Renumbered: object n of the part is base + n, but for those that become the document's own.
    const base = this.next - 1;
    const moved = new Map<number, number>();
    const dropped = new Set<number>([refNumber(pdf.trailer.get('/Root')), refNumber(pdf.trailer.get('/Info'))]);
    const outlines = options.outline === false ? 0 : refNumber(catalog.get('/Outlines'));
    const outlineRoot = outlines ? dictAt(pdf, catalog.get('/Outlines')) : undefined;
    const dests = dictAt(pdf, catalog.get('/Dests'));
    // The outline's top entries become the document's: closed, chained after the last part's.
    const topEntries: number[] = [];
    if (outlineRoot) for (let n = refNumber(outlineRoot.get('/First')); n; n = refNumber(dictAt(pdf, new Ref(n))?.get('/Next'))) topEntries.push(n);
    // The last top entry, its last child, and so on down: held back, as later parts may go on under them.
    const spine: number[] = [];
    for (let n = topEntries.at(-1) ?? 0; n && !spine.includes(n); n = refNumber(dictAt(pdf, new Ref(n))?.get('/Last'))) spine.push(n);
    options.tops?.forEach((top, i) => {
      if (top.firstPage === undefined || i >= topEntries.length) return;
      let to = dictAt(pdf, new Ref(topEntries[i]))?.get('/Dest');
      if (typeof to === 'string') to = dests?.get(to);
      if (Array.isArray(to) && to[0] instanceof Ref) moved.set(to[0].n, top.firstPage);
    });
    if (outlines) {
      moved.set(outlines, OUTLINES);
      dropped.add(outlines);
    }
    const tree = refNumber(catalog.get('/StructTreeRoot'));
    const treeDict = tree ? dictAt(pdf, catalog.get('/StructTreeRoot')) : undefined;
    if (tree && treeDict) {
      moved.set(tree, STRUCTURE);
      dropped.add(tree);
      const ids = refNumber(treeDict.get('/IDTree'));
      if (ids) dropped.add(ids);
    }
    const number = (n: number) => moved.get(n) ?? base + n;
    this.next = base + pdf.size + 1;

    // What is written: everything the pages, the outline and the structure reach (not the
    // catalog, the names or the part's own roots).
    const roots: Value[] = [pagesRef];
    if (outlineRoot?.get('/First')) roots.push(outlineRoot.get('/First')!);
    if (treeDict) roots.push(treeDict.get('/K') ?? '[]', treeDict.get('/ParentTree') ?? 'null');
    const keep = reachable(pdf, roots, dropped);

    // The link to a name: where this part's names say, else the first page of the part named.
    const destination = (name: Value): Value | undefined => {
      if (typeof name !== 'string') return name;
      const key = name.startsWith('/') ? name : name.startsWith('(') ? `/${name.slice(1, -1)}` : undefined;
      if (!key) return undefined;
      const page = options.target?.(key.slice(1));
      if (page !== undefined) return [new Ref(-page), '/XYZ', '0', A4_TOP, '0'];
      return dests?.get(key);
    };
    // A reference to an object number of the document itself (negative: not renumbered).
    const ref = (n: number) => (n < 0 ? -n : number(n));

    const keyBase = this.parentKey;
    const numberTree = treeNodes(pdf, refNumber(treeDict?.get('/ParentTree')));
    if (treeDict) this.parentKey += Number(treeDict.get('/ParentTreeNextKey') ?? 0);

    const entries = Buffer.alloc((this.next - 1 - base) * 20);
    for (let i = 0; i < entries.length; i += 20) FREE.copy(entries, i);
    const record = (n: number, at: number) => {
      const line = Buffer.from(`${String(at).padStart(10, '0')} 00000 n \n`, 'latin1');
      if (n > base && n < this.next) line.copy(entries, (n - base - 1) * 20);
      else this.xref.put(n, line);
    };

    const shared = this.shareGlyphs(pdf, keep, moved, base);
    const outlineEntries = new Set([...topEntries, ...spine].filter((n) => keep.has(n)));
    /** An outline entry's value with its destination made the document's, its references resolved. */
    const changedEntry = (n: number): Dict => {
      const value = new Map(pdf.valueOf(n) as Dict);
      if (value.has('/Dest')) {
        const to = destination(value.get('/Dest')!);
        if (to) value.set('/Dest', to);
        else value.delete('/Dest');
      }
      const action = value.get('/A');
      if (action instanceof Map && action.get('/S') === '/GoTo' && action.has('/D')) value.set('/A', new Map(action).set('/D', destination(action.get('/D')!) ?? 'null'));
      return resolved(value, ref);
    };
    for (const n of [...keep].sort((a, b) => a - b)) {
      const object = pdf.objects.get(n)!;
      const stream = object.stream && pdf.text.slice(...object.stream);
      // Most objects (a structure element, a glyph, a font) are copied as written, references
      // renumbered; those the joining changes are read into values (CHANGED may also match
      // inside a string: such an object is only read the longer way).
      if (outlineEntries.has(n) || shared.has(n)) continue; // placed below, in the outline's order; or written by a part before
      const changed = n === pagesRef.n || numberTree.has(n) || CHANGED.test(pdf.textOf(n));
      if (!changed) {
        this.object(number(n), renumbered(pdf, n, ref), record, stream);
        if (this.out.length) yield* this.taken();
        continue;
      }
      let value = pdf.valueOf(n)!;
      if (value instanceof Map) {
        value = new Map(value);
        const type = value.get('/Type');
        if (n === pagesRef.n) value.set('/Parent', new Ref(-PAGES));
        if (type === '/Page' && value.has('/StructParents')) value.set('/StructParents', String(Number(value.get('/StructParents')) + keyBase));
        if (value.has('/StructParent')) value.set('/StructParent', String(Number(value.get('/StructParent')) + keyBase));
        if (value.has('/Dest')) {
          const to = destination(value.get('/Dest')!);
          if (to) value.set('/Dest', to);
          else value.delete('/Dest');
        }
        const action = value.get('/A');
        if (action instanceof Map && action.get('/S') === '/GoTo' && action.has('/D')) {
          const to = destination(action.get('/D')!);
          value.set('/A', new Map(action).set('/D', to ?? 'null'));
        }
        if (numberTree.has(n)) shiftNumberTree(value, keyBase, n === numberTree.root);
      }
      this.object(number(n), serialize(value, ref), record, stream);
      if (this.out.length) yield* this.taken();
    }
    // The top entries placed in the document's outline, the spine held back below the last.
    topEntries.forEach((n, i) => {
      const value = changedEntry(n);
      const count = Number(value.get('/Count') ?? 0);
      const title = options.tops?.[i]?.title;
      if (title) value.set('/Title', pdfText(title));
      // A part's own top entries are closed (thousands of areas: one line each); those that go on with the part before stay as printed.
      const level = options.levels ? (options.levels[i] ?? 2) : 1;
      this.place({ n: number(n), value, level, visible: Math.abs(count), open: options.levels ? count > 0 : false }, record);
      if (i < topEntries.length - 1) return;
      for (const m of spine.slice(1)) {
        const below = changedEntry(m);
        const c = Number(below.get('/Count') ?? 0);
        this.path.push({ n: number(m), value: below, level: this.path.at(-1)!.level + 1, visible: Math.abs(c), open: c > 0 });
      }
    });
    if (this.out.length) yield* this.taken();
    this.xref.put(base + 1, entries);
    this.kids.push(number(pagesRef.n));
    if (treeDict) {
      const k = treeDict.get('/K');
      for (const element of Array.isArray(k) ? k : k ? [k] : []) if (element instanceof Ref) this.structure.push(number(element.n));
      const parentTree = refNumber(treeDict.get('/ParentTree'));
      if (parentTree) this.parentTrees.push(number(parentTree));
    }
    this.pageCount += count;
    yield* this.taken();
  }

  /** The document's own objects, the xref table and the trailer: the end of the file. */
  *finish(): Generator<Buffer> {
    const own = new Map<number, string>();
    const record = (n: number, at: number) => this.xref.put(n, Buffer.from(`${String(at).padStart(10, '0')} 00000 n \n`, 'latin1'));
    while (this.path.length) this.write(this.path.pop()!, record);
    const refs = (ns: number[]) => `[${ns.map((n) => `${n} 0 R`).join(' ')}]`;
    own.set(PAGES, `<</Type /Pages\n/Kids ${refs(this.kids)}\n/Count ${this.pageCount}>>`);
    const outline = this.firstTop !== undefined && this.lastTopN !== undefined;
    own.set(OUTLINES, outline ? `<</Type /Outlines\n/First ${this.firstTop} 0 R\n/Last ${this.lastTopN} 0 R\n/Count ${this.tops}>>` : 'null');
    const tagged = this.structure.length > 0;
    own.set(STRUCTURE, tagged ? `<</Type /StructTreeRoot\n/K ${refs(this.structure)}\n/ParentTree ${PARENT_TREE} 0 R\n/ParentTreeNextKey ${this.parentKey}>>` : 'null');
    own.set(PARENT_TREE, tagged ? `<</Kids ${refs(this.parentTrees)}>>` : 'null');
    const info = new Map(this.info ?? []);
    info.set('/Title', pdfText(this.title));
    own.set(INFO, serialize(info, (n) => n));
    own.set(
      CATALOG,
      `<</Type /Catalog\n/Pages ${PAGES} 0 R\n` +
        (outline ? `/Outlines ${OUTLINES} 0 R\n/PageMode /UseOutlines\n` : '') +
        (tagged ? `/MarkInfo <</Type /MarkInfo\n/Marked true>>\n/StructTreeRoot ${STRUCTURE} 0 R\n` : '') +
        `/ViewerPreferences <</Type /ViewerPreferences\n/DisplayDocTitle true>>\n` +
        (this.lang ? `/Lang ${this.lang}\n` : '') +
        '>>',
    );
    for (const [n, text] of own) {
      record(n, this.offset);
      this.emit(`${n} 0 obj\n${text}\nendobj\n`);
    }
    const size = this.next;
    const at = this.offset;
    this.emit(`xref\n0 ${size}\n`);
    this.emit(FREE.toString('latin1'));
    yield* this.taken();
    for (const piece of this.xref.read(size)) {
      this.emit(piece);
      yield* this.taken();
    }
    this.emit(`trailer\n<</Size ${size}\n/Root ${CATALOG} 0 R\n/Info ${INFO} 0 R>>\nstartxref\n${at}\n%%EOF\n`);
    yield* this.taken();
  }

  /**
   * The glyphs of this part's Type 3 fonts (each a small stream of drawing operators, under a
   * font's /CharProcs) that a part before wrote byte for byte the same: each print embeds the
   * glyphs it uses afresh, and most of a batch's prints use the same characters. Such a glyph is
   * not written again; the font refers to the one written (an object may be referred to from
   * any number of places). The fonts themselves can't be shared: each print numbers its glyphs
   * into fonts of its own (which glyphs, under which codes, with which ToUnicode), and its pages'
   * text is written in those codes. Which glyphs were written is kept by digest, up to GLYPHS_KEPT.
   * Returns the part's objects not to write (each `moved` to the one written).
   */
  private shareGlyphs(pdf: ParsedPdf, keep: Set<number>, moved: Map<number, number>, base: number): Set<number> {
    const skip = new Set<number>();
    for (const n of keep) {
      const text = pdf.textOf(n);
      const at = text.indexOf('/CharProcs');
      if (at < 0 || !text.includes('/Type3')) continue;
      const procs = /^\/CharProcs\s*<<([^<>()%]*)>>/.exec(text.slice(at));
      if (!procs) continue;
      for (const m of procs[1].matchAll(/(\d+)\s+0\s+R/g)) {
        const glyph = Number(m[1]);
        const object = pdf.objects.get(glyph);
        if (!object?.stream || skip.has(glyph) || moved.has(glyph) || !keep.has(glyph)) continue;
        const dict = pdf.textOf(glyph);
        if (dict.includes(' R')) continue; // refers to something of its part: not the same object elsewhere
        const digest = createHash('sha256').update(dict, 'latin1').update('\n').update(pdf.text.slice(...object.stream), 'latin1').digest('base64');
        const written = this.glyphs.get(digest);
        if (written !== undefined) {
          moved.set(glyph, written);
          skip.add(glyph);
        } else if (this.glyphs.size < GLYPHS_KEPT) this.glyphs.set(digest, base + glyph);
      }
    }
    return skip;
  }

  /**
   * An outline entry put in its place: after the last entry of its level (written now: its /Next
   * is known), under the last of a lower level (its /First, /Last and the counts of those above
   * it that show it), or a top entry; then it is the last at its level.
   */
  private place(entry: Entry, record: (n: number, at: number) => void): void {
    const doc = (n: number) => new Ref(-n);
    while (this.path.length && this.path.at(-1)!.level > entry.level) this.write(this.path.pop()!, record);
    const before = this.path.at(-1)?.level === entry.level ? this.path.pop() : undefined;
    entry.value.delete('/Next');
    if (before) {
      before.value.set('/Next', doc(entry.n));
      entry.value.set('/Prev', doc(before.n));
      this.write(before, record);
    } else entry.value.delete('/Prev');
    const parent = this.path.at(-1);
    const shown = 1 + (entry.open ? entry.visible : 0);
    if (parent) {
      entry.value.set('/Parent', doc(parent.n));
      if (!before && !parent.value.has('/First')) parent.value.set('/First', doc(entry.n));
      parent.value.set('/Last', doc(entry.n));
      // Counted by each entry above that would show it: up to the first closed one.
      for (let i = this.path.length - 1; i >= 0; i--) {
        this.path[i].visible += shown;
        if (!this.path[i].open) break;
        if (i === 0) this.tops += shown;
      }
    } else {
      entry.value.set('/Parent', doc(OUTLINES));
      this.firstTop ??= entry.n;
      this.lastTopN = entry.n;
      this.tops += shown;
    }
    this.path.push(entry);
  }

  /** An outline entry written, its /Count as it now stands (negative: closed). */
  private write(entry: Entry, record: (n: number, at: number) => void): void {
    if (entry.visible) entry.value.set('/Count', String(entry.open ? entry.visible : -entry.visible));
    else entry.value.delete('/Count');
    this.object(entry.n, serialize(entry.value, (n) => (n < 0 ? -n : n)), record);
  }

  private object(n: number, value: string, record: (n: number, at: number) => void, stream?: string): void {
    record(n, this.offset);
    this.emit(stream === undefined ? `${n} 0 obj\n${value}\nendobj\n` : `${n} 0 obj\n${value}\nstream\n${stream}\nendstream\nendobj\n`);
  }

  /**
   * Written out: text (Latin-1, a stream's bytes too) gathered into pieces of about PIECE bytes
   * (tens of thousands of small objects a print: one Buffer each was most of the joining's garbage).
   */
  private emit(text: string | Uint8Array): void {
    if (typeof text === 'string') {
      this.text += text;
      this.offset += text.length;
      if (this.text.length >= PIECE) this.flush();
      return;
    }
    this.flush();
    this.out.push(Buffer.from(text.buffer, text.byteOffset, text.byteLength));
    this.offset += text.byteLength;
  }

  private flush(): void {
    if (!this.text) return;
    this.out.push(Buffer.from(this.text, 'latin1'));
    this.text = '';
  }

  /** What was written since the last call. */
  private taken(): Buffer[] {
    this.flush();
    const out = this.out;
    this.out = [];
    return out;
  }
}

function refNumber(value: Value | undefined): number {
  return value instanceof Ref ? value.n : 0;
}

function dictAt(pdf: ParsedPdf, value: Value | undefined): Dict | undefined {
  const v = value instanceof Ref ? pdf.valueOf(value.n) : value;
  return v instanceof Map ? v : undefined;
}

function stringOf(value: Value | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The objects reached from `roots`, not passing through `dropped`. */
function reachable(pdf: ParsedPdf, roots: Value[], dropped: Set<number>): Set<number> {
  const seen = new Set<number>();
  const todo: number[] = [];
  for (const root of roots) for (const n of refsOf(root)) todo.push(n);
  while (todo.length) {
    const n = todo.pop()!;
    if (seen.has(n) || dropped.has(n)) continue;
    if (!pdf.objects.has(n)) continue;
    seen.add(n);
    for (const m of pdf.refs(n)) if (!seen.has(m)) todo.push(m);
  }
  return seen;
}

/** The nodes of the number tree at `root` (the ParentTree: its keys are moved). */
function treeNodes(pdf: ParsedPdf, root: number): Set<number> & { root: number } {
  const nodes = Object.assign(new Set<number>(), { root });
  const todo = root ? [root] : [];
  while (todo.length) {
    const n = todo.pop()!;
    if (nodes.has(n)) continue;
    nodes.add(n);
    const kids = dictAt(pdf, new Ref(n))?.get('/Kids');
    if (Array.isArray(kids)) for (const k of kids) if (k instanceof Ref) todo.push(k.n);
  }
  return nodes;
}

/** A ParentTree node with its keys moved past the parts before; its root becomes a kid (with /Limits). */
function shiftNumberTree(node: Dict, by: number, root: boolean): void {
  const nums = node.get('/Nums');
  if (Array.isArray(nums)) node.set('/Nums', nums.map((v, i) => (i % 2 === 0 && typeof v === 'string' ? String(Number(v) + by) : v)));
  const limits = node.get('/Limits');
  if (Array.isArray(limits)) node.set('/Limits', limits.map((v) => (typeof v === 'string' ? String(Number(v) + by) : v)));
  else if (root && Array.isArray(nums) && nums.length) {
    const keys = nums.filter((_, i) => i % 2 === 0).map(Number);
    node.set('/Limits', [String(Math.min(...keys) + by), String(Math.max(...keys) + by)]);
  }
  node.delete('/Type');
}

/** References in `value` turned into the document's numbers now (written later, after the part's numbering is gone). */
function resolved(value: Dict, ref: (n: number) => number): Dict {
  const fix = (v: Value): Value => (v instanceof Ref ? new Ref(-ref(v.n)) : Array.isArray(v) ? v.map(fix) : v instanceof Map ? new Map([...v].map(([k, x]) => [k, fix(x)])) : v);
  return fix(value) as Dict;
}

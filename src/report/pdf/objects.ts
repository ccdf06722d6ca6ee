/**
 * The objects of a PDF as Chromium (Skia) writes it: a header, numbered objects one after the
 * other (dictionaries, arrays, streams with a direct /Length), one classic xref table and a
 * trailer — read into values that can be renumbered and written again (join.ts). A value keeps
 * its tokens as they were written (numbers, names, strings: their text, never decoded), so what
 * is copied is what Chromium wrote; only references and the few entries join.ts changes differ.
 *
 * Read as Latin-1 text: one character per byte, so a stream's bytes are sliced from the same
 * positions of the file and every byte written back is the byte read.
 */

/** An indirect reference `n 0 R`. */
export class Ref {
  constructor(readonly n: number) {}
}

/** A dictionary: its keys as written (`/Type`), in order. */
export type Dict = Map<string, Value>;

/** A token as written (a number, a name `/X`, a string `(…)` or `<…>`, true, false, null), a reference, an array or a dictionary. */
export type Value = string | Ref | Value[] | Dict;

const WHITE = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WHITE[c] = 1;
const DELIMITER = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIMITER[c.charCodeAt(0)] = 1;

/** What a PDF not of the shape expected is (a different browser's writer): named in the error. */
export class PdfShapeError extends Error {}

export interface PdfObject {
  /** Where its value is written (the text between `obj` and `stream` or `endobj`). */
  at: [number, number];
  /** A stream's bytes (between `stream` and `endstream`), as positions in the file. */
  stream?: [number, number];
}

/**
 * A PDF read lazily: where each object stands; an object's value is read into a Value only when
 * asked (`valueOf`: the few join.ts changes or reads), the rest copied with their references
 * renumbered in the text (`renumbered`) — a print of 10 areas has tens of thousands of objects,
 * most of them elements of the tagged structure and glyphs of Type 3 fonts.
 */
export class ParsedPdf {
  private readonly values = new Map<number, Value>();
  constructor(
    /** The file as Latin-1 text (one character a byte). */
    readonly text: string,
    readonly objects: Map<number, PdfObject>,
    readonly trailer: Dict,
    /** The largest object number used. */
    readonly size: number,
  ) {}

  valueOf(n: number): Value | undefined {
    let value = this.values.get(n);
    if (value === undefined) {
      const object = this.objects.get(n);
      if (!object) return undefined;
      const reader = new Reader(this.text);
      reader.at = object.at[0];
      value = reader.value();
      this.values.set(n, value);
    }
    return value;
  }

  /** The text of object n's value as written. */
  textOf(n: number): string {
    const [start, end] = this.objects.get(n)!.at;
    return this.text.slice(start, end);
  }

  /** Every object number object n refers to. */
  refs(n: number): number[] {
    const parts = outsideStrings(this.textOf(n));
    if (parts === undefined) return [...refsOf(this.valueOf(n) ?? 'null')];
    const refs: number[] = [];
    for (let i = 0; i < parts.length; i += 2) for (const m of parts[i].matchAll(REF)) refs.push(Number(m[1]));
    return refs;
  }
}

/** `n g R` (in text outside strings and comments). */
const REF = /(?<![\d.+-])(\d+)\s+\d+\s+R(?![^\s()<>[\]{}/%])/g;

/**
 * `text` cut at its literal strings: what lies outside them and the strings `(…)` as written, in
 * turn (outside, string, outside, …, outside) — a string holds anything, `0 0 R` included, and
 * Chromium writes one in most structure elements (`/Headers [(node…)]`, `/Alt`, `/ActualText`),
 * so they are stepped over rather than the object read into values. Undefined where a comment
 * stands outside them (then the object is read as a Value).
 */
export function outsideStrings(text: string): string[] | undefined {
  const parts: string[] = [];
  let from = 0;
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', from)) {
    parts.push(text.slice(from, open));
    from = stringEnd(text, open);
    parts.push(text.slice(open, from));
  }
  parts.push(from ? text.slice(from) : text);
  for (let i = 0; i < parts.length; i += 2) if (parts[i].includes('%')) return undefined;
  return parts;
}

/** Past the literal string that opens at `open`: balanced parentheses, `\\` escaping the next byte. */
function stringEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 40 /* ( */) depth++;
    else if (c === 41 /* ) */ && --depth === 0) return i + 1;
  }
  throw new PdfShapeError('unterminated string');
}

/** Object n's value as written, each reference renumbered by `ref` (strings copied as they are). */
export function renumbered(pdf: ParsedPdf, n: number, ref: (n: number) => number): string {
  const text = pdf.textOf(n);
  const replace = (_: string, m: string) => `${ref(Number(m))} 0 R`;
  if (!text.includes('(') && !text.includes('%')) return text.replace(REF, replace);
  const parts = outsideStrings(text);
  if (parts === undefined) return serialize(pdf.valueOf(n)!, ref);
  let out = '';
  for (let i = 0; i < parts.length; i++) out += i % 2 ? parts[i] : parts[i].replace(REF, replace);
  return out;
}

/** A PDF's bytes, or its text as Latin-1 (one character a byte: what a batch's printer hands over, never holding the bytes as well). */
export function parsePdf(pdf: Uint8Array | string): ParsedPdf {
  const text = typeof pdf === 'string' ? pdf : Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  if (!text.startsWith('%PDF-')) throw new PdfShapeError('not a PDF');
  const p = new Reader(text);
  const objects = new Map<number, PdfObject>();
  let trailer: Dict | undefined;
  let size = 0;
  for (;;) {
    p.skipSpace();
    if (p.at >= text.length) break;
    const token = p.token();
    if (token === 'xref') {
      // The table is not needed: every object was read where it stands.
      const at = text.indexOf('trailer', p.at);
      if (at < 0) throw new PdfShapeError('no trailer');
      p.at = at;
      continue;
    }
    if (token === 'trailer') {
      const value = p.value();
      if (!(value instanceof Map)) throw new PdfShapeError('trailer is not a dictionary');
      trailer = value;
      continue;
    }
    if (token === 'startxref') break;
    const n = Number(token);
    if (!Number.isInteger(n) || n <= 0) throw new PdfShapeError(`unexpected "${token.slice(0, 20)}" at byte ${p.at}`);
    p.token(); // generation
    if (p.token() !== 'obj') throw new PdfShapeError(`object ${n}: no "obj"`);
    p.skipSpace();
    const start = p.at;
    p.skipValue();
    const object: PdfObject = { at: [start, p.at] };
    p.skipSpace();
    if (text.startsWith('stream', p.at)) {
      p.at += 6;
      if (text[p.at] === '\r') p.at++;
      if (text[p.at] === '\n') p.at++;
      const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(text.slice(text.lastIndexOf('/Length', object.at[1]), object.at[1]));
      const from = p.at;
      const end = length ? from + Number(length[1]) : text.indexOf('endstream', from);
      if (!(end >= from) || end > text.length) throw new PdfShapeError(`object ${n}: stream without its length`);
      object.stream = [from, end];
      p.at = text.indexOf('endstream', end);
      if (p.at < 0) throw new PdfShapeError(`object ${n}: no endstream`);
      p.at += 9;
    }
    if (p.token() !== 'endobj') throw new PdfShapeError(`object ${n}: no "endobj"`);
    objects.set(n, object);
    if (n > size) size = n;
  }
  if (!trailer) throw new PdfShapeError('no trailer');
  return new ParsedPdf(text, objects, trailer, size);
}

class Reader {
  at = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    const s = this.text;
    for (;;) {
      const c = s.charCodeAt(this.at);
      if (WHITE[c]) this.at++;
      else if (c === 37 /* % */) {
        while (this.at < s.length && s.charCodeAt(this.at) !== 10 && s.charCodeAt(this.at) !== 13) this.at++;
      } else return;
    }
  }

  /** The next token as written: a keyword or number, a name, a string, or one of `[ ] << >>`. */
  token(): string {
    this.skipSpace();
    const s = this.text;
    const start = this.at;
    const c = s[start];
    if (c === '(') {
      let depth = 0;
      for (let i = start; i < s.length; i++) {
        const d = s[i];
        if (d === '\\') i++;
        else if (d === '(') depth++;
        else if (d === ')' && --depth === 0) {
          this.at = i + 1;
          return s.slice(start, this.at);
        }
      }
      throw new PdfShapeError('unterminated string');
    }
    if (c === '<' || c === '>') {
      if (s[start + 1] === c) {
        this.at = start + 2;
        return c + c;
      }
      if (c === '>') throw new PdfShapeError(`stray ">" at byte ${start}`);
      const end = s.indexOf('>', start);
      if (end < 0) throw new PdfShapeError('unterminated hex string');
      this.at = end + 1;
      return s.slice(start, this.at);
    }
    if (c === '[' || c === ']' || c === '{' || c === '}') {
      this.at = start + 1;
      return c;
    }
    let i = c === '/' ? start + 1 : start;
    while (i < s.length && !WHITE[s.charCodeAt(i)] && !DELIMITER[s.charCodeAt(i)]) i++;
    if (i === start) throw new PdfShapeError(`unexpected "${c}" at byte ${start}`);
    this.at = i;
    return s.slice(start, i);
  }

  /** Past the next value without reading it: a dictionary or array to its end, strings skipped. */
  skipValue(): void {
    const s = this.text;
    const c0 = s[this.at];
    if (c0 !== '[' && !(c0 === '<' && s[this.at + 1] === '<')) {
      // One token, or `n g R`.
      const token = this.token();
      if (/^\d+$/.test(token)) {
        const ref = /^\s+\d+\s+R(?![^\s()<>[\]{}/%])/.exec(s.slice(this.at, this.at + 24));
        if (ref) this.at += ref[0].length;
      }
      return;
    }
    let depth = 0;
    let i = this.at;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 40 /* ( */) {
        for (let nest = 0; i < s.length; i++) {
          const d = s.charCodeAt(i);
          if (d === 92 /* \ */) i++;
          else if (d === 40) nest++;
          else if (d === 41 && --nest === 0) break;
        }
      } else if (c === 60 /* < */) {
        if (s.charCodeAt(i + 1) === 60) {
          depth++;
          i++;
        } else i = s.indexOf('>', i);
      } else if (c === 62 /* > */) {
        i++;
        if (--depth === 0) break;
      } else if (c === 91 /* [ */) depth++;
      else if (c === 93 /* ] */) {
        if (--depth === 0) break;
      } else if (c === 37 /* % */) {
        while (i < s.length && s.charCodeAt(i) !== 10 && s.charCodeAt(i) !== 13) i++;
      }
      if (i < 0) throw new PdfShapeError('unterminated hex string');
    }
    if (depth !== 0) throw new PdfShapeError('unterminated dictionary or array');
    this.at = i + 1;
  }

  value(): Value {
    const token = this.token();
    if (token === '<<') {
      const dict: Dict = new Map();
      for (;;) {
        const key = this.token();
        if (key === '>>') return dict;
        if (key[0] !== '/') throw new PdfShapeError(`dictionary key "${key.slice(0, 20)}" is not a name`);
        dict.set(key, this.value());
      }
    }
    if (token === '[') {
      const array: Value[] = [];
      for (;;) {
        this.skipSpace();
        if (this.text[this.at] === ']') {
          this.at++;
          return array;
        }
        array.push(this.value());
      }
    }
    // `n g R`: a reference — looked ahead for, as a number followed by another and R.
    if (isInteger(token)) {
      const save = this.at;
      this.skipSpace();
      if (isDigit(this.text.charCodeAt(this.at))) {
        const generation = this.token();
        this.skipSpace();
        if (isInteger(generation) && this.text[this.at] === 'R' && this.boundary(this.at + 1)) {
          this.at++;
          return new Ref(Number(token));
        }
      }
      this.at = save;
    }
    return token;
  }

  private boundary(i: number): boolean {
    const c = this.text.charCodeAt(i);
    return i >= this.text.length || WHITE[c] === 1 || DELIMITER[c] === 1;
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isInteger = (token: string) => /^\d+$/.test(token);

/** A value written out, each reference renumbered by `ref`. */
export function serialize(value: Value, ref: (n: number) => number): string {
  if (typeof value === 'string') return value;
  if (value instanceof Ref) return `${ref(value.n)} 0 R`;
  if (Array.isArray(value)) return `[${value.map((v) => serialize(v, ref)).join(' ')}]`;
  let out = '<<';
  for (const [k, v] of value) out += `${k} ${serialize(v, ref)}\n`;
  return out + '>>';
}

/** Every object number `value` refers to. */
export function* refsOf(value: Value): Generator<number> {
  if (value instanceof Ref) yield value.n;
  else if (Array.isArray(value)) for (const v of value) yield* refsOf(v);
  else if (value instanceof Map) for (const v of value.values()) yield* refsOf(v);
}

/** A PDF text string: UTF-16BE with its byte-order mark, as hex (any language, any character). */
export function pdfText(text: string): string {
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return hex + '>';
}

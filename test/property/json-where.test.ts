import fc from 'fast-check';
import { visit } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { lineColumn, locatorOf, offsetOf, whereIn } from '../../src/source/json-where.js';
import { parseJson, parseJsonBytes } from '../../src/source/json.js';
import { decodeText } from '../../src/source/read.js';

/**
 * The targeted locator (json-where.ts reads a text only as far as the pointers asked need)
 * against a full located parse: jsonc-parser's visitor recording where every value of the text
 * starts. Over generated valid documents laid out every way JSON allows — any whitespace between
 * tokens (CRLF too), a byte order mark, keys and strings holding quotes, backslashes, braces,
 * brackets, commas, colons, '~' and '/', non-ASCII and astral characters, written plainly or as
 * escapes — asked for every pointer of the document in a random order, and for places that are
 * not there, each answer is the full parse's.
 */
const RUNS = Number(process.env.PARSER_RUNS ?? 1500);

/** Where every value starts, by JSON pointer: the full located reading. */
function everyOffset(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const path: string[] = [];
  const index: number[] = []; // the next element's index in each open array; -1 in an object
  let key = '';
  const here = () => {
    const i = index[index.length - 1];
    if (i === undefined) return '';
    const segment = i === -1 ? key : String(i);
    if (i !== -1) index[index.length - 1]++;
    return segment;
  };
  const pointer = (segments: string[]) => segments.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
  const begin = (at: number, inArray: boolean) => {
    if (index.length) path.push(here());
    out.set(pointer(path), at);
    index.push(inArray ? 0 : -1);
  };
  const close = () => {
    index.pop();
    path.pop();
  };
  visit(text, {
    onObjectBegin: (at) => begin(at, false),
    onArrayBegin: (at) => begin(at, true),
    onObjectEnd: close,
    onArrayEnd: close,
    onObjectProperty: (name) => void (key = name),
    onLiteralValue: (_, at) => void out.set(pointer(index.length ? [...path, here()] : []), at),
  });
  return out;
}

// Characters that trouble a scanner that skips: structure inside strings, escapes, non-ASCII.
const char = fc.constantFrom('a', 'b', '"', '\\', '{', '}', '[', ']', ',', ':', '~', '/', ' ', '\n', '\t', '\u0001', '新', 'é', '\u2028', '\u202e', '😀', '0');
const str = fc.string({ unit: char, maxLength: 8 });
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const { value } = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false),
    fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x))),
    str,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.uniqueArray(fc.tuple(str, tie('value')), { maxLength: 6, selector: ([k]) => k }).map((entries) => {
      const o: { [k: string]: Json } = {};
      for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      return o;
    }),
  ),
}));

/** JSON text of a value, each choice (whitespace, which characters are escaped, how a number is written) taken from a stream. */
function layOut(v: Json, choices: number[]): string {
  let n = 0;
  const pick = () => choices[n++ % choices.length];
  // A third of the documents escape only what must be (JSON.stringify's way): read from their bytes.
  const plain = choices[0] % 3 === 0;
  const space = () => ['', '', ' ', '\n  ', '\r\n', '\t', ' \r\n\t '][pick() % 7];
  const quoted = (s: string) => {
    let out = '"';
    for (const c of s) {
      const escape = c < ' ' || (!plain && pick() % 4 === 0);
      if (c === '"' || c === '\\') out += '\\' + c;
      else if (!escape) out += c;
      else if (plain) out += JSON.stringify(c).slice(1, -1);
      else if (pick() % 3 === 0 && (c === '/' || c === '\n' || c === '\t')) out += c === '/' ? '\\/' : JSON.stringify(c).slice(1, -1);
      // An astral character as its surrogate pair, hex digits in either case.
      else for (const unit of c.length === 2 ? [c.charCodeAt(0), c.charCodeAt(1)] : [c.charCodeAt(0)]) out += '\\u' + (pick() % 2 ? unit.toString(16).toUpperCase() : unit.toString(16)).padStart(4, '0');
    }
    return out + '"';
  };
  const write = (x: Json): string => {
    if (x === null || typeof x === 'boolean') return String(x);
    if (typeof x === 'number') return pick() % 3 === 0 && /^-?\d+$/.test(String(x)) ? `${x}e0` : pick() % 5 === 0 ? String(x).toUpperCase() : String(x);
    if (typeof x === 'string') return quoted(x);
    if (Array.isArray(x)) return '[' + space() + x.map((e) => write(e) + space()).join(',' + space()) + ']';
    return '{' + space() + Object.keys(x).map((k) => quoted(k) + space() + ':' + space() + write(x[k]) + space()).join(',' + space()) + '}';
  };
  return (pick() % 6 === 0 ? '\ufeff' : '') + space() + write(v) + space();
}

const pointerOf = (segments: string[]) => segments.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');

describe('where a value stands in a JSON text, read as far as asked', () => {
  it(`answers as a full located parse on ${RUNS} generated documents, whatever the order of the questions`, () => {
    let deep = 0;
    fc.assert(
      fc.property(value, fc.array(fc.nat(1000), { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 60 }), (v, choices, order) => {
        const text = layOut(v, choices);
        expect(JSON.parse(text.replace(/^\ufeff/, ''))).toEqual(v);
        const full = everyOffset(text);
        const asked = [...full.keys()];
        // Shuffled by the order stream, with places that are not there among them.
        for (let i = asked.length - 1; i > 0; i--) {
          const j = (order[i % Math.max(1, order.length)] ?? 0) % (i + 1);
          [asked[i], asked[j]] = [asked[j], asked[i]];
        }
        for (const p of [...full.keys()]) asked.push(p + '/nowhere', p + '/0', p + '/01', p + '/-', p + '/');
        asked.push('/nowhere', '/0/x/1');
        const where = whereIn(text);
        for (const p of asked) expect(offsetOf(where, p), `${JSON.stringify(text)} at ${p}`).toBe(full.get(p));
        // Line and column too, the line starts found only as far as each question needs (in any order).
        const locate = locatorOf(() => text);
        for (const p of asked) {
          const at = full.get(p);
          expect(locate(p), `${JSON.stringify(text)} at ${p}`).toEqual(at === undefined ? undefined : lineColumn(text, at));
        }
        if (asked.some((p) => p.split('/').length > 3 && full.has(p))) deep++;
      }),
      { numRuns: RUNS },
    );
    expect(deep).toBeGreaterThan(RUNS / 20);
  });

  it(`answers from a file's bytes (read as Latin-1) as from its decoded text, line and column, on ${RUNS} generated documents`, () => {
    const limits = { maxBytes: 1e9, maxDepth: 64, maxAliases: 1, maxKeys: 100_000 };
    let fromBytes = 0;
    let pastAscii = 0;
    fc.assert(
      fc.property(value, fc.array(fc.nat(1000), { minLength: 1, maxLength: 40 }), (v, choices) => {
        const text = layOut(v, choices);
        const bytes = Buffer.from(text, 'utf8');
        const fast = parseJsonBytes(bytes, limits);
        if (!fast) return; // an escape or a BOM: the decoded text is read (and located) instead
        fromBytes++;
        if (/[^\x00-\x7f]/.test(text)) pastAscii++;
        const decoded = parseJson(decodeText(bytes, 'x.json'), 'x.json', limits);
        const asked = [...everyOffset(text).keys()];
        for (const p of [...asked].reverse()) asked.push(p + '/nowhere', p + '/0');
        for (const p of asked) expect(fast.locate(p), `${JSON.stringify(text)} at ${p}`).toEqual(decoded.locate(p));
      }),
      { numRuns: RUNS },
    );
    expect(fromBytes).toBeGreaterThan(RUNS / 10);
    expect(pastAscii).toBeGreaterThan(RUNS / 40);
  });

  it('finds a fact of a facts file however its strings and keys are written', () => {
    const text = '\ufeff{\r\n  "area": {"name": "a\\"}{[]\\\\"},\r\n  "facts": {\r\n    "x\\u0079": "}", "a~/b": [1, {"c\\"": 2}],\r\n    "\\\\": -1.5E+3, "新": true\r\n  }\r\n}\r\n';
    const where = whereIn(text);
    const at = (p: string) => offsetOf(where, p);
    expect(at('/facts/xy')).toBe(text.indexOf('"}"'));
    expect(at('/facts/a~0~1b/1/c"')).toBe(text.indexOf('2}'));
    expect(at('/facts/\\')).toBe(text.indexOf('-1.5'));
    expect(at('/facts/新')).toBe(text.indexOf('true'));
    expect(at('/area/name')).toBe(text.indexOf('"a\\"'));
    expect(at('/facts/y')).toBeUndefined();
    expect(at('/facts/a~0~1b/2')).toBeUndefined();
    expect(at('')).toBe(1);
  });

  it('gives line and column in UTF-16 units from the bytes, past Chinese and an astral character', () => {
    const parsed = parseJsonBytes(Buffer.from('{\n  "新😀": {"键": [1, "é", 2]}\n}'), { maxBytes: 1e6, maxDepth: 8, maxAliases: 1 })!;
    expect(parsed.locate('/新😀/键/2')).toEqual({ line: 2, column: 25 });
    expect(parsed.locate('/新😀/键/1')).toEqual({ line: 2, column: 20 });
    expect(parsed.locate('/新😀/x')).toBeUndefined();
  });

  it('gives line and column through parseJson, a line ending CRLF counted once', () => {
    const parsed = parseJson('{\r\n  "facts": {\r\n    "a": 1,\r\n    "b": [\r\n      2\r\n    ]\r\n  }\r\n}', 'x.json', { maxBytes: 1e6, maxDepth: 8, maxAliases: 1 });
    expect(parsed.locate('/facts/b/0')).toEqual({ line: 5, column: 7 });
    expect(parsed.locate('/facts/a')).toEqual({ line: 3, column: 10 });
    expect(parsed.locate('/facts')).toEqual({ line: 2, column: 12 });
  });
});

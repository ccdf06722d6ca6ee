import { isUtf8 } from 'node:buffer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { CONTROL_CHARACTER, scan } from '../../src/facts/control.js';
import { parseJson, parseJsonBytes, parseJsonStrict } from '../../src/source/json.js';
import { readFactsSource } from '../../src/facts/load.js';
import { decodeText, parseText, readDocument } from '../../src/source/read.js';
import type { Parsed } from '../../src/source/types.js';

/**
 * The strict JSON parser against JSON.parse, and both parsers against garbage. weibao parses JSON
 * itself (for positions and to refuse duplicate keys), so it must not drift from the standard:
 * what it accepts, JSON.parse accepts with the same value; what JSON.parse refuses, it refuses.
 * (It refuses more — duplicate keys, nesting past 64, numbers beyond a double — on purpose.)
 * And whatever the bytes, a parser fails only with InputError, which carries a line:column.
 */
// No time limit of their own: the config's (a hang detector) holds on a busy machine, where 3,000 runs
// have taken 18 s of wall time.
const RUNS = Number(process.env.PARSER_RUNS ?? 3000);

/** Mutations that break JSON in the ways people and tools do. */
const mutate = (text: string) =>
  fc.tuple(fc.nat({ max: Math.max(0, text.length) }), fc.constantFrom('', ',', '"', '{', '}', '[', ']', ':', '\\', '\n', '-', '0', 'e', '.', ' ', 'x', '\u0000', '\ufeff'), fc.boolean()).map(
    ([at, ch, replace]) => text.slice(0, at) + ch + text.slice(replace ? at + 1 : at),
  );

const jsonText = fc.json({ depthSize: 'small', noUnicodeString: false });
const candidate = fc.oneof(jsonText, jsonText.chain(mutate), jsonText.chain(mutate).chain(mutate));

function outcome(f: () => unknown): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: f() };
  } catch (error) {
    return { ok: false, error };
  }
}

describe('strict JSON parser', () => {
  it(`agrees with JSON.parse on ${RUNS} valid and broken texts`, () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(candidate, (text) => {
        const ours = outcome(() => parseText(text, 'json', 'x.json').value);
        const theirs = outcome(() => JSON.parse(text));
        if (ours.ok) {
          accepted++;
          expect(theirs.ok, text).toBe(true);
          expect(ours.value).toEqual((theirs as { value: unknown }).value);
        } else {
          refused++;
          expect(ours.error, text).toBeInstanceOf(InputError);
          const [problem] = (ours.error as InputError).problems;
          expect(problem.file).toBe('x.json');
          // Every refusal but "empty" says where.
          if (text.trim() !== '') expect(problem.line, text).toBeGreaterThanOrEqual(1);
        }
        if (!theirs.ok) expect(ours.ok, text).toBe(false);
      }),
      { numRuns: RUNS },
    );
    // Both branches must be exercised, or the property is empty.
    expect(accepted).toBeGreaterThan(RUNS / 10);
    expect(refused).toBeGreaterThan(RUNS / 10);
  });

  it('keeps __proto__ an own key, as JSON.parse does, and never sets a prototype', () => {
    const v = parseText('{"__proto__": {"polluted": 1}, "a": {"__proto__": []}}', 'json').value as Record<string, any>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__', 'a']);
    expect(v.polluted).toBeUndefined();
    expect(Array.isArray(Object.getPrototypeOf(v.a))).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('YAML parser', () => {
  it(`fails only with a located InputError on ${RUNS} random texts`, () => {
    const yamlish = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.array(fc.constantFrom('a: ', '- ', '&x ', '*x ', '[', ']', '{', '}', ', ', '"', "'", '\n', '  ', '? ', '!!str ', '!tag ', '---\n', '|\n', '#', '1', 'key'), { maxLength: 25 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(yamlish, (text) => {
        const ours = outcome(() => parseText(text, 'yaml', 'x.yaml'));
        if (!ours.ok) {
          expect(ours.error, text).toBeInstanceOf(InputError);
          expect((ours.error as InputError).problems[0].file).toBe('x.yaml');
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });
});

/** Every JSON pointer of a value, escaped (~0, ~1) as the reports build them. */
function pointersOf(v: unknown, at: string): string[] {
  if (v === null || typeof v !== 'object') return [at];
  const keys = Array.isArray(v) ? v.map((_, i) => String(i)) : Object.keys(v);
  return [at, ...keys.flatMap((k) => pointersOf((v as Record<string, unknown>)[k], `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`))];
}

describe('parseJson (JSON.parse where it may, the strict parser where it must)', () => {
  /** Texts with what JSON.parse takes silently and the strict parser refuses: repeated keys, huge numbers, deep nesting, colons and quotes in strings. */
  const key = fc.constantFrom('a', 'b', '__proto__', '0', '10', 'a/b', 'a~b', '\\u0061', 'a:b', 'q\\"', 'é');
  const scalar = fc.oneof(
    fc.json({ maxDepth: 0 }),
    fc.constantFrom('1e400', '-1e400', '-0', '1.5e308', '"a:b"', '"\\\\"', '"x\\":"', '":"'),
  );
  type Tree = string | Tree[] | { members: [string, Tree][] };
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
    t: fc.oneof(
      { depthSize: 'small' },
      scalar,
      fc.array(tie('t'), { maxLength: 3 }),
      fc.array(fc.tuple(key, tie('t')), { maxLength: 4 }).map((members) => ({ members })),
    ),
  })).t;
  const text = (t: Tree): string =>
    typeof t === 'string' ? t : Array.isArray(t) ? `[${t.map(text).join(', ')}]` : `{${t.members.map(([k, v]) => `"${k}": ${text(v)}`).join(',\n')}}`;
  const limits = { maxBytes: 1e9, maxDepth: 4, maxAliases: 100 };
  const shown = (f: () => { value: unknown; locate: (p: string) => unknown }) => {
    let p;
    try {
      p = f();
    } catch (e) {
      return { error: (e as Error).message, problems: (e as InputError).problems };
    }
    // The value first, on its own: a later question (locate) must not be what throws.
    const value = { value: p.value, json: JSON.stringify(p.value) };
    // Then where every value stands, and places that are not there.
    const at = Object.fromEntries([...pointersOf(p.value, ''), '/nowhere', '/0/x/1'].map((q) => [q, p.locate(q)]));
    return { ...value, at };
  };

  it(`answers as the strict parser alone, value, keys and errors, on ${RUNS} texts`, () => {
    let repeated = 0;
    fc.assert(
      fc.property(tree, fc.nat(60), fc.constantFrom('', 'x', ',', '}', '"', ':'), (t, cut, junk) => {
        const whole = text(t);
        for (const s of [whole, whole.slice(0, cut) + junk + whole.slice(cut)]) {
          const fast = shown(() => parseJson(s, 'x.json', limits));
          const strict = shown(() => {
            const { value, offset } = parseJsonStrict(s, 'x.json', limits);
            return {
              value,
              locate: (p: string) => {
                const at = offset(p);
                return at !== undefined ? { line: 1 + (s.slice(0, at).match(/\n/g)?.length ?? 0), column: at - s.lastIndexOf('\n', at - 1) } : undefined;
              },
            };
          });
          if ('error' in fast && /duplicate/.test(fast.error as string)) repeated++;
          expect(fast).toEqual(strict);
        }
      }),
      { numRuns: RUNS },
    );
    expect(repeated).toBeGreaterThan(0);
  });
});

describe('what the strict reading refuses, and where it says so', () => {
  const limits = { maxBytes: 1e9, maxDepth: 64, maxAliases: 100 };
  const refusal = (text: string) => {
    try {
      parseJson(text, 'x.json', limits);
    } catch (e) {
      const [p] = (e as InputError).problems;
      return { id: p.id, at: `${p.line}:${p.column}`, data: p.data };
    }
    return undefined;
  };
  it('says what closes a file that stops short, innermost first', () => {
    const hintOf = (text: string) => {
      try {
        parseJson(text, 'x.json', limits);
      } catch (e) {
        return (e as InputError).problems[0].hint;
      }
    };
    expect(hintOf('{"facts": {"a": [1, 2')).toEqual({ id: 'input.fix.truncated', data: { closers: '] } }' } });
    expect(hintOf('{\n')).toEqual({ id: 'input.fix.truncated', data: { closers: '}' } });
    expect(hintOf('[{"a": ')).toEqual({ id: 'input.fix.truncated', data: { closers: '} ]' } });
    // Nothing open: no such hint (a bare value cut short is another mistake).
    expect(hintOf('{"a": 1}}')?.id).not.toBe('input.fix.truncated');
  });
  it.each([
    // A key given twice: the second is refused, naming where the first stood.
    ['{\n  "a": 1,\n  "b": {"c": 1, "c": 2}\n}', 'input.json.duplicateKey', '3:17', { key: 'c', line: 3, column: 9 }],
    ['{"a": 1, "a": 1}', 'input.json.duplicateKey', '1:10', { key: 'a', line: 1, column: 2 }],
    // Numbers JSON.parse would change: Infinity, 0, the nearest double.
    ['{"n": 1e400}', 'input.json.numberTooLarge', '1:7', { text: '1e400' }],
    ['{"n": -1e400}', 'input.json.numberTooLarge', '1:7', { text: '-1e400' }],
    [`{"n": 1${'0'.repeat(400)}}`, 'input.json.numberTooLarge', '1:7', { text: `1${'0'.repeat(19)}…` }],
    ['{"n": 1e-400}', 'input.json.numberTooSmall', '1:7', { text: '1e-400' }],
    [`{"n": 0.${'0'.repeat(400)}1}`, 'input.json.numberTooSmall', '1:7', { text: `0.${'0'.repeat(18)}…` }],
    ['{"n": 9007199254740993}', 'input.json.unsafeInteger', '1:7', { text: '9007199254740993' }],
    ['[1, -123456789012345678901234567890]', 'input.json.unsafeInteger', '1:5', { text: '-1234567890123456789…' }],
    // Nesting: 64 levels are read, the 65th is refused where it starts.
    [`${'['.repeat(65)}1${']'.repeat(65)}`, 'input.tooDeep', '1:66', { max: 64 }],
    // What clerks type, named as such.
    ['{\n  // 备注\n  "a": 1\n}', 'input.json.comment', '2:3', undefined],
    ['{"a": 1 /* x */}', 'input.json.comment', '1:9', undefined],
    ['{\n  "a": [1, 2,],\n  "b": 1\n}', 'input.json.trailingComma', '2:13', undefined],
    ['{"a": 1,\n}', 'input.json.trailingComma', '1:8', undefined],
    ["{'a': 1}", 'input.json.singleQuote', '1:2', undefined],
    ['{"a"：1}', 'input.json.fullwidth', '1:5', { char: '：' }],
    ['{"a": 1，"b": 2}', 'input.json.fullwidth', '1:8', { char: '，' }],
    ['{"a": 新泾镇}', 'input.json.unexpected', '1:7', { found: '新', want: 'value' }],
    ['{"a": 1 "b": 2}', 'input.json.missingComma', '1:9', { found: '"', inArray: false }],
    ['{"a" 1}', 'input.json.unexpectedAfterKey', '1:6', { found: '1', key: 'a' }],
    ['{"a": "x\ny"}', 'input.json.controlInString', '1:9', undefined],
    ['{"a": "x\\q"}', 'input.json.invalidEscape', '1:9', undefined], // at the backslash, not the string's quote
    ['{"a": "xy', 'input.json.unterminatedString', '1:7', undefined],
    ['{"a": 1.}', 'input.json.unexpected', '1:8', { found: '.', want: 'commaBrace' }],
    ['{"a": truex}', 'input.json.unexpected', '1:11', { found: 'x', want: 'commaBrace' }],
    ['{"a": -}', 'input.json.unexpected', '1:7', { found: '-', want: 'number' }],
    ['{"a": 1} x', 'input.json.afterEnd', '1:10', { found: 'x' }],
    ['{"a": 1', 'input.json.unexpected', '1:8', { found: null, want: 'commaBrace' }],
  ])('%j → %s at %s', (text, id, at, data) => {
    expect(refusal(text)).toEqual({ id, at, data });
  });

  it('reads what JSON.parse reads the same, slow path included', () => {
    // 64 levels, a small number (JSON.parse's value is kept), 2^53 - 1, a lone surrogate (text
    // checks refuse it later, with the fact's name), an escaped key, __proto__.
    for (const text of [`${'['.repeat(64)}1${']'.repeat(64)}`, '{"n": 1e-300, "m": 5e-324}', '{"n": 9007199254740991, "m": -0}', '{"s": "\\ud800"}', '{"\\u0061": 1, "a~/b": [true, null]}', '{"__proto__": 1}']) {
      const parsed = parseJson(text, 'x.json', limits);
      expect(parsed.value, text).toEqual(JSON.parse(text));
      const { value } = parseJsonStrict(text, 'x.json', limits);
      expect(value, text).toEqual(JSON.parse(text));
    }
    const located = parseJson('{\n  "a~/b": [true,\n    {"c": 1e-300}]\n}', 'x.json', limits);
    expect(located.locate('/a~0~1b/1/c')).toEqual({ line: 3, column: 11 });
    expect(located.locate('/a~0~1b/01')).toBeUndefined();
    expect(located.locate('/a~0~1b/2')).toBeUndefined();
  });
});

describe('a JSON file read from its bytes (Latin-1, its non-ASCII text decoded after JSON.parse) answers as its decoded text', () => {
  const limits = { maxBytes: 1e9, maxDepth: 8, maxAliases: 100, maxKeys: 100_000 };
  // Non-ASCII wherever a key or string stands, control characters past ASCII (C1, line separator,
  // bidi), an emoji (a surrogate pair), escapes (which send the file the decoded way), __proto__.
  // Escapes too: a control character (\\n, \\u0085, a lone \\ud800), none (\\t, an escaped backslash before
  // an n, an escaped pair of surrogates).
  const word = fc.constantFrom('a', '新泾镇', 'é', '\u00a0', '\u0085', '\u2028', 'a\u202eb', '😀', '__proto__', '0', '\\u00e9', '\\n', 'x:y', '\u007f', '合成街道0001（虚构）', '\\\\n', '\\t', '\\u0085', '\\ud800', '\\udc00x', '\\ud83d\\ude00', '\u061c', '\u2066', '\u200f');
  const key = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(''));
  type Tree = string | Tree[] | { members: [string, Tree][] };
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
    t: fc.oneof(
      { depthSize: 'small' },
      fc.oneof(key.map((k) => `"${k}"`), fc.constantFrom('1', '-0', '1e400', '2.5', 'true', 'null', '9007199254740993')),
      fc.array(tie('t'), { maxLength: 3 }),
      fc.array(fc.tuple(key, tie('t')), { maxLength: 4 }).map((members) => ({ members })),
    ),
  })).t;
  const text = (t: Tree): string => (typeof t === 'string' ? t : Array.isArray(t) ? `[${t.map(text).join(', ')}]` : `{${t.members.map(([k, v]) => `"${k}": ${text(v)}`).join(',\n')}}`);
  const read = (f: () => Parsed) => {
    try {
      const p = f();
      // Keys in order, own "__proto__" kept as a key (never a prototype), the value, and what the reader says of its text.
      const shape = (v: unknown): unknown => (v && typeof v === 'object' ? [Object.getPrototypeOf(v) === (Array.isArray(v) ? Array.prototype : Object.prototype), Object.keys(v).map((k) => [k, shape((v as Record<string, unknown>)[k])])] : v);
      return { shape: shape(p.value), textClean: p.textClean, at: p.locate('/0') ?? p.locate('') };
    } catch (e) {
      return { error: (e as InputError).problems };
    }
  };

  // The reader's listing (Parsed.listed, which validation reads instead of listing again) is what
  // Object.keys says of each object it names, with the value each key holds, and it names only
  // objects under the top level.
  const listedRight = (p: Parsed, s: string) => {
    const v = p.value;
    const under = v && typeof v === 'object' ? Object.values(v) : [];
    for (const [o, { keys, values }] of p.listed ?? []) {
      expect(under.includes(o), s).toBe(true);
      expect(keys, s).toEqual(Object.keys(o));
      expect(values.length, s).toBe(keys.length);
      keys.forEach((k, i) => expect(values[i], s).toBe((o as Record<string, unknown>)[k]));
    }
  };

  it(`on ${RUNS} texts, valid and not`, () => {
    let fromBytes = 0;
    fc.assert(
      // Bytes that aren't UTF-8 too (a byte no character starts with, a sequence cut short, an
      // encoded surrogate), put anywhere: in a key or string (the only place JSON.parse lets a byte
      // past ASCII stand, where the reader asks each as it decodes it), inside a character, between tokens.
      fc.property(tree, fc.nat(80), fc.constantFrom('', 'x', ',', '"', '\ufeff'), fc.constantFrom([0xff], [0xc3], [0xe6, 0x96], [0xed, 0xa0, 0x80], [0x80]), (t, cut, junk, bad) => {
        const whole = text(t);
        const inBytes = (b: Buffer) => Buffer.concat([b.subarray(0, cut), Buffer.from(bad), b.subarray(cut)]);
        for (const bytes of [whole, whole.slice(0, cut) + junk + whole.slice(cut), '\ufeff' + whole].map((x) => Buffer.from(x, 'utf8')).concat(inBytes(Buffer.from(whole, 'utf8')))) {
          const s = bytes.toString('latin1');
          const fast = parseJsonBytes(bytes, limits);
          if (fast) fromBytes++;
          let value: unknown;
          const ours = read(() => {
            const p = fast ?? parseJson(decodeText(bytes, 'x.json'), 'x.json', limits);
            value = p.value;
            return p;
          });
          expect(ours, s).toEqual(read(() => parseJson(decodeText(bytes, 'x.json'), 'x.json', limits)));
          // textClean, where set, is what validation's own scan would find.
          if ('shape' in ours && ours.textClean !== undefined) expect(ours.textClean, s).toBe((scan(value) & CONTROL_CHARACTER) === 0);
          if (fast) listedRight(fast, s);
        }
      }),
      { numRuns: RUNS },
    );
    expect(fromBytes).toBeGreaterThan(RUNS / 10);
  });

  it('lists the keys and values of the objects under the top level for validation, in their order, and only where the reading goes straight to it', () => {
    const bytes = Buffer.from('{"facts": {"b": 1, "a": "新", "__proto__": 2}, "evidence": {"a": ["证据/甲.pdf"]}, "area": {"name": "新泾镇"}, "period": "2023"}');
    const p = parseJsonBytes(bytes, limits)!;
    const v = p.value as Record<string, object>;
    expect([...p.listed!.keys()]).toEqual([v.facts, v.evidence, v.area]);
    expect(p.listed!.get(v.facts)).toEqual({ keys: ['b', 'a', '__proto__'], values: [1, '新', 2] });
    listedRight(p, '');
    // An object whose keys were decoded is a new object: not listed (validation lists it itself).
    const q = parseJsonBytes(Buffer.from('{"facts": {"键": 1}}'), limits)!;
    expect(q.listed!.size).toBe(0);
    // A library caller's reading may be changed before it is validated: it carries no list.
    const dir = mkdtempSync(join(tmpdir(), 'weibao-listed-'));
    try {
      writeFileSync(join(dir, 'facts.json'), bytes);
      expect(readDocument(join(dir, 'facts.json')).listed).toBeUndefined();
      expect(parseText(bytes.toString('utf8'), 'json').listed).toBeUndefined();
      expect(readFactsSource(join(dir, 'facts.json')).parsed.listed).toBeDefined();
      expect(readFactsSource(dir).parsed.listed).toBeDefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rebuilds an object whose keys are decoded in the same order, __proto__ an own key', () => {
    const p = parseJsonBytes(Buffer.from('{"2": 0, "新": {"__proto__": {"x": 1}, "键": "值"}, "1": ["é", {"a": "b"}]}'), limits)!;
    expect(p.textClean).toBe(true);
    const v = p.value as Record<string, any>;
    expect(Object.keys(v)).toEqual(['1', '2', '新']);
    expect(Object.keys(v['新'])).toEqual(['__proto__', '键']);
    expect(Object.getPrototypeOf(v['新'])).toBe(Object.prototype);
    expect(v['新']['键']).toBe('值');
    expect(v['1']).toEqual(['é', { a: 'b' }]);
    expect(parseJsonBytes(Buffer.from('{"a": "x\u2028y"}'), limits)!.textClean).toBe(false);
    // An escape may stand for a character past ASCII: read from the decoded text instead.
    expect(parseJsonBytes(Buffer.from('{"a": "\\u00e9"}'), limits)).toBeUndefined();
    expect(parseJsonBytes(Buffer.from([0x7b, 0x22, 0xc0, 0x22, 0x3a, 0x31, 0x7d]), limits)).toBeUndefined();
  });

  it('says a text holds no control character only where none is there, escapes read as JSON.parse reads them', () => {
    const clean = (s: string) => (parseJsonBytes(Buffer.from(s), limits) ?? parseJson(s, 'x.json', limits)).textClean;
    // An escaped backslash before an n is a backslash and an n; \t and an escaped pair are text.
    for (const s of ['{"a": "C:\\\\new"}', '{"a": "x\\ty"}', '{"a": "\\ud83d\\ude00"}', '{"\\u00e9": "\\u65b0"}', '{"a": "·—“”"}']) expect(clean(s), s).toBe(true);
    for (const s of ['{"a": "x\\ny"}', '{"a\\r": 1}', '{"a": "\\b"}', '{"a": "\\f"}', '{"a": "\\u0000"}', '{"a": "\\u001b[2J"}', '{"a": "\\u2028"}', '{"a": "\\ud800"}', '{"a": "\\udc00\\ud800"}', '{"a": "\\\\\\n"}', '{"a": "\u0085"}', '{"a": "\u202e"}', '{"a": "\u061c"}', '{"a": "\u2069"}', '{"a": "\u200e"}', '{"a": "\u007f"}']) {
      expect(clean(s), s).toBe(false);
    }
  });

  it('decodes every string right when many look alike (the decoded strings are kept by a hash of a few characters)', () => {
    // Same length, same characters where the hash looks, different elsewhere: one bucket, over its bound.
    const names = Array.from({ length: 300 }, (_, i) => `街道${String(i).padStart(3, '0')}号（虚构）x`);
    const text = JSON.stringify({ a: names, b: names.slice().reverse(), [names[7]]: names[8] });
    for (let round = 0; round < 2; round++) expect(parseJsonBytes(Buffer.from(text), limits)!.value).toEqual(JSON.parse(text));
  });

  it('reads each file of a batch as itself, whose nth string or key is the one before it but for a character or a byte', () => {
    const file = (path: string, key = '路径') => Buffer.from(`{"${key}": ["evidence/会议纪要/${path}.pdf", "x"], "b": "名"}`);
    const files = [
      file('a'),
      file('a\u0085'),
      file('a\u202e'),
      Buffer.concat([file('a').subarray(0, 30), Buffer.from([0xff]), file('a').subarray(31)]),
      file('a', 'ab'),
      file('a', '路\u2028'),
      file('a', 'a\u007f'),
      file('é'),
    ];
    for (let round = 0; round < 3; round++) {
      for (const bytes of files) {
        const fast = parseJsonBytes(bytes, limits);
        if (!isUtf8(bytes)) {
          expect(fast).toBeUndefined();
          continue;
        }
        const value = JSON.parse(bytes.toString('utf8'));
        expect(fast!.value).toEqual(value);
        expect(fast!.textClean).toBe((scan(value) & CONTROL_CHARACTER) === 0);
      }
    }
  });

  it('reads ASCII strings and keys kept beside decoded ones, and strings too long to keep, as JSON.parse does', () => {
    // ASCII strings are kept too (as themselves), beside Latin-1 readings of UTF-8 of the same
    // length (é is two bytes); a string past the length kept is decoded each time.
    const ascii = Array.from({ length: 200 }, (_, i) => `p${String(i).padStart(3, '0')}yzq`);
    const other = ascii.map((s) => s.replace('yz', 'é'));
    const long = '路径/'.repeat(200);
    const text = JSON.stringify({ a: ascii, b: other, c: [long, long + 'x', 'x'.repeat(300)], [long]: { [ascii[3]]: other[3], [other[4]]: ascii[4] } });
    for (let round = 0; round < 3; round++) expect(parseJsonBytes(Buffer.from(text), limits)!.value).toEqual(JSON.parse(text));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseJson, parseJsonStrict } from '../../src/source/json.js';
import { parseText } from '../../src/source/read.js';

/**
 * The strict JSON parser against JSON.parse, and both parsers against garbage. weibao parses JSON
 * itself (for positions and to refuse duplicate keys), so it must not drift from the standard:
 * what it accepts, JSON.parse accepts with the same value; what JSON.parse refuses, it refuses.
 * (It refuses more — duplicate keys, nesting past 64, numbers beyond a double — on purpose.)
 * And whatever the bytes, a parser fails only with InputError, which carries a line:column.
 */
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
  }, 5000 + RUNS / 5);

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
  }, 5000 + RUNS / 5);
});

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
    return { ...value, at: p.locate('') };
  };

  it(`answers as the strict parser alone, value, keys and errors, on ${RUNS} texts`, () => {
    let repeated = 0;
    fc.assert(
      fc.property(tree, fc.nat(60), fc.constantFrom('', 'x', ',', '}', '"', ':'), (t, cut, junk) => {
        const whole = text(t);
        for (const s of [whole, whole.slice(0, cut) + junk + whole.slice(cut)]) {
          const fast = shown(() => parseJson(s, 'x.json', limits));
          const strict = shown(() => {
            const { value, offsets } = parseJsonStrict(s, 'x.json', limits);
            return { value, locate: (p: string) => (offsets.has(p) ? { line: 1 + (s.slice(0, offsets.get(p)).match(/\n/g)?.length ?? 0), column: offsets.get(p)! - s.lastIndexOf('\n', offsets.get(p)! - 1) } : undefined) };
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

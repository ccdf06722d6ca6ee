import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FORMAT_NAMES, formatOf } from '../../src/report/formats.js';
import { sharedVocabulary } from '../../src/standard/vocabulary.js';

/**
 * Random facts files — right and wrong shapes, huge and tiny numbers, deep nesting, prototype
 * keys, duplicate keys — written to temporary files (as JSON, and the same text as YAML) and run
 * through the CLI's entry point `main()` in-process, with every report format. The properties:
 * main never throws, always ends in 0–3 (never 4 or 70), never prints an internal error, and
 * leaves Object.prototype as it found it.
 */
const TINY = fileURLToPath(new URL('../hostile/tiny-standard.yaml', import.meta.url));
const RUNS = Number(process.env.FACTS_RUNS ?? 600);
const tmp = mkdtempSync(join(tmpdir(), 'weibao-facts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A JSON document as a tree of entries, so keys like __proto__ and duplicates survive to the text. */
type Doc = { t: 'obj'; e: [string, Doc][] } | { t: 'arr'; v: Doc[] } | { t: 'raw'; v: unknown };

function text(d: Doc): string {
  if (d.t === 'obj') return `{${d.e.map(([k, v]) => `${JSON.stringify(k)}: ${text(v)}`).join(', ')}}`;
  if (d.t === 'arr') return `[${d.v.map(text).join(', ')}]`;
  return JSON.stringify(d.v) ?? 'null';
}

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'polluted'];
const TINY_FACTS = ['tiny_meetings_per_year', 'tiny_child_directors', 'tiny_plan_date', 'tiny_funding'];
const SOME_SHARED = Object.keys(sharedVocabulary()).slice(0, 40);

const raw = (v: unknown): Doc => ({ t: 'raw', v });
const number = fc.oneof(
  fc.integer({ min: -3, max: 100 }),
  fc.constantFrom(0, -0, 1.5, -1, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, 2 ** 53),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const string = fc.oneof(
  fc.constantFrom('2', '2023-02-01', '2023-02-30', '', 'true', 'null', '1e3', '__proto__', '长宁', '\u0000', '\ud800', 'x'.repeat(5000)),
  fc.string({ maxLength: 20 }),
);
const scalar = fc.oneof(number.map(raw), string.map(raw), fc.boolean().map(raw), fc.constant(raw(null)));
const key = fc.oneof(fc.constantFrom(...PROTO_KEYS, ...TINY_FACTS, ...SOME_SHARED), fc.string({ maxLength: 12 }));

const value: fc.Arbitrary<Doc> = fc.letrec<{ v: Doc }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('v'), { maxLength: 3 }).map((v): Doc => ({ t: 'arr', v })),
    fc.array(fc.tuple(key, tie('v')), { maxLength: 3 }).map((e): Doc => ({ t: 'obj', e })),
  ),
})).v;

/** Nesting around the 64-level limit, on either side of it. */
const deep = fc.integer({ min: 60, max: 70 }).map((n) => {
  let d: Doc = raw(1);
  for (let i = 0; i < n; i++) d = i % 2 ? { t: 'arr', v: [d] } : { t: 'obj', e: [['k', d]] };
  return d;
});

/** Facts of the tiny standard, mostly well typed, sometimes not, plus strangers. */
const facts = fc
  .tuple(
    fc.record({
      tiny_meetings_per_year: fc.oneof(fc.integer({ min: 0, max: 9 }).map(raw), value),
      tiny_child_directors: fc.oneof(fc.integer({ min: 0, max: 9 }).map(raw), value),
      tiny_plan_date: fc.oneof(fc.constant(raw('2023-02-01')), value),
      tiny_funding: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }).map(raw), value),
    }, { requiredKeys: [] }),
    fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, fc.array(fc.tuple(key, fc.oneof(value, deep)), { minLength: 1, maxLength: 4 })),
  )
  .map(([known, extra]): Doc => ({ t: 'obj', e: [...(Object.entries(known) as [string, Doc][]), ...extra] }));

const envelope = fc
  .record({
    // Mostly well formed around the facts, so that most files get as far as being assessed.
    standard: fc.oneof({ weight: 6, arbitrary: fc.constant('changning-demo-street@2023') }, fc.constantFrom('tiny-hostile@1', 'nowhere@1', '../../etc/passwd', 5)),
    area: fc.oneof({ weight: 6, arbitrary: fc.constant({ t: 'obj', e: [['name', raw('测试街道')]] } as Doc) }, value),
    period: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(raw('2023'), raw(2023)) }, value),
    facts: fc.oneof({ weight: 6, arbitrary: facts }, value),
    evidence: fc.oneof({ weight: 6, arbitrary: fc.constant({ t: 'obj', e: [] } as Doc) }, value),
  }, { requiredKeys: ['facts'] })
  .chain((env) =>
    fc.tuple(fc.constant(env), fc.oneof({ weight: 6, arbitrary: fc.constant([]) }, fc.array(fc.tuple(fc.constantFrom(...PROTO_KEYS), value), { minLength: 1, maxLength: 2 }))).map(([e, extra]): Doc => ({
      t: 'obj',
      e: [...(Object.entries(e).map(([k, v]) => [k, typeof v === 'object' && v && 't' in v ? v : raw(v)]) as [string, Doc][]), ...extra],
    })),
  );

const document = fc.oneof({ weight: 10, arbitrary: envelope }, value, deep);

function fakeIo() {
  const out = { stdout: '', stderr: '' };
  const stream = (k: 'stdout' | 'stderr') => ({ write: (s: string) => ((out[k] += s), true), isTTY: false, columns: 100 }) as unknown as NodeJS.WriteStream;
  return { out, io: { stdout: stream('stdout'), stderr: stream('stderr') } };
}

describe('random facts files through main()', () => {
  it(`${RUNS} runs: no throw, exit 0–3, no internal error, no pollution`, async () => {
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const codes = new Map<number, number>();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        document,
        fc.constantFrom('json', 'yaml'),
        fc.constantFrom(...FORMAT_NAMES.filter((f) => !formatOf(f)!.binary)), // binary formats need --output
        fc.constantFrom('zh', 'en'),
        fc.constantFrom('tiny', 'own', 'changning'),
        async (doc, syntax, format, lang, which) => {
          const file = join(tmp, `f${n++}.${syntax}`);
          writeFileSync(file, text(doc));
          const standard = which === 'tiny' ? ['--standard', TINY] : which === 'changning' ? ['--standard', 'changning-demo-street@2023'] : [];
          const { out, io } = fakeIo();
          let code: number | undefined;
          await expect((async () => (code = await main(['node', 'assess', file, ...standard, '--format', format, '--lang', lang], io)))()).resolves.not.toThrow();
          expect(out.stderr).not.toMatch(/internal error/);
          expect([0, 1, 2, 3], out.stderr).toContain(code);
          codes.set(code!, (codes.get(code!) ?? 0) + 1);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
        },
      ),
      { numRuns: RUNS },
    );
    // Both sides of the line must be reached, or the property proves little: some files are
    // assessed (0–2) and some refused (3).
    expect((codes.get(0) ?? 0) + (codes.get(1) ?? 0) + (codes.get(2) ?? 0)).toBeGreaterThan(RUNS / 20);
    expect(codes.get(3) ?? 0).toBeGreaterThan(RUNS / 20);
  }, 120_000);
});

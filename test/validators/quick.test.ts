import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFactsValidator } from '../../src/facts/validate.js';
import { CONTROL_CHARACTER, scan } from '../../src/facts/control.js';
import { isCalendarDate } from '../../src/facts/diagnose.js';
import { quickValid } from '../../src/facts/quick-valid.js';
import { sharedVocabulary } from '../../src/standard/vocabulary.js';
import { parseJsonBytes } from '../../src/source/json.js';
import { readDocument } from '../../src/source/read.js';
import { DEFAULT_LIMITS } from '../../src/source/types.js';
import type { Vocabulary } from '../../src/standard/types.js';

/**
 * quickValid lets a facts file skip ajv only when ajv would find nothing wrong with it: whenever
 * it says true, ajv must say valid (and it must say true for the usual valid file, or it saves
 * nothing).
 */
const vocabulary = sharedVocabulary();
const ajv = compileFactsValidator(vocabulary);

function documents(dir: string): unknown[] {
  const out: unknown[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) out.push(...documents(p));
    else if (st.isFile() && /\.(json|ya?ml)$/i.test(name)) {
      try {
        out.push(readDocument(p).value);
      } catch {
        // unreadable on purpose
      }
    }
  }
  return out;
}

/**
 * Whenever quickValid says true: ajv finds the file valid, and nothing else validateFacts looks
 * for is there (it skips those walks for such a file) — no control character or non-finite
 * number (scan), no fact name outside the vocabulary, no date that is not a day of the calendar.
 */
const sound = (value: unknown) => {
  if (!quickValid(value, vocabulary)) return;
  const shown = JSON.stringify(value)?.slice(0, 300);
  expect(ajv(value), shown).toBe(true);
  expect(scan(value), shown).toBe(0);
  const facts = (value as { facts: Record<string, unknown> }).facts;
  for (const name of Object.keys(facts)) {
    expect(Object.prototype.hasOwnProperty.call(vocabulary, name), shown).toBe(true);
    if (vocabulary[name].type === 'date' && typeof facts[name] === 'string') expect(isCalendarDate(facts[name] as string), shown).toBe(true);
  }
};

describe('quickValid', () => {
  it('says true for the valid fixtures', { timeout: 300_000 }, () => {
    for (const f of ['fixtures/changning-compliant.json', 'fixtures/changning-failing.json', 'fixtures/yangshi-compliant.json', 'fixtures/packs/a-clean/facts.json']) {
      expect(quickValid(readDocument(f).value, vocabulary), f).toBe(true);
    }
  });

  it('never says true where ajv finds a problem: the repository and the hostile corpus', { timeout: 300_000 }, () => {
    for (const value of [...documents('fixtures'), ...documents('test/hostile')]) sound(value);
  });

  it('never says true where ajv finds a problem: every fact given odd values', { timeout: 300_000 }, () => {
    const odd = ['2', -1, 1.5, 0, 3, 1e9, -0, null, true, false, '', 'x', '2023-02-30', '2023-01-01', '2023-1-1', [], {}, [1], Infinity, NaN, undefined, 'a\u202eb', 'a\rb', '\ud800', '\udc00x', 'ok\ud83d\ude00', '\u2028', '\u0000'];
    for (const name of Object.keys(vocabulary)) for (const v of odd) sound({ facts: { [name]: v } });
    const evidence = [[], [''], ['a'], [{ path: 'a' }], [{ path: '' }], [{ sha256: 'a'.repeat(64) }], [{ path: 'a', sha256: 'A'.repeat(64) }], [{ path: 'a', sha256: 'g'.repeat(64) }], [{ path: 'a', x: 1 }], [3], [null], 'a', null];
    for (const e of evidence) sound({ facts: {}, evidence: { f: e } });
    // Control characters wherever text stands; a name the vocabulary doesn't have; NaN in a comment.
    const bad = ['a\u202eb', 'x\u001b[2J', '\ud800', 'line\u2028break'];
    for (const b of bad) {
      for (const f of [{ facts: { [b]: 1 } }, { facts: {}, evidence: { [b]: ['a'] } }, { facts: {}, evidence: { f: [b] } }, { facts: {}, evidence: { f: [{ path: b }] } }, { facts: {}, area: { name: b } }, { facts: {}, area: { code: b } }, { facts: {}, standard: b }, { facts: {}, period: b }, { facts: {}, $comment: { [b]: 'x' } }, { facts: {}, $comment: b }]) {
        expect(quickValid(f, vocabulary), JSON.stringify(f)).toBe(false);
        sound(f);
      }
    }
    for (const f of [{ facts: { unknown_fact: 1 } }, { facts: {}, $comment: { a: NaN } }, { facts: {}, $comment: [Infinity] }]) expect(quickValid(f, vocabulary), String(f)).toBe(false);
    expect(quickValid({ facts: {}, $comment: { '': '说明', a: ['ok'] }, evidence: { unknown_fact: ['a.pdf'] } }, vocabulary)).toBe(true);
    for (const top of [{}, { facts: null }, { facts: [] }, { facts: {}, area: { name: 1 } }, { facts: {}, area: { x: 'a' } }, { facts: {}, area: null }, { facts: {}, period: 1.5 }, { facts: {}, period: 2023 }, { facts: {}, period: true }, { facts: {}, standard: 1 }, { facts: {}, $schema: 'x' }, { facts: {}, other: 1 }]) sound(top);
  });

  it('never says true where ajv finds a problem: random files', { timeout: 300_000 }, () => {
    const names = Object.keys(vocabulary) as (keyof Vocabulary)[];
    const value = fc.oneof(fc.constantFrom(null, true, false, 0, -1, 1.5, 2, 1e9, '', 'x', '2023-01-01', '2023-13-01'), fc.jsonValue({ maxDepth: 1 }));
    const file = fc.record(
      {
        facts: fc.dictionary(fc.constantFrom(...names, 'unknown_fact', '__proto__'), value),
        evidence: fc.dictionary(fc.constantFrom(...names), fc.array(fc.oneof(fc.string(), fc.record({ path: fc.string(), sha256: fc.constantFrom('a'.repeat(64), 'z', 'F'.repeat(64)) }, { requiredKeys: [] }), value))),
        // Valid names and periods among the random ones, so some files pass and the property is not vacuous.
        area: fc.oneof(fc.record({ name: fc.oneof(fc.constantFrom('新泾镇', '江苏路街道'), fc.string(), fc.constant(null)) }, { requiredKeys: [] }), value),
        period: fc.oneof(fc.constantFrom('2023', '2023-Q2', '2023-05'), value),
        standard: value,
      },
      { requiredKeys: [] },
    );
    let trues = 0;
    fc.assert(
      fc.property(file, (f) => {
        if (quickValid(f, vocabulary)) trues++;
        sound(f);
      }),
      // Seeded: the check below that some random files pass must not depend on the draw.
      { numRuns: 3000, seed: 20231130 },
    );
    expect(trues).toBeGreaterThan(0);
  });
});

/**
 * textClean: the reader says it looked at every key and string and found no control character
 * (the JSON reader's walk does), so quickValid does not look again; false (YAML, a workbook, a
 * caller that doesn't know) and quickValid looks itself. Either way every other check holds.
 */
describe('quickValid(value, vocabulary, textClean)', () => {
  const base = () => structuredClone(readDocument('fixtures/packs/a-clean/facts.json').value) as Record<string, any>;
  const firstEvidence = (f: Record<string, any>) => Object.keys(f.evidence)[0];
  // A control character (ESC, CR, a bidi override, a line separator, a lone surrogate, NUL) in each place text stands.
  const CONTROLS = ['\u001b[2J', '\r', '\u202e', '\u2028', '\ud800', '\u0000'];
  const places: [string, (f: Record<string, any>, c: string) => void][] = [
    ['area.name', (f, c) => (f.area = { ...f.area, name: `新泾镇${c}` })],
    ['area.code', (f, c) => (f.area = { ...f.area, code: `310105${c}` })],
    ['standard', (f, c) => (f.standard = `changning-demo-street@2023${c}`)],
    ['period', (f, c) => (f.period = `2023${c}`)],
    ['$schema', (f, c) => (f.$schema = `./facts.schema.json${c}`)],
    ['$comment', (f, c) => (f.$comment = `说明${c}`)],
    ['an evidence file', (f, c) => (f.evidence[firstEvidence(f)] = [`evidence/a${c}.pdf`])],
    ['an evidence path', (f, c) => (f.evidence[firstEvidence(f)] = [{ path: `evidence/a${c}.pdf` }])],
    ['an evidence key no fact has', (f, c) => (f.evidence[`x${c}`] = ['evidence/a.pdf'])],
  ];

  it('a clean valid file is vouched for either way', () => {
    const f = base();
    expect(quickValid(f, vocabulary, false)).toBe(true);
    expect(quickValid(f, vocabulary, true)).toBe(true);
    for (const [, put] of places) {
      const g = base();
      put(g, '');
      expect(quickValid(g, vocabulary, false)).toBe(true);
    }
  });

  it.each(places)('textClean false: a control character in %s is caught', (_, put) => {
    for (const c of CONTROLS) {
      const f = base();
      put(f, c);
      expect(quickValid(f, vocabulary, false), JSON.stringify(c)).toBe(false);
      expect(quickValid(f, vocabulary), JSON.stringify(c)).toBe(false); // false is the default
      sound(f);
    }
  });

  it('textClean true: the text is not looked at again (the reader did), and nothing else is skipped', () => {
    const f = base();
    f.area = { ...f.area, name: '新泾镇\u001b[2J' };
    expect(quickValid(f, vocabulary, true)).toBe(true);
    // What is not text is checked as ever: a fact's value, a name the vocabulary lacks, a digest,
    // a number that isn't finite in an aside, a key the envelope doesn't have, no facts at all.
    const fact = Object.keys(base().facts).find((n) => vocabulary[n].type === 'integer')!;
    const broken: Record<string, any>[] = [
      { ...base(), facts: { ...base().facts, [fact]: -1 } },
      { ...base(), facts: { ...base().facts, [fact]: '3' } },
      { ...base(), facts: { ...base().facts, unknown_fact: 1 } },
      { ...base(), evidence: { [fact]: [{ path: 'a.pdf', sha256: 'z' }] } },
      { ...base(), evidence: { [fact]: [''] } },
      { ...base(), $comment: { a: NaN } },
      { ...base(), area: { name: 1 } },
      { ...base(), period: 1.5 },
      { ...base(), other: 1 },
      { area: { name: '新泾镇' } },
    ];
    for (const g of broken) expect(quickValid(g, vocabulary, true), JSON.stringify(g).slice(0, 200)).toBe(false);
  });

  it('textClean true says what false says wherever the text is clean (random files)', () => {
    const names = Object.keys(vocabulary);
    const text = fc.oneof(fc.constantFrom('新泾镇', '2023', 'evidence/a.pdf', ''), fc.string());
    const file = fc.record(
      {
        facts: fc.dictionary(fc.constantFrom(...names, 'unknown_fact'), fc.oneof(fc.constantFrom(null, true, 0, 2, -1, 1.5, 'x'), fc.integer())),
        evidence: fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string()), fc.array(fc.oneof(text, fc.record({ path: text }, { requiredKeys: [] })))),
        area: fc.record({ name: text, code: text }, { requiredKeys: [] }),
        period: fc.oneof(text, fc.constantFrom(2023, 1.5)),
        standard: text,
      },
      { requiredKeys: ['facts'] },
    );
    let trues = 0;
    fc.assert(
      fc.property(file, (f) => {
        const clean = (scan(f) & CONTROL_CHARACTER) === 0;
        const loose = quickValid(f, vocabulary, true);
        if (clean) expect(loose).toBe(quickValid(f, vocabulary, false));
        else expect(quickValid(f, vocabulary, false)).toBe(false);
        if (clean && loose) trues++;
      }),
      { numRuns: 2000, seed: 20261201 },
    );
    expect(trues).toBeGreaterThan(0);
  });

  it("says with the reader's listing of keys and values (Parsed.listed) what it says listing them itself (random files)", () => {
    const names = Object.keys(vocabulary);
    const text = fc.oneof(fc.constantFrom('新泾镇', '2023', 'evidence/a.pdf', '证据/甲.pdf', ''), fc.string());
    const file = fc.record(
      {
        facts: fc.dictionary(fc.constantFrom(...names, 'unknown_fact', '__proto__', '键'), fc.oneof(fc.constantFrom(null, true, 0, 2, -1, 1.5, 'x'), fc.integer())),
        evidence: fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string()), fc.array(fc.oneof(text, fc.record({ path: text }, { requiredKeys: [] })))),
        area: fc.record({ name: text, code: text }, { requiredKeys: [] }),
        period: fc.oneof(text, fc.constantFrom(2023, 1.5)),
      },
      { requiredKeys: ['facts'] },
    );
    let listed = 0;
    let trues = 0;
    fc.assert(
      fc.property(file, (f) => {
        const parsed = parseJsonBytes(Buffer.from(JSON.stringify(f)), DEFAULT_LIMITS);
        if (!parsed) return;
        if (parsed.listed?.size) listed++;
        const clean = parsed.textClean === true;
        const withList = quickValid(parsed.value, vocabulary, clean, parsed.listed);
        expect(withList).toBe(quickValid(parsed.value, vocabulary, clean));
        if (withList) trues++;
      }),
      { numRuns: 2000, seed: 20261201 },
    );
    expect(listed).toBeGreaterThan(100);
    expect(trues).toBeGreaterThan(0);
  });

  it("the JSON reader vouches only for clean text: an escaped control character is found and refused", () => {
    const dir = mkdtempSync(join(tmpdir(), 'weibao-quick-'));
    try {
      const f = base();
      f.area = { ...f.area, name: '新泾镇\u001b[2J' };
      const file = join(dir, 'facts.json');
      writeFileSync(file, JSON.stringify(f)); // "\u001b" written as an escape, as a file would have it
      const parsed = readDocument(file);
      expect(parsed.textClean).not.toBe(true);
      expect(quickValid(parsed.value, vocabulary, parsed.textClean === true)).toBe(false);
      writeFileSync(file, JSON.stringify(base()));
      const clean = readDocument(file);
      expect(clean.textClean).toBe(true);
      expect(quickValid(clean.value, vocabulary, true)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

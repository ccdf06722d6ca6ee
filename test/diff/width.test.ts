import { describe, expect, it } from 'vitest';
import { diffStandards } from '../../src/diff/standards.js';
import { table } from '../../src/diff/format/table.js';
import { assessImpact } from '../../src/diff/impact.js';
import { readFactsSource } from '../../src/facts/load.js';
import { validateFacts } from '../../src/facts/validate.js';
import { mergeVocabularies } from '../../src/standard/vocabulary.js';
import { loadStandardSync } from '../../src/standard/load.js';
import { listBundled } from '../../src/standard/registry.js';
import { displayWidth } from '../../src/report/width.js';
import { cli, DRAFT } from './helpers.js';

/**
 * `assess diff` at 80 columns (issue 14): the summary, the titles and the reworded texts wrap at
 * 80 display columns (a 汉字 takes two) in a pipe, in both languages, with and without --facts;
 * coloured, the same at the terminal's width with the escapes taking no room.
 */
const checklists = [...listBundled().filter((r) => !r.id.startsWith('negative')).map((r) => `${r.id}@${r.version}`), DRAFT];
const pairs = checklists.flatMap((a) => checklists.filter((b) => b !== a).map((b) => [a, b] as const));
const FACTS: Record<string, string> = { changning: 'fixtures/changning-failing.json', yangshi: 'fixtures/yangshi-failing.json' };
const factsFor = (a: string) => (a.startsWith('yangshi') ? FACTS.yangshi : a.includes('2024-draft') ? 'test/fixtures/diff/area.json' : FACTS.changning);
const tooWide = (text: string, width = 80) => text.split('\n').filter((l) => displayWidth(l.replace(/\x1b\[[0-9;]*m/g, '')) > width);

describe('assess diff fits 80 columns', () => {
  it('runs every pair of bundled checklists (and the draft)', () => expect(pairs.length).toBeGreaterThanOrEqual(6));
  it.each(pairs.flatMap(([a, b]) => (['zh', 'en'] as const).flatMap((lang) => [[a, b, lang, false], [a, b, lang, true]] as const)))('%s → %s, %s, --facts %s', async (a, b, lang, withFacts) => {
    const r = await cli('diff', a, b, '--lang', lang, ...(withFacts ? ['--facts', factsFor(a)] : []));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').length).toBeGreaterThan(5);
    expect(tooWide(r.stdout)).toEqual([]);
  });

  it('coloured, at 60 and 100 columns: escapes take no room, no style is left open at a break', () => {
    const from = loadStandardSync('changning-demo-street@2023');
    const to = loadStandardSync(DRAFT);
    const source = readFactsSource('fixtures/changning-failing.json');
    const { facts } = validateFacts(source.parsed, mergeVocabularies(from.vocabulary, to.vocabulary), source.file);
    const impact = assessImpact(from, to, facts, source.file, 'zh');
    for (const width of [60, 100]) {
      const coloured = table(diffStandards(from, to), impact, { lang: 'zh', color: true, width });
      const plain = table(diffStandards(from, to), impact, { lang: 'zh', color: false, width });
      expect(tooWide(coloured, width)).toEqual([]);
      expect(tooWide(plain, width)).toEqual([]);
      // A reworded line broken inside a deletion: struck through up to the break, and again after the indent.
      for (const line of coloured.split('\n')) {
        const opens = (line.match(/\x1b\[9m/g) ?? []).length;
        const closes = (line.match(/\x1b\[29m/g) ?? []).length;
        expect(opens, line).toBe(closes);
      }
    }
  });
});

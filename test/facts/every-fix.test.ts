import { describe, expect, it } from 'vitest';
import type { InputError, InputProblem } from '../../src/errors.js';
import { validateFacts } from '../../src/facts/validate.js';
import { parseText } from '../../src/source/read.js';
import type { Parsed } from '../../src/source/types.js';
import { loadStandardSync } from '../../src/standard/load.js';

/**
 * Every error says what to type instead: each problem validation finds — whatever value stands
 * for whichever fact of a bundled standard, and whatever shape the file's envelope takes — comes
 * with a fix (its `hint`), never the what alone.
 */
const at: Parsed['locate'] = () => ({ line: 1, column: 1 });
const problemsOf = (value: unknown, vocabulary: Parameters<typeof validateFacts>[1], standard?: Parameters<typeof loadStandardSync>[0]): InputProblem[] => {
  try {
    validateFacts({ value, locate: at }, vocabulary, 'f.json', standard ? { standard: loadStandardSync(standard) } : {});
    return [];
  } catch (e) {
    return (e as InputError).problems.filter((p) => p.severity !== 'warning');
  }
};
const withoutFix = (problems: InputProblem[]) => problems.filter((p) => !p.hint).map((p) => `${p.id}: ${p.message}`);

describe('every validation error names its fix', () => {
  const values: unknown[] = ['abc', -1, 1.5, true, false, [1], {}, '2023-13-45', 'yes', 1e12, '３', '1,200', '三次', 0.5, '是的', '不清楚', '2023-05-01', ' 3 ', '\u00a03', '50%'];
  for (const id of ['changning-demo-street@2023', 'yangshi-demo-point@2022']) {
    it(`each fact of ${id}, whatever is typed`, () => {
      const { vocabulary } = loadStandardSync(id);
      let refused = 0;
      const missing: string[] = [];
      for (const name of Object.keys(vocabulary)) {
        for (const v of values) {
          const problems = problemsOf({ standard: id, area: { name: '新泾镇' }, period: id.endsWith('2023') ? '2023' : '2022', facts: { [name]: v } }, vocabulary);
          refused += problems.length;
          missing.push(...withoutFix(problems).map((m) => `${name} = ${JSON.stringify(v)} → ${m}`));
        }
      }
      // Not vacuous: most of these values are refused somewhere.
      expect(refused).toBeGreaterThan(Object.keys(vocabulary).length * 5);
      expect(missing.slice(0, 10)).toEqual([]);
    });
  }

  it('the envelope, whatever its shape', () => {
    const id = 'changning-demo-street@2023';
    const { vocabulary } = loadStandardSync(id);
    const base = { standard: id, area: { name: '新泾镇' }, period: '2023', facts: {} };
    const documents: unknown[] = [
      [], 'x', 3, null,
      { ...base, area: 'x' }, { ...base, area: { name: 3 } }, { ...base, area: { name: '' } }, { ...base, area: { name: '新泾镇', code: 310105 } }, { ...base, area: { name: '新泾镇', kode: '1' } },
      { ...base, period: 2023.5 }, { ...base, period: true }, { ...base, period: '2022' }, { ...base, period: '2023年' },
      { ...base, facts: [] }, { ...base, facts: 'a: 1' }, { ...base, facts: 'coordination_meetings_per_year：3' },
      { ...base, evidence: [] }, { ...base, evidence: { coordination_meetings_per_year: '纪要.pdf' } }, { ...base, evidence: { coordination_meetings_per_year: [3] } },
      { ...base, extra: 1 }, { ...base, fact: {} }, { area: { name: '新泾镇' } }, { ...base, standard: 3 }, { ...base, standard: '' }, { ...base, $schema: 3 },
    ];
    const missing: string[] = [];
    let refused = 0;
    for (const value of documents) {
      const problems = problemsOf(value, vocabulary, id);
      refused += problems.length;
      missing.push(...withoutFix(problems).map((m) => `${JSON.stringify(value)} → ${m}`));
    }
    expect(refused).toBeGreaterThanOrEqual(documents.length - 2);
    expect(missing).toEqual([]);
  });
});

describe('every syntax error names its fix', () => {
  const json = ['{"a": 1]', '[1, 2}', '{"a": 1,, "b": 2}', '{,}', '{"a": }', '{"a": 1} }', '{"a" 1}', '{"a": [1 2]}', '{"a": tru}', '{"a": 01}', '{"a": .5}', '{"a": +1}', '{"a": 1e}', '{"a": NaN}', '{"a": undefined}', '{"a": "x"y}', '{a: 1}', '{"a": 1}x', '{"a": "\\x"}', '{"a": [}', '{"a":: 1}', '{"a": 1 "b": 2}', '{"a": 1}\n{"b": 2}', '{"a": [1, 2', '{"a": "x', '{', '[', '{"a": 1,}', "{'a': 1}", '{"a"：1}', '// x\n{}', '{"a": -}', '{"a": 1e400}'];
  const yaml = ['a: 1\n b: 2', 'a:\n\t- 1', 'a: "x', "a: 'x", 'a: [1, 2', 'a: {b: 1', 'a: 1\na: 2', '- a\nb: 1', 'a: b: c', 'a: &x 1\nb: *y', 'a: !!binary x', 'a: |\n x\n  y\n z', 'a: 1\n---\nb: 2', 'a: @x', 'a: `x`', '  a: 1\nb: 2', 'a：1', 'a:1', 'a: !!int "3"'];
  for (const [syntax, texts] of [['json', json], ['yaml', yaml]] as const) {
    it(`${syntax}: ${texts.length} broken texts`, () => {
      const missing: string[] = [];
      let refused = 0;
      for (const text of texts) {
        try {
          parseText(text, syntax, `f.${syntax}`);
        } catch (e) {
          for (const p of (e as InputError).problems) {
            refused++;
            if (!p.hint) missing.push(`${JSON.stringify(text)} → ${p.id}: ${p.message}`);
          }
        }
      }
      expect(refused).toBeGreaterThanOrEqual(texts.length - 3);
      expect(missing).toEqual([]);
    });
  }
});

import { describe, expect, it } from 'vitest';
import { analyseTree } from '../../src/rules/analyse.js';
import { unmetFacts, unmetReasons } from '../../src/rules/explain.js';
import { parseRule, type RuleNode } from '../../src/rules/tree.js';
import { compare, show, showValue } from './agree.js';
import { loadSuites } from './suites.js';

/**
 * Every case of the public JSON-Logic suites in suites/ (README.md there: where from, licence)
 * through json-logic-js 2.0.5 and weibao. json-logic-js's answer is the one to give, whatever
 * the suite expects; a rule weibao refuses is refused at compile time, at the operation.
 */
const cases = loadSuites();
const byFile = new Map<string, typeof cases>();
for (const c of cases) {
  const file = c.where.slice(0, c.where.indexOf('#'));
  byFile.set(file, [...(byFile.get(file) ?? []), c]);
}

describe('public JSON-Logic suites agree with json-logic-js', () => {
  for (const [file, list] of byFile) {
    it(`${file} (${list.length} cases)`, () => {
      const wrong: string[] = [];
      for (const c of list) {
        const v = compare(c.rule, c.data);
        if (v.kind === 'disagree') {
          wrong.push(`${c.where} ${showValue(c.rule)} on ${showValue(c.data)}: json-logic-js ${show(v.theirs)}, compileRule ${show(v.ours)}, compileTracked ${show(v.tracked)}`);
        } else if (v.kind === 'bad-refusal') {
          wrong.push(`${c.where} ${showValue(c.rule)}: refused without naming an operation off the allowlist: ${String(v.error)}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('reads every suite, and most cases are evaluated rather than refused', () => {
    // The counts move only when a suite is added or updated (update them then): a loader that
    // silently dropped a file or a case would show here.
    expect(byFile.size).toBe(61);
    expect(cases.length).toBe(2161);
    const kinds = { agree: 0, refused: 0 };
    for (const c of cases) {
      const v = compare(c.rule, c.data);
      if (v.kind === 'agree' || v.kind === 'refused') kinds[v.kind]++;
    }
    expect(kinds.agree).toBeGreaterThan(cases.length * 0.75);
  });
});

describe('lint, analysis and explanation walk the same tree as evaluation, on every suite rule weibao compiles', () => {
  it('analyseTree, unmetReasons and unmetFacts answer (never throw) for each', () => {
    const failures: string[] = [];
    let walked = 0;
    for (const c of cases) {
      let tree: RuleNode;
      try {
        tree = parseRule(c.rule);
      } catch {
        continue; // refused: checked above
      }
      walked++;
      try {
        const analysis = analyseTree(tree);
        const reasons = unmetReasons(tree, c.data);
        const facts = unmetFacts(tree, c.data);
        // Reasons are data: JSON all the way down (words come later, from the catalogue).
        JSON.stringify(reasons);
        for (const f of facts) if (typeof f !== 'string') throw new Error(`fact ${String(f)}`);
        for (const r of analysis.reads) if (typeof r !== 'string' || r === '') throw new Error(`read ${String(r)}`);
      } catch (e) {
        failures.push(`${c.where} ${showValue(c.rule)}: ${String(e)}`);
      }
    }
    expect(walked).toBeGreaterThan(1500);
    expect(failures).toEqual([]);
  });
});

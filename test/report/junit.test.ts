import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { junit, junitStream } from '../../src/report/junit.js';
import { fixtureResult } from '../helpers/results.js';
import { spawnAssess as assess } from '../helpers/cli.js';

// JUnit as Jenkins and GitLab read it, checked with a real XML parser: well-formed, the element
// order and attributes of the junit-10 schema, and counts that add up.
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) });

describe('--format junit', () => {
  const r = assess(['fixtures/packs/', '--format', 'junit']);
  const doc = parser.parse(r.stdout);

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
  });

  it('has one testsuite per area, one testcase per item and per negative-list item', () => {
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s: { name: string }) => s.name)).toEqual(['示例街道甲（虚构） · 2023', '示例街道乙（虚构） · 2023', '示例街道丙（虚构） · 2023', '示例街道丁（虚构） · 2023']);
    const json = JSON.parse(assess(['fixtures/packs/', '--format', 'json']).stdout);
    suites.forEach((s: any, n: number) => {
      const res = json.results[n];
      expect(s.testcase).toHaveLength(res.items.length + res.vetoes.length);
      expect(Number(s.tests)).toBe(s.testcase.length);
      expect(Number(s.failures)).toBe(s.testcase.filter((c: any) => c.failure).length);
      expect(Number(s.skipped)).toBe(s.testcase.filter((c: any) => c.skipped !== undefined).length);
      expect(s.properties.property.find((p: any) => p.name === 'verdict').value).toBe(res.verdict);
      // classname = 项目, name = id + place
      const first = res.items[0];
      expect(s.testcase[0]).toMatchObject({ classname: first.aspect, name: `${first.id} ${first.content} ${first.number}` });
    });
    expect(Number(doc.testsuites.tests)).toBe(suites.reduce((t: number, s: any) => t + Number(s.tests), 0));
  });

  it('fail, unsupported, missing and veto are failures with the explanation and a type', () => {
    const [, evidence, vetoed, failing] = doc.testsuites.testsuite;
    const unsupported = evidence.testcase.filter((c: any) => c.failure?.type === 'unsupported');
    expect(unsupported.map((c: any) => c.name.split(' ')[0])).toEqual(['ideology.guide-practice', 'ideology.implement-decisions', 'org.performance-evaluation']);
    expect(unsupported[2].failure.message).toBe('证明材料不足：evidence/绩效考核方案.txt 不存在');
    const veto = vetoed.testcase.filter((c: any) => c.failure?.type === 'veto');
    expect(veto).toHaveLength(1);
    expect(veto[0].classname).toBe('负面工作清单项 (negative-list@2023)');
    const failed = failing.testcase.filter((c: any) => c.failure);
    expect(failed.length).toBe(Number(failing.failures));
    expect(failed.every((c: any) => c.failure.type === 'fail' && c.failure.message.length > 0)).toBe(true);
  });

  it('missing facts are failures of type missing', () => {
    const d = parser.parse(assess(['fixtures/changning-incomplete.yaml', '--format', 'junit']).stdout);
    const missing = d.testsuites.testsuite[0].testcase.filter((c: any) => c.failure?.type === 'missing');
    expect(missing.length).toBeGreaterThan(0);
    expect(missing[0].failure.message).toMatch(/^缺少事实：/);
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    const text = 'a < b & "c" \'d\' \u0001\u0008 ]]> 完';
    const out = junit(
      [{ area: { name: text }, standard: { id: 's', version: '1', title: 'S' }, verdict: 'fail', score: 0, aspects: [], vetoes: [], warnings: [],
        items: [{ id: 'x', aspect: text, content: null, number: 1, text, state: 'fail', reads: [], actual: {}, explanation: text, responsible: [], missing: [], evidence: [], weight: 1, reasons: [] }] }],
      { lang: 'zh', color: false, width: 80 },
    );
    expect(XMLValidator.validate(out)).toBe(true);
    const d = parser.parse(out);
    expect(d.testsuites.testsuite[0].testcase[0].failure.message).toBe('a < b & "c" \'d\'  ]]> 完');
  });

  it('matches the golden report', async () => {
    await expect(r.stdout).toMatchFileSnapshot('../packs/golden/packs.junit.xml');
  });

  it('a met item\'s testcase kept by id is rewritten when the same id stands elsewhere (another standard, another place)', () => {
    const a = fixtureResult('changning-compliant.json', 'a.json');
    const moved = { ...a, items: a.items.map((i, k) => (k % 2 ? { ...i, aspect: `${i.aspect}<b>`, number: i.number + 1 } : i)), vetoes: a.vetoes.map((v) => ({ ...v, number: v.number + 1, list: { ...v.list, version: 'x&y' } })) };
    const options = { lang: 'zh' as const, color: false, width: 80 };
    // Through one stream, each area's suite is what a fresh stream writes of it alone.
    const stream = junitStream(options);
    for (const r of [a, moved, a, moved]) expect(stream.item(r)).toBe(junitStream(options).item(r));
    expect(junitStream(options).item(moved)).toContain('&lt;b&gt;');
  });
});

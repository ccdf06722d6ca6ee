import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { evaluateItems } from '../../src/assess/evaluate.js';
import { loadStandardSync } from '../../src/standard/load.js';
import { root, run } from '../helpers/cli.js';

/**
 * The 杨市 2022 责任清单 and the 长宁 2023 达标体系 are crosswalked by item id: the same id means the
 * same requirement (contract: "the same id wherever two standards state the same requirement").
 * So one facts file must give every shared id the same state under both standards, and a shared
 * id must read the same facts. Reading notes and the table: docs/encoding-yangshi.md.
 */

const changning = loadStandardSync('changning-demo-street@2023');
const yangshi = loadStandardSync('yangshi-demo-point@2022');
const byId = (items: typeof changning.items) => new Map(items.map((i) => [i.id, i]));
const cn = byId(changning.items);
const ys = byId(yangshi.items);
const shared = yangshi.items.map((i) => i.id).filter((id) => cn.has(id));

/** Facts some 杨市 item reads and no 长宁 item reads. */
const changningFacts = new Set(changning.items.flatMap((i) => i.reads));
const yangshiOnlyFacts = new Set(yangshi.items.flatMap((i) => i.reads).filter((f) => !changningFacts.has(f)));

const fixtures = [
  'fixtures/changning-compliant.json',
  'fixtures/changning-failing.json',
  'fixtures/changning-vetoed.json',
  'fixtures/changning-incomplete.yaml',
  'fixtures/yangshi-compliant.json',
  'fixtures/yangshi-failing.json',
];
const factsOf = (file: string) => (parse(readFileSync(`${root}${file}`, 'utf8')) as { facts: Record<string, unknown> }).facts;

describe('crosswalk 杨市 2022 ↔ 长宁 2023', () => {
  it('shares exactly the documented ids (docs/encoding-yangshi.md)', () => {
    expect(shared).toEqual([
      'ideology.guide-practice',
      'ideology.implement-decisions',
      'org.safety-assessment',
      'mechanism.case-consultation',
      'info.dynamic-monitoring',
      'family.guardianship-guidance',
      'family.infant-care-support',
      'family.disabled-ill-children-support',
      'family.risk-assessment',
      'social.professional-forces',
      'social.venue-safety-signs',
      'social.tutoring-holiday-classes',
      'gov.disabled-rehab-scope',
      'judicial.justice-office-specialization',
      'judicial.special-protection-systems',
      'institution.protection-station',
      'staff.child-supervisor',
      'staff.station-social-worker',
      'staff.child-directors',
      'staff.child-staff-training',
    ]);
  });

  describe.each(fixtures)('%s', (file) => {
    const facts = factsOf(file);
    const cnStates = new Map(evaluateItems(changning, facts).map((r) => [r.id, r.state]));
    const ysStates = new Map(evaluateItems(yangshi, facts).map((r) => [r.id, r.state]));
    it('every shared id has the same state under both standards', () => {
      const diff = shared.filter((id) => cnStates.get(id) !== ysStates.get(id)).map((id) => `${id}: 长宁 ${cnStates.get(id)} / 杨市 ${ysStates.get(id)}`);
      expect(diff).toEqual([]);
    });
  });

  it('every boundary case of both cases files gives a shared id the same state under both standards', () => {
    const diffs: string[] = [];
    for (const casesFile of ['standards/changning-demo-street/2023.cases.yaml', 'standards/yangshi-demo-point/2022.cases.yaml']) {
      const spec = parse(readFileSync(`${root}${casesFile}`, 'utf8')) as {
        base: string;
        cases: { item: string; name: string; set?: Record<string, unknown>; unset?: string[] }[];
      };
      const base = factsOf(spec.base.replace('../../', ''));
      for (const c of spec.cases.filter((x) => shared.includes(x.item))) {
        const facts: Record<string, unknown> = { ...base, ...(c.set ?? {}) };
        for (const p of c.unset ?? []) delete facts[p];
        const a = evaluateItems(changning, facts).find((r) => r.id === c.item)!.state;
        const b = evaluateItems(yangshi, facts).find((r) => r.id === c.item)!.state;
        if (a !== b) diffs.push(`${casesFile} ${c.item} "${c.name}": 长宁 ${a} / 杨市 ${b}`);
      }
    }
    expect(diffs).toEqual([]);
  });

  it('the comparison is not trivial: shared ids fail or go missing on some fixtures', () => {
    const states = (file: string) => new Map(evaluateItems(yangshi, factsOf(file)).map((r) => [r.id, r.state]));
    expect(states('fixtures/changning-failing.json').get('staff.child-directors')).toBe('fail');
    expect(states('fixtures/changning-failing.json').get('family.guardianship-guidance')).toBe('fail');
    expect(shared.some((id) => states('fixtures/changning-incomplete.yaml').get(id) === 'missing')).toBe(true);
  });

  it('shared ids read the same facts, with the same rule and applies_if (no exceptions)', () => {
    for (const id of shared) {
      const a = cn.get(id)!;
      const b = ys.get(id)!;
      expect([id, [...b.reads].sort()]).toEqual([id, [...a.reads].sort()]);
      expect([id, b.rule]).toEqual([id, a.rule]);
      expect([id, b.appliesIf]).toEqual([id, a.appliesIf]);
    }
  });

  // Rows that merge, extend or narrow 长宁 items: own id, built on the 长宁 items' facts.
  // VARIANT: the 长宁 requirement with other named parties (other meetings, 各单位、各部门, 地方各级,
  // 政法办, per community): reads facts of its own for what differs (issue 15).
  const derived: [string, string[], 'merged' | 'superset' | 'subset' | 'variant'][] = [
    ['ideology.theory-study-19th-plenums', ['ideology.theory-study'], 'variant'],
    ['ideology.instructions-study-all-units', ['ideology.instructions-study'], 'variant'],
    ['ideology.instructions-handling-local-leaders', ['ideology.instructions-handling'], 'variant'],
    ['institution.service-venue-per-community', ['institution.service-venue', 'staff.child-directors'], 'superset'],
    ['org.coordination-mechanism-and-meetings', ['org.coordination-mechanism', 'org.coordination-meetings'], 'merged'],
    ['mechanism.report-handling-and-mandatory-reporting', ['mechanism.report-handling', 'mechanism.mandatory-reporting'], 'merged'],
    ['gov.education-aid-and-migrant-children', ['gov.education-aid'], 'superset'],
    ['gov.state-guardianship-and-left-behind-children', ['gov.temporary-guardianship'], 'superset'],
    ['judicial.legal-education-by-units', ['judicial.legal-education'], 'variant'],
    ['staff.job-requirements-and-incentives', ['staff.incentives'], 'subset'],
    ['staff.agency-social-workers-and-volunteers', ['staff.social-workers'], 'subset'],
  ];
  it.each(derived)('%s is built on %j (%s)', (id, sources, kind) => {
    expect(cn.has(id)).toBe(false);
    const item = ys.get(id)!;
    const sourceReads = new Set(sources.flatMap((s) => cn.get(s)!.reads));
    // every 长宁 fact it reads comes from the items it is derived from …
    expect(item.reads.filter((f) => changningFacts.has(f) && !sourceReads.has(f))).toEqual([]);
    // … every source item contributes, and it adds facts exactly when it states more than they do
    for (const s of sources) expect(cn.get(s)!.reads.some((f) => item.reads.includes(f))).toBe(true);
    const extra = item.reads.filter((f) => yangshiOnlyFacts.has(f));
    if (kind === 'subset') {
      expect(extra).toEqual([]);
      expect([...sourceReads].filter((f) => !item.reads.includes(f)).length).toBeGreaterThan(0);
    } else expect(extra.length).toBeGreaterThan(0);
  });

  it('every 杨市 item is shared, derived or reads 杨市-only facts', () => {
    const derivedIds = new Set(derived.map(([id]) => id));
    const rest = yangshi.items.filter((i) => !cn.has(i.id) && !derivedIds.has(i.id));
    expect(rest.map((i) => i.id).filter((id) => !ys.get(id)!.reads.some((f) => yangshiOnlyFacts.has(f)))).toEqual([]);
    expect(rest).toHaveLength(10);
  });
});

describe('yangshi-demo-point@2022 as a document', () => {
  it('has 41 rows in order, 11 项目 including 学校保护, and a 责任单位 on every row', () => {
    expect(yangshi.items).toHaveLength(41);
    expect(yangshi.items.map((i) => i.row)).toEqual(Array.from({ length: 41 }, (_, k) => k + 1));
    const aspects = [...new Set(yangshi.items.map((i) => i.aspect))];
    expect(aspects).toEqual(['思想引领', '组织领导', '工作机制', '家庭保护', '学校保护', '社会保护', '网络保护', '政府保护', '司法保护', '机构建设', '队伍建设']);
    expect(yangshi.items.filter((i) => i.responsible.length === 0 || i.responsible.some((u) => !u.trim())).map((i) => i.id)).toEqual([]);
    expect(yangshi.items.filter((i) => i.aspect === '学校保护')).toHaveLength(5);
    expect(yangshi.negativeListRefs).toEqual([]);
  });

  it('numbers restart at 1 in each 内容 and run without gaps', () => {
    const seen = new Map<string, number>();
    for (const i of yangshi.items) {
      const key = `${i.aspect}/${i.content}`;
      expect([key, i.number]).toEqual([key, (seen.get(key) ?? 0) + 1]);
      seen.set(key, i.number);
    }
  });

  const source = '/work/shared/sources/002_e7d7f89f3d8073b6.txt';
  it.runIf(existsSync(source))('every text and 责任单位 is verbatim from the source document', () => {
    const lines = readFileSync(source, 'utf8').split('\n');
    for (const i of yangshi.items) {
      const line = lines.find((l) => l.includes(i.text));
      expect([i.id, line !== undefined]).toEqual([i.id, true]);
      const cells = line!.split('|').map((c) => c.trim()).filter(Boolean);
      expect([i.id, i.responsible.join('、')]).toEqual([i.id, cells[cells.length - 1]]);
    }
  });
});

describe('a 长宁 facts file assessed against 杨市 (the CLI)', () => {
  it('runs, exits 1, and reports exactly the items reading 杨市-only facts as missing', () => {
    // The 长宁 file's facts with a 2022 period: a period must fall in the standard's year (杨市's is 2022).
    const dir = mkdtempSync(join(tmpdir(), 'weibao-crosswalk-'));
    const file = join(dir, 'changning-as-2022.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync('fixtures/changning-compliant.json', 'utf8')), standard: undefined, period: '2022' }));
    const r = run(file, '--standard', 'yangshi-demo-point@2022', '--format', 'json');
    rmSync(dir, { recursive: true });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout).results[0];
    expect(result.standard).toMatchObject({ id: 'yangshi-demo-point', version: '2022' });
    const items = result.items as { id: string; state: string; reads: string[]; actual: Record<string, unknown> }[];
    const expected = yangshi.items.filter((i) => i.reads.some((f) => yangshiOnlyFacts.has(f))).map((i) => i.id);
    expect(items.filter((i) => i.state === 'missing').map((i) => i.id)).toEqual(expected);
    expect(items.filter((i) => i.state !== 'missing').every((i) => i.state === 'pass')).toBe(true);
    expect(expected).toHaveLength(19); // the 10 杨市-only rows + the 9 merged/superset/variant rows that add facts
    // the missing facts are 杨市-only ones, absent from the 长宁 file
    const changningFile = factsOf('fixtures/changning-compliant.json');
    for (const i of items.filter((x) => x.state === 'missing')) {
      const absent = Object.entries(i.actual).filter(([, v]) => v === null).map(([f]) => f);
      expect(absent.length).toBeGreaterThan(0);
      expect(absent.every((f) => yangshiOnlyFacts.has(f) && !(f in changningFile))).toBe(true);
    }
  });
});

import type { AssessResult, ItemResult, VetoResult } from '../assess/types.js';
import type { InvalidInput } from '../packs/summary.js';
import { areaAndPeriod, labels, placeOf } from './labels.js';
import { whole } from './json.js';
import type { StreamFormatter, TextFormatter } from './types.js';
import { xmlAttributes as attrs, xmlEscape } from './xml.js';

/**
 * JUnit XML as Jenkins and GitLab read it (the junit-10 schema's element order: properties, then
 * testcases): one <testsuite> per area, one <testcase> per item (classname = 项目, name = id and
 * place), the negative list's items as testcases of their own. fail and unsupported are
 * <failure>s with the explanation, missing facts a <failure type="missing">, not_applicable
 * <skipped/>. A pack that could not be read is a suite with one <error>. No timestamps or
 * durations beyond 0: the report is the same for the same input.
 */
export const junit: TextFormatter = (results, options) => whole(junitStream(options), results, options.summary);

/** One <testsuite> per result as it comes; the <testsuites> totals are known only at the end. */
export const junitStream: StreamFormatter = ({ lang }) => {
  const suite = suites(lang);
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const add = (s: Suite) => {
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += s.counts[k];
    return s.xml;
  };
  return {
    deferHead: true,
    head: () => '<?xml version="1.0" encoding="UTF-8"?>\n' + `<testsuites${attrs({ name: 'weibao', ...totals, time: 0 })}>\n`,
    item: (r) => add(suite(r)),
    piece: (r) => suite(r),
    place: (s) => add(s as Suite),
    tailReads: 'invalid',
    tail: (summary) => (summary?.invalid ?? []).map((bad) => add(invalidSuite(bad))).join('') + '</testsuites>\n',
  };
};

interface Suite {
  xml: string;
  counts: { tests: number; failures: number; errors: number; skipped: number };
}

/**
 * A writer of suites. A met item's (and a clear veto's) testcase is the standard's words alone —
 * most of an area's, the same in every area — so it is written and escaped once per stream and
 * kept by id, used while the members it was written from are the very same values.
 */
function suites(lang: 'zh' | 'en'): (r: AssessResult) => Suite {
  const L = labels(lang);
  const okItems = new Map<string, { of: ItemResult; xml: string }>();
  const okVetoes = new Map<string, { of: VetoResult; xml: string }>();
  const testcase = (classname: string, name: string, body: string) => `    <testcase${attrs({ classname, name, time: 0 })}${body ? `>\n${body}    </testcase>\n` : '/>\n'}`;
  const itemCase = (i: ItemResult, body: string) => testcase(i.aspect, `${i.id} ${placeOf(i)}`, body);
  const vetoCase = (v: VetoResult, body: string) => testcase(`${L.negativeItem} (${v.list.id}@${v.list.version})`, `${v.id} ${v.number}`, body);
  return (r) => {
    let cases = '';
    const counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    const count = (kind: 'ok' | 'failure' | 'skipped') => {
      counts.tests++;
      if (kind === 'failure') counts.failures++;
      if (kind === 'skipped') counts.skipped++;
    };
    for (const i of r.items) {
      if (i.state === 'pass') {
        let ok = okItems.get(i.id);
        if (ok === undefined || ok.of.aspect !== i.aspect || ok.of.content !== i.content || ok.of.number !== i.number) okItems.set(i.id, (ok = { of: i, xml: itemCase(i, '') }));
        count('ok');
        cases += ok.xml;
        continue;
      }
      const [kind, body] = itemBody(i, L);
      count(kind);
      cases += itemCase(i, body);
    }
    for (const v of r.vetoes) {
      if (v.state === 'clear') {
        let ok = okVetoes.get(v.id);
        if (ok === undefined || ok.of.number !== v.number || ok.of.list.id !== v.list.id || ok.of.list.version !== v.list.version) okVetoes.set(v.id, (ok = { of: v, xml: vetoCase(v, '') }));
        count('ok');
        cases += ok.xml;
        continue;
      }
      const [kind, body] = vetoBody(v, L);
      count(kind);
      cases += vetoCase(v, body);
    }
    // Concatenated, not [k, v] pairs filtered and mapped: pairs destructured through callbacks
    // threw away the compiled suite writer (a map it had not seen), compiled again at ~0.1 s.
    const name = areaAndPeriod(r.area.name, r.period) || r.input || 'weibao';
    const properties =
      property('input', r.input) +
      property('standard', `${r.standard.id}@${r.standard.version}`) +
      property('verdict', r.verdict) +
      property('score', String(r.score)) +
      (r.area.code ? property('area.code', r.area.code) : '');
    const xml =
      `  <testsuite${attrs({ name, tests: counts.tests, failures: counts.failures, errors: 0, skipped: counts.skipped, time: 0, file: r.file ?? r.input })}>\n` +
      `    <properties>\n${properties}    </properties>\n` +
      cases +
      '  </testsuite>\n';
    return { xml, counts };
  };
}

/** A <property> of a suite; none for a value that is undefined. */
const property = (name: string, value: string | undefined) => (value === undefined ? '' : `      <property${attrs({ name, value })}/>\n`);

type Words = ReturnType<typeof labels>;

function itemBody(i: ItemResult, L: Words): ['ok' | 'failure' | 'skipped', string] {
  const detail = `${i.text}\n\n${i.explanation}`;
  switch (i.state) {
    case 'pass':
      return ['ok', ''];
    case 'not_applicable':
      return ['skipped', `      <skipped${attrs({ message: i.explanation || L.state.not_applicable })}/>\n`];
    case 'pending': // part-year: not yet due
      return ['skipped', `      <skipped${attrs({ message: i.explanation || L.state.pending })}/>\n`];
    default:
      return ['failure', `      <failure${attrs({ message: i.explanation || L.state[i.state], type: i.state })}>${xmlEscape(detail)}</failure>\n`];
  }
}

function vetoBody(v: VetoResult, L: Words): ['ok' | 'failure', string] {
  if (v.state === 'clear') return ['ok', ''];
  const type = v.state === 'triggered' ? 'veto' : 'missing';
  return ['failure', `      <failure${attrs({ message: v.explanation || L.veto[v.state], type })}>${xmlEscape(`${v.text}\n\n${v.explanation}`)}</failure>\n`];
}

function invalidSuite(bad: InvalidInput): Suite {
  const xml =
    `  <testsuite${attrs({ name: bad.input, tests: 1, failures: 0, errors: 1, skipped: 0, time: 0 })}>\n` +
    `    <testcase${attrs({ classname: 'weibao', name: `load ${bad.input}`, time: 0 })}>\n` +
    `      <error${attrs({ message: bad.message.split('\n')[0], type: 'invalid-input' })}>${xmlEscape(bad.message)}</error>\n` +
    '    </testcase>\n  </testsuite>\n';
  return { xml, counts: { tests: 1, failures: 0, errors: 1, skipped: 0 } };
}

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, formatOf } from '../../src/report/formats.js';
import { listBundled } from '../../src/standard/registry.js';
import { loadStandardSync } from '../../src/standard/load.js';
import { runInProcess } from '../helpers/cli.js';

/**
 * `--lang en` speaks English (issue 14): every command and every text format is run in English
 * and its stdout and stderr scanned for Han characters. Han is allowed only where it is not
 * weibao's word: the documents' own texts (titles, 项目, 内容, item texts, 责任单位, notes,
 * the documents they ask for), area names and file names of the fixtures, and values the user
 * wrote (echoed back quoted). In JSON, the vocabulary's own `zh` and `unit` fields are data.
 * A failure lists each offending line with the command that printed it.
 */
const allowed = new Set<string>();
const jsonAllowed = new Set<string>();
// The bundled standards, and the draft the diff runs compare against.
for (const ref of [...listBundled().map((r) => `${r.id}@${r.version}`), 'fixtures/standards/changning-demo-street-2024-draft.yaml']) {
  const s = loadStandardSync(ref);
  allowed.add(s.title);
  if (s.verdict.note) allowed.add(s.verdict.note);
  for (const it of s.items) {
    for (const x of [it.aspect, it.content, it.text, it.note, ...it.responsible, ...it.evidence.flatMap((e) => e.documents)]) if (x) allowed.add(x);
  }
  for (const spec of Object.values(s.vocabulary)) {
    jsonAllowed.add(spec.zh);
    allowed.add(spec.en); // the vocabulary's English may name a project (护'未'成长)
    if (spec.unit) jsonAllowed.add(spec.unit);
  }
}
// Area names and file names of the fixtures run below.
for (const f of ['fixtures/changning-compliant.json', 'fixtures/changning-failing.json', 'fixtures/changning-vetoed.json', 'fixtures/yangshi-failing.json']) {
  const name = (JSON.parse(readFileSync(f, 'utf8')) as { area?: { name?: string } }).area?.name;
  if (name) allowed.add(name);
}
for (const pack of readdirSync('fixtures/packs')) {
  const facts = JSON.parse(readFileSync(`fixtures/packs/${pack}/facts.json`, 'utf8')) as { area?: { name?: string } };
  if (facts.area?.name) allowed.add(facts.area.name);
  for (const e of readdirSync(`fixtures/packs/${pack}/evidence`, { withFileTypes: true })) allowed.add(e.name.replace(/\.[a-z]+$/, ''));
}
allowed.add('台账');

const HAN = /\p{Script=Han}/u;
const HAN_RUNS = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu;

/**
 * The lines of `text` holding Han that is not the documents' or the user's: each run of Han must be
 * a whole allowed text, or (a long text cut with … or wrapped) a piece of one of at least 4 characters.
 */
function offenders(text: string, json: boolean): string[] {
  const phrases = new Set([...allowed, ...(json ? jsonAllowed : [])]);
  const corpus = [...phrases].join('\u0000');
  const longestFirst = [...phrases].filter((p) => p.length >= 2).sort((a, b) => b.length - a.length);
  // A piece of a wrapped or cut text stands at the start or end of its line, or inside quotes.
  const ok = (run: string, edge: boolean) => phrases.has(run) || ((run.length >= 4 || edge) && corpus.includes(run)) || !HAN.test(strip(run));
  // A run made of allowed texts side by side (an area name and an aspect, say).
  const strip = (run: string) => longestFirst.reduce((r, p) => (r.includes(p) ? r.split(p).join(' ') : r), run);
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (!HAN.test(line)) continue;
    // A value the user wrote, echoed back in quotes ("3次", "是"), is theirs.
    const rest = line.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    // A word diff of two documents' texts (`[-old-]{+new+}`): every piece is the documents'.
    const diffed = /\[-|\{\+|<del>|<ins>/.test(line);
    const bad: string[] = [];
    for (const m of rest.matchAll(HAN_RUNS)) {
      const run = m[0].replace(/^[\u3000-\u303f\uff00-\uffef]+|[\u3000-\u303f\uff00-\uffef]+$/g, '');
      if (!HAN.test(run)) continue;
      const before = rest.slice(0, m.index).trim();
      const after = rest.slice(m.index + m[0].length).trim();
      // … or a piece of a document's text split by a digit, a Latin letter or a bracket ("不少于2个小时").
      const edge = before === '' || after === '' || after.startsWith('…') || /[“”‘’《「\d(（,;-]$/.test(before) || /^[“”‘’》」\d)）,;-]/.test(after) || diffed;
      if (!ok(run, edge)) bad.push(run);
    }
    if (bad.length) out.push(`${line.length > 140 ? `${line.slice(0, 137)}…` : line}   ← ${bad.join(' ')}`);
  }
  return out;
}

const textFormats = FORMAT_NAMES.filter((f) => !formatOf(f)!.binary);
const runs: [string, string[]][] = [
  ...textFormats.map((f) => [`assess --format ${f}`, ['fixtures/changning-failing.json', 'fixtures/changning-vetoed.json', '--format', f]] as [string, string[]]),
  ...textFormats.filter((f) => formatOf(f)!.byResponsible).map((f) => [`assess --by responsible --format ${f}`, ['fixtures/changning-failing.json', '--by', 'responsible', '--format', f]] as [string, string[]]),
  ['assess packs (table)', ['fixtures/packs', '--format', 'table']],
  ['assess --baseline', ['fixtures/packs', '--baseline', 'fixtures/packs-baseline.json', '--format', 'table']],
  ['assess yangshi', ['fixtures/yangshi-failing.json']],
  ['assess invalid input', ['fixtures/mistakes/bool-shi.json', 'fixtures/mistakes/yaml-indent-4.yaml', 'fixtures/mistakes/json-line-comment.json', 'fixtures/mistakes/gbk.yaml']],
  ['assess typo of a command', ['stanards', 'list']],
  ['assess --help', ['--help']],
  ['standards list', ['standards', 'list']],
  ['standards show', ['standards', 'show', 'changning-demo-street@2023']],
  ['standards show --format json', ['standards', 'show', 'changning-demo-street@2023', '--format', 'json']],
  ['standards lint', ['standards', 'lint']],
  ['standards --help', ['standards', '--help']],
  ['init', ['init', '--standard', 'changning-demo-street@2023']],
  ['init --format json', ['init', '--standard', 'changning-demo-street@2023', '--format', 'json']],
  ['init --help', ['init', '--help']],
  ['schema', ['schema', '--standard', 'changning-demo-street@2023']],
  ['diff', ['diff', 'yangshi-demo-point@2022', 'changning-demo-street@2023']],
  ['diff --format markdown', ['diff', 'yangshi-demo-point@2022', 'changning-demo-street@2023', '--format', 'markdown']],
  ['diff --facts', ['diff', 'changning-demo-street@2023', 'fixtures/standards/changning-demo-street-2024-draft.yaml', '--facts', 'fixtures/changning-failing.json']],
  ['diff --help', ['diff', '--help']],
];

describe('--lang en prints no Han characters of its own', () => {
  it.each(runs)('%s', async (_, args) => {
    const r = await runInProcess([...args, '--lang', 'en']);
    const json = args.includes('json') || args.includes('jsonl') || args[0] === 'schema';
    const found = [...offenders(r.stdout, json).map((l) => `stdout: ${l}`), ...offenders(r.stderr, false).map((l) => `stderr: ${l}`)];
    expect(found, `Han in --lang en output of: assess ${args.join(' ')}`).toEqual([]);
  }, 60_000);
});

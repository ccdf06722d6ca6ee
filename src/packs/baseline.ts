import { isOpen } from '../assess/open.js';
import type { AssessResult, ItemChange, ItemState, Progress, VetoState } from '../assess/types.js';
import { InputError } from '../errors.js';
import { readDocument } from '../source/read.js';
import { DEFAULT_LIMITS, type ParseLimits } from '../source/types.js';

/** The parts of a previous `--format json` result a comparison needs. */
export interface BaselineResult {
  input?: string;
  area: { name?: string; code?: string };
  period?: string | null;
  standard: { id: string; version: string };
  verdict: string;
  score: number;
  aspects: { name: string; score: number }[];
  items: { id: string; state: ItemState }[];
  vetoes: { id: string; state: VetoState }[];
}

const ITEM_STATES = new Set(['pass', 'fail', 'missing', 'not_applicable', 'unsupported']);
const VETO_STATES = new Set(['clear', 'triggered', 'missing']);

/**
 * Read a previous report (`assess … --format json`). Only what the comparison uses is checked,
 * each problem located, so last month's file from an older weibao still loads.
 */
export function readBaseline(file: string, limits: ParseLimits = DEFAULT_LIMITS): BaselineResult[] {
  const parsed = readDocument(file, limits);
  const doc = parsed.value as any;
  const problems: { pointer: string; message: string; expected?: string }[] = [];
  const need = (ok: boolean, pointer: string, message: string, expected?: string) => {
    if (!ok) problems.push({ pointer, message, expected });
    return ok;
  };
  if (!need(!!doc && typeof doc === 'object' && !Array.isArray(doc), '', 'not a weibao JSON report', 'the output of assess --format json')) {
    throw located(file, problems, parsed.locate);
  }
  need(doc.schemaVersion === 1, '/schemaVersion', `unsupported schemaVersion ${JSON.stringify(doc.schemaVersion)}`, '1');
  if (need(Array.isArray(doc.results), '/results', 'no "results" array', 'the output of assess --format json')) {
    doc.results.forEach((r: any, n: number) => {
      const at = `/results/${n}`;
      if (!need(!!r && typeof r === 'object', at, 'not an object')) return;
      need(!!r.area && typeof r.area === 'object', `${at}/area`, 'no area');
      need(!!r.standard && typeof r.standard.id === 'string', `${at}/standard`, 'no standard id');
      need(typeof r.score === 'number', `${at}/score`, 'no score', 'a number 0..1');
      if (need(Array.isArray(r.items), `${at}/items`, 'no items array')) {
        r.items.forEach((i: any, k: number) => need(!!i && typeof i.id === 'string' && ITEM_STATES.has(i.state), `${at}/items/${k}`, 'an item without id or with an unknown state', [...ITEM_STATES].join(' | ')));
      }
      if (r.vetoes !== undefined && need(Array.isArray(r.vetoes), `${at}/vetoes`, 'vetoes is not an array')) {
        r.vetoes.forEach((v: any, k: number) => need(!!v && typeof v.id === 'string' && VETO_STATES.has(v.state), `${at}/vetoes/${k}`, 'a veto without id or with an unknown state', [...VETO_STATES].join(' | ')));
      }
      if (r.aspects !== undefined) need(Array.isArray(r.aspects), `${at}/aspects`, 'aspects is not an array');
    });
  }
  if (problems.length) throw located(file, problems, parsed.locate);
  return (doc.results as any[]).map((r) => ({ ...r, aspects: r.aspects ?? [], vetoes: r.vetoes ?? [] }));
}

function located(file: string, problems: { pointer: string; message: string; expected?: string }[], locate: (p: string) => { line: number; column: number } | undefined) {
  return new InputError('schema', file, problems.map((p) => ({ ...p, message: `baseline: ${p.message}`, ...locate(p.pointer) })));
}

/** Same area and standard: by area code where both have one, else by name (the 街道 as named). */
export function findBaseline(result: AssessResult, baseline: BaselineResult[]): BaselineResult | undefined {
  const same = baseline.filter((b) => b.standard.id === result.standard.id);
  if (result.area.code) {
    const byCode = same.find((b) => b.area.code === result.area.code);
    if (byCode) return byCode;
  }
  if (result.area.name) return same.find((b) => b.area.name === result.area.name);
  // A submission without an area name can only be matched by where it came from.
  return same.find((b) => !b.area.name && b.input !== undefined && b.input === result.input);
}

const round = (x: number) => Math.round(x * 10000) / 10000;
const met = (s: ItemState | null | undefined) => s === 'pass';
const open = (state: ItemState | null | undefined) => !!state && isOpen({ state });

/** What changed since the previous report: the 月报's "比上月". Items are matched by their stable id. */
export function compareWithBaseline(result: AssessResult, previous: BaselineResult | undefined): Progress {
  const before = new Map((previous?.items ?? []).map((i) => [i.id, i.state]));
  const change = (i: AssessResult['items'][number]): ItemChange => ({
    id: i.id,
    aspect: i.aspect,
    content: i.content,
    number: i.number,
    text: i.text,
    before: before.get(i.id) ?? null,
    after: i.state,
  });
  const newlyMet: ItemChange[] = [];
  const newlyFailed: ItemChange[] = [];
  const stillOpen: ItemChange[] = [];
  for (const i of result.items) {
    const was = before.get(i.id);
    if (met(i.state) && !met(was)) newlyMet.push(change(i));
    else if (open(i.state) && open(was)) stillOpen.push(change(i));
    else if (open(i.state)) newlyFailed.push(change(i));
  }
  const aspectsBefore = new Map((previous?.aspects ?? []).map((a) => [a.name, a.score]));
  const vetoesBefore = new Map((previous?.vetoes ?? []).map((v) => [v.id, v.state]));
  return {
    baseline: previous
      ? { ...(previous.input !== undefined ? { input: previous.input } : {}), ...(previous.period != null ? { period: String(previous.period) } : {}), standard: { id: previous.standard.id, version: previous.standard.version }, verdict: previous.verdict, score: previous.score }
      : null,
    verdict: { before: previous?.verdict ?? null, after: result.verdict },
    score: { before: previous ? previous.score : null, after: result.score, delta: previous ? round(result.score - previous.score) : null },
    newlyMet,
    newlyFailed,
    stillOpen,
    aspects: result.aspects.map((a) => {
      const b = aspectsBefore.get(a.name);
      return { name: a.name, before: b ?? null, after: a.score, delta: b === undefined ? null : round(a.score - b) };
    }),
    vetoes: result.vetoes
      .filter((v) => previous && vetoesBefore.get(v.id) !== v.state)
      .map((v) => ({ id: v.id, number: v.number, before: vetoesBefore.get(v.id) ?? null, after: v.state })),
  };
}

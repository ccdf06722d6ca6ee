import { isOpen } from '../assess/open.js';
import type { AssessResult, ItemChange, ItemState, Progress, VetoState } from '../assess/types.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { hint, InputError } from '../errors.js';
import { ajvProblems } from '../standard/schemas.js';
import { ajvClass } from '../validators/generated.js';
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

/**
 * Read a previous report (`assess … --format json`), checked against the published schema of
 * the JSON output (schemas/report.schema.json): keys added since are optional there, so last
 * month's file from an older weibao still loads. Each problem is located in the file.
 */
export function readBaseline(file: string, limits: ParseLimits = DEFAULT_LIMITS): BaselineResult[] {
  const parsed = readDocument(file, limits);
  const validate = reportValidator();
  if (!validate(parsed.value)) {
    const problems = ajvProblems(validate.errors ?? [], parsed.locate, null);
    // The place is named as the baseline's ("baseline: /results/0/score"), in the user's language (input.schema.*).
    throw new InputError('schema', file, problems.map((p) => ({ ...p, message: `baseline: ${p.message}`, data: { ...(p.data as object), where: `baseline: ${(p.data as { where: string }).where}` }, hint: hint('input.fix.baseline'), expected: 'the output of assess --format json' })));
  }
  const doc = parsed.value as { results: BaselineResult[] };
  return doc.results.map((r) => ({ ...r, aspects: r.aspects ?? [], vetoes: r.vetoes ?? [] }));
}

let compiled: ValidateFunction | undefined;

/** The report schema, compiled once and only when a baseline is read (ajv is not loaded otherwise). */
function reportValidator(): ValidateFunction {
  if (!compiled) {
    const Ajv = ajvClass();
    compiled = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(REPORT_SCHEMA, 'utf8')));
  }
  return compiled;
}

export const REPORT_SCHEMA = fileURLToPath(new URL('../../schemas/report.schema.json', import.meta.url));

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

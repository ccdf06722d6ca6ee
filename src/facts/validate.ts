import type { ValidateFunction } from 'ajv';
import { hint, InputError, pointerOf, problem, splitPointer, type Hint, type InputProblem, type Location } from '../errors.js';
import type { Expect, ValueKind } from '../messages/sections/input.js';
import { factHint, factNamedBy, halfYearOf, halfwidth, keyValueHint, hasInvisible, invisibleNames, isCalendarDate, kindOf, periodFix, shown, visible } from './diagnose.js';
import { parsePeriod } from './period.js';
import { standardYears } from '../standard/years.js';
import { t } from '../messages/catalogue.js';
import type { Lang } from '../messages/types.js';
import type { Parsed } from '../source/types.js';
import type { FactSpec, Vocabulary } from '../standard/types.js';
import { closestFact, editDistance } from '../standard/vocabulary.js';
import { factsValidationSchema } from './schema.js';
import { quickValid } from './quick-valid.js';
import { charName, CONTROL_ALL, CONTROL_CHARACTER, controlCharacters, NON_FINITE, nonFinite, scan } from './control.js';
import type { FactsFile } from './types.js';
import { emptyList } from './lists.js';
import { ajvClass, generatedKey, loadGenerated, type GeneratedKey } from '../validators/generated.js';

const compiled = new WeakMap<Vocabulary, ValidateFunction>();

/**
 * How facts schemas are compiled, at build time and at run time alike. ownProperties: a fact a
 * standard names `constructor` or `toString` must not be "present" in every facts file because
 * Object.prototype has one. inlineRefs false: each fact's check is the definition's function,
 * called, not written out again for every fact that refers to it (factsValidationSchema).
 */
export const FACTS_AJV_OPTIONS = Object.freeze({ allErrors: true, strict: false, ownProperties: true, inlineRefs: false });

/** The name of the build's validator for a vocabulary's facts schema (scripts/prebuild.mjs). */
export function factsValidatorKey(vocabulary: Vocabulary): GeneratedKey {
  return generatedKey('facts', FACTS_AJV_OPTIONS, factsValidationSchema(vocabulary));
}

/** A facts schema compiled by ajv now: the fallback, and what the build's validators are tested against. */
export function compileFactsValidator(vocabulary: Vocabulary): ValidateFunction {
  const Ajv = ajvClass();
  return new Ajv({ ...FACTS_AJV_OPTIONS }).compile(factsValidationSchema(vocabulary));
}

/** The build's validator for this vocabulary when there is one (the bundled standards'), else ajv at run time. */
export function validatorFor(vocabulary: Vocabulary): ValidateFunction {
  let v = compiled.get(vocabulary);
  if (!v) {
    v = loadGenerated(factsValidatorKey(vocabulary))?.default ?? compileFactsValidator(vocabulary);
    compiled.set(vocabulary, v);
  }
  return v;
}

export interface ValidatedFacts {
  facts: FactsFile;
  /** Unknown facts (with the closest known name) and other things worth a look. */
  warnings: InputProblem[];
}

/** What else a facts file is checked against. */
export interface ValidateOptions {
  /** The standard it will be assessed against: its period must fall in that standard's year(s). */
  standard?: { id: string; version: string };
  /** A batch's: a document with nothing filled in (nothingFilled) is refused, not assessed as an area. */
  refuseBlank?: boolean;
}

/**
 * Check a parsed facts file against the vocabulary: the envelope's shape and every fact's type,
 * range and unit — never coerced ("2" is not a count). Throws InputError with every problem,
 * each located, naming the fact's description, what was expected and (where the mistake is one
 * clerks make) what to type instead; warnings (unknown fact names) ride along with the errors.
 */
export function validateFacts(parsed: Parsed, vocabulary: Vocabulary, file?: string, options: ValidateOptions = {}): ValidatedFacts {
  const at = (pointer: string) => ({ pointer, ...parsed.locate(pointer) });
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError('schema', file, [problem({ ...at(''), expected: 'an object with "facts"', hint: hint('input.fix.document') }, 'input.document', { kind: kindOf(value) })]);
  }
  // A report of ours (`assess --format json`, a rectification list, a diff) saved into the folder
  // being assessed: one line that says so, not five about keys a facts file doesn't have.
  if (Object.prototype.hasOwnProperty.call(value, 'schemaVersion') && !Object.prototype.hasOwnProperty.call(value, 'facts')) {
    throw new InputError('schema', file, [problem({ ...at(''), hint: hint('input.fix.isReport') }, 'input.isReport')]);
  }
  // In a batch, a template from `assess init` saved unfilled beside the areas' files (or any file
  // with nothing in it) is no area's submission: assessed, it stood first among the areas needing
  // attention, named "—" at 0%, and was counted among every item's failures. On its own it is
  // still assessed: every fact missing is then the list of what to fill in.
  // (A workbook whose cells were read past says why they are empty: those problems, below.)
  if (options.refuseBlank && !parsed.problems?.length && nothingFilled(value as Record<string, unknown>)) {
    throw new InputError('schema', file, [problem({ ...at('/facts'), hint: hint('input.fix.blank') }, 'input.blank')]);
  }
  // What the reader read past (a workbook's formula with no saved result, an error cell) first, in its order.
  const problems: InputProblem[] = [...(parsed.problems ?? [])];
  // One problem per place: ajv may report several keywords for one value, and the checks below
  // (finite numbers, calendar dates) must not repeat what ajv already said.
  const seen = new Set<string>();
  let over = 0;
  const factProblem = (pointer: string, name: string, spec: FactSpec, actual: unknown) => {
    const place = at(pointer);
    // In a workbook's cell (事实!F12) a yes-no is typed 是 or 否: said so, there.
    const inCell = place.cell !== undefined;
    return problem(
      { ...place, expected: expectedOf(spec), hint: factHint(spec, actual, inCell) },
      'input.fact',
      { name: clip(name), zh: spec.zh, en: spec.en, expect: expectOf(spec, inCell), got: shown(actual) },
    );
  };
  // NaN and ±Infinity (YAML's .nan and .inf) are numbers to ajv ("integer" lets Infinity through),
  // but no count or amount; and JSON output would print them as null. Refused wherever they stand.
  // Nearly every document has neither a non-finite number nor a control character: one walk
  // that builds no pointers says so, and only a document with something to report is walked again.
  // A file quickValid vouches for holds nothing the checks below would report (the envelope's
  // aside): it is walked once, there.
  const clean = quickValid(value, vocabulary, parsed.textClean === true, parsed.listed);
  const found = clean ? 0 : scan(value);
  for (const pointer of found & NON_FINITE ? nonFinite(value) : []) {
    seen.add(pointer);
    const parts = splitPointer(pointer);
    const spec = parts[0] === 'facts' && parts.length === 2 ? vocabulary[parts[1]] : undefined;
    const actual = valueAt(value, parts);
    problems.push(spec ? factProblem(pointer, parts[1], spec, actual) : problem({ ...at(pointer), expected: 'a finite number' }, 'input.nonFinite', { pointer: clip(pointer), got: shown(actual) }));
  }
  // Text from a submitter reaches terminals and reports: an escape sequence, a carriage return
  // or a bidi override in a name could repaint the verdict ("\r结论：达标"); a line separator
  // breaks a line where none shows; a lone surrogate is no text at all (and can't be written
  // back as UTF-8). None has a use in a facts file, so any key or string holding one is refused.
  for (const { pointer, char } of found & CONTROL_CHARACTER ? controlCharacters(value) : []) {
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    problems.push(
      problem(
        { ...at(pointer), expected: 'text without control characters (escape sequences, line breaks, bidi overrides)', hint: controlHint(valueAt(value, splitPointer(pointer))) },
        'input.control',
        { pointer: clip(pointer), code, kind: charName(char) },
      ),
    );
  }
  // What a clerk gets wrong in the envelope (the name, the period, the code): a few checks, always.
  for (const p of envelopeProblems(value as Record<string, unknown>, at, options.standard)) {
    if (seen.has(p.pointer!)) continue;
    seen.add(p.pointer!);
    problems.push(p);
  }
  // ajv (its generated validator loaded at the first file that needs it) only where the shortcut can't vouch.
  const validate = clean ? undefined : validatorFor(vocabulary);
  if (validate && !validate(value)) {
    const errors = validate.errors ?? [];
    // A misspelt top-level key ("fact:") is named with its fix; "facts is missing" then says nothing new.
    const misspeltFacts = errors.some((e) => e.keyword === 'additionalProperties' && e.instancePath === '' && closestOf(String((e.params as { additionalProperty: string }).additionalProperty), TOP_KEYS) === 'facts');
    for (const e of errors) {
      let pointer = e.instancePath;
      if (e.keyword === 'additionalProperties') pointer += pointerOf([(e.params as { additionalProperty: string }).additionalProperty]);
      if (seen.has(pointer)) continue;
      seen.add(pointer);
      // Past the cap, only count: a file with 100 000 bad values gets a readable answer, fast.
      if (problems.length >= MAX_PROBLEMS) {
        over++;
        continue;
      }
      const parts = splitPointer(pointer);
      const actual = valueAt(value, parts);
      if (parts[0] === 'facts' && parts.length === 2 && parts[1] in vocabulary) {
        problems.push(factProblem(pointer, parts[1], vocabulary[parts[1]], actual));
      } else if (e.keyword === 'additionalProperties' && parts.length === 1) {
        const near = closestOf(parts[0], TOP_KEYS);
        problems.push(problem({ ...at(pointer), expected: 'standard, area, period, facts, evidence', hint: near ? hint('input.fix.didYouMean', { near }) : hint('input.fix.unknownKey') }, 'input.unknownKey', { key: clip(parts[0]) }));
      } else if (e.keyword === 'additionalProperties' && parts[0] === 'area' && parts.length === 2) {
        const near = closestOf(parts[1], ['name', 'code']);
        problems.push(problem({ ...at(pointer), expected: 'name, code', hint: near ? hint('input.fix.didYouMean', { near }) : undefined }, 'input.unknownAreaKey', { key: clip(parts[1]) }));
      } else if (e.keyword === 'required' && e.instancePath === '' && (e.params as { missingProperty: string }).missingProperty === 'facts') {
        if (!misspeltFacts) problems.push(problem({ ...at(''), hint: hint('input.fix.facts') }, 'input.missingFacts'));
      } else if (e.keyword === 'type' && pointer === '/area/code' && (typeof actual === 'number' || typeof actual === 'boolean')) {
        // A code typed as a number (310105001): the same digits, quoted. Anything else is a shape to say (below).
        problems.push(problem({ ...at(pointer), hint: hint('input.fix.quoteCode', { fixed: JSON.stringify(String(actual)) }) }, 'input.areaCode', { got: shown(actual) }));
      } else if (e.keyword === 'type') {
        const want = ([] as string[]).concat((e.params as { type: string | string[] }).type) as ValueKind[];
        // `facts:` holding one line `key：3` is read by YAML as the string "key：3": name the colon.
        const colon = want.includes('object') ? keyValueHint(actual) : undefined;
        problems.push(problem({ ...at(pointer), hint: colon ?? shapeHint(parts, actual) }, 'input.wrongType', { pointer: clip(pointer) || '/', want, got: shown(actual) }));
      } else {
        problems.push(problem({ ...at(pointer) }, 'input.schema', { pointer: clip(pointer), text: e.message ?? e.keyword, got: actual !== undefined ? shown(actual) : null }));
      }
    }
  }
  const rawFacts = (value as { facts?: unknown }).facts;
  const facts = (rawFacts && typeof rawFacts === 'object' && !Array.isArray(rawFacts) ? rawFacts : {}) as Record<string, unknown>;
  // One kind of list whether it holds a warning or not (lists.ts).
  const warnings = emptyList<InputProblem>();
  let unknown = 0;
  // Object.keys, not entries: a facts object of a few hundred names is a dictionary to V8, and
  // entries' [name, value] pairs cost a batch more than the rest of this loop.
  for (const name of clean ? [] : Object.keys(facts)) {
    const v = facts[name];
    const spec = vocabulary[name];
    if (spec && (spec.type !== 'date' || typeof v !== 'string')) continue; // nothing to say about it
    const pointer = pointerOf(['facts', name]);
    if (!spec) {
      // Name the first few with a suggestion; a flood of unknown names gets one line, not a hang.
      if (++unknown > MAX_UNKNOWN_WARNINGS) continue;
      warnings.push(
        problem(
          { ...at(pointer), severity: 'warning', hint: unknownFactHint(name, v, vocabulary) },
          'input.unknownFact',
          { name: visible(clip(name)) },
        ),
      );
    } else if (spec.type === 'date' && typeof v === 'string' && !isCalendarDate(v) && !seen.has(pointer)) {
      problems.push(factProblem(pointer, name, spec, v));
    }
  }
  if (unknown > MAX_UNKNOWN_WARNINGS) {
    warnings.push(problem({ ...at('/facts'), severity: 'warning' }, 'input.moreUnknownFacts', { n: unknown - MAX_UNKNOWN_WARNINGS }));
  }
  // The warnings (a misspelt fact name is often why a value seems missing) are shown with the errors.
  if (problems.length) throw new InputError('schema', file, [...problems, ...(over ? [problem({}, 'input.label.more', { n: over })] : []), ...warnings]);
  const raw = value as Record<string, any>;
  return {
    facts: {
      standard: raw.standard,
      area: dropNulls(raw.area ?? {}),
      period: raw.period === undefined || raw.period === null ? undefined : String(raw.period),
      facts,
      evidence: raw.evidence ?? {},
    },
    warnings,
  };
}

const TOP_KEYS = ['standard', 'area', 'period', 'facts', 'evidence', '$schema'];

/** What to type where the file's shape is wrong (an area that isn't an object, evidence that isn't a list …), by where it stands. */
function shapeHint(parts: string[], actual: unknown): Hint | undefined {
  const [top, , index] = parts;
  const quoted = JSON.stringify(typeof actual === 'string' || typeof actual === 'number' || typeof actual === 'boolean' ? String(actual) : '…');
  if (top === 'area') return parts.length === 1 ? hint('input.fix.areaShape', { fixed: `{"name": ${JSON.stringify(typeof actual === 'string' && actual.trim() ? actual.trim() : '新泾镇')}}` }) : hint('input.fix.quoteText', { fixed: quoted });
  if (top === 'facts') return hint('input.fix.facts');
  if (top === 'evidence') {
    if (parts.length === 1) return hint('input.fix.evidenceShape');
    if (parts.length === 2) return hint('input.fix.evidenceList', { fixed: typeof actual === 'string' ? JSON.stringify([actual]) : '["会议纪要.pdf"]' });
    if (index !== undefined) return hint('input.fix.quoteText', { fixed: quoted });
  }
  if (top === 'standard') return hint('input.fix.standardShape');
  if (top === 'period') return periodHint(actual);
  if (top === '$schema') return hint('input.fix.schemaKey');
  return undefined;
}

/** The closest of a few known names (edit distance ≤ 2), for a misspelt key. */
/**
 * A control character's fix: delete it — but in a path written on Windows in JSON
 * (`"evidence\\new.pdf"`), a backslash before n, t, r, b or f was read as an escape (a line
 * break, a tab …) where a separator was meant: the path as it was meant, with `/`.
 */
function controlHint(v: unknown): Hint {
  if (typeof v === 'string' && /\.[A-Za-z0-9]{1,5}$/.test(v) && /^[^\x00-\x1f]+(?:[\n\t\r\b\f][^\x00-\x1f]+)+$/.test(v)) {
    return hint('input.fix.escapePath', { fixed: v.replace(/[\n\t\r\b\f]/g, (c) => `/${ESCAPE_LETTER[c]}`) });
  }
  return hint('input.fix.removeControl');
}
const ESCAPE_LETTER: Record<string, string> = { '\n': 'n', '\t': 't', '\r': 'r', '\b': 'b', '\f': 'f' };

/** A period's fix: the period rewritten where it can be (periodFix), the quarters of a half year, else the forms there are. */
function periodHint(v: unknown): Hint {
  const half = halfYearOf(v);
  return half ? hint('input.fix.periodHalf', half) : hint('input.fix.period', { fixed: periodFix(v) });
}

function closestOf(name: string, known: string[]): string | undefined {
  const n = normalName(name);
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    if (Math.abs(k.length - n.length) >= bestDistance) continue;
    const d = editDistance(n, k);
    if (d < bestDistance) (best = k), (bestDistance = d);
  }
  return best;
}

/** A key as the clerk meant it: invisible characters and surrounding spaces gone, full-width letters half-width. */
/** What to write instead of an unknown fact's name. */
function unknownFactHint(name: string, v: unknown, vocabulary: Vocabulary): Hint | undefined {
  // A fact's description typed as its key (儿童主任人数 for child_directors) names it for sure.
  const named = factNamedBy(name, vocabulary);
  if (named) return hint('input.fix.factByWords', { name: named, words: clip(name) });
  if (groups(v, vocabulary)) return hint('input.fix.ungroup', { name: clip(name) });
  const near = closestFact(normalName(name), vocabulary);
  if (near) return hint('input.fix.didYouMean', { near, zh: vocabulary[near].zh, en: vocabulary[near].en });
  return hasInvisible(name) ? hint('input.fix.invisible', { names: invisibleNames(name) }) : undefined;
}

/** An object under facts that holds facts of the vocabulary: facts grouped (by 项目, say) that are not read there. */
function groups(v: unknown, vocabulary: Vocabulary): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).some((k) => Object.hasOwn(vocabulary, k));
}

function normalName(s: string): string {
  return halfwidth(s.replace(/[\u00a0\u3000\u200b-\u200d\u2060\ufeff]/g, '')).trim();
}

/** The envelope a clerk fills in by hand: area.name non-empty and trimmed, period in one of its forms, standard not empty. */
function envelopeProblems(raw: Record<string, unknown>, at: (pointer: string) => Location, standard?: { id: string; version: string }): InputProblem[] {
  const out: InputProblem[] = [];
  const area = raw.area;
  if (area && typeof area === 'object' && !Array.isArray(area) && Object.prototype.hasOwnProperty.call(area, 'name')) {
    const name = (area as { name: unknown }).name;
    if ((typeof name === 'string' && name.replace(/[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]/g, '') === '')) {
      out.push(problem({ ...at('/area/name'), hint: hint('input.fix.fillIn') }, 'input.areaNameEmpty'));
    } else if (typeof name === 'string' && hasInvisible(name)) {
      out.push(problem({ ...at('/area/name'), hint: hint('input.fix.invisible', { names: invisibleNames(name) }) }, 'input.areaNameInvisible', { got: shown(name) }));
    } else if (typeof name === 'string' && name.trim() !== name) {
      out.push(problem({ ...at('/area/name'), hint: hint('input.fix.trim', { fixed: JSON.stringify(name.trim()) }) }, 'input.areaNameSpaces', { got: shown(name) }));
    }
  }
  const period = raw.period === undefined || raw.period === null ? undefined : parsePeriod(raw.period);
  if (raw.period !== undefined && raw.period !== null && !period) {
    out.push(problem({ ...at('/period'), expected: '2023, 2023-Q2 or 2023-05', hint: periodHint(raw.period) }, 'input.period', { got: shown(raw.period) }));
  }
  // The period must be one the standard is for (its version's year): 2024's figures against the
  // 2023 standard would be judged by last year's thresholds, and a part-year period's elapsed
  // quarters would be counted in the wrong year.
  const years = standard ? standardYears(standard.version) : undefined;
  if (period && years && (period.year < years.from || period.year > years.to)) {
    const ref = `${standard!.id}@${standard!.version}`;
    const span = years.from === years.to ? String(years.from) : `${years.from}–${years.to}`;
    out.push(
      problem(
        { ...at('/period'), expected: `a period in ${span}`, hint: hint('input.fix.periodYear', { year: years.from, span, periodYear: period.year }) },
        'input.periodYear',
        { got: String(raw.period), standard: ref, span },
      ),
    );
  }
  if (typeof raw.standard === 'string' && raw.standard.trim() === '') out.push(problem({ ...at('/standard'), hint: hint('io.standard.empty.fix') }, 'input.standardEmpty'));
  return out;
}

/** What a fact must hold, in words (English for `expected`, which library callers read). */
export function expectedOf(spec: FactSpec, lang: Lang = 'en'): string {
  return t(lang, 'input.expect', { expect: expectOf(spec) });
}

/** A fact's expected value as the catalogue words it (input.fact's `expect`). */
export function expectOf(spec: FactSpec, inCell = false): Expect {
  if (spec.type === 'string') return spec.enum ? { type: 'enum', values: spec.enum } : { type: 'string' };
  if (spec.type === 'boolean' && inCell) return { type: 'boolean', cell: true };
  return { type: spec.type, minimum: spec.minimum, maximum: spec.maximum, unit: spec.unit, unitEn: spec.unit_en };
}

const MAX_PROBLEMS = 50;
const MAX_UNKNOWN_WARNINGS = 20;

/** A name or pointer as far as a message should quote it: short, and control characters escaped. */
function clip(s: string): string {
  const short = s.length > 80 ? `${s.slice(0, 77)}…` : s;
  return short.replace(CONTROL_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function valueAt(value: unknown, parts: string[]): unknown {
  let v: any = value;
  for (const p of parts) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, p)) return undefined;
    v = v[p];
  }
  return v;
}

function dropNulls<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as T;
}

/**
 * Nothing filled in: no area name or code, no period, no fact and no evidence given — each absent,
 * null or blank text, as `assess init` writes them (null in JSON and YAML, an empty cell in a
 * workbook). Facts that are absent altogether are input.missingFacts's, and anything not of its
 * kind (an area that is a number) is validation's: not blank.
 */
function nothingFilled(value: Record<string, unknown>): boolean {
  // Asked of every input of a batch: a submission has a period or an area's name, looked at first.
  if (!blank(value.period)) return false;
  const area = value.area === undefined || value.area === null ? [] : members(value.area);
  if (!area?.every(blank)) return false;
  const facts = members(value.facts);
  const evidence = value.evidence === undefined || value.evidence === null ? [] : members(value.evidence);
  return !!facts && !!evidence && facts.every(blank) && evidence.every((list) => blank(list) || (Array.isArray(list) && list.length === 0));
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
/** An object's values; undefined for anything else. */
const members = (v: unknown): unknown[] | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.values(v) : undefined);

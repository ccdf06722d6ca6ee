import { closestFact, mergeVocabularies, sharedVocabulary, toVocabulary } from '../facts/vocabulary.js';
import { RuleError } from '../errors.js';
import { analyseTree } from '../rules/analyse.js';
import { parseRule, type RuleNode } from '../rules/tree.js';
import { undeclaredTime } from '../assess/period.js';
import type { Parsed } from '../source/types.js';
import type { LintProblem, RawStandard } from './types.js';
import { bundledExists, isPathRef } from './registry.js';
import { validateAgainst } from './schemas.js';

/**
 * Every check a standard must pass before it is used: the format's schema, then what a schema
 * can't say — unique ids, the right rule field for the kind, only allowlisted operations, literal
 * `var` paths, and every fact read or named as evidence present in the vocabulary.
 * Returns the problems and, per item, the facts its rules read.
 */
export function lintParsed(parsed: Parsed, file?: string): { problems: LintProblem[]; reads: string[][] } {
  const at = (pointer: string) => ({ pointer, ...parsed.locate(pointer) });
  const problems: LintProblem[] = validateAgainst('standard', parsed.value, parsed.locate).map((p) => ({
    ...p,
    severity: 'error' as const,
  }));
  if (problems.length) return { problems, reads: [] };

  const error = (pointer: string, message: string, expected?: string) =>
    problems.push({ severity: 'error', ...at(pointer), message, expected });
  const warn = (pointer: string, message: string) => problems.push({ severity: 'warning', ...at(pointer), message });

  const raw = parsed.value as RawStandard;
  const local = toVocabulary(raw.facts);
  const vocabulary = mergeVocabularies(sharedVocabulary(), local);
  for (const name of Object.keys(local)) {
    if (name in sharedVocabulary()) warn(`/facts/${name}`, `fact "${name}" is already in the shared vocabulary; this definition overrides it`);
  }
  if (raw.verdict?.policy === 'min_score' && raw.verdict.min_score === undefined) {
    error('/verdict', 'policy min_score needs min_score', 'a number from 0 to 1');
  }
  (raw.negative_lists ?? []).forEach((ref, i) => {
    if (!isPathRef(ref) && !bundledExists(ref)) error(`/negative_lists/${i}`, `unknown negative list "${ref}"`, 'id@version of a bundled negative list');
  });

  const firstById = new Map<string, number>();
  const reads: string[][] = [];
  raw.items.forEach((item, i) => {
    const base = `/items/${i}`;
    const first = firstById.get(item.id);
    if (first !== undefined) error(`${base}/id`, `duplicate item id "${item.id}" (first used by item ${first + 1})`, 'a unique id');
    else firstById.set(item.id, i);

    const want = raw.kind === 'negative-list' ? 'veto_if' : 'rule';
    const other = want === 'rule' ? 'veto_if' : 'rule';
    if (item[want] === undefined) error(base, `item "${item.id}" has no ${want}`, `a JSON-Logic ${want} (this standard's kind is ${raw.kind})`);
    if (item[other] !== undefined) error(`${base}/${other}`, `a ${raw.kind} item takes ${want}, not ${other}`);
    if (raw.kind === 'checklist' && item.content === undefined) error(base, `item "${item.id}" has no content (内容)`);

    const itemReads: string[] = [];
    for (const field of ['applies_if', want] as const) {
      if (item[field] === undefined) continue;
      let tree: RuleNode;
      try {
        tree = parseRule(item[field]);
      } catch (e) {
        if (!(e instanceof RuleError)) throw e;
        error(`${base}/${field}${e.pointer}`, e.message.replace(/ in a rule$/, ''), 'an allowlisted JSON-Logic operation, within the limits of README "Untrusted input"');
        continue;
      }
      const analysis = analyseTree(tree);
      for (const p of analysis.dynamicVars) error(`${base}/${field}${p}`, 'a var path must be a literal string', 'a fact path');
      // {"var": ""} is the whole facts object, which is truthy whatever it holds: a rule built on it
      // passes a facts file with no facts at all.
      for (const p of analysis.wholeData) error(`${base}/${field}${p}`, 'this var reads the whole facts object, not a fact', 'a fact path, e.g. {"var": "meetings_per_year"}');
      if (!analysis.reads.length && !analysis.dynamicVars.length && !analysis.wholeData.length) {
        error(`${base}/${field}`, `the ${field} of item "${item.id}" reads no fact, so it gives the same answer for every area`, 'a rule that reads the facts it judges');
      }
      for (const path of analysis.reads) {
        if (!(path in vocabulary)) {
          const near = closestFact(path, vocabulary);
          error(`${base}/${field}`, `fact "${path}" is not in the facts vocabulary${near ? ` (did you mean "${near}"?)` : ''}`, 'a fact from standards/vocabulary.yaml or the standard\'s own facts');
        }
        if (!itemReads.includes(path)) itemReads.push(path);
      }
    }
    // Part-year periods (src/assess/period.ts): each fact an item reads says how time enters it.
    for (const path of undeclaredTime(raw.kind === 'checklist' ? itemReads : [], vocabulary)) {
      error(`${base}/${want}`, `fact "${path}" does not say how time enters it`, 'time: year | quarters | quarter | period | now on the fact (standards/vocabulary.yaml or the standard\'s own facts)');
    }
    (item.evidence ?? []).forEach((e, k) => {
      if (!(e.fact in vocabulary)) error(`${base}/evidence/${k}/fact`, `evidence names unknown fact "${e.fact}"`);
      else if (!itemReads.includes(e.fact)) warn(`${base}/evidence/${k}/fact`, `evidence names fact "${e.fact}", which this item's rule does not read`);
    });
    reads.push(itemReads);
  });
  return { problems, reads };
}

import { closestFact, mergeVocabularies, sharedVocabulary, toVocabulary } from './vocabulary.js';
import { hint, problem, RuleError, type Hint } from '../errors.js';
import type { MessageData, MessageId } from '../messages/catalogue.js';
import { ruleProblem } from './rule-words.js';
import { analyseTree } from '../rules/analyse.js';
import { parseRule, type RuleNode } from '../rules/tree.js';
import { undeclaredTime } from './time.js';
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

  // Each problem is a catalogue message (section input: input.lint.*) with its fix; `message`
  // keeps the English for library callers, the CLI prints the id in the user's language.
  type Say = <K extends MessageId>(pointer: string, fix: Hint | undefined, id: K, ...data: MessageData<K> extends undefined ? [] : [MessageData<K>]) => void;
  const error: Say = (pointer, fix, id, ...data) => void problems.push({ severity: 'error', ...problem({ ...at(pointer), hint: fix }, id, ...data) });
  const warn: Say = (pointer, fix, id, ...data) => void problems.push({ severity: 'warning', ...problem({ ...at(pointer), hint: fix }, id, ...data) });

  const raw = parsed.value as RawStandard;
  const local = toVocabulary(raw.facts);
  const vocabulary = mergeVocabularies(sharedVocabulary(), local);
  for (const name of Object.keys(local)) {
    if (name in sharedVocabulary()) warn(`/facts/${name}`, undefined, 'input.lint.sharedFact', { name });
  }
  if (raw.verdict?.policy === 'min_score' && raw.verdict.min_score === undefined) {
    error('/verdict', hint('input.fix.minScore'), 'input.lint.minScore');
  }
  (raw.negative_lists ?? []).forEach((ref, i) => {
    if (!isPathRef(ref) && !bundledExists(ref)) error(`/negative_lists/${i}`, hint('input.fix.listRef'), 'input.lint.unknownList', { ref });
  });

  const firstById = new Map<string, number>();
  const reads: string[][] = [];
  raw.items.forEach((item, i) => {
    const base = `/items/${i}`;
    const first = firstById.get(item.id);
    if (first !== undefined) error(`${base}/id`, hint('input.fix.uniqueId'), 'input.lint.duplicateId', { id: item.id, first: first + 1 });
    else firstById.set(item.id, i);

    const want = raw.kind === 'negative-list' ? 'veto_if' : 'rule';
    const other = want === 'rule' ? 'veto_if' : 'rule';
    if (item[want] === undefined) error(base, hint('input.fix.addRule', { want }), 'input.lint.noRule', { id: item.id, want });
    if (item[other] !== undefined) error(`${base}/${other}`, hint('input.fix.useRule', { want, other }), 'input.lint.wrongRule', { kind: raw.kind, want, other });
    if (raw.kind === 'checklist' && item.content === undefined) error(base, hint('input.fix.addContent'), 'input.lint.noContent', { id: item.id });

    const itemReads: string[] = [];
    for (const field of ['applies_if', want] as const) {
      if (item[field] === undefined) continue;
      let tree: RuleNode;
      try {
        tree = parseRule(item[field]);
      } catch (e) {
        if (!(e instanceof RuleError)) throw e;
        problems.push({ severity: 'error', ...ruleProblem(e, { ...at(`${base}/${field}${e.pointer}`), hint: hint('input.fix.rule') }) });
        continue;
      }
      const analysis = analyseTree(tree);
      for (const p of analysis.dynamicVars) error(`${base}/${field}${p}`, hint('input.fix.factPath'), 'input.lint.dynamicVar');
      // {"var": ""} is the whole facts object, which is truthy whatever it holds: a rule built on it
      // passes a facts file with no facts at all.
      for (const p of analysis.wholeData) error(`${base}/${field}${p}`, hint('input.fix.factPath'), 'input.lint.wholeData');
      if (!analysis.reads.length && !analysis.dynamicVars.length && !analysis.wholeData.length) {
        error(`${base}/${field}`, hint('input.fix.readFacts'), 'input.lint.readsNothing', { field, id: item.id });
      }
      for (const path of analysis.reads) {
        if (!(path in vocabulary)) {
          const near = closestFact(path, vocabulary);
          error(`${base}/${field}`, hint('input.fix.knownFact', { near }), 'input.lint.unknownFact', { name: path });
        }
        if (!itemReads.includes(path)) itemReads.push(path);
      }
    }
    // Part-year periods (src/assess/period.ts): each fact an item reads says how time enters it.
    for (const path of undeclaredTime(raw.kind === 'checklist' ? itemReads : [], vocabulary)) {
      error(`${base}/${want}`, hint('input.fix.time'), 'input.lint.noTime', { name: path });
    }
    (item.evidence ?? []).forEach((e, k) => {
      if (!(e.fact in vocabulary)) error(`${base}/evidence/${k}/fact`, hint('input.fix.knownFact', { near: closestFact(e.fact, vocabulary) }), 'input.lint.evidenceUnknown', { name: e.fact });
      else if (!itemReads.includes(e.fact)) warn(`${base}/evidence/${k}/fact`, undefined, 'input.lint.evidenceUnread', { name: e.fact });
    });
    reads.push(itemReads);
  });
  return { problems, reads };
}

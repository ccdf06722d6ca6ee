import type { Comparison } from '../../reasons.js';
import { defineSection } from '../types.js';

const OPS_ZH: Record<Comparison, string> = { '>=': '要求至少', '>': '要求多于', '<=': '要求不超过', '<': '要求少于', '==': '要求为', '===': '要求为', '!=': '要求不为', '!==': '要求不为' };
/** Against another fact: 要求不少于辖区村(居)数（含居民区和村），即 18 个. */
const OPS_FACT_ZH: Record<Comparison, string> = { '>=': '要求不少于', '>': '要求多于', '<=': '要求不超过', '<': '要求少于', '==': '要求等于', '===': '要求等于', '!=': '要求不等于', '!==': '要求不等于' };
/** What a threshold asks, the threshold already in words: `at least 2 times required`. */
const OPS_EN: Record<Comparison, (x: string) => string> = {
  '>=': (x) => `at least ${x} required`,
  '>': (x) => `more than ${x} required`,
  '<=': (x) => `at most ${x} allowed`,
  '<': (x) => `less than ${x} required`,
  '==': (x) => `${x} required`,
  '===': (x) => `${x} required`,
  '!=': (x) => `anything but ${x} required`,
  '!==': (x) => `anything but ${x} required`,
};
/** Against another fact: `required to be at least as many as the primary and secondary schools in the area (9 schools)`. */
const OPS_FACT_EN: Record<Comparison, string> = { '>=': 'at least as many as', '>': 'more than', '<=': 'no more than', '<': 'less than', '==': 'equal to', '===': 'equal to', '!=': 'different from', '!==': 'different from' };

/** A fact's description inside a sentence: `the primary and secondary schools in the area` (an acronym keeps its capitals). */
const inSentence = (label: string) => `the ${/^\p{Lu}\p{Ll}/u.test(label) ? label[0].toLowerCase() + label.slice(1) : label}`;

/** A count of a part against its whole, both in the same unit (村(居) with a 儿童主任 against all 村(居)). */
export interface PartOfWhole {
  part: number;
  whole: number;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Messages of section `reasons` (ids prefixed `reasons.`): the words of a Reason (src/reasons.ts),
 * filled in by src/messages/explain.ts. Facts and values arrive already in words (a fact's
 * description, `3 次`, `是`), so each message only places them.
 */
export const reasons = defineSection({
  zh: {
    'reasons.compare': (d: { fact: string; actual: string; op: Comparison; expected: string }) => `${d.fact} ${d.actual}，${OPS_ZH[d.op]} ${d.expected}`,
    'reasons.compare_fact': (d: { fact: string; actual: string; op: Comparison; other: string; otherActual: string; part?: PartOfWhole }) => `${d.fact} ${d.actual}，${OPS_FACT_ZH[d.op]}${d.other}，即 ${d.otherActual}`,
    'reasons.boolean': (d: { fact: string; actual: string; expected: boolean }) => `${d.fact}：${d.actual}${d.expected ? '' : '（要求否）'}`,
    'reasons.any_of': (d: { options: string[] }) => `以下条件均未满足：${d.options.join(' 或 ')}`,
    'reasons.condition': (d: { facts: string[] }) => (d.facts.length ? `条件未满足：${d.facts.join('，')}` : '条件未满足'),
    'reasons.missing': (d: { facts: string[] }) => `缺少事实：${d.facts.join('；')}`,
    'reasons.not_applicable': (d: { because: string }) => `不适用：${d.because}`,
    'reasons.triggered': (d: { facts: string[] }) => d.facts.join('；'),
    'reasons.evidence': (d: { problems: string[] }) => `证明材料不足：${d.problems.join('；')}`,
    'reasons.error': (d: { message: string }) => `规则无法计算：${d.message}`,
    'reasons.pending': (d: { fact: string; actual: string; remaining: string; due: string }) => `${d.fact} ${d.actual}，${d.due}前还需 ${d.remaining}`,
    /** Several reasons of one item, and several parts of one `any_of` option. */
    'reasons.and': '；',
    'reasons.also': '，',
    /** A fact with its value: `每年召开协调机制会议次数 3 次`. */
    'reasons.fact_value': (d: { fact: string; value: string }) => `${d.fact} ${d.value}`,
    /** A fact named with its id, where the id is what the submitter must type: `…（coordination_meetings_per_year）`. */
    'reasons.fact_with_id': (d: { fact: string; id: string }) => `${d.fact}（${d.id}）`,
    'reasons.yes': '是',
    'reasons.no': '否',
    'reasons.absent': '未填写',
    /** A date fact's value: `2023年5月1日`. */
    'reasons.date': (d: { year: number; month: number; day: number }) => `${d.year}年${d.month}月${d.day}日`,
  },
  en: {
    'reasons.compare': (d: { fact: string; actual: string; op: Comparison; expected: string }) => `${d.fact}: ${d.actual}, ${OPS_EN[d.op](d.expected)}`,
    // A part against its whole at least (村(居) with a 儿童主任 against all 村(居)) reads as "17 of 18, all required".
    'reasons.compare_fact': (d: { fact: string; actual: string; op: Comparison; other: string; otherActual: string; part?: PartOfWhole }) =>
      d.part && d.op === '>=' ? `${d.fact}: ${d.part.part} of ${d.part.whole}, all required` : `${d.fact}: ${d.actual}, required to be ${OPS_FACT_EN[d.op]} ${inSentence(d.other)} (${d.otherActual})`,
    'reasons.boolean': (d: { fact: string; actual: string; expected: boolean }) => `${d.fact}: ${d.actual}${d.expected ? '' : ' (required: no)'}`,
    'reasons.any_of': (d: { options: string[] }) => `none of these holds: ${d.options.join(' or ')}`,
    'reasons.condition': (d: { facts: string[] }) => (d.facts.length ? `condition not met (${d.facts.join('; ')})` : 'condition not met'),
    'reasons.missing': (d: { facts: string[] }) => `missing facts: ${d.facts.join('; ')}`,
    'reasons.not_applicable': (d: { because: string }) => `not applicable: ${d.because}`,
    'reasons.triggered': (d: { facts: string[] }) => d.facts.join('; '),
    'reasons.evidence': (d: { problems: string[] }) => `evidence does not hold: ${d.problems.join('; ')}`,
    'reasons.error': (d: { message: string }) => `rule could not be evaluated: ${d.message}`,
    'reasons.pending': (d: { fact: string; actual: string; remaining: string; due: string }) => `${d.fact} ${d.actual}; ${d.remaining} more due by ${d.due}`,
    'reasons.and': '; ',
    'reasons.also': ', ',
    'reasons.fact_value': (d: { fact: string; value: string }) => `${d.fact}: ${d.value}`,
    'reasons.fact_with_id': (d: { fact: string; id: string }) => `${d.fact} (${d.id})`,
    'reasons.yes': 'yes',
    'reasons.no': 'no',
    'reasons.absent': 'not filled in',
    'reasons.date': (d: { year: number; month: number; day: number }) => `${d.day} ${MONTHS_EN[d.month - 1] ?? d.month} ${d.year}`,
  },
});

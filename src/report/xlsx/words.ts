import type { ItemResult, ItemState, Lang, Verdict, VetoState } from '../../assess/types.js';
import { sharedVocabulary } from '../../standard/vocabulary.js';
import { labels } from '../labels.js';
import { t } from '../../messages/catalogue.js';

/** Words for states and verdicts, as every other report prints them. */
export const verdictWord = (lang: Lang, v: Verdict) => labels(lang).verdict[v];
export const stateWord = (lang: Lang, s: ItemState | string) => (labels(lang).state as Record<string, string>)[s] ?? s;
export const vetoWord = (lang: Lang, s: VetoState) => labels(lang).veto[s];

/** The values an item read, in words: "每年召开协调机制会议次数 3 次；已建立…：是" (vocabulary wording; a fact it doesn't know by its id). */
export function actualInWords(lang: Lang, actual: ItemResult['actual']): string {
  const vocabulary = sharedVocabulary();
  return Object.entries(actual)
    .map(([fact, v]) => {
      const spec = vocabulary[fact];
      const name = spec ? (lang === 'en' ? spec.en : spec.zh) : fact;
      const sep = lang === 'en' ? ': ' : '：';
      if (v === null || v === undefined) return `${name}${sep}${t(lang, 'xlsx.notFilled')}`;
      if (typeof v === 'boolean') return `${name}${sep}${v ? t(lang, 'xlsx.yes') : t(lang, 'xlsx.no')}`;
      const unit = spec ? (lang === 'en' ? (spec.unit_en ?? spec.unit) : spec.unit) : undefined;
      return lang === 'en' ? `${name}: ${String(v)}${unit ? ` ${unit}` : ''}` : `${name} ${String(v)}${unit ? ` ${unit}` : ''}`;
    })
    .join(lang === 'en' ? '; ' : '；');
}

/** A fixed word of the xlsx section by id (headers built from lists of ids). */
export const word = (lang: Lang, id: `xlsx.${string}`): string => (t as unknown as (l: Lang, i: string) => string)(lang, id);

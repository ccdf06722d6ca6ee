import type { Lang } from './types.js';

const rules = { zh: new Intl.PluralRules('zh'), en: new Intl.PluralRules('en') };

/** `1 item`, `2 items` in English; Chinese has one form (`1 项`). */
export function plural(lang: Lang, n: number, forms: { one: string; other: string }): string {
  return rules[lang].select(n) === 'one' ? forms.one : forms.other;
}

/** `times` → `time`, `agencies` → `agency`, `years of age` → `year of age`, `people` → `person`. */
export function singular(unit: string): string {
  const irregular: Record<string, string> = { people: 'person', children: 'child' };
  if (irregular[unit]) return irregular[unit];
  return unit.replace(/(\p{L}{2,}?)(ies|s)(?=$|[\s/])/u, (_, stem: string, end: string) => stem + (end === 'ies' ? 'y' : ''));
}

/** An English unit for `n` (`1 time`, `2 times`; the vocabulary gives units in the plural); zh as it is. */
export function unitFor(lang: Lang, n: number, unit: string): string {
  return lang === 'en' ? plural(lang, n, { one: singular(unit), other: unit }) : unit;
}

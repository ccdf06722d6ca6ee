import type { Lang } from './types.js';

const rules = { zh: new Intl.PluralRules('zh'), en: new Intl.PluralRules('en') };

/** `1 item`, `2 items` in English; Chinese has one form (`1 项`). */
export function plural(lang: Lang, n: number, forms: { one: string; other: string }): string {
  return rules[lang].select(n) === 'one' ? forms.one : forms.other;
}

/** The languages weibao prints. zh is the default: the people who read its reports are Chinese speakers. */
export type Lang = 'zh' | 'en';

/** A message: fixed words, or words filled in from data (ESLint's messageId + data). */
export type Message = string | ((data: any) => string);

/**
 * One section of the catalogue: the same ids in both languages, each taking the same data. The
 * compiler refuses an en table that lacks an id of the zh one, adds one, or takes other data.
 */
export function defineSection<Z extends Record<string, Message>>(section: { zh: Z; en: { [K in keyof Z]: Z[K] } }): { zh: Z; en: { [K in keyof Z]: Z[K] } } {
  return section;
}

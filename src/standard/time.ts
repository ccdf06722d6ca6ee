import { t } from '../messages/catalogue.js';
import type { Lang } from '../messages/types.js';
import type { TimeBasis, Vocabulary } from './types.js';

/**
 * How time enters a fact, as the vocabulary declares it (`time`: see TimeBasis): what lint asks
 * of every fact an item reads, and what the facts template says each fact counts. Assessing a
 * part-year period by these bases is assess/period.ts.
 */
export const TIME_BASES: readonly TimeBasis[] = ['year', 'quarters', 'quarter', 'period', 'now'];

/** Whether an item reads only facts that say how time enters them (lint: an item that doesn't is refused). */
export function undeclaredTime(reads: readonly string[], vocabulary: Vocabulary): string[] {
  return reads.filter((p) => vocabulary[p] !== undefined && !TIME_BASES.includes(vocabulary[p].time as TimeBasis));
}

/** What a fact counts, for the facts template (assess init): the year to date, the period, or the state now. */
export function timeWords(basis: TimeBasis | undefined, lang: Lang): string {
  return basis ? t(lang, `period.time.${basis}`) : '';
}

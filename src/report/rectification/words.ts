import type { AssessResult, Lang } from '../../assess/types.js';
import { t } from '../../messages/catalogue.js';

/**
 * What a 整改清单 says of a negative list that triggered nothing: that it was checked (负面工作清单 9
 * 项已核查，均未触发), so a reader never takes its absence for a skipped check. Empty where the
 * standard has no negative list or something on it is triggered or undecided (listed instead).
 */
export function negativeListLine(r: Pick<AssessResult, 'vetoes'>, lang: Lang): string {
  if (!r.vetoes.length || r.vetoes.some((v) => v.state !== 'clear')) return '';
  return t(lang, 'report.vetoesClear', { n: r.vetoes.length });
}

import type { ItemState } from './types.js';

/**
 * Still to do: an item not met — failed, its facts missing, its evidence not holding, or in a
 * state this build does not know (shown rather than dropped). Met, not applicable and
 * (part-year) not yet due are not open. The 整改清单, the batch summary, the markdown findings
 * and `--baseline`'s "still open" all count with this one test.
 */
export function isOpen(item: { state: ItemState | string }): boolean {
  return item.state !== 'pass' && item.state !== 'not_applicable' && item.state !== 'pending';
}

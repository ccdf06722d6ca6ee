import type { AssessResult } from '../assess/types.js';
import { EXIT, exitForVerdict } from './exit.js';

/**
 * `--fail-on`: what makes `assess` exit non-zero. Invalid input (3) and usage errors (4) always
 * do; these levels choose among findings:
 *   fail    (default) the contract's codes: any item not met or facts missing → 1, a veto → 2
 *   missing only an incomplete submission → 1 (facts missing, a veto's facts missing, evidence
 *           that does not hold), a veto → 2; items that are simply not met exit 0 — for a 街道
 *           checking that its pack is complete before submitting it
 *   veto    only a triggered negative-list item → 2
 */
export const FAIL_ON = ['fail', 'missing', 'veto'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export function exitFor(result: AssessResult, failOn: FailOn = 'fail'): number {
  if (failOn === 'fail') return exitForVerdict(result.verdict);
  if (result.verdict === 'veto') return EXIT.veto;
  if (failOn === 'veto') return EXIT.pass;
  const incomplete = result.items.some((i) => i.state === 'missing' || i.state === 'unsupported') || result.vetoes.some((v) => v.state === 'missing');
  return incomplete ? EXIT.fail : EXIT.pass;
}

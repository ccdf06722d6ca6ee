/**
 * Why an item or a negative-list item stands as it does, as data: evaluation returns these and
 * no words. Formatters and the CLI turn them into sentences through one catalogue
 * (src/messages/), in whichever language they print (ESLint's messageId + data is the model).
 * The JSON output carries them as `reasons`, beside the `explanation` rendered in `--lang`.
 */

/** A fact as it stood in the submission: its path and its value (null where absent). */
export interface FactValue {
  fact: string;
  actual: unknown;
}

export type Comparison = '>=' | '>' | '<=' | '<' | '==' | '===' | '!=' | '!==';

export type Reason =
  /** A fact against a constant threshold: 每年召开协调机制会议次数 1 次，要求至少 2 次. */
  | { kind: 'compare'; fact: string; op: Comparison; actual: unknown; expected: number | string; unit?: string }
  /** A fact against another fact: 已设立儿童主任的村(居)数（居民区和村） 3 个，要求不少于辖区村(居)数（含居民区和村），即 5 个. */
  | { kind: 'compare_fact'; fact: string; op: Comparison; actual: unknown; other: string; otherActual: unknown; unit?: string }
  /** A yes/no fact that is not what the item requires (actual null: not filled in). */
  | { kind: 'boolean'; fact: string; expected: boolean; actual: unknown }
  /** None of several alternatives holds; each alternative's own reasons. */
  | { kind: 'any_of'; options: Reason[][] }
  /** Some other condition does not hold; the facts it looked at. */
  | { kind: 'condition'; facts: FactValue[] }
  /** Facts evaluation needed and did not find (absent or null). */
  | { kind: 'missing'; facts: string[] }
  /** The item does not apply: why its applies_if condition does not hold. */
  | { kind: 'not_applicable'; because: Reason[] }
  /** A negative-list item is triggered by these facts. */
  | { kind: 'triggered'; facts: FactValue[] }
  /** A data pack's evidence does not prove a fact (src/assess/evidence.ts); `code` is its problem. */
  | { kind: 'evidence'; code: string; fact: string; path?: string; data?: Record<string, unknown> }
  /** The rule could not be evaluated on this data (it threw); `message` is the error's own. */
  | { kind: 'error'; message: string }
  /**
   * Part-year period (the 月报): a yearly (or quarterly) requirement not yet due. `remaining`
   * is what is still to do by `due` (e.g. one more meeting by year end).
   */
  | { kind: 'pending'; fact: string; op: Comparison; actual: unknown; expected: number; remaining: number; due: string; unit?: string };

export type ReasonKind = Reason['kind'];

/**
 * An empty list made as V8 makes a list that holds objects or strings (elements kind
 * PACKED_ELEMENTS), not as `[]` makes one (small integers, until the first push). An area's
 * warnings are a list that is empty in nearly every area of a batch: made with `[]`, the code
 * that reads them (input.ts, assess.ts, the CLI's step and its loop over outcomes) met two kinds
 * of list, and TurboFan compiled each such function again at the first area with a warning
 * (--trace-deopt: "wrong map" in assessHere and take in a 2,000-area csv run). Pushing onto it,
 * slicing or spreading it keeps the one kind, whether it holds anything or not.
 */
export function emptyList<T>(): T[] {
  const list: T[] = [undefined as T];
  list.length = 0;
  return list;
}

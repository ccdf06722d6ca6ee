/** Marker for "no such value" while walking a var path. */
export const NOT_FOUND: unique symbol = Symbol('not found');

/**
 * Walk a dotted `var` path the way json-logic-js does, with one deliberate difference: only
 * own properties are followed (and a string's indices and length), so `__proto__`,
 * `constructor` or `toString` in a submitted path resolve to "not found", never to something
 * inherited from Object.prototype.
 */
export function resolvePath(data: unknown, path: unknown): unknown | typeof NOT_FOUND {
  if (path === undefined || path === '' || path === null) return data;
  const parts = String(path).split('.');
  let current: unknown = data;
  for (let i = 0; i < parts.length; i++) {
    if (current === null || current === undefined) return NOT_FOUND;
    current = step(current, parts[i]);
    if (current === undefined) return NOT_FOUND;
  }
  return current;
}

function step(value: unknown, key: string): unknown {
  if (typeof value === 'object') {
    return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (typeof value === 'string') {
    if (key === 'length') return value.length;
    // Only canonical indices, as JavaScript reads them: "01" is not index 1 of a string.
    return /^(?:0|[1-9]\d*)$/.test(key) ? value[Number(key)] : undefined;
  }
  return undefined;
}

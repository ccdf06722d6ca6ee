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
  return resolveParts(data, String(path).split('.'));
}

/** resolvePath with the path already split at its dots. */
export function resolveParts(data: unknown, parts: readonly string[]): unknown | typeof NOT_FOUND {
  let current: unknown = data;
  for (let i = 0; i < parts.length; i++) {
    if (current === null || current === undefined) return NOT_FOUND;
    current = step(current, parts[i]);
    if (current === undefined) return NOT_FOUND;
  }
  return current;
}

const OBJECT_PROTOTYPE = Object.prototype;

export function step(value: unknown, key: string): unknown {
  if (typeof value === 'object') {
    // A plain object (a parsed facts file) inherits only Object.prototype's names: for any other
    // key one lookup settles it, without asking whether the property is its own.
    if (Object.getPrototypeOf(value) === OBJECT_PROTOTYPE && !(key in OBJECT_PROTOTYPE)) return (value as Record<string, unknown>)[key];
    return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (typeof value === 'string') {
    if (key === 'length') return value.length;
    // Only canonical indices, as JavaScript reads them: "01" is not index 1 of a string.
    return /^(?:0|[1-9]\d*)$/.test(key) ? value[Number(key)] : undefined;
  }
  return undefined;
}

/** JSON-Logic truthiness (jsonlogic.com/truthy): like JavaScript, except that [] is falsy. */
export function truthy(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.length === 0) return false;
  return !!value;
}

/** `assess diff --format` names, without importing the formatters (index.ts; a test keeps them equal). */
export const DIFF_FORMAT_NAMES: readonly string[] = ['table', 'json', 'markdown'];

import type { DiffFormatter } from './types.js';

/**
 * The diff as data (schemaVersion 1, README "assess diff"): the StandardDiff of src/diff/types.ts
 * and, with --facts, `impact`. Keys and list order are fixed, so the output can be diffed itself.
 */
export const json: DiffFormatter = (diff, impact) => JSON.stringify(impact ? { ...diff, impact } : diff, null, 2) + '\n';

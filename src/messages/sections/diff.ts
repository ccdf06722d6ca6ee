import { defineSection } from '../types.js';

/** Messages of section `diff` (ids prefixed `diff.`); zh first, en with the same ids and data. */
export const diff = defineSection({
  zh: {
    'diff.none': '无',
  },
  en: {
    'diff.none': 'none',
  },
});

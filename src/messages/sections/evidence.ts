import { defineSection } from '../types.js';

/** Messages of section `evidence` (ids prefixed `evidence.`); zh first, en with the same ids and data. */
export const evidence = defineSection({
  zh: {
    'evidence.none': '无',
  },
  en: {
    'evidence.none': 'none',
  },
});

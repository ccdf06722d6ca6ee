import { defineSection } from '../types.js';

/** Messages of section `period` (ids prefixed `period.`); zh first, en with the same ids and data. */
export const period = defineSection({
  zh: {
    'period.none': '无',
  },
  en: {
    'period.none': 'none',
  },
});

import { defineSection } from '../types.js';

/** Messages of section `reasons` (ids prefixed `reasons.`); zh first, en with the same ids and data. */
export const reasons = defineSection({
  zh: {
    'reasons.none': '无',
  },
  en: {
    'reasons.none': 'none',
  },
});

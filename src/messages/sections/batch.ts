import { defineSection } from '../types.js';

/** Messages of section `batch` (ids prefixed `batch.`); zh first, en with the same ids and data. */
export const batch = defineSection({
  zh: {
    'batch.none': '无',
  },
  en: {
    'batch.none': 'none',
  },
});

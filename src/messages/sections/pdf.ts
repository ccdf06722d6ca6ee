import { defineSection } from '../types.js';

/** Messages of section `pdf` (ids prefixed `pdf.`); zh first, en with the same ids and data. */
export const pdf = defineSection({
  zh: {
    'pdf.none': '无',
  },
  en: {
    'pdf.none': 'none',
  },
});

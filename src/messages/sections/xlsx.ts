import { defineSection } from '../types.js';

/** Messages of section `xlsx` (ids prefixed `xlsx.`); zh first, en with the same ids and data. */
export const xlsx = defineSection({
  zh: {
    'xlsx.none': '无',
  },
  en: {
    'xlsx.none': 'none',
  },
});

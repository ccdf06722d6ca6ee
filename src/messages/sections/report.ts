import { defineSection } from '../types.js';

/** Messages of section `report` (ids prefixed `report.`); zh first, en with the same ids and data. */
export const report = defineSection({
  zh: {
    'report.none': '无',
  },
  en: {
    'report.none': 'none',
  },
});

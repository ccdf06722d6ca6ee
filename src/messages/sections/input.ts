import { defineSection } from '../types.js';

/** Messages of section `input` (ids prefixed `input.`); zh first, en with the same ids and data. */
export const input = defineSection({
  zh: {
    'input.none': '无',
  },
  en: {
    'input.none': 'none',
  },
});

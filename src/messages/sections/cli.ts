import { defineSection } from '../types.js';

/** Messages of section `cli` (ids prefixed `cli.`); zh first, en with the same ids and data. */
export const cli = defineSection({
  zh: {
    'cli.none': '无',
  },
  en: {
    'cli.none': 'none',
  },
});

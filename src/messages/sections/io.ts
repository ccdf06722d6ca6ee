import { defineSection } from '../types.js';

/** Messages of section `io` (ids prefixed `io.`); zh first, en with the same ids and data. */
export const io = defineSection({
  zh: {
    'io.none': '无',
  },
  en: {
    'io.none': 'none',
  },
});

import { describe, expect, it } from 'vitest';
import { SECTIONS, t } from '../../src/messages/catalogue.js';

describe('message catalogue', () => {
  it('every id is prefixed with its section and stands in one section only', () => {
    const seen = new Map<string, string>();
    for (const [name, section] of Object.entries(SECTIONS)) {
      for (const id of Object.keys(section.zh)) {
        expect(id.startsWith(`${name}.`), `${id} in section ${name}`).toBe(true);
        expect(seen.get(id), `${id} in ${seen.get(id)} and ${name}`).toBeUndefined();
        seen.set(id, name);
      }
    }
  });

  it('every id has both languages, and the en words hold no Han characters', () => {
    for (const section of Object.values(SECTIONS)) {
      expect(Object.keys(section.en).sort()).toEqual(Object.keys(section.zh).sort());
      for (const [id, m] of Object.entries(section.en)) {
        if (typeof m === 'string') expect(/\p{Script=Han}/u.test(m), `${id}: ${m}`).toBe(false);
      }
    }
  });

  it('fills in words by language', () => {
    expect(t('zh', 'report.none')).toBe('无');
    expect(t('en', 'report.none')).toBe('none');
  });
});

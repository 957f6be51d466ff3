// Tests for UI languages and localized text (shared/locale/lang).
import { describe, it, expect } from 'vitest';
import { LANGS, pick } from '../../../shared/locale/lang';

describe('pick', () => {
  it('lists Russian first as the default', () => {
    expect(LANGS).toEqual(['ru', 'kk', 'en']);
  });

  it('picks the text in the requested language', () => {
    const l = { ru: 'Проект', kk: 'Жоба', en: 'Project' };
    expect(LANGS.map((lang) => pick(l, lang))).toEqual(['Проект', 'Жоба', 'Project']);
  });

  it('falls back to Russian, then English, for an empty translation', () => {
    expect(pick({ ru: 'Проект', kk: '', en: 'Project' }, 'kk')).toBe('Проект');
    expect(pick({ ru: '', kk: '', en: 'Project' }, 'kk')).toBe('Project');
  });
});

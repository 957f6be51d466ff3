// Tests for the ОКЭД sections (shared/domain/oked).
import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { OKED_CODES, OKED_SECTIONS, okedName } from '../../../shared/domain/oked';
import { LANGS } from '../../../shared/locale/lang';

describe('OKED sections', () => {
  it('has the 21 sections A–U in order, matching the codes tuple', () => {
    expect(OKED_CODES.join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    expect(OKED_SECTIONS.map((s) => s.code)).toEqual([...OKED_CODES]);
  });

  it('names every section in all three languages', () => {
    for (const { name } of OKED_SECTIONS) for (const lang of LANGS) expect(name[lang].trim()).not.toBe('');
  });

  it('names sections by code', () => {
    expect(okedName('C', 'ru')).toBe('Обрабатывающая промышленность');
    expect(okedName('C', 'kk')).toBe('Өңдеу өнеркәсібі');
    expect(okedName('B', 'en')).toBe('Mining and quarrying');
    expect(okedName('Z', 'ru')).toBe('');
  });

  it('works as a zod enum', () => {
    const schema = z.enum(OKED_CODES);
    expect(schema.parse('F')).toBe('F');
    expect(schema.safeParse('V').success).toBe(false);
  });
});

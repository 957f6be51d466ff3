// The passport's line of jobs: each figure named, a missing one as a dash; no figure at all, an
// empty line like the other figures, not «при строительстве — —; постоянных — —».
import { expect, it } from 'vitest';
import { passportInput } from '../../../shared/export/register-input';
import { projects, registerSource } from '../../integration/export/register-fixture';

/** The line with its grouping space (a no-break one) as a plain space. */
const jobs = (lang: 'ru' | 'kk', p: (typeof projects)[number]) => passportInput(registerSource(lang), p).jobs.replace(/[\u00A0\u202F]/g, ' ');

it('names each job figure, and leaves the line empty when the project has none', () => {
  const [full, partial] = projects;
  if (!full || !partial) throw new Error('fixture');
  expect(jobs('ru', full)).toBe('при строительстве: 400; постоянных: 350 (создано: 40)');
  expect(jobs('ru', partial)).toBe('при строительстве: —; постоянных: 1 200 (создано: —)');
  expect(jobs('kk', partial)).toBe('құрылыс кезеңінде: —; тұрақты: 1 200 (құрылғаны: —)');
  const none = { ...partial, jobsPermanentPlanned: undefined };
  expect(jobs('ru', none)).toBe('');
});

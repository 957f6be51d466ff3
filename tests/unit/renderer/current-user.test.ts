// The name a clerk who has given none is recorded under (history, stage log, the Settings field):
// in the interface's language, not «Секретарь» in every one.
import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { currentUser } from '../../../renderer/src/app/services';

describe('the unnamed clerk', () => {
  afterAll(async () => {
    await i18next.changeLanguage('ru');
  });

  it('is named in the interface language', async () => {
    await i18next.init({ lng: 'ru', resources: {} });
    expect(currentUser()).toBe('Секретарь');
    await i18next.changeLanguage('kk');
    expect(currentUser()).toBe('Хатшы');
    await i18next.changeLanguage('en');
    expect(currentUser()).toBe('Secretary');
  });
});

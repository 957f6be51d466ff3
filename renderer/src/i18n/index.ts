// i18next setup: Russian by default, Kazakh and English; the choice is remembered. The strings
// are the shared words plus every feature's own (resources.ts).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '@shared/locale/lang';
import { resources } from './resources';

const STORAGE_KEY = 'hattama.lang';

/** The language saved on this machine, or Russian. */
export function savedLang(): Lang {
  const v = globalThis.localStorage?.getItem(STORAGE_KEY);
  return v === 'kk' || v === 'en' || v === 'ru' ? v : 'ru';
}

export async function initI18n(lang: Lang = savedLang()) {
  await i18next.use(initReactI18next).init({
    resources: { ru: { translation: resources.ru }, kk: { translation: resources.kk }, en: { translation: resources.en } },
    lng: lang,
    fallbackLng: 'ru',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lang;
  return i18next;
}

/** Switches the UI language and remembers it. */
export async function changeLang(lang: Lang) {
  await i18next.changeLanguage(lang);
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}

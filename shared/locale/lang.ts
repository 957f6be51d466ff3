// The UI languages (Russian by default, Kazakh, English) and text given in all of them.

/** UI languages; the first one is the default. */
export const LANGS = ['ru', 'kk', 'en'] as const;

/** A UI language code. */
export type Lang = (typeof LANGS)[number];

/** A text in every UI language. */
export type Localized = Record<Lang, string>;

/**
 * The text of `l` in `lang`. An empty translation falls back to Russian, then English,
 * so a missing Kazakh string shows the Russian one instead of a blank.
 */
export function pick(l: Localized, lang: Lang): string {
  return l[lang] || l.ru || l.en;
}

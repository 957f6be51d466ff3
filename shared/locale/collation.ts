// Precomputed sort keys that order text as Intl.Collator does in the UI language (ru, kk, en):
// digits numerically, case and punctuation ignored, each language's letter order and script
// order, so 100,000 rows sort by plain string comparison instead of a collator call per compare.

import type { Lang } from './lang';

const LATIN = 'abcdefghijklmnopqrstuvwxyz';
/** Cyrillic order of the root (and Russian) collation, with ё equal to е at the base level. */
const CYRILLIC_ROOT = 'аәбвгғдежзиійкқлмнңоөпрстуүұфхһцчшщъыьэюя';
/** Kazakh alphabet order: ё a letter of its own, ұ before ү, і after ы. */
const CYRILLIC_KK = 'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя';

/** Weight of each UTF-16 code unit below U+0500 (0 = ignored), per UI language. */
function table(cyrillic: string, cyrillicFirst: boolean): Uint16Array {
  const m = new Uint16Array(0x500);
  const [cyr, lat] = cyrillicFirst ? [0x100, 0x300] : [0x300, 0x100];
  for (let i = 0; i < LATIN.length; i++) m[LATIN.charCodeAt(i)] = lat + i;
  for (let i = 0; i < cyrillic.length; i++) m[cyrillic.charCodeAt(i)] = cyr + i;
  if (!cyrillic.includes('ё')) m['ё'.charCodeAt(0)] = m['е'.charCodeAt(0)] ?? 0;
  return m;
}

const TABLES: Record<Lang, Uint16Array> = {
  ru: table(CYRILLIC_ROOT, true),
  kk: table(CYRILLIC_KK, true),
  en: table(CYRILLIC_ROOT, false),
};

const SEPARATOR = 0x01;
const DIGITS = 0x10;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || (c >= 0x2000 && c <= 0x200b);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** A key whose code-unit order is the collation order of `text` in `lang`. */
export function collationKey(text: string, lang: Lang): string {
  const weights = TABLES[lang];
  // № decomposes to "No" and collates as those Latin letters.
  const s = text.toLocaleLowerCase('ru').replaceAll('№', 'no');
  const out: number[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      let j = i;
      while (j < s.length && isDigit(s.charCodeAt(j))) j++;
      let k = i;
      while (k < j - 1 && s.charCodeAt(k) === 0x30) k++;
      out.push(DIGITS, 0x30 + Math.min(j - k, 0xff));
      for (let d = k; d < j; d++) out.push(s.charCodeAt(d));
      i = j;
      continue;
    }
    const w = c < 0x500 ? (weights[c] ?? 0) : 0;
    if (w !== 0) out.push(w);
    else if (isSpace(c)) {
      if (out.length > 0 && out[out.length - 1] !== SEPARATOR) out.push(SEPARATOR);
    } else if (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && (c < 0x2000 || c > 0x2bff) && /\p{L}/u.test(s[i] ?? '')) {
      out.push(0x1000 + (c % 0xe000));
    }
    i++;
  }
  let key = '';
  for (let p = 0; p < out.length; p += 4096) key += String.fromCharCode(...out.slice(p, p + 4096));
  return key;
}

/**
 * Ranks of `texts` in collation order (equal texts share a rank): sorting rows by these integers
 * is the same as sorting them by `collationKey`, at the cost of one key sort up front.
 */
export function collationRanks(texts: readonly string[], lang: Lang): Int32Array {
  const keys = texts.map((t) => collationKey(t, lang));
  const order = Array.from(keys.keys()).sort((a, b) => compareKeys(keys[a] ?? '', keys[b] ?? ''));
  const ranks = new Int32Array(texts.length);
  let rank = 0;
  for (let i = 0; i < order.length; i++) {
    const idx = order[i] ?? 0;
    if (i > 0 && keys[idx] !== keys[order[i - 1] ?? 0]) rank = i;
    ranks[idx] = rank;
  }
  return ranks;
}

/** Compares two precomputed keys. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// The period of an official figure in words, as the statistics bureau and the press write it:
// «2025 год», «II квартал 2025», «октябрь 2025», «январь–октябрь 2025» (and in Kazakh, English).
import type { StatPeriod } from '../domain/investment-stat.schema';
import type { Lang } from '../locale/lang';

const MONTHS: Record<Lang, readonly string[]> = {
  ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const ROMAN = ['I', 'II', 'III', 'IV'];

/** The name of month `m` (1–12) in `lang`, as a period is named (nominative). */
export function monthName(m: number, lang: Lang): string {
  return MONTHS[lang][m - 1] ?? String(m);
}

/** The period in words; `periodNo` is the quarter, the month, or the last month of a cumulative figure. */
export function periodLabel(f: { year: number; period?: StatPeriod | undefined; periodNo?: number | undefined }, lang: Lang): string {
  const { year } = f;
  const n = f.periodNo ?? 1;
  switch (f.period ?? 'year') {
    case 'year':
      return lang === 'ru' ? `${year} год` : lang === 'kk' ? `${year} жыл` : String(year);
    case 'quarter': {
      const q = ROMAN[n - 1] ?? String(n);
      return lang === 'ru' ? `${q} квартал ${year}` : lang === 'kk' ? `${year} ж. ${q} тоқсан` : `Q${n} ${year}`;
    }
    case 'month':
      return lang === 'kk' ? `${year} ж. ${monthName(n, lang)}` : `${monthName(n, lang)} ${year}`;
    case 'ytd': {
      const months = n === 1 ? monthName(1, lang) : `${monthName(1, lang)}–${monthName(n, lang)}`;
      return lang === 'kk' ? `${year} ж. ${months}` : `${months} ${year}`;
    }
  }
}

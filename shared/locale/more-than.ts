// «More than» a figure, as the press writes a lower bound: «более 1,2 трлн ₸», «more than 1.2 trn ₸»,
// and in Kazakh with the figure in the ablative case before «астам»: «1,2 трлн теңгеден астам»,
// «125%-дан астам», «10-нан астам». The ablative ending follows the last word the figure is read
// with (он → оннан, бес → бестен, жүз → жүзден, миллиард → миллиардтан, пайыз → пайыздан).
import type { Lang } from './lang';

/** The ablative endings after the units 0–9 read as words (нөл, бір, екі, үш, төрт, бес, алты, жеті, сегіз, тоғыз). */
const UNITS = ['ден', 'ден', 'ден', 'тен', 'тен', 'тен', 'дан', 'ден', 'ден', 'дан'] as const;
/** … after the tens 10–90 (он, жиырма, отыз, қырық, елу, алпыс, жетпіс, сексен, тоқсан). */
const TENS = ['', 'нан', 'дан', 'дан', 'тан', 'ден', 'тан', 'тен', 'нен', 'нан'] as const;
/** … after a scale word written short: трлн (триллион), млрд (миллиард), млн (миллион), мың. */
const SCALES: Record<string, string> = { трлн: 'нан', млрд: 'тан', млн: 'нан', мың: 'нан' };

/** The ablative ending of a whole number read in Kazakh: the ending of its last word. */
function endingOfWhole(digits: string): string {
  const n = digits.replace(/^0+(?=\d)/, '');
  const last = (k: number) => Number(n.charAt(n.length - k) || '0');
  if (last(1) !== 0 || /^0*$/.test(n)) return UNITS[last(1)] ?? 'ден';
  if (last(2) !== 0) return TENS[last(2)] ?? 'нан';
  if (last(3) !== 0) return 'ден'; // жүз
  // Read with its scale word last: «бес мың», «екі миллион», «үш миллиард», «бір триллион».
  const zeros = n.length - n.replace(/0+$/, '').length;
  return SCALES[zeros >= 12 ? 'трлн' : zeros >= 9 ? 'млрд' : zeros >= 6 ? 'млн' : 'мың'] ?? 'нан';
}

/** A formatted figure in the Kazakh ablative: «1,2 трлн ₸» → «1,2 трлн теңгеден», «125%» → «125%-дан», «10» → «10-нан». */
export function kkAblative(text: string): string {
  const t = text.trim();
  const sign = /[\s\u00A0\u202F]*₸$/u.exec(t);
  if (sign) return `${t.slice(0, sign.index)}\u00A0теңгеден`;
  if (t.endsWith('%')) return `${t}-дан`;
  const scale = /(трлн|млрд|млн|мың)\.?$/u.exec(t);
  if (scale?.[1]) return `${t}-${SCALES[scale[1]]}`;
  const number = /(\d[\d\s\u00A0\u202F]*)(?:[,.](\d+))?$/u.exec(t);
  if (!number?.[1]) return t;
  const fraction = number[2];
  // «1,5» is read «бір бүтін оннан бес»: the ending of the fraction's own last word.
  const ending = fraction && /[1-9]/.test(fraction) ? endingOfWhole(fraction.replace(/0+$/, '')) : endingOfWhole(number[1].replace(/\D/g, ''));
  return `${t}-${ending}`;
}

/** `text` as a lower bound in `lang`: «более 1,2 трлн ₸», «1,2 трлн теңгеден астам», «more than 1.2 trn ₸». */
export function moreThan(text: string, lang: Lang): string {
  if (lang === 'kk') return `${kkAblative(text)} астам`;
  return lang === 'en' ? `more than ${text}` : `более ${text}`;
}

// The sections A–U of ОКЭД (ЭҚЖЖ), Kazakhstan's NACE Rev. 2 based classifier of economic activities.
import { pick } from '../locale/lang';
import type { Lang, Localized } from '../locale/lang';

/** Section letters in classifier order, as a tuple for `z.enum(OKED_CODES)`. */
export const OKED_CODES = [
  'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U',
] as const;

/** A section letter of ОКЭД. */
export type OkedCode = (typeof OKED_CODES)[number];

/** A section of ОКЭД (секция / бөлім). */
export type OkedSection = { code: OkedCode; name: Localized };

/** All 21 sections in classifier order. */
export const OKED_SECTIONS: readonly OkedSection[] = [
  {
    code: 'A',
    name: { ru: 'Сельское, лесное и рыбное хозяйство', kk: 'Ауыл, орман және балық шаруашылығы', en: 'Agriculture, forestry and fishing' },
  },
  {
    code: 'B',
    name: {
      ru: 'Горнодобывающая промышленность и разработка карьеров',
      kk: 'Тау-кен өндіру өнеркәсібі және карьерлерді қазу',
      en: 'Mining and quarrying',
    },
  },
  { code: 'C', name: { ru: 'Обрабатывающая промышленность', kk: 'Өңдеу өнеркәсібі', en: 'Manufacturing' } },
  {
    code: 'D',
    name: {
      ru: 'Электроснабжение, подача газа, пара и воздушное кондиционирование',
      kk: 'Электр энергиясымен, газбен, бумен, ыстық сумен және ауаны кондициялаумен жабдықтау',
      en: 'Electricity, gas, steam and air conditioning supply',
    },
  },
  {
    code: 'E',
    name: {
      ru: 'Водоснабжение; канализационная система, контроль над сбором и распределением отходов',
      kk: 'Сумен жабдықтау; кәріз жүйесі, қалдықтардың жиналуын және таратылуын бақылау',
      en: 'Water supply; sewerage, waste management and remediation activities',
    },
  },
  { code: 'F', name: { ru: 'Строительство', kk: 'Құрылыс', en: 'Construction' } },
  {
    code: 'G',
    name: {
      ru: 'Оптовая и розничная торговля; ремонт автомобилей и мотоциклов',
      kk: 'Көтерме және бөлшек сауда; автомобильдерді және мотоциклдерді жөндеу',
      en: 'Wholesale and retail trade; repair of motor vehicles and motorcycles',
    },
  },
  { code: 'H', name: { ru: 'Транспорт и складирование', kk: 'Көлік және қоймалау', en: 'Transportation and storage' } },
  {
    code: 'I',
    name: {
      ru: 'Услуги по проживанию и питанию',
      kk: 'Тұру және тамақтану бойынша қызметтер',
      en: 'Accommodation and food service activities',
    },
  },
  { code: 'J', name: { ru: 'Информация и связь', kk: 'Ақпарат және байланыс', en: 'Information and communication' } },
  {
    code: 'K',
    name: { ru: 'Финансовая и страховая деятельность', kk: 'Қаржы және сақтандыру қызметі', en: 'Financial and insurance activities' },
  },
  {
    code: 'L',
    name: { ru: 'Операции с недвижимым имуществом', kk: 'Жылжымайтын мүлікпен операциялар', en: 'Real estate activities' },
  },
  {
    code: 'M',
    name: {
      ru: 'Профессиональная, научная и техническая деятельность',
      kk: 'Кәсіби, ғылыми және техникалық қызмет',
      en: 'Professional, scientific and technical activities',
    },
  },
  {
    code: 'N',
    name: {
      ru: 'Деятельность в области административного и вспомогательного обслуживания',
      kk: 'Әкімшілік және қосалқы қызмет көрсету саласындағы қызмет',
      en: 'Administrative and support service activities',
    },
  },
  {
    code: 'O',
    name: {
      ru: 'Государственное управление и оборона; обязательное социальное обеспечение',
      kk: 'Мемлекеттік басқару және қорғаныс; міндетті әлеуметтік қамсыздандыру',
      en: 'Public administration and defence; compulsory social security',
    },
  },
  { code: 'P', name: { ru: 'Образование', kk: 'Білім беру', en: 'Education' } },
  {
    code: 'Q',
    name: {
      ru: 'Здравоохранение и социальные услуги',
      kk: 'Денсаулық сақтау және халыққа әлеуметтік қызмет көрсету',
      en: 'Human health and social work activities',
    },
  },
  {
    code: 'R',
    name: { ru: 'Искусство, развлечения и отдых', kk: 'Өнер, ойын-сауық және демалыс', en: 'Arts, entertainment and recreation' },
  },
  { code: 'S', name: { ru: 'Предоставление прочих видов услуг', kk: 'Өзге де қызмет түрлерін ұсыну', en: 'Other service activities' } },
  {
    code: 'T',
    name: {
      ru: 'Деятельность домашних хозяйств, нанимающих домашнюю прислугу и производящих товары и услуги для собственного потребления',
      kk: 'Үй қызметшілерін жалдайтын және өз тұтынуы үшін тауарлар мен қызметтер өндіретін үй шаруашылықтарының қызметі',
      en: 'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use',
    },
  },
  {
    code: 'U',
    name: {
      ru: 'Деятельность экстерриториальных организаций и органов',
      kk: 'Экстерриториялық ұйымдар мен органдардың қызметі',
      en: 'Activities of extraterritorial organisations and bodies',
    },
  },
];

/** A section's name in `lang`, or '' for a code that is not a section. */
export function okedName(code: string, lang: Lang): string {
  const section = OKED_SECTIONS.find((s) => s.code === code);
  return section ? pick(section.name, lang) : '';
}

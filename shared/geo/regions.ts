// Kazakhstan's regions, the districts of Aktobe region and the economic zones projects sit in.
import { pick } from '../locale/lang';
import type { Lang, Localized } from '../locale/lang';

/** A first-level unit: an oblast or a city of republican significance. */
export type Region = { id: string; kind: 'oblast' | 'city'; name: Localized };

/** A district (аудан / район) or a city of regional significance inside a region. */
export type District = { id: string; regionId: string; name: Localized };

/** A special economic zone (СЭЗ / АЭА) or an industrial zone (ИЗ / ИА). */
export type Zone = { id: string; regionId: string; kind: 'sez' | 'industrial'; name: Localized };

/**
 * The 17 oblasts and the 3 cities of republican significance. Russian names follow official
 * usage, which keeps the Kazakh spelling for the regions formed in 2022 ("область Абай").
 */
export const REGIONS: readonly Region[] = [
  { id: 'abai', kind: 'oblast', name: { ru: 'область Абай', kk: 'Абай облысы', en: 'Abai Region' } },
  { id: 'akmola', kind: 'oblast', name: { ru: 'Акмолинская область', kk: 'Ақмола облысы', en: 'Akmola Region' } },
  { id: 'aktobe', kind: 'oblast', name: { ru: 'Актюбинская область', kk: 'Ақтөбе облысы', en: 'Aktobe Region' } },
  { id: 'almaty-region', kind: 'oblast', name: { ru: 'Алматинская область', kk: 'Алматы облысы', en: 'Almaty Region' } },
  { id: 'atyrau', kind: 'oblast', name: { ru: 'Атырауская область', kk: 'Атырау облысы', en: 'Atyrau Region' } },
  {
    id: 'east-kazakhstan',
    kind: 'oblast',
    name: { ru: 'Восточно-Казахстанская область', kk: 'Шығыс Қазақстан облысы', en: 'East Kazakhstan Region' },
  },
  { id: 'zhambyl', kind: 'oblast', name: { ru: 'Жамбылская область', kk: 'Жамбыл облысы', en: 'Zhambyl Region' } },
  { id: 'zhetysu', kind: 'oblast', name: { ru: 'область Жетісу', kk: 'Жетісу облысы', en: 'Zhetysu Region' } },
  {
    id: 'west-kazakhstan',
    kind: 'oblast',
    name: { ru: 'Западно-Казахстанская область', kk: 'Батыс Қазақстан облысы', en: 'West Kazakhstan Region' },
  },
  { id: 'karaganda', kind: 'oblast', name: { ru: 'Карагандинская область', kk: 'Қарағанды облысы', en: 'Karaganda Region' } },
  { id: 'kostanay', kind: 'oblast', name: { ru: 'Костанайская область', kk: 'Қостанай облысы', en: 'Kostanay Region' } },
  { id: 'kyzylorda', kind: 'oblast', name: { ru: 'Кызылординская область', kk: 'Қызылорда облысы', en: 'Kyzylorda Region' } },
  { id: 'mangystau', kind: 'oblast', name: { ru: 'Мангистауская область', kk: 'Маңғыстау облысы', en: 'Mangystau Region' } },
  { id: 'pavlodar', kind: 'oblast', name: { ru: 'Павлодарская область', kk: 'Павлодар облысы', en: 'Pavlodar Region' } },
  {
    id: 'north-kazakhstan',
    kind: 'oblast',
    name: { ru: 'Северо-Казахстанская область', kk: 'Солтүстік Қазақстан облысы', en: 'North Kazakhstan Region' },
  },
  { id: 'turkistan', kind: 'oblast', name: { ru: 'Туркестанская область', kk: 'Түркістан облысы', en: 'Turkistan Region' } },
  { id: 'ulytau', kind: 'oblast', name: { ru: 'область Ұлытау', kk: 'Ұлытау облысы', en: 'Ulytau Region' } },
  { id: 'astana', kind: 'city', name: { ru: 'город Астана', kk: 'Астана қаласы', en: 'Astana' } },
  { id: 'almaty-city', kind: 'city', name: { ru: 'город Алматы', kk: 'Алматы қаласы', en: 'Almaty' } },
  { id: 'shymkent', kind: 'city', name: { ru: 'город Шымкент', kk: 'Шымкент қаласы', en: 'Shymkent' } },
];

/**
 * Districts by region. Only Aktobe region (the HQ's own) is listed so far: the city of Aktobe
 * and its 12 districts. Other regions have no districts here yet; add them the same way.
 */
export const DISTRICTS: readonly District[] = [
  { id: 'aktobe-city', regionId: 'aktobe', name: { ru: 'город Актобе', kk: 'Ақтөбе қаласы', en: 'Aktobe City' } },
  { id: 'aktobe-aiteke-bi', regionId: 'aktobe', name: { ru: 'Айтекебийский район', kk: 'Әйтеке би ауданы', en: 'Aiteke Bi District' } },
  { id: 'aktobe-alga', regionId: 'aktobe', name: { ru: 'Алгинский район', kk: 'Алға ауданы', en: 'Alga District' } },
  { id: 'aktobe-baiganin', regionId: 'aktobe', name: { ru: 'Байганинский район', kk: 'Байғанин ауданы', en: 'Baiganin District' } },
  { id: 'aktobe-irgiz', regionId: 'aktobe', name: { ru: 'Иргизский район', kk: 'Ырғыз ауданы', en: 'Irgiz District' } },
  { id: 'aktobe-kargaly', regionId: 'aktobe', name: { ru: 'Каргалинский район', kk: 'Қарғалы ауданы', en: 'Kargaly District' } },
  { id: 'aktobe-martuk', regionId: 'aktobe', name: { ru: 'Мартукский район', kk: 'Мәртөк ауданы', en: 'Martuk District' } },
  { id: 'aktobe-mugalzhar', regionId: 'aktobe', name: { ru: 'Мугалжарский район', kk: 'Мұғалжар ауданы', en: 'Mugalzhar District' } },
  { id: 'aktobe-temir', regionId: 'aktobe', name: { ru: 'Темирский район', kk: 'Темір ауданы', en: 'Temir District' } },
  { id: 'aktobe-uil', regionId: 'aktobe', name: { ru: 'Уилский район', kk: 'Ойыл ауданы', en: 'Uil District' } },
  { id: 'aktobe-khobda', regionId: 'aktobe', name: { ru: 'Хобдинский район', kk: 'Қобда ауданы', en: 'Khobda District' } },
  { id: 'aktobe-khromtau', regionId: 'aktobe', name: { ru: 'Хромтауский район', kk: 'Хромтау ауданы', en: 'Khromtau District' } },
  { id: 'aktobe-shalkar', regionId: 'aktobe', name: { ru: 'Шалкарский район', kk: 'Шалқар ауданы', en: 'Shalkar District' } },
];

/** Economic zones; only ones known to exist are listed, Aktobe region's first. */
export const ZONES: readonly Zone[] = [
  { id: 'sez-aktobe', regionId: 'aktobe', kind: 'sez', name: { ru: 'СЭЗ «Актобе»', kk: '«Ақтөбе» АЭА', en: 'SEZ "Aktobe"' } },
  {
    id: 'iz-aktobe-city',
    regionId: 'aktobe',
    kind: 'industrial',
    name: {
      ru: 'Индустриальная зона города Актобе',
      kk: 'Ақтөбе қаласының индустриялық аймағы',
      en: 'Aktobe City Industrial Zone',
    },
  },
];

/** The districts of a region in list order; empty for unknown ids and unlisted regions. */
export function districtsOf(regionId: string): District[] {
  return DISTRICTS.filter((d) => d.regionId === regionId);
}

function nameOf(list: readonly { id: string; name: Localized }[], id: string, lang: Lang): string {
  const found = list.find((item) => item.id === id);
  return found ? pick(found.name, lang) : '';
}

/** A region's name in `lang`, or '' for an unknown id. */
export function regionName(id: string, lang: Lang): string {
  return nameOf(REGIONS, id, lang);
}

/** A district's name in `lang`, or '' for an unknown id. */
export function districtName(id: string, lang: Lang): string {
  return nameOf(DISTRICTS, id, lang);
}

/** A zone's name in `lang`, or '' for an unknown id. */
export function zoneName(id: string, lang: Lang): string {
  return nameOf(ZONES, id, lang);
}

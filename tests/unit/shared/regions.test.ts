// Tests for regions, Aktobe districts and zones (shared/geo/regions).
import { describe, it, expect } from 'vitest';
import { DISTRICTS, REGIONS, ZONES, districtName, districtsOf, regionName, zoneName } from '../../../shared/geo/regions';
import { LANGS } from '../../../shared/locale/lang';

const KAZAKH_LETTER = /[әғқңөұүһі]/i;

describe('regions', () => {
  it('lists 17 oblasts and 3 cities of republican significance', () => {
    expect(REGIONS).toHaveLength(20);
    expect(REGIONS.filter((r) => r.kind === 'oblast')).toHaveLength(17);
    expect(REGIONS.filter((r) => r.kind === 'city').map((r) => r.id)).toEqual(['astana', 'almaty-city', 'shymkent']);
  });

  it('has unique ids across regions, districts and zones', () => {
    const ids = [...REGIONS, ...DISTRICTS, ...ZONES].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('names everything in all three languages, each in its own script', () => {
    for (const { name } of [...REGIONS, ...DISTRICTS, ...ZONES]) {
      for (const lang of LANGS) expect(name[lang].trim()).not.toBe('');
      expect(name.ru).not.toMatch(/[a-z]/i);
      expect(name.kk).not.toMatch(/[a-z]/i);
      expect(name.en).toMatch(/^[A-Za-z "-]+$/);
    }
  });

  it('uses Kazakh letters where the Kazakh names have them', () => {
    const kazakhSpelled = ['akmola', 'aktobe', 'east-kazakhstan', 'west-kazakhstan', 'karaganda', 'kostanay', 'kyzylorda', 'mangystau', 'north-kazakhstan', 'turkistan', 'ulytau', 'zhetysu', 'astana', 'almaty-city', 'shymkent'];
    for (const id of kazakhSpelled) expect(regionName(id, 'kk')).toMatch(KAZAKH_LETTER);
    for (const region of REGIONS) expect(region.name.kk).toMatch(region.kind === 'city' ? / қаласы$/ : / облысы$/);
  });

  it('names regions as the official texts do', () => {
    expect(regionName('aktobe', 'ru')).toBe('Актюбинская область');
    expect(regionName('aktobe', 'kk')).toBe('Ақтөбе облысы');
    expect(regionName('aktobe', 'en')).toBe('Aktobe Region');
    expect(regionName('astana', 'ru')).toBe('город Астана');
    expect(regionName('astana', 'kk')).toBe('Астана қаласы');
    expect(regionName('almaty-region', 'ru')).toBe('Алматинская область');
    expect(regionName('almaty-city', 'ru')).toBe('город Алматы');
  });

  it('returns an empty name for unknown ids', () => {
    expect(regionName('atlantis', 'ru')).toBe('');
    expect(districtName('atlantis', 'kk')).toBe('');
    expect(zoneName('atlantis', 'en')).toBe('');
  });
});

describe('districts', () => {
  it('lists the city of Aktobe and the 12 districts of Aktobe region', () => {
    const aktobe = districtsOf('aktobe');
    expect(aktobe).toHaveLength(13);
    expect(aktobe[0]?.name).toEqual({ ru: 'город Актобе', kk: 'Ақтөбе қаласы', en: 'Aktobe City' });
    expect(aktobe.slice(1).map((d) => d.name.ru)).toEqual([
      'Айтекебийский район', 'Алгинский район', 'Байганинский район', 'Иргизский район', 'Каргалинский район', 'Мартукский район',
      'Мугалжарский район', 'Темирский район', 'Уилский район', 'Хобдинский район', 'Хромтауский район', 'Шалкарский район',
    ]);
    expect(aktobe.slice(1).map((d) => d.name.kk)).toEqual([
      'Әйтеке би ауданы', 'Алға ауданы', 'Байғанин ауданы', 'Ырғыз ауданы', 'Қарғалы ауданы', 'Мәртөк ауданы',
      'Мұғалжар ауданы', 'Темір ауданы', 'Ойыл ауданы', 'Қобда ауданы', 'Хромтау ауданы', 'Шалқар ауданы',
    ]);
  });

  it('belong to known regions, and unlisted regions have none yet', () => {
    const regionIds = new Set(REGIONS.map((r) => r.id));
    for (const d of DISTRICTS) expect(regionIds.has(d.regionId)).toBe(true);
    expect(districtsOf('astana')).toEqual([]);
    expect(districtsOf('nowhere')).toEqual([]);
  });

  it('names a district by id', () => {
    expect(districtName('aktobe-khobda', 'kk')).toBe('Қобда ауданы');
    expect(districtName('aktobe-uil', 'ru')).toBe('Уилский район');
  });
});

describe('zones', () => {
  it('includes SEZ Aktobe and ties every zone to a known region', () => {
    expect(zoneName('sez-aktobe', 'ru')).toBe('СЭЗ «Актобе»');
    expect(zoneName('sez-aktobe', 'kk')).toBe('«Ақтөбе» АЭА');
    expect(zoneName('sez-aktobe', 'en')).toBe('SEZ "Aktobe"');
    const regionIds = new Set(REGIONS.map((r) => r.id));
    for (const z of ZONES) expect(regionIds.has(z.regionId)).toBe(true);
  });
});

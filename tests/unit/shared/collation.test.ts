import { describe, expect, it } from 'vitest';
import { collationKey, collationRanks, compareKeys } from '@shared/locale/collation';

const names = [
  'Завод по производству пластиковых труб', 'завод по производству гидросульфида натрия', 'Цех по ремонту газовых турбин',
  'Курьерский центр и логистический хаб', 'Логистический производственно-складской комплекс', 'ТОО «Polyline»', 'ТОО «Azia»',
  'ТОО «EcoNovaOilGroup»', 'Ақтөбе Құрылыс', 'Актобе Строй', 'Әлем', 'Алма', 'Ғалам', 'Гамма', 'Қазына', 'Казына',
  'Өнім', 'Омега', 'Ұлытау', 'Үміт', 'Урал', 'Іргиз', 'Ирбис', 'Ёлка', 'Ель', 'Завод №2', 'Завод №10', 'Завод №1',
  'Blue Sky Industrial Investment', 'blue ocean', 'IZBAS Logistics', 'Триумф Инжиниринг', 'Азия Мунай Групп Сервис', '2 цеха', '10 цехов',
];

describe('collationKey', () => {
  it.each(['ru', 'kk', 'en'] as const)('orders names as Intl.Collator does in %s', (lang) => {
    const coll = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
    const byCollator = [...names].sort(coll.compare);
    const byKey = [...names].sort((a, b) => compareKeys(collationKey(a, lang), collationKey(b, lang)));
    expect(byKey).toEqual(byCollator);
  });

  it('sorts numbers inside names numerically and ignores case and quotes', () => {
    const sorted = ['Завод №10', 'завод №2', 'Завод №1'].sort((a, b) => compareKeys(collationKey(a, 'ru'), collationKey(b, 'ru')));
    expect(sorted).toEqual(['Завод №1', 'завод №2', 'Завод №10']);
    expect(collationKey('ТОО «Polyline»', 'ru')).toBe(collationKey('тоо polyline', 'ru'));
  });
});

/** Cyrillic with every Kazakh letter, Latin with diacritics and ligatures, digits, mixed. */
const mixed = [
  'Ábc', 'abd', 'Abb', 'Éclair', 'eclat', 'Ecole', 'Øre', 'Oslo', 'Ore', 'Oz', 'Zebra', 'zz', 'Ärzte', 'Arzt', 'Ölmühle', 'Olga', 'Über', 'Uber', 'Ufa',
  'Straße', 'Strasse', 'Strand', 'Æther', 'Aether', 'Aeon', 'Œuvre', 'Oeuvre', 'Łódź', 'Lodz', 'Lublin', 'Ñandú', 'Nandu', 'Nz', 'Çelik', 'Celik', 'Cz',
  'Şahin', 'Sahin', 'Sz', 'Ğalym', 'Galym', 'Gz', 'İstanbul', 'Istanbul', 'Iz', 'Đakovo', 'Dakovo', 'Dz', 'Ḥalab', 'Hz', 'Ƶar', 'Þorn', 'Ŋa', 'Nz2',
  'Ə', 'Elm', 'Ez', 'Qazaqstan', 'Qūrylys', 'Qurylys', 'Şymkent', 'Ūlytau', 'Ülken', 'Ñ', 'Nur', 'Äl', 'Az',
  'Ақтөбе', 'Актобе', 'Әлем', 'Алма', 'Бота', 'Ғалам', 'Гамма', 'Двор', 'Ель', 'Ёлка', 'Ежевика', 'Жол', 'Игла', 'Іргиз', 'Ирбис', 'Йогурт', 'Қазына',
  'Казына', 'Лала', 'Ңға', 'Нұр', 'Өнім', 'Омега', 'Пана', 'Ұлытау', 'Үміт', 'Урал', 'Фа', 'Һауа', 'Хан', 'Ыстық', 'Іле', 'Эра', 'Юрта', 'Ястреб',
  'ҚАЗАҚСТАН', 'қазақстан', 'ТОО «Ақ Жол»', 'ТОО «Ак Жол»', 'ТОО «Öko»', 'ТОО «Oko»', 'Ұ', 'Ү', 'У', 'І', 'И', 'Ы',
  '1 цех', '2 цеха', '10 цехов', '100', '20', '3', 'Завод №2', 'Завод №10', 'Завод №1', 'Çay 2', 'Çay 10', 'Cay 3', 'Ünit 7', 'Unit 12',
];

describe('collationKey over Cyrillic, Latin with diacritics and digits', () => {
  it.each(['ru', 'kk', 'en'] as const)('orders a mixed list as Intl.Collator does in %s', (lang) => {
    const coll = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
    const byCollator = [...mixed].sort(coll.compare);
    const byKey = [...mixed].sort((a, b) => compareKeys(collationKey(a, lang), collationKey(b, lang)));
    expect(byKey).toEqual(byCollator);
  });

  it.each(['ru', 'kk', 'en'] as const)('puts accented Latin with its base letter, not after Z, in %s', (lang) => {
    const key = (s: string) => collationKey(s, lang);
    for (const [accented, plain] of [['Ábc', 'abc'], ['Éclair', 'eclair'], ['Øre', 'ore'], ['Ölmühle', 'olmuhle'], ['Straße', 'strasse'], ['Æther', 'aether'], ['Łódź', 'lodz'], ['Ḥalab', 'halab']] as const) {
      expect(key(accented), accented).toBe(key(plain));
    }
    expect(compareKeys(key('Éclair'), key('Zebra'))).toBe(-1);
    expect(compareKeys(key('Øre'), key('Oz'))).toBe(-1);
  });

  it('agrees with Intl.Collator on every pair of the mixed list', () => {
    for (const lang of ['ru', 'kk', 'en'] as const) {
      const coll = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
      const keys = mixed.map((s) => collationKey(s, lang));
      for (let i = 0; i < mixed.length; i++) {
        for (let j = 0; j < mixed.length; j++) {
          const a = mixed[i] ?? '';
          const b = mixed[j] ?? '';
          expect(Math.sign(compareKeys(keys[i] ?? '', keys[j] ?? '')), `${lang}: ${a} vs ${b}`).toBe(Math.sign(coll.compare(a, b)));
        }
      }
    }
  });
});

describe('collationRanks', () => {
  it('gives equal texts one rank and orders the rest as the keys do', () => {
    const texts = ['Б', 'а', 'А', 'Ә', '10', '2'];
    const ranks = [...collationRanks(texts, 'kk')];
    expect(ranks[1]).toBe(ranks[2]);
    const order = texts.map((t, i) => [t, ranks[i] ?? 0] as const).sort((a, b) => a[1] - b[1]).map(([t]) => t);
    expect(order).toEqual(['2', '10', 'а', 'А', 'Ә', 'Б']);
  });

  it('ranks accented Latin with its base letter', () => {
    const texts = ['Zebra', 'Ábc', 'abc', 'Øre', 'Ore', 'Éclair', 'Eclair', 'Bac'];
    const ranks = [...collationRanks(texts, 'en')];
    const order = texts.map((t, i) => [t, ranks[i] ?? 0] as const).sort((a, b) => a[1] - b[1]).map(([t]) => t);
    expect(order).toEqual(['Ábc', 'abc', 'Bac', 'Éclair', 'Eclair', 'Øre', 'Ore', 'Zebra']);
    expect(ranks[1]).toBe(ranks[2]);
    expect(ranks[3]).toBe(ranks[4]);
  });
});

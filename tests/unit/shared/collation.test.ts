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

describe('collationRanks', () => {
  it('gives equal texts one rank and orders the rest as the keys do', () => {
    const texts = ['Б', 'а', 'А', 'Ә', '10', '2'];
    const ranks = [...collationRanks(texts, 'kk')];
    expect(ranks[1]).toBe(ranks[2]);
    const order = texts.map((t, i) => [t, ranks[i] ?? 0] as const).sort((a, b) => a[1] - b[1]).map(([t]) => t);
    expect(order).toEqual(['2', '10', 'а', 'А', 'Ә', 'Б']);
  });
});

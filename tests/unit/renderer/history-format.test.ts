// A project's history reads as the clerk would say it, not as stored ids and numbers.
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { resources } from '../../../renderer/src/i18n/resources';
import { historyFieldLabel, historyValue } from '../../../renderer/src/features/project/history-format';

const i18n = i18next.createInstance();
await i18n.init({ resources: { ru: { translation: resources.ru } }, lng: 'ru', interpolation: { escapeValue: false } });
const t = i18n.t.bind(i18n);
const people = new Map([['p1', 'Асхат Шахаров']]);

describe('history values', () => {
  it('shows names, tenge with scale words, dates and labels instead of stored values', () => {
    expect(historyValue('districtId', 'aktobe-alga', 'ru', t, people)).toMatch(/Алгинский/);
    expect(historyValue('zoneId', 'sez-aktobe', 'ru', t, people)).toMatch(/СЭЗ «Актобе»/);
    expect(historyValue('investmentTenge', 12.5e9, 'ru', t, people)).toBe('12,5\u00a0млрд\u00a0₸');
    expect(historyValue('plannedCommissioningDate', '2026-12-31', 'ru', t, people)).toBe('31.12.2026');
    expect(historyValue('stage', 'construction', 'ru', t, people)).toBe('Строительство');
    expect(historyValue('curatorId', 'p1', 'ru', t, people)).toBe('Асхат Шахаров');
    expect(historyValue('notes', '', 'ru', t, people)).toBe('—');
    expect(historyValue('barriers', [{ id: 'b', kind: 'gas', text: 'Нет газа', openedOn: '2025-01-01' }], 'ru', t, people)).toBe('Газ: Нет газа');
    expect(historyFieldLabel('barriers', t)).toBe('Проблемные вопросы');
    expect(historyFieldLabel('investmentTenge', t)).toBe('Объём инвестиций, ₸');
  });
});

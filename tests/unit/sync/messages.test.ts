// What the sync UI says: the header's label by state, the time since the last sync, the reason of a
// failure in each language (a wrong password at sign-in, an expired session later; the clock's
// offset in minutes), a conflicting field's values as the clerk reads them.
import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { resources } from '../../../renderer/src/i18n/resources';
import { agoText, problemText, shortLabel, valueText } from '../../../renderer/src/features/sync/messages';
import { INITIAL_STATUS } from '../../../renderer/src/sync/status';

async function translator(lng: 'ru' | 'kk' | 'en'): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { [lng]: { translation: resources[lng] } }, lng, interpolation: { escapeValue: false } });
  return i18n.t.bind(i18n);
}

const NOW = Date.UTC(2026, 2, 15, 9, 0, 0);

describe('sync messages', () => {
  it('say how long ago the last sync was', async () => {
    const t = await translator('ru');
    expect(agoText(NOW - 20_000, NOW, t)).toBe('только что');
    expect(agoText(NOW - 5 * 60_000, NOW, t)).toBe('5 мин назад');
    expect(agoText(NOW - 3 * 3600_000, NOW, t)).toBe('3 ч назад');
    expect(agoText(NOW - 3 * 86_400_000, NOW, t)).toBe('12.03.2026');
    const kk = await translator('kk');
    expect(agoText(NOW - 5 * 60_000, NOW, kk)).toBe('5 мин бұрын');
  });

  it('label the header by state', async () => {
    const t = await translator('ru');
    expect(shortLabel(INITIAL_STATUS, NOW, t)).toBe('Не подключено');
    expect(shortLabel({ ...INITIAL_STATUS, phase: 'offline' }, NOW, t)).toBe('Нет связи');
    expect(shortLabel({ ...INITIAL_STATUS, phase: 'idle', lastSyncedAt: NOW - 120_000 }, NOW, t)).toBe('Синхр. 2 мин назад');
    const en = await translator('en');
    expect(shortLabel({ ...INITIAL_STATUS, phase: 'idle', lastSyncedAt: NOW - 120_000 }, NOW, en)).toBe('Synced 2 min ago');
    // A long first sync counts what has come so far, in the UI language's digit grouping.
    expect(shortLabel({ ...INITIAL_STATUS, phase: 'syncing' }, NOW, t)).toBe('Синхронизация…');
    expect(shortLabel({ ...INITIAL_STATUS, phase: 'syncing', received: 12_000 }, NOW, t, 'ru')).toBe('Получено 12\u00a0000…');
    expect(shortLabel({ ...INITIAL_STATUS, phase: 'syncing', received: 12_000 }, NOW, en, 'en')).toBe('Received 12,000…');
  });

  it('give the reason of a failure in the UI language, a wrong password only at sign-in', async () => {
    const ru = await translator('ru');
    const kk = await translator('kk');
    const unauthorized = { code: 'unauthorized' as const, message: 'The session has expired' };
    expect(problemText(unauthorized, ru)).toMatch(/^Сеанс истёк/);
    expect(problemText(unauthorized, ru, null, 'login')).toBe('Неверное имя пользователя или пароль');
    expect(problemText({ code: 'clock_ahead', message: '…' }, ru, -12 * 60_000)).toMatch(/^Часы компьютера спешат на 12 мин/);
    expect(problemText({ code: 'clock_behind', message: '…', clockOffsetMs: 10 * 60_000 }, kk)).toMatch(/^Компьютер сағаты 10 минут артта/);
    expect(problemText({ code: 'network', message: 'fetch failed' }, kk)).toMatch(/^Сервер қолжетімсіз/);
    expect(problemText({ code: 'bad_request', message: 'entries[0]: bad' }, ru)).toBe('Сервер отклонил запрос: entries[0]: bad');
  });

  it('show a conflicting value as the clerk reads it', async () => {
    const t = await translator('ru');
    expect(valueText('projects', 'stage', 'construction', t)).toBe('Строительство');
    expect(valueText('assignments', 'status', 'done', t)).toBe('Исполнено');
    expect(valueText('assignments', 'deadline', { kind: 'date', due: '2026-04-01' }, t)).toBe('01.04.2026');
    expect(valueText('assignments', 'deadline', { kind: 'workdays', days: 10, due: '2026-03-27' }, t)).toBe('10 раб. дн. (до 27.03.2026)');
    expect(valueText('assignments', 'deadline', { kind: 'permanent' }, t)).toBe('постоянно');
    expect(valueText('projects', 'stage', null, t)).toBe('—');
  });
});

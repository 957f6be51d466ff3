// What the sync UI says: the header's label by state, the time since the last sync, the reason of a
// failure in each language (a wrong password at sign-in, an expired session later; the clock's
// offset in minutes), a conflicting field's values as the clerk reads them.
import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { resources } from '../../../renderer/src/i18n/resources';
import { agoText, problemText, progressText, shortLabel, valueText } from '../../../renderer/src/features/sync/messages';
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
    // Once the server has said how many come in all: the share, never past 100 %.
    expect(shortLabel({ ...INITIAL_STATUS, phase: 'syncing', received: 12_000, expected: 50_000 }, NOW, t, 'ru')).toBe('Загрузка 24 %');
    expect(shortLabel({ ...INITIAL_STATUS, phase: 'syncing', received: 12_000, expected: 50_000 }, NOW, en, 'en')).toBe('Loading 24%');
    expect(shortLabel({ ...INITIAL_STATUS, phase: 'syncing', received: 60_000, expected: 50_000 }, NOW, t, 'ru')).toBe('Загрузка 100 %');
    expect(progressText({ ...INITIAL_STATUS, phase: 'syncing', received: 12_000, expected: 50_000 }, t, 'ru')).toBe('Получено с сервера: 12\u00a0000 из 50\u00a0000');
    const kk = await translator('kk');
    expect(progressText({ ...INITIAL_STATUS, phase: 'syncing', received: 12_000, expected: 50_000 }, kk, 'kk')).toBe('Серверден алынғаны: 50\u00a0000 ішінен 12\u00a0000');
    // Not while idle, nor while the total is unknown.
    expect(progressText({ ...INITIAL_STATUS, phase: 'idle', received: 12_000, expected: 50_000 }, t, 'ru')).toBeNull();
    expect(progressText({ ...INITIAL_STATUS, phase: 'syncing', received: 12_000 }, t, 'ru')).toBeNull();
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

  it('explain a failed sign-in at a wrong address, keeping the status or the network code for support', async () => {
    const ru = await translator('ru');
    const login = (problem: Parameters<typeof problemText>[0], t = ru) => problemText(problem, t, null, 'login');
    // A web server, not Hattama, at the address (the QA pass saw «HTTP 405»).
    expect(login({ code: 'not_found', message: 'HTTP 405: not an answer of the Hattama sync API', status: 405 })).toBe('По этому адресу нет сервера Hattama (ответ 405). Проверьте адрес.');
    expect(login({ code: 'not_found', message: 'HTTP 404', status: 404 })).toBe('По этому адресу нет сервера Hattama (ответ 404). Проверьте адрес.');
    expect(login({ code: 'invalid_response', message: 'does not match the sync contract', status: 200 })).toBe(
      'Ответ по этому адресу не похож на ответ сервера Hattama (ответ 200). Проверьте адрес.',
    );
    // Nobody answers: refused, timed out, no such host; a browser's bare «Failed to fetch» has no code.
    expect(login({ code: 'network', message: 'ECONNREFUSED: fetch failed' })).toBe('Сервер по этому адресу не отвечает (ECONNREFUSED). Проверьте адрес и подключение к сети.');
    expect(login({ code: 'network', message: 'TimeoutError: The operation was aborted due to timeout' })).toBe(
      'Сервер по этому адресу не отвечает (TimeoutError). Проверьте адрес и подключение к сети.',
    );
    expect(login({ code: 'network', message: 'TypeError: Failed to fetch' })).toBe('Сервер по этому адресу не отвечает. Проверьте адрес и подключение к сети.');
    // While syncing, the same failure keeps its reassurance that changes wait.
    expect(problemText({ code: 'network', message: 'ENOTFOUND: fetch failed' }, ru)).toBe('Сервер недоступен (ENOTFOUND) — проверьте подключение к сети. Изменения сохранены и будут отправлены.');
    // Not a URL at all.
    expect(login({ code: 'invalid_url', message: 'invalid_server_url: Invalid URL' })).toBe('Адрес сервера указан неверно: нужен адрес вида https://сервер');
    // The server's own refusals.
    expect(login({ code: 'unauthorized', message: 'Wrong username or password.', status: 401 })).toBe('Неверное имя пользователя или пароль (ответ 401)');
    expect(login({ code: 'rate_limited', message: 'Too many failed sign-ins', status: 429, retryAfterSeconds: 900 })).toBe(
      'Слишком много попыток входа (ответ 429) — попробуйте через 15 мин',
    );
    expect(login({ code: 'rate_limited', message: 'Too many failed sign-ins', status: 429, retryAfterSeconds: 20 })).toBe('Слишком много попыток входа (ответ 429) — попробуйте через 1 мин');
    expect(login({ code: 'rate_limited', message: 'Too many', status: 429 })).toBe('Слишком много попыток входа (ответ 429) — попробуйте позже');
    expect(login({ code: 'server_error', message: 'HTTP 502', status: 502 })).toBe('Ошибка на сервере (ответ 502) — синхронизация повторится позже');
  });

  it('explain a failed sign-in in Kazakh and English too', async () => {
    const kk = await translator('kk');
    const en = await translator('en');
    const wrongAddress = { code: 'not_found' as const, message: 'HTTP 405', status: 405 };
    expect(problemText(wrongAddress, kk, null, 'login')).toBe('Бұл мекенжайда Hattama сервері жоқ (жауап 405). Мекенжайды тексеріңіз.');
    expect(problemText(wrongAddress, en, null, 'login')).toBe('There is no Hattama server at this address (response 405). Check the address.');
    const refused = { code: 'network' as const, message: 'ECONNREFUSED: fetch failed' };
    expect(problemText(refused, kk, null, 'login')).toBe('Бұл мекенжайдағы сервер жауап бермейді (ECONNREFUSED). Мекенжайды және желіге қосылуды тексеріңіз.');
    expect(problemText(refused, en, null, 'login')).toBe('The server at this address does not answer (ECONNREFUSED). Check the address and the network connection.');
    expect(problemText({ code: 'invalid_url', message: 'x' }, kk, null, 'login')).toBe('Сервер мекенжайы қате: https://сервер түріндегі мекенжай қажет');
    expect(problemText({ code: 'invalid_url', message: 'x' }, en, null, 'login')).toBe('The server address is not valid: enter an address like https://server');
    const wrongPassword = { code: 'unauthorized' as const, message: 'Wrong', status: 401 };
    expect(problemText(wrongPassword, kk, null, 'login')).toBe('Пайдаланушы аты немесе құпиясөз қате (жауап 401)');
    expect(problemText(wrongPassword, en, null, 'login')).toBe('Wrong username or password (response 401)');
    const limited = { code: 'rate_limited' as const, message: 'Too many', status: 429, retryAfterSeconds: 600 };
    expect(problemText(limited, kk, null, 'login')).toBe('Кіру әрекеттері тым көп (жауап 429) — 10 минуттан кейін қайталаңыз');
    expect(problemText(limited, en, null, 'login')).toBe('Too many sign-in attempts (response 429) — try again in 10 min');
    // No string is left with a placeholder, in any language, for any code.
    for (const t of [kk, en, await translator('ru')]) {
      for (const code of ['network', 'invalid_response', 'not_signed_in', 'invalid_url', 'bad_request', 'unauthorized', 'forbidden', 'payload_too_large', 'clock_ahead', 'seq_gap', 'schema_outdated', 'rate_limited', 'server_error', 'not_found'] as const) {
        for (const status of [undefined, 400]) {
          const text = problemText({ code, message: 'm', ...(status ? { status } : {}) }, t, 60_000, 'login');
          expect(text, code).not.toMatch(/\{\{|sync\.errors/);
        }
      }
    }
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

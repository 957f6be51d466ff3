// Settings → app updates, as the clerk sees it: in the desktop host (a stand-in preload bridge that
// behaves like the main process's update service) an http address is refused with a clear message
// and nothing is sent; an https address is saved, the check runs and a downloaded update says it
// installs on quit; an address set by the organization is read-only. The browser host says updates
// are not needed there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startWeb } from '../support/web-host';
import { useStandInBridge } from '../support/stand-in-bridge';

let web: Awaited<ReturnType<typeof startWeb>>;
let browser: Browser;

beforeAll(async () => {
  mkdirSync('tmp/screens', { recursive: true });
  web = await startWeb();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

/** Opens Settings with a stand-in desktop bridge whose update server address starts as `initial` (source `source`). */
async function openDesktopSettings(initial: { url: string; source: 'none' | 'settings' | 'env' }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true, locale: 'ru-RU' });
  const p = await context.newPage();
  await useStandInBridge(p);
  await p.addInitScript((init) => {
    const calls: unknown[] = [];
    let status = { available: true, url: init.url, source: init.source, state: init.url ? 'idle' : 'off', version: null as string | null, percent: null as number | null, error: null, checkedAt: init.url ? 1_767_225_600_000 : null };
    const w = window as unknown as { __calls: unknown[]; __status: () => typeof status; __set: (s: Partial<typeof status>) => void; hattama: object };
    w.__calls = calls;
    w.__status = () => status;
    w.__set = (patch) => void (status = { ...status, ...patch });
    Object.assign(w.hattama, {
      updatesStatus: async () => status,
      updatesSetUrl: async (r: { url: string }) => {
        calls.push(r);
        if (status.source === 'env') return { ok: false, error: 'managed', status };
        // As the main process does: the address is stored with one trailing slash and a check starts.
        const url = r.url.trim() === '' ? '' : `${r.url.trim().replace(/\/+$/, '')}/`;
        status = { ...status, url, source: url ? 'settings' : 'none', state: url ? 'checking' : 'off' };
        return { ok: true, status };
      },
      updatesCheck: async () => ({ ok: status.url !== '', ...(status.url ? {} : { error: 'unavailable' }), status }),
    });
  }, initial);
  await p.goto(`${web.url}#/settings`);
  await p.getByTestId('nav-settings').click();
  await p.getByTestId('update-settings').waitFor();
  return p;
}

describe('Settings → app updates', () => {
  it('desktop: off by default; an http address is refused with a clear message; an https one is saved, checked, and a ready update installs on quit', async () => {
    const p = await openDesktopSettings({ url: '', source: 'none' });
    const section = p.getByTestId('update-settings');
    await section.scrollIntoViewIfNeeded();
    await expect.poll(() => section.getByTestId('update-state').innerText()).toBe('Обновления выключены');
    await expect.poll(() => section.getByTestId('update-save').isDisabled()).toBe(true);

    await section.getByTestId('update-url').fill('http://updates.aktobe.kz/hattama');
    await section.getByText('Адрес должен начинаться с https://', { exact: false }).waitFor();
    expect(await section.getByTestId('update-save').isDisabled()).toBe(true);
    await section.getByTestId('update-url').press('Enter');
    await section.screenshot({ path: 'tmp/screens/updates-refused.png' });
    expect(await p.evaluate(() => (window as unknown as { __calls: unknown[] }).__calls)).toEqual([]);

    await section.getByTestId('update-url').fill('https://updates.aktobe.kz/hattama');
    await section.getByTestId('update-save').click();
    await p.getByText('Адрес сервера обновлений сохранён').waitFor();
    expect(await p.evaluate(() => (window as unknown as { __calls: unknown[] }).__calls)).toEqual([{ url: 'https://updates.aktobe.kz/hattama' }]);
    expect(await section.getByTestId('update-url').inputValue()).toBe('https://updates.aktobe.kz/hattama/');
    await expect.poll(() => section.getByTestId('update-state').innerText()).toBe('Проверка обновлений…');

    // The main process downloads version 0.2.0; the section asks again while it runs.
    await p.evaluate(() => (window as unknown as { __set: (s: object) => void }).__set({ state: 'downloading', version: '0.2.0', percent: 40 }));
    await expect.poll(() => section.getByTestId('update-state').innerText(), { timeout: 10_000 }).toMatch(/^Загружается версия 0\.2\.0: 40%/);
    await p.evaluate(() => (window as unknown as { __set: (s: object) => void }).__set({ state: 'ready', percent: 100, checkedAt: 1_767_225_600_000 }));
    await expect.poll(() => section.getByTestId('update-state').innerText(), { timeout: 10_000 }).toMatch(/^Версия 0\.2\.0 загружена и будет установлена при выходе из приложения/);
    expect(await section.getByTestId('update-check').isDisabled()).toBe(true);
    await section.screenshot({ path: 'tmp/screens/updates-ready.png' });

    // Emptying the field turns updates off again.
    await section.getByTestId('update-url').fill('');
    await section.getByTestId('update-save').click();
    await p.getByText('Обновления выключены').first().waitFor();
    expect(await p.evaluate(() => (window as unknown as { __calls: unknown[] }).__calls.at(-1))).toEqual({ url: '' });
    await p.context().close();
  }, 90_000);

  it('desktop: an address the organization set (HATTAMA_UPDATE_URL) is shown read-only, with no save button', async () => {
    const p = await openDesktopSettings({ url: 'https://updates.gov.kz/hattama/', source: 'env' });
    const section = p.getByTestId('update-settings');
    await section.scrollIntoViewIfNeeded();
    expect(await section.getByTestId('update-url').getAttribute('readonly')).not.toBeNull();
    await section.getByText('Адрес задан вашей организацией', { exact: false }).waitFor();
    expect(await section.getByTestId('update-save').count()).toBe(0);
    await section.screenshot({ path: 'tmp/screens/updates-managed.png' });
    await p.context().close();
  }, 60_000);

  it('browser: says the web version is updated with its server', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'ru-RU' });
    const p = await context.newPage();
    await p.goto(web.url);
    await p.getByTestId('nav-settings').click();
    const text = await p.getByTestId('update-browser').innerText();
    expect(text).toMatch(/В браузере приложение обновляется вместе с сервером/);
    expect(await p.getByTestId('update-url').count()).toBe(0);
    await context.close();
  }, 60_000);
});

// Closing the desktop window with unsaved changes: the page tells the main process (a stand-in
// preload bridge here: the Electron runtime cannot run on this machine) when a project card, the
// meeting page or an assignment card holds changes, in the UI language the question is to be asked
// in, and again when they are saved or thrown away. electron/main/close-guard.ts asks the question
// (tests/unit/electron/close-guard.test.ts, main-glue.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startWeb } from '../support/web-host';
import { useStandInBridge } from '../support/stand-in-bridge';

let web: Awaited<ReturnType<typeof startWeb>>;
let browser: Browser;
let page: Page;

type Told = { unsaved: boolean; uiLang: string };
const told = () => page.evaluate(() => ((window as unknown as { __unsaved?: Told[] }).__unsaved ?? []).slice());
const last = async () => (await told()).at(-1) ?? null;

beforeAll(async () => {
  web = await startWeb();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true, locale: 'ru-RU' });
  page = await context.newPage();
  await useStandInBridge(page);
  await page.goto(web.url);
  await page.getByTestId('load-demo').click();
  await page.getByTestId('board-row').first().waitFor();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('the desktop window knows when a form holds unsaved changes', () => {
  it('project card: told once as the clerk types, and cleared on save', async () => {
    expect(await told()).toEqual([]);
    await page.locator('[data-testid=board-row] button').first().click();
    await page.getByTestId('field-title').fill('Завод ферросплавов — уточнено');
    await expect.poll(last).toEqual({ unsaved: true, uiLang: 'ru' });
    await page.getByTestId('field-title').fill('Завод ферросплавов — уточнено ещё раз');
    expect((await told()).length).toBe(1);
    await page.getByTestId('save-project').click();
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
    await expect.poll(last).toEqual({ unsaved: false, uiLang: 'ru' });
  });

  it('project card: cleared when the changes are thrown away with «Не сохранять»', async () => {
    await page.locator('[data-testid=board-row] button').first().click();
    await page.getByTestId('field-title').fill('Черновик, который не нужен');
    await expect.poll(last).toEqual({ unsaved: true, uiLang: 'ru' });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Не сохранять', exact: true }).click();
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
    await expect.poll(last).toEqual({ unsaved: false, uiLang: 'ru' });
  });

  it('a new official figure and a new meeting: told while typed, cleared on cancel and on leaving', async () => {
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('stat-add').click();
    await page.getByTestId('stat-value').fill('95 млрд');
    await expect.poll(last).toEqual({ unsaved: true, uiLang: 'ru' });
    await page.getByRole('button', { name: 'Отмена' }).click();
    await expect.poll(last).toEqual({ unsaved: false, uiLang: 'ru' });
    // The new meeting's page: its proposed number and date are not the clerk's; a typed place is.
    await page.goto(`${web.url}#/meetings/new`);
    await page.getByTestId('meeting-create').waitFor();
    await page.waitForTimeout(300);
    expect(await last()).toEqual({ unsaved: false, uiLang: 'ru' });
    await page.getByTestId('meeting-place').fill('Актюбинский завод ферросплавов');
    await expect.poll(last).toEqual({ unsaved: true, uiLang: 'ru' });
    await page.getByTestId('nav-board').click();
    await expect.poll(last).toEqual({ unsaved: false, uiLang: 'ru' });
  });

  it('meeting page: told while its notes are changed, in the language switched to, and cleared by «Вернуть как было»', async () => {
    await page.getByTestId('nav-meetings').click();
    await page.getByTestId('meeting-open').first().click();
    await page.getByTestId('meeting-page').waitFor();
    await page.getByTestId('meeting-tab-details').click();
    await page.getByTestId('meeting-notes').fill('Заметки секретаря');
    await expect.poll(last).toEqual({ unsaved: true, uiLang: 'ru' });
    // The question at close is to be asked in the language the clerk switched to.
    await page.getByTestId('lang-switch').getByText('ҚАЗ', { exact: true }).click();
    await expect.poll(last).toEqual({ unsaved: true, uiLang: 'kk' });
    await page.getByTestId('lang-switch').getByText('РУС', { exact: true }).click();
    await expect.poll(last).toEqual({ unsaved: true, uiLang: 'ru' });
    await page.getByRole('button', { name: 'Вернуть как было' }).click();
    await expect.poll(last).toEqual({ unsaved: false, uiLang: 'ru' });
  });
  it('settings (a person, a moved day, the server address, the update address) and a directive: told while typed, cleared when added or emptied', async () => {
    await page.goto(`${web.url}#/settings`);
    await page.getByTestId('person-name').fill('Ахметов Серик');
    await expect.poll(last).toEqual({ unsaved: true, uiLang: 'ru' });
    await page.getByTestId('person-add').click();
    await page.getByTestId('people-table').getByText('Ахметов Серик').waitFor();
    await expect.poll(last).toEqual({ unsaved: false, uiLang: 'ru' });

    await page.getByTestId('calendar-date').fill('02.01.2027');
    await expect.poll(last).toEqual({ unsaved: true, uiLang: 'ru' });
    await page.getByTestId('calendar-date').fill('');
    await expect.poll(last).toEqual({ unsaved: false, uiLang: 'ru' });

    await page.getByTestId('sync-server-url').fill('https://invest.aktobe.kz');
    await expect.poll(last).toEqual({ unsaved: true, uiLang: 'ru' });
    await page.getByTestId('sync-server-url').fill('');
    await expect.poll(last).toEqual({ unsaved: false, uiLang: 'ru' });

    await page.getByTestId('update-url').fill('https://updates.aktobe.kz/hattama');
    await expect.poll(last).toEqual({ unsaved: true, uiLang: 'ru' });
    await page.getByTestId('update-url').fill('');
    await expect.poll(last).toEqual({ unsaved: false, uiLang: 'ru' });

    // A directive's form keeps what was typed while it is closed, so the window still asks.
    await page.getByTestId('nav-assignments').click();
    await page.getByTestId('new-directive').click();
    await page.getByTestId('field-textRu').fill('Обеспечить подключение завода к газопроводу');
    await expect.poll(last).toEqual({ unsaved: true, uiLang: 'ru' });
    await page.keyboard.press('Escape');
    await page.getByTestId('directive-form').waitFor({ state: 'hidden' });
    await page.waitForTimeout(200);
    expect(await last()).toEqual({ unsaved: true, uiLang: 'ru' });
    await page.getByTestId('new-directive').click();
    await expect(page.getByTestId('field-textRu').inputValue()).resolves.toBe('Обеспечить подключение завода к газопроводу');
    await page.getByTestId('field-textRu').fill('');
    await expect.poll(last).toEqual({ unsaved: false, uiLang: 'ru' });
    await page.keyboard.press('Escape');
  });
});

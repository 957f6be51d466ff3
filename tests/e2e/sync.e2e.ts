// Two clerks in Chromium against one sync server (a real process on the embedded database, serving
// the built web app): each signs in from the settings; one loads the example register, the other
// receives it; one goes offline, edits a project's title — the header says offline and counts the
// change waiting — comes back, and the other sees the new title.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { endlessAnimations } from '../support/animations';
import { launchChromium, startWeb } from '../support/web-host';
import { PASSWORD, REPO_ROOT, freshSchemaName, runCli, serverEnv, startServer, type SpawnedServer } from '../server/support';

const PIPES = 'Завод по производству пластиковых труб';

let root: string;
let server: SpawnedServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

function row(p: Page, title: string) {
  return p.locator('[data-testid=board-row]', { hasText: title });
}

/** A clerk's browser; `cores` stands in for its number of cores (pulls go to a worker on 4 or more). */
async function clerk(cores?: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'ru-RU' });
  contexts.push(context);
  const page = await context.newPage();
  if (cores) await (await context.newCDPSession(page)).send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: cores });
  await page.goto(server.url);
  await page.getByTestId('sync-indicator').waitFor();
  return { context, page };
}

async function signIn(page: Page, username: string) {
  await page.goto(`${server.url}/#/settings`);
  await page.getByTestId('sync-username').fill(username);
  await page.getByTestId('sync-password').fill(PASSWORD);
  await page.getByTestId('sync-sign-in').click();
  await page.getByTestId('sync-signed-in').waitFor();
}

async function phase(page: Page): Promise<string | null> {
  return page.getByTestId('sync-indicator').getAttribute('data-phase');
}

/** Goes offline, opens the project `title` on the board, makes `edit` and saves; waits for the change to be counted as waiting. */
async function editOffline(p: { context: BrowserContext; page: Page }, title: string, edit: (page: Page) => Promise<void>) {
  await p.context.setOffline(true);
  await expect.poll(() => phase(p.page), { timeout: 10_000 }).toBe('offline');
  await p.page.goto(`${server.url}/#/board`);
  await row(p.page, title).first().getByRole('button', { name: title }).click();
  await edit(p.page);
  await p.page.getByTestId('save-project').click();
  await p.page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
  await expect.poll(() => p.page.getByTestId('sync-indicator').getAttribute('data-pending'), { timeout: 10_000 }).toMatch(/^[1-9]/);
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'hattama-sync-e2e-'));
  const env = serverEnv('pglite', freshSchemaName(), path.join(root, 'data'), { HATTAMA_WEB_ROOT: path.join(REPO_ROOT, 'dist-web') });
  for (const [username, name] of [['aigerim', 'Айгерим Серикова'], ['daulet', 'Даулет Нурланов']]) {
    const added = await runCli(['user', 'add', username!, '--role', 'clerk', '--regions', 'aktobe', '--name', name!, '--password-stdin'], env, `${PASSWORD}\n`);
    if (added.code !== 0) throw new Error(added.output);
  }
  server = await startServer(env);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('two clerks syncing through the server', () => {
  it('one edits offline, comes back, and the other sees the change', async () => {
    const a = await clerk();
    // B's machine has cores to spare: its pulls are made in a worker (A's on its page).
    const b = await clerk(8);
    const workers = { a: [] as string[], b: [] as string[] };
    a.page.on('worker', (w) => workers.a.push(w.url()));
    b.page.on('worker', (w) => workers.b.push(w.url()));
    expect(await phase(a.page)).toBe('signedOut');
    await signIn(a.page, 'aigerim');
    await signIn(b.page, 'daulet');

    // A loads the example; it reaches the server and B's register.
    await a.page.goto(`${server.url}/#/board`);
    await a.page.getByTestId('load-demo').click();
    await row(a.page, PIPES).waitFor();
    await a.page.getByTestId('sync-indicator').click();
    await a.page.getByTestId('sync-now').click();
    await expect.poll(() => a.page.getByTestId('sync-pending-text').innerText(), { timeout: 20_000 }).toBe('Все изменения отправлены на сервер');
    await a.page.keyboard.press('Escape');
    await b.page.goto(`${server.url}/#/board`);
    await b.page.getByTestId('sync-indicator').click();
    await b.page.getByTestId('sync-now').click();
    await row(b.page, PIPES).waitFor({ timeout: 20_000 });
    await b.page.keyboard.press('Escape');

    // A goes offline and edits a title.
    await a.context.setOffline(true);
    await expect.poll(() => phase(a.page), { timeout: 10_000 }).toBe('offline');
    await row(a.page, PIPES).getByRole('button', { name: PIPES }).click();
    await a.page.getByTestId('field-title').fill(`${PIPES} (вторая очередь)`);
    await a.page.getByTestId('save-project').click();
    await a.page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
    await expect.poll(() => a.page.getByTestId('sync-pending').innerText(), { timeout: 10_000 }).toMatch(/^[1-9]/);
    expect(await phase(a.page)).toBe('offline');
    await a.page.screenshot({ path: path.join(REPO_ROOT, 'tmp/screens/sync-offline-ru.png') }).catch(() => undefined);

    // Back online: the change goes out by itself.
    await a.context.setOffline(false);
    await expect.poll(() => phase(a.page), { timeout: 20_000 }).toBe('idle');
    await expect.poll(() => a.page.getByTestId('sync-pending').count(), { timeout: 20_000 }).toBe(0);

    // B receives it (the periodic pull, or at once on «Синхронизировать сейчас»).
    await b.page.getByTestId('sync-indicator').click();
    await b.page.getByTestId('sync-now').click();
    await row(b.page, `${PIPES} (вторая очередь)`).waitFor({ timeout: 20_000 });
    expect(await row(b.page, PIPES).count()).toBe(1);
    expect(workers.b.filter((u) => u.includes('pull-worker'))).toHaveLength(1);
    expect(workers.a.filter((u) => u.includes('pull-worker'))).toHaveLength(0);
  });

  it('both enter the same year’s figure offline: after sync each sees the two marked, the later one counted; deleting the other clears the marks on both', async () => {
    const [a, b] = contexts.slice(0, 2).map((context) => ({ context, page: context.pages()[0]! }));
    if (!a || !b) throw new Error('the first test’s clerks are gone');
    const enter = async (p: Page, value: string) => {
      await p.goto(`${server.url}/#/dashboard`);
      await p.getByTestId('stat-add').click();
      await p.getByTestId('stat-year').fill('2024');
      await p.getByTestId('stat-value').fill(value);
      await p.getByTestId('stat-source').fill('Бюро национальной статистики');
      await p.getByTestId('stat-save').click();
      await p.getByTestId('stat-save').waitFor({ state: 'hidden' });
    };
    const syncNow = async (p: Page) => {
      await p.getByTestId('sync-indicator').click();
      await p.getByTestId('sync-now').click();
      await expect.poll(() => p.getByTestId('sync-pending-text').innerText(), { timeout: 20_000 }).toBe('Все изменения отправлены на сервер');
      // The button was disabled while it ran, so the focus may have left the details: Escape closes
      // them all the same (it did not, and the next click on the indicator closed them instead of opening).
      await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await p.keyboard.press('Escape');
      await p.getByTestId('sync-details').waitFor({ state: 'hidden' });
    };
    const twins = (p: Page) => p.getByTestId('stat-twin');
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    await a.context.setOffline(true);
    await b.context.setOffline(true);
    await enter(a.page, '892 млрд');
    // B enters it a moment later: B's figure is the one that counts.
    await new Promise((r) => setTimeout(r, 50));
    await enter(b.page, '905 млрд');
    expect(await twins(a.page).count()).toBe(0);
    await a.context.setOffline(false);
    await b.context.setOffline(false);
    await syncNow(a.page);
    await syncNow(b.page);
    await syncNow(a.page);
    for (const p of [a.page, b.page]) {
      await expect.poll(() => twins(p).count(), { timeout: 20_000 }).toBe(2).catch(async (e: unknown) => {
        // Which figures the clerk's list held when it failed (a rare CI failure here was not reproduced).
        const rows = plain((await p.locator('[data-testid=stats-row]').allInnerTexts()).join(' | '));
        throw new Error(`${p === a.page ? 'A' : 'B'}'s statistics list: ${rows}\n${String(e)}`);
      });
      const older = p.locator('[data-testid=stats-row]', { has: p.locator('[data-testid=stat-twin][data-counts=no]') });
      expect(plain(await older.innerText())).toContain('892 млрд ₸');
      expect(plain(await older.getByTestId('stat-twin').innerText())).toContain('За этот период есть запись, введённая позже (905 млрд ₸): на панели учитывается она');
      expect(plain(await p.locator('[data-testid=stat-twin][data-counts=yes]').innerText())).toContain('(892 млрд ₸). На панели учитывается эта');
    }
    await a.page.screenshot({ path: path.join(REPO_ROOT, 'tmp/screens/sync-stat-twins.png'), fullPage: true }).catch(() => undefined);
    // A deletes the older figure; after sync neither clerk sees a mark.
    // The twins' buttons are told apart by the value.
    await a.page.getByRole('button', { name: /^Удалить показатель: 2024 год, Привлечённые инвестиции, ₸: 892\s*млрд\s*₸$/ }).click();
    await expect.poll(() => twins(a.page).count()).toBe(0);
    await syncNow(a.page);
    await b.page.getByTestId('sync-indicator').click();
    await b.page.getByTestId('sync-now').click();
    await expect.poll(() => twins(b.page).count(), { timeout: 20_000 }).toBe(0);
    await b.page.keyboard.press('Escape');
    expect(await b.page.locator('[data-testid=stats-row]', { hasText: /905\s*млрд/ }).count()).toBe(1);
    expect(await b.page.locator('[data-testid=stats-row]', { hasText: /892\s*млрд/ }).count()).toBe(0);
  });

  it('a new clerk’s empty board says the register is loading while the first sync runs, not that it is empty', async () => {
    const c = await clerk();
    // The server answers slowly, as over a poor connection, and in pages of 10 (as a large region's
    // first sync comes in pages of 5,000): the first page after 4 s, the second 3 s later.
    let held = 0;
    await c.context.route('**/api/v1/pull**', async (route) => {
      const n = held++;
      if (n <= 1) await new Promise((r) => setTimeout(r, n === 0 ? 4000 : 3000));
      await route.continue({ url: route.request().url().replace(/limit=\d+/, 'limit=10') });
    });
    await c.page.goto(`${server.url}/#/board`);
    await c.page.getByTestId('empty-register').waitFor();
    await signIn(c.page, 'aigerim');
    await c.page.goto(`${server.url}/#/board`);
    const loading = c.page.getByTestId('register-syncing');
    await loading.waitFor({ timeout: 5000 });
    expect(await loading.innerText()).toContain('Загружаем реестр с сервера региона');
    expect(await c.page.getByTestId('load-demo').count()).toBe(0);
    // The first page says how many follow: the clerk sees how far the sync has come.
    await c.page.getByTestId('register-sync-progress').waitFor({ timeout: 10_000 });
    const plain = (t: string) => t.replace(/[\u00a0\u202f]/g, ' ');
    const text = plain(await loading.innerText());
    const [, got, total] = /Получено записей: (\d+) из (\d+)\./.exec(text) ?? [];
    expect(Number(got)).toBe(10);
    expect(Number(total)).toBeGreaterThan(10);
    expect(plain(await c.page.getByTestId('sync-indicator').innerText())).toContain(`Загрузка ${Math.floor(1000 / Number(total))} %`);
    await c.page.screenshot({ path: path.join(REPO_ROOT, 'tmp/screens/sync-first-sync-board.png') }).catch(() => undefined);
    // Nothing spins while it runs: an endless animation would redraw the window every frame for
    // the whole of a first sync (on a laptop drawing in software, a sixth of its CPU).
    expect(await endlessAnimations(c.page)).toBe(0);
    await c.page.getByTestId('sync-indicator').click();
    expect(plain(await c.page.getByTestId('sync-progress').innerText())).toContain(`Получено с сервера: 10 из ${total}`);
    await c.page.waitForTimeout(300); // the details' fade-in, for the screenshot
    await c.page.screenshot({ path: path.join(REPO_ROOT, 'tmp/screens/sync-first-sync-progress.png') }).catch(() => undefined);
    expect(await axeViolations(c.page)).toEqual([]);
    await c.page.keyboard.press('Escape');
    // The first sync ends: the projects, with their board rows built at the end, and the phase idle.
    await row(c.page, `${PIPES} (вторая очередь)`).waitFor({ timeout: 30_000 });
    await expect.poll(() => phase(c.page), { timeout: 20_000 }).toBe('idle');
    expect(await c.page.getByTestId('board-row').count()).toBeGreaterThanOrEqual(6);
    expect(await c.page.getByTestId('register-syncing').count()).toBe(0);
  });

  it('a failed sign-in says why in words, with the answer\'s code for support', async () => {
    const d = await clerk();
    const attempt = async (password: string, expected: string) => {
      await d.page.getByTestId('sync-username').fill('daulet');
      await d.page.getByTestId('sync-password').fill(password);
      await d.page.getByTestId('sync-sign-in').click();
      const error = d.page.getByTestId('sync-sign-in-error');
      await expect.poll(() => error.innerText({ timeout: 1000 }).catch(() => ''), { timeout: 15_000 }).toBe(expected);
    };
    await d.page.goto(`${server.url}/#/settings`);
    // The real server: a wrong password.
    await attempt('not-the-password', 'Неверное имя пользователя или пароль (ответ 401)');
    // The server refuses more attempts for a while, and says for how long.
    await d.context.route('**/api/v1/login', (route) =>
      route.fulfill({ status: 429, headers: { 'retry-after': '840' }, contentType: 'application/json', body: JSON.stringify({ code: 'rate_limited', message: 'Too many failed sign-ins', serverTime: Date.now() }) }),
    );
    await attempt(PASSWORD, 'Слишком много попыток входа (ответ 429) — попробуйте через 14 мин');
    // Nobody answers at the address.
    await d.context.unroute('**/api/v1/login');
    await d.context.route('**/api/v1/login', (route) => route.abort('connectionrefused'));
    await attempt(PASSWORD, 'Сервер по этому адресу не отвечает. Проверьте адрес и подключение к сети.');
    await d.page.screenshot({ path: path.join(REPO_ROOT, 'tmp/screens/sync-sign-in-unreachable.png') }).catch(() => undefined);
    expect(await axeViolations(d.page)).toEqual([]);
  });

  it('signing in at a plain web server (not Hattama) says there is no Hattama server there', async () => {
    // The browser host's own static server: it answers the sign-in's POST with 405.
    const web = await startWeb();
    try {
      const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'ru-RU' });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${web.url}#/settings`);
      await page.getByTestId('sync-username').fill('aigerim');
      await page.getByTestId('sync-password').fill(PASSWORD);
      await page.getByTestId('sync-sign-in').click();
      await page.getByTestId('sync-sign-in-error').waitFor();
      expect(await page.getByTestId('sync-sign-in-error').innerText()).toBe('По этому адресу нет сервера Hattama (ответ 405). Проверьте адрес.');
      await page.screenshot({ path: path.join(REPO_ROOT, 'tmp/screens/sync-sign-in-not-hattama.png') }).catch(() => undefined);
    } finally {
      await web.stop();
    }
  });
  it('signing out with changes not yet sent asks first: sends them and signs out, or keeps them for the next sign-in', async () => {
    const c = await clerk();
    await signIn(c.page, 'aigerim');
    await expect.poll(() => phase(c.page), { timeout: 30_000 }).toBe('idle');
    const retitleOffline = async (title: string) => {
      await editOffline(c, PIPES, (page) => page.getByTestId('field-title').fill(title));
      await c.page.goto(`${server.url}/#/settings`);
    };
    const dialog = c.page.getByTestId('sign-out-pending');
    const problem = () => dialog.getByTestId('sign-out-pending-problem').innerText();

    // Offline: the changes cannot go, and the clerk stays signed in.
    await retitleOffline(`${PIPES} (третья очередь)`);
    await c.page.getByTestId('sync-sign-out').click();
    expect(await dialog.getByTestId('sign-out-pending-text').innerText()).toMatch(/^Ещё не отправлено на сервер изменений: [1-9]\d*\. Если выйти, они останутся на этом компьютере/);
    await c.page.waitForTimeout(400); // the dialog's fade-in, for the screenshot
    await c.page.screenshot({ path: path.join(REPO_ROOT, 'tmp/screens/sync-sign-out-pending.png') }).catch(() => undefined);
    expect(await axeViolations(c.page, '[data-testid=sign-out-pending]')).toEqual([]);
    await dialog.getByTestId('sign-out-send').click();
    await expect.poll(problem).toBe('Нет связи с сервером: изменения не отправлены, вы не вышли.');
    expect(await c.page.getByTestId('sync-signed-in').count()).toBe(1);

    // Back online, but the server does not take the push: still signed in, with the reason.
    await c.page.keyboard.press('Escape');
    await c.context.route('**/api/v1/push', (route) => route.abort('connectionrefused'));
    await c.context.setOffline(false);
    await c.page.getByTestId('sync-sign-out').click();
    await dialog.getByTestId('sign-out-send').click();
    await expect.poll(problem, { timeout: 20_000 }).toMatch(/^Изменения не отправлены, вы не вышли\. /);
    expect(await c.page.getByTestId('sync-signed-in').count()).toBe(1);

    // The server takes it: sent, then signed out.
    await c.context.unroute('**/api/v1/push');
    await dialog.getByTestId('sign-out-send').click();
    await c.page.getByTestId('sync-sign-in-form').waitFor({ timeout: 20_000 });
    await dialog.getByTestId('sign-out-send').waitFor({ state: 'detached' });
    expect(await c.page.getByTestId('sync-indicator').getAttribute('data-pending')).toBe('0');
    const other = await clerk();
    await signIn(other.page, 'daulet');
    await other.page.goto(`${server.url}/#/board`);
    await row(other.page, `${PIPES} (третья очередь)`).waitFor({ timeout: 30_000 });

    // «Выйти, не отправляя»: signed out, and the change waits on this computer for the next sign-in.
    await signIn(c.page, 'aigerim');
    await retitleOffline(`${PIPES} (четвёртая очередь)`);
    await c.page.getByTestId('sync-sign-out').click();
    await dialog.getByTestId('sign-out-anyway').click();
    await c.page.getByTestId('sync-sign-in-form').waitFor();
    expect(Number(await c.page.getByTestId('sync-indicator').getAttribute('data-pending'))).toBeGreaterThan(0);
    await c.context.setOffline(false);
  });

  it('both move one project to another stage offline: the later one finds the colleague’s stage kept, picks its own in the conflicts list, and the pick reaches the other', async () => {
    const [a, b] = contexts.slice(0, 2).map((context) => ({ context, page: context.pages()[0]! }));
    if (!a || !b) throw new Error('the first test’s clerks are gone');
    const COURIER = 'Курьерский центр и логистический хаб';
    const pending = (p: Page) => p.getByTestId('sync-indicator').getAttribute('data-pending');
    // The stage cell shows the stage's name in capitals (CSS): its text is the name.
    const stageOn = (p: Page) => row(p, COURIER).locator('.cell-tag').first().textContent();
    const moveOffline = (p: { context: BrowserContext; page: Page }, stage: string) =>
      editOffline(p, COURIER, async (page) => {
        await page.getByTestId('field-stage').click();
        await page.getByRole('option', { name: stage }).click();
      });
    await moveOffline(a, 'Переговоры');
    await moveOffline(b, 'Проектирование');

    // A is back first: its stage is on the server.
    await a.context.setOffline(false);
    await expect.poll(() => pending(a.page), { timeout: 20_000 }).toBe('0');
    // B is back: the stage is guarded, so the server keeps A's and B is told, not overwritten silently.
    await b.context.setOffline(false);
    await b.page.getByTestId('sync-conflicts-badge').waitFor({ timeout: 20_000 });
    await expect.poll(() => pending(b.page), { timeout: 20_000 }).toBe('0');
    await expect.poll(() => stageOn(b.page), { timeout: 10_000 }).toBe('Переговоры');
    await b.page.goto(`${server.url}/#/sync`);
    const conflict = b.page.getByTestId('conflict-row');
    await expect.poll(() => conflict.count(), { timeout: 10_000 }).toBe(1);
    expect(await conflict.innerText()).toContain(COURIER);
    expect(await conflict.getByTestId('conflict-mine').innerText()).toBe('Проектирование');
    expect(await conflict.getByTestId('conflict-current').innerText()).toBe('Переговоры');
    await b.page.screenshot({ path: path.join(REPO_ROOT, 'tmp/screens/sync-conflicts.png'), fullPage: true }).catch(() => undefined);
    expect(await axeViolations(b.page)).toEqual([]);
    // The dark scheme too: the header's state with its conflict mark, the status and the list.
    await b.page.evaluate(() => localStorage.setItem('hattama.theme', 'dark'));
    await b.page.reload();
    await conflict.waitFor();
    await b.page.getByTestId('sync-conflicts-badge').waitFor();
    expect(await axeViolations(b.page)).toEqual([]);
    await b.page.evaluate(() => localStorage.setItem('hattama.theme', 'light'));
    await b.page.reload();
    await conflict.waitFor();

    // B keeps its own: the list empties, the pick goes out as a new change and reaches A.
    await conflict.getByTestId('conflict-keep-mine').click();
    await b.page.getByTestId('conflicts-empty').waitFor({ timeout: 10_000 });
    expect(await b.page.getByTestId('sync-conflicts-badge').count()).toBe(0);
    await b.page.getByTestId('sync-indicator').click();
    await b.page.getByTestId('sync-now').click();
    await expect.poll(() => pending(b.page), { timeout: 20_000 }).toBe('0');
    await b.page.keyboard.press('Escape');
    await a.page.getByTestId('sync-indicator').click();
    await a.page.getByTestId('sync-now').click();
    await a.page.keyboard.press('Escape');
    await expect.poll(() => stageOn(a.page), { timeout: 20_000 }).toBe('Проектирование');
    await b.page.goto(`${server.url}/#/board`);
    await expect.poll(() => stageOn(b.page), { timeout: 10_000 }).toBe('Проектирование');
  });
});

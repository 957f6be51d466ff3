// Two clerks typing the same minutes at once, in Chromium, against one sync server (a real
// process on the embedded database, serving the built web app): both open the demo session's
// minutes; what one types appears in the other's window within a couple of seconds, with the
// first one's name at her caret and in the «Также редактирует» line. Then one goes offline,
// both type, she comes back — and both windows hold both texts.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, scrollIntoViewSettled } from '../support/web-host';
import { PASSWORD, REPO_ROOT, freshSchemaName, runCli, serverEnv, startServer, type SpawnedServer } from '../server/support';

const PIPES = 'Завод по производству пластиковых труб';
const AIGERIM = 'Айгерим Серикова';
const DAULET = 'Даулет Нурланов';
const SCREENS = path.join(REPO_ROOT, 'tmp/screens');

let root: string;
let server: SpawnedServer;
let browser: Browser;

type Clerk = { context: BrowserContext; page: Page };

async function clerk(username: string): Promise<Clerk> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 }, locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto(`${server.url}/#/settings`);
  await page.getByTestId('sync-username').fill(username);
  await page.getByTestId('sync-password').fill(PASSWORD);
  await page.getByTestId('sync-sign-in').click();
  await page.getByTestId('sync-signed-in').waitFor();
  return { context, page };
}

async function syncNow(page: Page) {
  await page.getByTestId('sync-indicator').click();
  await page.getByTestId('sync-now').click();
  await expect.poll(() => page.getByTestId('sync-pending-text').innerText(), { timeout: 20_000 }).toBe('Все изменения отправлены на сервер');
  await page.keyboard.press('Escape');
}

/** The first agenda item's «ВЫСТУПИЛИ» part. */
function spoke(page: Page): Locator {
  return page.getByTestId('minutes-item').first().getByTestId('part-spoke');
}

/** The first agenda item's «СЛУШАЛИ» part. */
function heard(page: Page): Locator {
  return page.getByTestId('minutes-item').first().getByTestId('part-heard');
}

/** Clicks into a part (its editor is made) and types at its end. */
async function typeInto(page: Page, part: Locator, text: string) {
  await scrollIntoViewSettled(part);
  await part.click();
  await expect.poll(() => part.getAttribute('contenteditable')).toBe('true');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay: 15 });
}

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  root = mkdtempSync(path.join(tmpdir(), 'hattama-live-e2e-'));
  const env = serverEnv('pglite', freshSchemaName(), path.join(root, 'data'), { HATTAMA_WEB_ROOT: path.join(REPO_ROOT, 'dist-web') });
  for (const [username, name] of [['aigerim', AIGERIM], ['daulet', DAULET]]) {
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

describe('two clerks in the same minutes', () => {
  it('see each other typing live with the name at the caret, and keep both texts across going offline', async () => {
    const a = await clerk('aigerim');
    const b = await clerk('daulet');

    // A loads the example register (with the demo session and its minutes) and sends it; B receives it.
    await a.page.goto(`${server.url}/#/board`);
    await a.page.getByTestId('load-demo').click();
    await a.page.locator('[data-testid=board-row]', { hasText: PIPES }).waitFor();
    await syncNow(a.page);
    await b.page.goto(`${server.url}/#/board`);
    await b.page.getByTestId('sync-indicator').click();
    await b.page.getByTestId('sync-now').click();
    await b.page.locator('[data-testid=board-row]', { hasText: PIPES }).waitFor({ timeout: 20_000 });
    await b.page.keyboard.press('Escape');

    // Both open the demo session's minutes.
    await a.page.getByTestId('nav-meetings').click();
    await a.page.getByTestId('meeting-open').first().click();
    await a.page.getByTestId('meeting-minutes').click();
    await a.page.locator('[data-testid=minutes-document][data-editable]').waitFor({ timeout: 30_000 });
    const minutesUrl = a.page.url();
    expect(minutesUrl).toMatch(/#\/meetings\/[0-9a-f-]+\/minutes$/);
    await b.page.goto(minutesUrl);
    await b.page.locator('[data-testid=minutes-document][data-editable]').waitFor({ timeout: 30_000 });
    const docId = await a.page.getByTestId('minutes-paper').getAttribute('data-doc-id');
    expect(await b.page.getByTestId('minutes-paper').getAttribute('data-doc-id')).toBe(docId);

    // A types; B sees the words within a couple of seconds, and A's name at her caret.
    const live = ' — слово Айгерим вживую';
    await typeInto(a.page, spoke(a.page), live);
    const typedAt = Date.now();
    await expect.poll(() => spoke(b.page).textContent(), { timeout: 3_000, interval: 100 }).toContain(live);
    expect(Date.now() - typedAt).toBeLessThan(3_000);
    const caret = b.page.locator('[data-testid=live-caret]', { hasText: AIGERIM });
    await caret.waitFor({ timeout: 3_000 });
    expect(await spoke(b.page).locator('[data-testid=live-caret]').count()).toBe(1);
    await expect.poll(() => b.page.getByTestId('minutes-presence').textContent(), { timeout: 3_000 }).toBe(`Также редактирует: ${AIGERIM}`);
    // And the other way round: B types, A sees it and B's name.
    const back = ' [Даулет дополняет]';
    await typeInto(b.page, heard(b.page), back);
    await expect.poll(() => heard(a.page).textContent(), { timeout: 3_000, interval: 100 }).toContain(back);
    await a.page.locator('[data-testid=live-caret]', { hasText: DAULET }).waitFor({ timeout: 3_000 });
    await expect.poll(() => a.page.getByTestId('minutes-presence').textContent(), { timeout: 3_000 }).toBe(`Также редактирует: ${DAULET}`);
    await b.page.waitForTimeout(300);
    await a.page.screenshot({ path: path.join(SCREENS, 'live-minutes-a.png') });
    await b.page.screenshot({ path: path.join(SCREENS, 'live-minutes-b.png') });

    // B goes offline; both type; nothing of B's reaches A meanwhile.
    await b.context.setOffline(true);
    await expect.poll(() => a.page.getByTestId('minutes-presence').count(), { timeout: 10_000 }).toBe(0);
    const fromA = ' [А: пока Даулет офлайн]';
    const fromB = ' [Б: написано офлайн]';
    await typeInto(a.page, spoke(a.page), fromA);
    await typeInto(b.page, heard(b.page), fromB);
    await a.page.waitForTimeout(1_000);
    expect(await heard(a.page).textContent()).not.toContain(fromB);
    expect(await spoke(b.page).textContent()).not.toContain(fromA);

    // B comes back: both windows hold both texts, and the earlier ones once.
    await b.context.setOffline(false);
    await expect.poll(() => heard(a.page).textContent(), { timeout: 15_000, interval: 200 }).toContain(fromB);
    await expect.poll(() => spoke(b.page).textContent(), { timeout: 15_000, interval: 200 }).toContain(fromA);
    for (const page of [a.page, b.page]) {
      const spokeText = (await spoke(page).textContent()) ?? '';
      const heardText = (await heard(page).textContent()) ?? '';
      expect(spokeText.split(live).length - 1).toBe(1);
      expect(spokeText.split(fromA).length - 1).toBe(1);
      expect(heardText.split(back).length - 1).toBe(1);
      expect(heardText.split(fromB).length - 1).toBe(1);
    }
    await expect.poll(() => a.page.getByTestId('minutes-presence').textContent(), { timeout: 10_000 }).toBe(`Также редактирует: ${DAULET}`);
    await a.page.screenshot({ path: path.join(SCREENS, 'live-minutes-a-after-offline.png') });
    await b.page.screenshot({ path: path.join(SCREENS, 'live-minutes-b-after-offline.png') });

    // The text reached the server too: after both push, a reload (from the stored document) still holds all four.
    await syncNow(a.page);
    await syncNow(b.page);
    await b.page.reload();
    await b.page.locator('[data-testid=minutes-document][data-editable]').waitFor({ timeout: 30_000 });
    for (const t of [live, fromA]) expect(await spoke(b.page).textContent()).toContain(t);
    for (const t of [back, fromB]) expect(await heard(b.page).textContent()).toContain(t);
  });
});

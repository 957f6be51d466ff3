// The shell end to end, in the browser host: the navbar comes from the feature registry, every
// view and every project card has a URL (#/board, #/kanban, #/settings, #/projects/<id>), Back and
// Forward move between views and open and close the card, a reload keeps both, and F1 lists every
// hotkey.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDemoRegister, type DemoRegister } from '../support/web-host';

const SHOTS = process.env.E2E_SHOTS_DIR ?? '/tmp';

let app: DemoRegister;
let web: DemoRegister['web'];
let page: Page;

const hash = () => page.evaluate(() => location.hash);
const drawer = () => page.getByTestId('project-drawer');
/** The card is open once its form is on screen (the drawer's root element has no box of its own). */
const cardShown = () => page.getByTestId('field-title').waitFor();

async function firstRow(): Promise<{ id: string; title: string }> {
  const row = page.getByTestId('board-row').first();
  await row.waitFor();
  const id = await row.getAttribute('data-project-id');
  const title = await row.locator('td').first().innerText();
  if (!id) throw new Error('row without a project id');
  return { id, title };
}

beforeAll(async () => {
  app = await openDemoRegister();
  ({ web, page } = app);
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await app?.close();
});

describe('the shell in the browser host', () => {
  it('starts on the board at #/board', async () => {
    expect(await hash()).toBe('#/board');
    await expect(page.getByTestId('nav-board').getAttribute('aria-current')).resolves.toBe('page');
  });

  it('builds the navbar from the registry, and each item shows its view at its own URL', async () => {
    const items = page.locator('nav [data-testid^="nav-"]');
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual(['nav-board', 'nav-kanban', 'nav-meetings', 'nav-assignments', 'nav-dashboard', 'nav-settings']);
    // At 1440 px the navbar is a rail of icons: the labels are their accessible names, the hotkeys in the tooltips.
    expect((await items.allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim())).toEqual(['Реестр проектов', 'Стадии (канбан)', 'Заседания', 'Поручения', 'Аналитика', 'Настройки']);
    await page.getByTestId('nav-kanban').hover();
    await page.getByRole('tooltip', { name: 'Стадии (канбан) (Alt+2)' }).waitFor();

    await page.getByTestId('nav-kanban').click();
    await page.getByTestId('kanban-column-idea').waitFor();
    expect(await hash()).toBe('#/kanban');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('person-name').waitFor();
    expect(await hash()).toBe('#/settings');
    await expect(page.getByTestId('nav-settings').getAttribute('aria-current')).resolves.toBe('page');
    await page.getByTestId('nav-board').click();
    await page.getByTestId('board-row').first().waitFor();
    expect(await hash()).toBe('#/board');
  });

  it('moves between board, kanban and settings with Back and Forward', async () => {
    await page.goBack();
    await page.getByTestId('person-name').waitFor();
    expect(await hash()).toBe('#/settings');
    await page.goBack();
    await page.getByTestId('kanban-column-idea').waitFor();
    expect(await hash()).toBe('#/kanban');
    await page.goBack();
    await page.getByTestId('board-row').first().waitFor();
    expect(await hash()).toBe('#/board');
    await page.goForward();
    await page.getByTestId('kanban-column-idea').waitFor();
    expect(await hash()).toBe('#/kanban');
    await page.getByTestId('nav-board').click();
    await page.getByTestId('board-row').first().waitFor();
  });

  it('opens a card at its own URL; Back closes it, Forward opens it again, Escape closes it', async () => {
    const { id, title } = await firstRow();
    await page.getByTestId('board-row').first().getByRole('button', { name: title }).click();
    await cardShown();
    expect(await hash()).toBe(`#/projects/${id}`);
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe(title);

    await page.goBack();
    await drawer().waitFor({ state: 'hidden' });
    expect(await hash()).toBe('#/board');
    await page.goForward();
    await cardShown();
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe(title);

    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'hidden' });
    expect(await hash()).toBe('#/board');
    // Closing stepped back: Forward opens the card again.
    await page.goForward();
    await cardShown();
    // Forward's navigation has settled before Escape steps back (else a late Forward reopens the card).
    await expect.poll(hash).toBe(`#/projects/${id}`);
    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'hidden' });
    await expect.poll(hash).toBe('#/board');
    await drawer().waitFor({ state: 'hidden' });
  });

  it('opens the card over the view it was opened from, and closes back to it', async () => {
    await page.getByTestId('nav-kanban').click();
    const card = page.getByTestId('kanban-card').first();
    const id = await card.getAttribute('data-project-id');
    await card.locator('.kanban-title').click();
    await cardShown();
    expect(await hash()).toBe(`#/projects/${id}`);
    await expect(page.getByTestId('nav-kanban').getAttribute('aria-current')).resolves.toBe('page');
    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'hidden' });
    expect(await hash()).toBe('#/kanban');
    await page.getByTestId('nav-board').click();
    await page.getByTestId('board-row').first().waitFor();
  });

  it('opens the card of a deep link #/projects/<id> after a reload, over the board', async () => {
    const { id, title } = await firstRow();
    await page.goto(`${web.url}#/projects/${id}`);
    await page.reload();
    await cardShown();
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe(title);
    expect(await hash()).toBe(`#/projects/${id}`);
    await page.getByTestId('board-row').first().waitFor();
    await page.waitForTimeout(400); // the drawer's opening transition
    await page.screenshot({ path: `${SHOTS}/shell-deep-link-card.png` });

    // Not opened from a view of the app: closing goes to the last used view, not out of the app.
    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'hidden' });
    expect(await hash()).toBe('#/board');
  });

  it('keeps the card of a new project across a reload', async () => {
    await page.keyboard.press('Alt+N');
    await cardShown();
    expect(await hash()).toBe('#/projects/new');
    await page.reload();
    await cardShown();
    await page.getByTestId('field-title').waitFor();
    expect(await page.getByTestId('field-title').inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await drawer().waitFor({ state: 'hidden' });
  });

  it('says so when a link names a project the register does not have, and opens no card', async () => {
    await page.goto(`${web.url}#/projects/0190c6f4-0000-7000-8000-000000000000`);
    await page.getByText('Проект не найден').waitFor();
    expect(await drawer().isVisible()).toBe(false);
    await expect.poll(hash).toBe('#/board');
  });

  it('shows the board for an unknown address, and the last used view for #/', async () => {
    await page.goto(`${web.url}#/no/such/place`);
    await expect.poll(hash).toBe('#/board');
    await page.getByTestId('board-row').first().waitFor();

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('person-name').waitFor();
    await page.goto(`${web.url}#/`);
    await page.reload();
    await page.getByTestId('person-name').waitFor();
    expect(await hash()).toBe('#/settings');
  });

  it('moves with the hotkeys of the registry: Alt+1..5, Ctrl+K to the search', async () => {
    await page.locator('body').click({ position: { x: 5, y: 200 } });
    await page.keyboard.press('Alt+2');
    await expect.poll(hash).toBe('#/kanban');
    await page.keyboard.press('Alt+3');
    await expect.poll(hash).toBe('#/meetings');
    await page.keyboard.press('Alt+4');
    await expect.poll(hash).toBe('#/assignments');
    await page.keyboard.press('Alt+5');
    await expect.poll(hash).toBe('#/dashboard');
    await page.keyboard.press('Alt+6');
    await expect.poll(hash).toBe('#/settings');
    await page.keyboard.press('Alt+1');
    await expect.poll(hash).toBe('#/board');
    await page.keyboard.press('Alt+2');
    await page.getByTestId('kanban-column-idea').waitFor();
    await page.keyboard.press('Control+K');
    await expect.poll(hash).toBe('#/board');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('board-search');
  });

  it('lists every hotkey on F1, Alt+6 among them', async () => {
    await page.locator('body').click({ position: { x: 5, y: 200 } });
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Горячие клавиши' });
    await help.waitFor();
    const text = await help.innerText();
    for (const key of ['Alt+N', 'Alt+M', 'Ctrl+K', '/', 'Alt+1', 'Alt+2', 'Alt+3', 'Alt+4', 'Alt+5', 'Alt+6', 'Ctrl+S', 'F1']) expect(text).toContain(key);
    expect(text).toMatch(/Alt\+6\s+Настройки/);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/shell-shortcuts-help.png` });
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
  });
});

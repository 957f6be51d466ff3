// Clearing the example in Settings: it asks first and says what it removes (the clerk's edits to
// those records included), then offers Undo, which brings back exactly what it removed and shows
// the example as loaded again — also after an older undo brought back one demo project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openDemoRegister, type DemoRegister } from '../support/web-host';
import { axeViolations } from '../support/axe';


let app: DemoRegister;
let page: Page;

const PIPES = 'Завод по производству пластиковых труб';
const HUB = 'Курьерский центр и логистический хаб';
const NOTE = 'Инвестор просит земельный участок 5 га';

function row(title: string) {
  return page.locator('[data-testid=board-row]', { hasText: title });
}

async function rowTitles(): Promise<string[]> {
  return page.locator('[data-testid=board-row] td:first-child').allInnerTexts();
}

async function openCard(title: string) {
  await row(title).getByRole('button', { name: title }).click();
  await page.getByTestId('field-title').waitFor();
}

async function demoState(): Promise<string> {
  return page.getByTestId('toggle-demo').locator('xpath=ancestor::div[1]').innerText();
}


beforeAll(async () => {
  mkdirSync('tmp/screens', { recursive: true });
  app = await openDemoRegister();
  ({ page } = app);
});

afterAll(async () => {
  await app?.close();
});

describe('clearing the example', () => {
  it('asks first and says what it removes, the clerk’s edits included; Cancel removes nothing', async () => {
    // The clerk edits a demo project first.
    await openCard(PIPES);
    await page.getByTestId('field-notes').fill(NOTE);
    await page.getByTestId('save-project').click();
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });

    await page.getByTestId('nav-settings').click();
    await expect.poll(() => demoState()).toContain('Пример Актюбинской области загружен');
    await page.getByTestId('toggle-demo').click();
    const dialog = page.getByRole('dialog', { name: 'Очистить пример?' });
    await dialog.waitFor();
    expect(await page.getByTestId('clear-demo-counts').locator('li').allInnerTexts()).toEqual([
      'Проекты: 6', 'Участники и кураторы: 2', 'Организации: 8', 'Официальные итоги: 3',
      'Заседания (с повесткой, участниками и протоколом): 1', 'Поручения: 2',
    ]);
    // The total the message after the clear will give.
    expect(await page.getByTestId('clear-demo-total').innerText()).toBe('Всего записей: 27 — с пунктами повестки, участниками и протоколом заседания.');
    expect(await page.getByTestId('clear-demo-edits').innerText()).toBe('Вместе с записями удаляются и внесённые в них изменения (изменённых записей: 1).');
    await page.waitForTimeout(400); // the dialog's transition
    await page.screenshot({ path: 'tmp/screens/settings-clear-demo-confirm.png' });
    expect(await axeViolations(page, 'body')).toEqual([]);

    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await demoState()).toContain('Пример Актюбинской области загружен');
    await page.getByTestId('nav-board').click();
    expect(await rowTitles()).toHaveLength(6);
  });

  it('removes the example once confirmed, and Undo brings back exactly it, with the edit', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('toggle-demo').click();
    await page.getByTestId('clear-demo-confirm-button').click();
    await page.getByRole('dialog', { name: 'Очистить пример?' }).waitFor({ state: 'hidden' });
    const undo = page.getByTestId('undo-clear-demo');
    await undo.waitFor();
    expect(await page.getByText('Пример удалён из реестра (записей: 27)').count()).toBe(1);
    await expect.poll(() => demoState()).toContain('Пример не загружен');
    await page.screenshot({ path: 'tmp/screens/settings-clear-demo-undo.png' });

    await undo.click();
    await page.getByText('Пример восстановлен (записей: 27)').waitFor();
    await expect.poll(() => demoState()).toContain('Пример Актюбинской области загружен');
    expect(await page.getByTestId('stats-table').locator('tr').count()).toBe(3);

    await page.getByTestId('nav-board').click();
    await row(PIPES).waitFor();
    expect(await rowTitles()).toHaveLength(6);
    await openCard(PIPES);
    expect(await page.getByTestId('field-notes').inputValue()).toBe(NOTE);
    await page.keyboard.press('Escape');
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
  });

  it('after a demo project deleted alone is brought back by its own undo, Settings says the example is loaded', async () => {
    // Delete one demo project in its card; its undo toast stays.
    await openCard(HUB);
    await page.getByTestId('delete-project').click();
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
    const undoOne = page.getByTestId('undo-delete');
    await undoOne.waitFor();

    // Clear the rest of the example: the dialog counts only what is still there.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('toggle-demo').click();
    expect(await page.getByTestId('clear-demo-counts').locator('li').first().innerText()).toBe('Проекты: 5');
    await page.getByTestId('clear-demo-confirm-button').click();
    await expect.poll(() => demoState()).toContain('Пример не загружен');

    // The older undo brings that one project back: the example is (partly) loaded, and says so.
    await undoOne.click();
    await expect.poll(() => demoState()).toContain('Пример Актюбинской области загружен');
    await page.getByTestId('nav-board').click();
    await expect.poll(() => rowTitles()).toEqual([HUB]);

    // The undo of the clear brings back the rest, and only it.
    await page.getByTestId('undo-clear-demo').click();
    await expect.poll(async () => (await rowTitles()).length).toBe(6);
  });
});

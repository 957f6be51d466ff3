// Two tabs on the same register (the same as two windows of the desktop app, and how a pull
// arrives): a change in one appears in the other without a reload; a card left open in one tab
// while the project changes in the other says what changed and, saved, does not revert it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import path from 'node:path';
import { launchChromium, startWeb } from '../support/web-host';

const FIXTURE = path.join(import.meta.dirname, '../fixtures/import/register-messy.xlsx');

let web: Awaited<ReturnType<typeof startWeb>>;
let browser: Browser;
let context: BrowserContext;
let left: Page;
let right: Page;

const PIPES = 'Завод по производству пластиковых труб';

function row(p: Page, title: string) {
  return p.locator('[data-testid=board-row]', { hasText: title });
}

beforeAll(async () => {
  web = await startWeb();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true, locale: 'ru-RU' });
  left = await context.newPage();
  await left.goto(web.url);
  await left.getByTestId('load-demo').click();
  await row(left, PIPES).waitFor();
  right = await context.newPage();
  await right.goto(web.url);
  await row(right, PIPES).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

async function openCard(p: Page, title: string) {
  await row(p, title).getByRole('button', { name: title }).click();
  await p.getByTestId('field-title').waitFor();
}

describe('two tabs on one register', () => {
  it('shows a project saved in one tab on the other tab’s board, without a reload', async () => {
    await openCard(left, PIPES);
    await left.getByTestId('field-title').fill(`${PIPES} (расширение)`);
    await left.getByTestId('save-project').click();
    await left.getByTestId('project-drawer').waitFor({ state: 'hidden' });
    await row(right, `${PIPES} (расширение)`).waitFor({ timeout: 5000 });
    expect(await right.locator('[data-testid=board-row] td:first-child').first().innerText()).toBe(`${PIPES} (расширение)`);
  });

  it('a stale card says what changed elsewhere and, saved, keeps the other tab’s stage', async () => {
    const title = `${PIPES} (расширение)`;
    // The right tab opens the card and starts editing the notes.
    await openCard(right, title);
    await right.getByTestId('field-notes').fill('Проект будет дополнительно изучен. Инвестор просит землю.');

    // Meanwhile the left tab moves the project to design.
    await openCard(left, title);
    await left.getByTestId('field-stage').click();
    await left.getByRole('option', { name: 'Проектирование' }).click();
    await left.getByTestId('save-project').click();
    await left.getByTestId('project-drawer').waitFor({ state: 'hidden' });

    // The right card says so, and shows the new stage in the form.
    const notice = right.getByTestId('changed-elsewhere');
    await notice.waitFor({ timeout: 5000 });
    expect(await notice.innerText()).toContain('Проектирование');
    expect(await right.getByTestId('field-stage').inputValue()).toBe('Проектирование');
    await right.screenshot({ path: 'tmp/screens/stale-card.png' }).catch(() => undefined);

    // Saving the notes does not put the old stage back.
    await right.getByTestId('save-project').click();
    await right.getByTestId('project-drawer').waitFor({ state: 'hidden' });
    for (const p of [left, right]) {
      // The stage cell is shown in capitals (CSS); the text is the stage's name.
      await expect.poll(() => row(p, title).innerText(), { timeout: 5000 }).toMatch(/проектирование/i);
    }
    await openCard(left, title);
    expect(await left.getByTestId('field-notes').inputValue()).toBe('Проект будет дополнительно изучен. Инвестор просит землю.');
    expect(await left.getByTestId('field-stage').inputValue()).toBe('Проектирование');
    await left.keyboard.press('Escape');
  });

  it('adds a barrier in one tab and counts it on the other tab’s board', async () => {
    const title = 'Курьерский центр и логистический хаб';
    await openCard(left, title);
    await left.getByTestId('tab-barriers').click();
    await left.getByTestId('add-barrier').click();
    await left.getByTestId('barrier-text').fill('Нет подключения к электросетям');
    await left.getByTestId('save-project').click();
    await left.getByTestId('project-drawer').waitFor({ state: 'hidden' });
    await expect.poll(() => row(right, title).innerText(), { timeout: 5000 }).toMatch(/\b1\b/);
    await right.getByTestId('board-search').fill('электросетям');
    await expect.poll(() => right.locator('[data-testid=board-row]').count()).toBe(1);
    await right.getByTestId('board-search').fill('');
  });

  it('counts a project deleted in one tab on the other tab’s dashboard, and lists a person added there in the other’s settings', async () => {
    await right.goto(`${web.url}#/dashboard`);
    const dashboard = right.getByTestId('dashboard');
    await dashboard.waitFor();
    const before = Number(await dashboard.getAttribute('data-projects'));
    expect(before).toBeGreaterThan(1);
    await openCard(left, 'Курьерский центр и логистический хаб');
    await left.getByTestId('delete-project').click();
    await expect.poll(async () => Number(await dashboard.getAttribute('data-projects')), { timeout: 5000 }).toBe(before - 1);

    await right.getByTestId('nav-settings').click();
    await right.getByTestId('people-settings').waitFor();
    await left.getByTestId('nav-settings').click();
    await left.getByTestId('person-name').fill('Гульнара Есенова');
    await left.getByTestId('person-add').click();
    await right.getByTestId('people-table').getByText('Гульнара Есенова').waitFor({ timeout: 5000 });
  });

  it('lists an official figure entered in one tab under the other tab’s charts, without a reload', async () => {
    await right.goto(`${web.url}#/dashboard`);
    await right.getByTestId('stats-list').waitFor();
    await left.goto(`${web.url}#/dashboard`);
    await left.getByTestId('stat-add').click();
    await left.getByTestId('stat-year').fill('2025');
    await left.getByTestId('stat-period').click();
    await left.getByRole('option', { name: 'Квартал' }).click();
    await left.getByTestId('stat-period-no').click();
    await left.getByRole('option', { name: 'III', exact: true }).click();
    await left.getByTestId('stat-indicator').click();
    await left.getByRole('option', { name: 'Прямые иностранные инвестиции, ₸' }).click();
    await left.getByTestId('stat-value').fill('95 млрд');
    await left.getByTestId('stat-source').fill('Бюро национальной статистики');
    await left.getByTestId('stat-save').click();
    await left.getByTestId('stat-save').waitFor({ state: 'hidden' });
    const row = right.getByTestId('stats-row').filter({ hasText: 'III квартал 2025' });
    const cells = () => row.locator('th, td').allInnerTexts().then((c) => c.slice(0, 3).map((x) => x.replace(/\s+/g, ' ').trim()));
    await expect.poll(cells, { timeout: 5000 }).toEqual(['III квартал 2025', 'Прямые иностранные инвестиции, ₸', '95 млрд ₸']);
  });

  it('a figure corrected in one tab while the other corrects it too: the other form takes the new value, says so, and its save keeps both', async () => {
    const EDIT = /^Исправить показатель: 2025 год, Привлечённые инвестиции, ₸/;
    const attracted = (p: Page) => p.getByTestId('stats-row').filter({ hasText: 'Привлечённые инвестиции' }).filter({ hasText: '2025 год' });
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
    await left.goto(`${web.url}#/dashboard`);
    await right.goto(`${web.url}#/dashboard`);
    // The left tab opens the correction and changes the source only.
    await left.getByRole('button', { name: EDIT }).click();
    await left.getByTestId('stat-source').fill('Бюро национальной статистики');
    // The right tab corrects the value and saves.
    await right.getByRole('button', { name: EDIT }).click();
    await right.getByTestId('stat-value').fill('1,25 трлн');
    await right.getByTestId('stat-save').click();
    await right.getByTestId('stat-save').waitFor({ state: 'hidden' });
    // The left form says what changed and shows the new value in the field it had not touched.
    const notice = left.getByTestId('stat-changed-elsewhere');
    await notice.waitFor({ timeout: 5000 });
    expect(plain(await notice.innerText())).toBe('Показатель изменён в другом окне или другим секретарём Значение: 1,2 трлн → 1,25 трлн');
    expect(await left.getByTestId('stat-value').inputValue()).toBe('1,25 трлн');
    expect(await left.getByTestId('stat-source').inputValue()).toBe('Бюро национальной статистики');
    await left.screenshot({ path: 'tmp/screens/two-tabs-stat-changed.png' }).catch(() => undefined);
    await left.getByTestId('stat-save').click();
    await left.getByTestId('stat-save').waitFor({ state: 'hidden' });
    for (const p of [left, right]) {
      await expect.poll(async () => plain(await attracted(p).innerText())).toContain('более 1,25 трлн ₸');
      expect(plain(await attracted(p).innerText())).toContain('Бюро национальной статистики');
    }

    // Both change the value: the left form marks it as the clerk's own, and its save keeps the clerk's.
    await left.getByRole('button', { name: EDIT }).click();
    await left.getByTestId('stat-value').fill('1,3 трлн');
    await right.getByRole('button', { name: EDIT }).click();
    await right.getByTestId('stat-value').fill('1,28 трлн');
    await right.getByTestId('stat-save').click();
    await right.getByTestId('stat-save').waitFor({ state: 'hidden' });
    await notice.waitFor({ timeout: 5000 });
    expect(plain(await notice.innerText())).toContain('Значение: 1,25 трлн → 1,28 трлн — вы тоже изменили это поле: при сохранении останется ваше значение');
    expect(await left.getByTestId('stat-value').inputValue()).toBe('1,3 трлн');
    await left.getByTestId('stat-save').click();
    await left.getByTestId('stat-save').waitFor({ state: 'hidden' });
    await expect.poll(async () => plain(await attracted(right).innerText())).toContain('более 1,3 трлн ₸');

    // Deleted in the right tab while the left corrects it: the left cannot save, and says why.
    await left.getByRole('button', { name: EDIT }).click();
    await left.getByTestId('stat-note').fill('Уточнено');
    await right.getByRole('button', { name: /^Удалить показатель: 2025 год, Привлечённые инвестиции, ₸/ }).click();
    await notice.waitFor({ timeout: 5000 });
    expect(plain(await notice.innerText())).toBe('Показатель удалён в другом окне или другим секретарём Исправление сохранить нельзя — закройте форму.');
    expect(await left.getByTestId('stat-save').isDisabled()).toBe(true);
    // Brought back there (undo): the correction may be saved again.
    await right.getByTestId('stat-undo').click();
    await expect.poll(() => left.getByTestId('stat-save').isDisabled(), { timeout: 5000 }).toBe(false);
    expect(await notice.count()).toBe(0);
    await left.getByTestId('stat-save').click();
    await left.getByTestId('stat-save').waitFor({ state: 'hidden' });
    await expect.poll(async () => plain(await attracted(right).innerText())).toContain('Уточнено');
  });

  it('an import in one tab: the other tab lists its projects, counts its queued changes and shows each project’s own history', async () => {
    for (const p of [left, right]) await p.goto(`${web.url}#/projects`);
    await right.getByTestId('board-row').first().waitFor();
    const pending = async (p: Page) => Number(await p.getByTestId('sync-indicator').getAttribute('data-pending'));
    const before = await pending(right);
    expect(await pending(left)).toBe(before);

    // The left tab imports the messy register: 4 projects, each with its first stage logged.
    await left.getByTestId('board-import-excel').click();
    await left.locator('[data-testid=import-page] input[type=file]').setInputFiles(FIXTURE);
    await left.getByTestId('import-to-map').click();
    await left.getByTestId('import-to-preview').click();
    await left.getByTestId('import-run').click();
    await left.getByTestId('import-report').waitFor({ timeout: 30_000 });

    // The right tab, untouched: the projects on its board, the 8 changes (kept in one outbox row) counted.
    await row(right, 'Завод ферросплавов').waitFor({ timeout: 10_000 });
    await expect.poll(() => pending(right), { timeout: 10_000 }).toBe(before + 8);
    await expect.poll(() => pending(left), { timeout: 10_000 }).toBe(before + 8);

    // Its history there: its own creation only (the batch's audit entries share a row).
    await row(right, 'Завод ферросплавов').getByRole('button', { name: 'Завод ферросплавов' }).click();
    await right.getByRole('tab', { name: 'История' }).click();
    const history = right.getByTestId('project-history');
    await history.getByText(/Создан/).waitFor();
    expect(await history.getByText(/Создан/).count()).toBe(1);
    expect(await history.innerText()).not.toMatch(/Тепличный|Логистический|молока/);
    await right.screenshot({ path: 'tmp/screens/two-tabs-import-history.png' }).catch(() => undefined);

    // An edit in the right tab after the import is counted in the left one too.
    await right.getByRole('tab', { name: 'Основное' }).click();
    await right.getByTestId('field-title').fill('Завод ферросплавов (II очередь)');
    await right.getByTestId('save-project').click();
    await right.getByTestId('project-drawer').waitFor({ state: 'hidden' });
    await expect.poll(() => pending(left), { timeout: 10_000 }).toBe(before + 9);
    await left.getByTestId('import-to-board').click();
    await row(left, 'Завод ферросплавов (II очередь)').waitFor({ timeout: 10_000 });
  });
});

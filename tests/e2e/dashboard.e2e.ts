// The dashboard in Chromium on the example register: the 2025 bar reads «более 1,2 трлн ₸»; a new
// project changes the stage chart; a district bar opens the register filtered to its projects, a
// barrier-kind bar to the projects with such an open barrier;
// a chart downloads as a non-empty PNG (and SVG); no serious or critical axe violation in either
// theme; screenshots in Russian, Kazakh and the dark theme. An empty chart says why it is empty: no
// projects at all, none through the filters, or what to enter on the project card. An official
// figure is corrected from its row (the chart follows), deleted and brought back by «Отменить»; a
// second figure for the same period is asked about and «Заменить» keeps one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openDemoRegister, type DemoRegister } from '../support/web-host';
import { axeViolations } from '../support/axe';

let app: DemoRegister;
let page: Page;
const NEW_TITLE = 'Элеватор в Алгинском районе';
const norm = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ').trim();

/** The texts drawn inside a chart (labels, ticks), spaces normalised. */
async function chartTexts(id: string): Promise<string[]> {
  // A label wrapped to its bar's width is one text of several lines (tspans): read as one line.
  const texts = await page.getByTestId(`chart-${id}-plot`).locator('text').evaluateAll((els) =>
    els.map((el) => { const lines = [...el.querySelectorAll('tspan')].map((t) => t.textContent ?? ''); return lines.length > 0 ? lines.join(' ') : (el.textContent ?? ''); }));
  return texts.map(norm);
}

/** The cells of a chart's table view, row by row. */
async function chartTable(id: string): Promise<string[][]> {
  await page.getByTestId(`chart-${id}-view`).getByText('Таблица').click();
  const rows = await page.getByTestId(`chart-${id}-table`).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/[\u00A0\u202F]/g, ' ').trim())));
  await page.getByTestId(`chart-${id}-view`).getByText('График').click();
  return rows;
}

async function openDashboard() {
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('chart-investment-plot').locator('.recharts-bar-rectangle').first().waitFor();
}

beforeAll(async () => {
  mkdirSync('tmp/screens', { recursive: true });
  app = await openDemoRegister();
  ({ page } = app);
});

afterAll(async () => {
  await app?.close();
});

describe('the dashboard', () => {
  it('shows the official 2025 total on its bar as «более 1,2 трлн ₸» (a lower bound, as the source gives it), and the growth index in the table', async () => {
    await openDashboard();
    expect(await chartTexts('investment')).toContain('более 1,2 трлн ₸');
    expect(await chartTexts('investment')).toContain('более 125%');
    expect(await chartTable('investment')).toEqual([['2025', 'более 1,2 трлн ₸', '—', 'более 125%', 'официальный', '10']]);
    // The example's six projects are all ideas; nothing is entered for districts yet: the chart says what to enter.
    expect((await chartTable('stage')).slice(0, 1)).toEqual([['Идея', '6', '0 ₸', 'Открыть в реестре']]);
    await page.getByTestId('chart-district-empty').getByText('Укажите район на вкладке «Размещение» карточки проекта.', { exact: false }).waitFor();
    await page.screenshot({ path: 'tmp/screens/dashboard-ru.png', fullPage: true });
  });

  it('the clerk enters an official figure: a bad amount is refused with a clear message, a good one joins the chart', async () => {
    await page.getByTestId('stat-add').click();
    await page.getByTestId('stat-year').fill('2024');
    await page.getByTestId('stat-value').fill('много');
    await page.getByTestId('stat-source').fill('Бюро национальной статистики');
    await page.getByTestId('stat-save').click();
    await page.getByText('Введите сумму, например «1,2 трлн» или «892 млрд»').waitFor();
    expect(await page.getByTestId('stat-save').isVisible()).toBe(true); // still open; the table below shows nothing was saved
    await page.getByTestId('stat-value').fill('892 млрд');
    await page.getByTestId('stat-save').click();
    await page.getByTestId('stat-save').waitFor({ state: 'hidden' });
    await expect.poll(() => chartTexts('investment')).toContain('892 млрд ₸');
    expect(await chartTable('investment')).toEqual([
      ['2024', '892 млрд ₸', '—', '—', '—', '—'],
      ['2025', 'более 1,2 трлн ₸', '—', 'более 125%', 'официальный', '10'],
    ]);
  });

  it('the clerk enters a figure for January–October, of another indicator: it is listed with its period, not drawn on the yearly chart', async () => {
    await page.getByTestId('stat-add').click();
    await page.getByTestId('stat-year').fill('2025');
    await page.getByTestId('stat-period').click();
    await page.getByRole('option', { name: 'С начала года' }).click();
    await page.getByTestId('stat-indicator').click();
    await page.getByRole('option', { name: 'Другой показатель, ₸' }).click();
    await page.getByTestId('stat-value').fill('310 млрд');
    await page.getByTestId('stat-growth').fill('112,4');
    await page.getByTestId('stat-growth-more').check();
    await page.getByTestId('stat-source').fill('Бюро национальной статистики');
    await page.getByTestId('stat-source-date').fill('31.02.2025');
    await page.getByTestId('stat-save').click();
    // What is missing or wrong is said at its field; nothing is saved.
    await page.getByText('Неверная дата: нужен день в виде ДД.ММ.ГГГГ').waitFor();
    expect(await page.getByTestId('stat-period-no').evaluate((el) => el.closest('.mantine-InputWrapper-root')?.textContent ?? '')).toContain('Обязательное поле');
    expect(await page.getByTestId('stat-indicator-name').evaluate((el) => el.closest('.mantine-InputWrapper-root')?.textContent ?? '')).toContain('Обязательное поле');
    await page.getByTestId('stat-period-no').click();
    await page.getByRole('option', { name: 'октябрь' }).click();
    await page.getByTestId('stat-indicator-name').fill('Инвестиции в жилищное строительство');
    await page.getByTestId('stat-source-date').fill('14.11.2025');
    await page.getByTestId('stat-note').fill('Оперативные данные');
    await page.screenshot({ path: 'tmp/screens/dashboard-stat-form.png' });
    await page.getByTestId('stat-save').click();
    await page.getByTestId('stat-save').waitFor({ state: 'hidden' });
    const row = page.getByTestId('stats-row').filter({ hasText: 'январь–октябрь 2025' });
    await expect.poll(() => row.locator('th, td').allInnerTexts().then((cells) => cells.map((c) => norm(c).replace(/\s*\n+\s*/g, ' · ')))).toEqual([
      'январь–октябрь 2025', 'Инвестиции в жилищное строительство', '310 млрд ₸', 'более 112,4%', 'Бюро национальной статистики, 14.11.2025 · Оперативные данные', '',
    ]);
    await page.getByTestId('stats-list').screenshot({ path: 'tmp/screens/dashboard-stats-list.png' });
    // The yearly chart is as it was.
    expect(await chartTable('investment')).toEqual([
      ['2024', '892 млрд ₸', '—', '—', '—', '—'],
      ['2025', 'более 1,2 трлн ₸', '—', 'более 125%', 'официальный', '10'],
    ]);
  });

  it('the clerk corrects a figure from its row (by keyboard): the form opens filled, the list and the chart show the new value', async () => {
    const row2024 = page.getByTestId('stats-row').filter({ hasText: '2024 год' });
    await expect.poll(() => row2024.count()).toBe(1);
    const edit = page.getByRole('button', { name: 'Исправить показатель: 2024 год, Привлечённые инвестиции, ₸' });
    await edit.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('stat-value').inputValue()).toBe('892 млрд');
    expect(await page.getByTestId('stat-year').inputValue()).toBe('2024');
    expect(await page.getByTestId('stat-source').inputValue()).toBe('Бюро национальной статистики');
    await page.getByTestId('stat-value').fill('900 млрд');
    await page.getByTestId('stat-save').click();
    await page.getByTestId('stat-save').waitFor({ state: 'hidden' });
    await expect.poll(() => row2024.locator('td').nth(1).innerText().then(norm)).toBe('900 млрд ₸');
    await expect.poll(() => chartTexts('investment')).toContain('900 млрд ₸');
    expect(await chartTexts('investment')).not.toContain('892 млрд ₸');
    expect(await chartTable('investment')).toEqual([
      ['2024', '900 млрд ₸', '—', '—', '—', '—'],
      ['2025', 'более 1,2 трлн ₸', '—', 'более 125%', 'официальный', '10'],
    ]);
    // Still one figure for 2024: corrected, not added.
    expect(await row2024.count()).toBe(1);
  });

  it('the clerk deletes a figure: it leaves the list and the chart; «Отменить» brings it back', async () => {
    const row2024 = page.getByTestId('stats-row').filter({ hasText: '2024 год' });
    await page.getByRole('button', { name: 'Удалить показатель: 2024 год, Привлечённые инвестиции, ₸' }).click();
    await expect.poll(() => row2024.count()).toBe(0);
    await expect.poll(() => chartTable('investment')).toEqual([['2025', 'более 1,2 трлн ₸', '—', 'более 125%', 'официальный', '10']]);
    const undo = page.getByTestId('stat-undo');
    expect(norm(await undo.locator('xpath=ancestor::div[contains(@class, "mantine-Notification-root")]').innerText())).toContain('Показатель удалён: 2024 год, Привлечённые инвестиции, ₸: 900 млрд ₸');
    await undo.click();
    await expect.poll(() => row2024.count()).toBe(1);
    await expect.poll(() => row2024.locator('td').nth(1).innerText().then(norm)).toBe('900 млрд ₸');
    await expect.poll(() => chartTable('investment')).toEqual([
      ['2024', '900 млрд ₸', '—', '—', '—', '—'],
      ['2025', 'более 1,2 трлн ₸', '—', 'более 125%', 'официальный', '10'],
    ]);
  });

  it('a second figure for the same period and indicator is asked about, and «Заменить» keeps one figure with the new values', async () => {
    await page.getByTestId('stat-add').click();
    await page.getByTestId('stat-year').fill('2024');
    await page.getByTestId('stat-period').click();
    await page.getByRole('option', { name: 'Год', exact: true }).click();
    await page.getByTestId('stat-indicator').click();
    await page.getByRole('option', { name: 'Привлечённые инвестиции, ₸' }).click();
    await page.getByTestId('stat-value').fill('905 млрд');
    await page.getByTestId('stat-source').fill('Акимат Актюбинской области');
    await page.getByTestId('stat-source-date').fill('');
    await page.getByTestId('stat-note').fill('');
    await page.getByTestId('stat-save').click();
    const question = page.getByTestId('stat-duplicate');
    await question.waitFor();
    expect(norm(await question.innerText())).toContain('За 2024 год уже есть показатель «Привлечённые инвестиции, ₸»: 900 млрд ₸ (источник: Бюро национальной статистики). Заменить его введёнными данными?');
    await page.screenshot({ path: 'tmp/screens/dashboard-stat-duplicate.png' });
    // Nothing was created while asking.
    expect(await page.getByTestId('stats-row').filter({ hasText: '2024 год' }).count()).toBe(1);
    await page.getByTestId('stat-replace').click();
    await page.getByTestId('stat-save').waitFor({ state: 'hidden' });
    const row2024 = page.getByTestId('stats-row').filter({ hasText: '2024 год' });
    await expect.poll(() => row2024.locator('td').nth(1).innerText().then(norm)).toBe('905 млрд ₸');
    expect(await row2024.count()).toBe(1);
    expect(norm(await row2024.locator('td').nth(3).innerText())).toBe('Акимат Актюбинской области');
    expect(await chartTable('investment')).toEqual([
      ['2024', '905 млрд ₸', '—', '—', '—', '—'],
      ['2025', 'более 1,2 трлн ₸', '—', 'более 125%', 'официальный', '10'],
    ]);
    await page.getByTestId('stats-list').screenshot({ path: 'tmp/screens/dashboard-stats-actions.png' });
  });

  it('a correction into the period and indicator of another figure is refused, naming that figure', async () => {
    await page.getByRole('button', { name: 'Исправить показатель: 2024 год, Привлечённые инвестиции, ₸' }).click();
    await page.getByTestId('stat-year').fill('2025');
    await page.getByTestId('stat-save').click();
    const refusal = page.getByTestId('stat-duplicate');
    await refusal.waitFor();
    expect(norm(await refusal.innerText())).toContain('За 2025 год уже есть другой показатель «Привлечённые инвестиции, ₸»: более 1,2 трлн ₸ (источник:');
    expect(await page.getByTestId('stat-replace').count()).toBe(0);
    await page.getByRole('dialog').getByRole('button', { name: 'Отмена' }).click();
    await page.getByTestId('stat-save').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('stats-row').filter({ hasText: '2024 год' }).count()).toBe(1);
    expect(await chartTable('investment')).toEqual([
      ['2024', '905 млрд ₸', '—', '—', '—', '—'],
      ['2025', 'более 1,2 трлн ₸', '—', 'более 125%', 'официальный', '10'],
    ]);
  });

  it('«Отменить» of a deletion does not bring a figure back over one entered for its period meanwhile', async () => {
    const row2024 = page.getByTestId('stats-row').filter({ hasText: '2024 год' });
    await page.getByRole('button', { name: 'Удалить показатель: 2024 год, Привлечённые инвестиции, ₸' }).click();
    await expect.poll(() => row2024.count()).toBe(0);
    await page.getByTestId('stat-add').click();
    await page.getByTestId('stat-year').fill('2024');
    await page.getByTestId('stat-value').fill('910 млрд');
    await page.getByTestId('stat-source').fill('Бюро национальной статистики');
    await page.getByTestId('stat-save').click();
    await page.getByTestId('stat-save').waitFor({ state: 'hidden' });
    await expect.poll(() => row2024.locator('td').nth(1).innerText().then(norm)).toBe('910 млрд ₸');
    await page.getByTestId('stat-undo').click();
    const refusal = page.locator('.mantine-Notification-root', { hasText: 'Не восстановлено' });
    await refusal.waitFor();
    expect(norm(await refusal.innerText())).toContain('Не восстановлено — 2024 год, Привлечённые инвестиции, ₸: 905 млрд ₸: за этот период уже введён другой показатель (910 млрд ₸)');
    expect(await row2024.count()).toBe(1);
    expect(norm(await row2024.locator('td').nth(1).innerText())).toBe('910 млрд ₸');
  });

  it('a project added in the register changes the stage chart and appears under its district', async () => {
    await page.getByTestId('nav-board').click();
    await page.getByTestId('new-project').click();
    await page.getByTestId('field-title').fill(NEW_TITLE);
    await page.getByTestId('field-investorName').fill('ТОО «Алға Астық»');
    await page.getByTestId('field-stage').click();
    await page.getByRole('option', { name: 'Строительство' }).click();
    await page.getByRole('tab', { name: 'Показатели' }).click();
    await page.getByTestId('field-investment').fill('25 млрд');
    await page.getByRole('tab', { name: 'Размещение' }).click();
    await page.getByTestId('field-districtId').click();
    await page.getByRole('option', { name: 'Алгинский район' }).click();
    await page.getByTestId('save-project').click();
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });

    await openDashboard();
    await expect.poll(() => chartTexts('stage')).toContain('25 млрд ₸');
    expect((await chartTable('stage')).filter((r) => r[1] !== '0').map((r) => r.slice(0, 3))).toEqual([
      ['Идея', '6', '0 ₸'], ['Строительство', '1', '25 млрд ₸'], ['Итого', '7', '25 млрд ₸'],
    ]);
    await page.getByTestId('dashboard-measure').getByText('Количество').click();
    await expect.poll(() => chartTexts('stage')).toContain('6');
  });

  it('clicking a district bar opens the register filtered to that district', async () => {
    const plot = page.getByTestId('chart-district-plot');
    await plot.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await chartTexts('district')).toContain('Алгинский район');
    // Pointing at the bar shows its tooltip (mounted when the pointer first reaches the chart).
    await plot.locator('.recharts-bar-rectangle path').first().hover();
    await expect.poll(() => plot.locator('.recharts-tooltip-wrapper').innerText(), { timeout: 10_000 }).toMatch(/1 проект.*₸/s);
    await plot.locator('.recharts-bar-rectangle path').first().click();
    await page.getByTestId('board-row').first().waitFor();
    await expect.poll(() => page.locator('[data-testid=board-row] td:first-child').allInnerTexts()).toEqual([NEW_TITLE]);
    await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
    await expect.poll(async () => (await page.locator('[data-testid=board-row]').count())).toBe(7);
  });

  it('a bar of the open-barriers chart opens the register filtered to the projects with a barrier of that kind', async () => {
    // The new project gets an open barrier: no gas connection.
    await page.locator('[data-testid=board-row]', { hasText: NEW_TITLE }).locator('button').first().click();
    await page.getByTestId('tab-barriers').click();
    await page.getByTestId('add-barrier').click();
    const barrier = page.getByTestId('barrier').last();
    await barrier.getByLabel('Вид вопроса').click();
    await page.getByRole('option', { name: 'Газ' }).click();
    await barrier.getByTestId('barrier-text').fill('Нет подключения к газопроводу');
    await page.getByTestId('save-project').click();
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });

    await openDashboard();
    const plot = page.getByTestId('chart-barriers-plot');
    await plot.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await chartTexts('barriers')).toContain('Газ');
    // One project: the count axis has whole ticks, each once (not «0, 0, 1, 1, 1»).
    const ticks = (await plot.locator('.chart-tick').allTextContents()).filter((x) => x !== 'Газ');
    expect(ticks.length).toBeGreaterThan(1);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(ticks.every((x) => /^\d+$/.test(x))).toBe(true);
    await plot.locator('.recharts-bar-rectangle path').first().click();
    await page.getByTestId('board-row').first().waitFor();
    await expect.poll(() => page.locator('[data-testid=board-row] td:first-child').allInnerTexts()).toEqual([NEW_TITLE]);
    await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
    await expect.poll(async () => (await page.locator('[data-testid=board-row]').count())).toBe(7);
  });

  it('downloads a chart as a PNG image and as SVG', async () => {
    await openDashboard();
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-investment-svg').click()]);
    const text = readFileSync((await svg.path()) ?? '', 'utf8');
    writeFileSync('tmp/screens/dashboard-export.svg', text);
    expect(text).toContain('<svg');
    expect(text.replace(/\u00A0/g, ' ')).toMatch(/более<\/tspan><tspan[^>]*>1,2 трлн ₸/);
    expect(text).toContain('Привлечённые инвестиции по годам');
    // The legend under the plot (HTML on screen) is drawn into the picture: its swatch and name.
    await expect.poll(() => page.getByTestId('chart-investment-plot').getByTestId('chart-legend').locator('li').allTextContents()).toEqual(['Привлечено']);
    expect(text).toMatch(/<rect[^>]*fill="#0072B2"[^>]*\/><text[^>]*>Привлечено<\/text>/);
    expect(text).not.toContain('var(--');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-investment-png').click()]);
    expect(png.suggestedFilename()).toMatch(/^investment-\d{4}-\d{2}-\d{2}\.png$/);
    const bytes = readFileSync((await png.path()) ?? '');
    writeFileSync('tmp/screens/dashboard-export.png', bytes);
    expect(bytes.length).toBeGreaterThan(5_000);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('opened by a link or a reload at #/dashboard, shows the same figures, read from its saved snapshots at boot', async () => {
    await openDashboard();
    const stages = await chartTable('stage');
    const bodies = await chartTable('bodies');
    // The dashboard saves its compact snapshots a few seconds after reading (at idle).
    const saved = () => page.evaluate(async () => {
      const req = indexedDB.open('hattama');
      const db = await new Promise<IDBDatabase>((res, rej) => { req.onsuccess = () => res(req.result); req.onerror = () => rej(req.error); });
      const get = (key: string) => new Promise<unknown>((res) => { const r = db.transaction('settings').objectStore('settings').get(key); r.onsuccess = () => res(r.result); r.onerror = () => res(undefined); });
      const got = [await get('dashboard.facts'), await get('control.snapshot')];
      db.close();
      return got.every((g) => g !== undefined);
    });
    for (let i = 0; i < 40 && !(await saved()); i++) await page.waitForTimeout(500);
    expect(await saved()).toBe(true);
    await page.reload();
    await page.getByTestId('chart-investment-plot').locator('.recharts-bar-rectangle').first().waitFor();
    expect(await chartTable('stage')).toEqual(stages);
    expect(await chartTable('bodies')).toEqual(bodies);
  });

  it('filters that leave no project: the charts say so and how to reset, not what to enter on a card', async () => {
    await openDashboard();
    await page.getByTestId('filter-districts').click();
    await page.getByRole('option', { name: 'Иргизский район' }).click();
    await page.keyboard.press('Escape');
    const noMatch = 'Ни один проект не подходит под выбранные фильтры. Измените фильтры или нажмите «Сбросить».';
    for (const id of ['stage', 'district', 'sector', 'zone', 'jobs', 'commissioned', 'barriers']) {
      await expect.poll(() => page.getByTestId(`chart-${id}-empty`).innerText().catch(() => ''), { message: id }).toBe(noMatch);
    }
    // The assignments of the example belong to no project of that district either.
    expect(await page.getByTestId('chart-bodies-empty').innerText()).toBe('Ни одно поручение не подходит под выбранные фильтры. Измените фильтры или нажмите «Сбросить».');
    // The official totals are for the whole region: still drawn.
    expect(await chartTexts('investment')).toContain('более 1,2 трлн ₸');
    await page.screenshot({ path: 'tmp/screens/dashboard-no-match.png', fullPage: true });
    await page.getByTestId('filter-reset').click();
    await page.getByTestId('chart-stage-plot').waitFor();
    await page.getByTestId('chart-district-plot').waitFor();
  });

  it('an empty register: every project chart says there are no projects (not «no project has a district»)', async () => {
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true, locale: 'ru-RU' });
    try {
      const empty = await context.newPage();
      await empty.goto(app.web.url);
      await empty.getByTestId('nav-dashboard').click();
      await empty.getByTestId('dashboard').waitFor();
      const noProjects = 'В реестре нет проектов. Добавьте проект (кнопка «Новый проект» в реестре) или загрузите пример в настройках.';
      for (const id of ['stage', 'district', 'sector', 'zone', 'jobs', 'commissioned', 'barriers', 'zone-stage']) {
        expect(await empty.getByTestId(`chart-${id}-empty`).innerText(), id).toBe(noProjects);
      }
      expect(await empty.getByTestId('chart-district-empty').innerText()).not.toContain('Укажите район');
      expect(await empty.getByTestId('chart-bodies-empty').innerText()).toBe('Поручений нет. Создайте их из решений протокола или на странице «Поручения».');
      // Filters on an empty register change nothing: resetting them would not help.
      await empty.getByTestId('filter-districts').click();
      await empty.getByRole('option', { name: 'Иргизский район' }).click();
      await empty.keyboard.press('Escape');
      expect(await empty.getByTestId('chart-district-empty').innerText()).toBe(noProjects);
      await empty.screenshot({ path: 'tmp/screens/dashboard-empty-register.png', fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('has no serious or critical accessibility violation, in both themes; screenshots in Kazakh and dark', async () => {
    const found: string[] = [];
    for (const v of await axeViolations(page)) found.push(`light: ${v.id} ${v.nodes.join(', ')}`);
    await page.getByTestId('lang-switch').getByText('ҚАЗ', { exact: true }).click();
    await page.getByRole('heading', { name: 'Тартылған инвестициялар жылдар бойынша' }).waitFor();
    expect(await chartTexts('investment')).toContain('1,2 трлн теңгеден астам');
    await page.screenshot({ path: 'tmp/screens/dashboard-kk.png', fullPage: true });
    await page.getByTestId('lang-switch').getByText('РУС', { exact: true }).click();
    await page.evaluate(() => localStorage.setItem('hattama.theme', 'dark'));
    await page.reload();
    await page.getByTestId('chart-investment-plot').locator('.recharts-bar-rectangle').first().waitFor();
    for (const v of await axeViolations(page)) found.push(`dark: ${v.id} ${v.nodes.join(', ')}`);
    await page.screenshot({ path: 'tmp/screens/dashboard-dark.png', fullPage: true });
    await page.evaluate(() => localStorage.setItem('hattama.theme', 'light'));
    expect(found).toEqual([]);
  });
});

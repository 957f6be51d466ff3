// The register end to end, in the browser host: demo, validation, filters, grouping, kanban
// drag, persistence across reload, Kazakh UI, accessibility (axe-core).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { binCheckDigit } from '@shared/domain/bin';
import { launchChromium, startWeb } from '../support/web-host';
import { axeViolations } from '../support/axe';


let web: Awaited<ReturnType<typeof startWeb>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;

function validBin(prefix: string): string {
  const d = binCheckDigit(prefix);
  if (d === null) throw new Error('prefix has no check digit');
  return `${prefix}${d}`;
}

async function rowTitles(p: Page): Promise<string[]> {
  return p.locator('[data-testid=board-row] td:first-child').allInnerTexts();
}


beforeAll(async () => {
  web = await startWeb();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true, locale: 'ru-RU' });
  page = await context.newPage();
  await page.goto(web.url);
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('the register in the browser host', () => {
  it('offers the demo on an empty register and loads the six projects of the session', async () => {
    await page.getByTestId('empty-register').waitFor();
    // The kanban of an empty register offers the same, not eight empty columns; loaded from there.
    await page.getByTestId('nav-kanban').click();
    await page.getByTestId('empty-register').waitFor();
    expect(await page.getByTestId('kanban-board').count()).toBe(0);
    await page.getByTestId('load-demo').click();
    await page.getByTestId('kanban-board').waitFor();
    await page.getByTestId('nav-board').click();
    await page.getByTestId('board-row').first().waitFor();
    const titles = await rowTitles(page);
    expect(titles).toHaveLength(6);
    expect(titles).toContain('Завод по производству пластиковых труб');
    await expect(page.getByTestId('board-totals').innerText()).resolves.toContain('Итого: 6');
    const investors = await page.locator('[data-testid=board-row] td:nth-child(2)').allInnerTexts();
    expect(investors).toEqual(expect.arrayContaining(['ТОО «Polyline»', 'ТОО «IZBAS Logistics»', 'ТОО «Азия Мунай Групп Сервис»']));
  });

  it('refuses an invalid BIN with a clear message, then saves once it is fixed', async () => {
    await page.getByTestId('new-project').click();
    // Saving an empty card marks every required field at once (the first click is not lost).
    await page.getByTestId('save-project').click();
    await expect.poll(() => page.locator('.mantine-InputWrapper-error').count()).toBe(2);
    await expect(page.getByTestId('form-errors').innerText()).resolves.toBe('Исправьте отмеченные поля: 2');
    await page.getByTestId('field-title').fill('Завод по выпуску ферросплавов — тест');
    await page.getByTestId('field-investorName').fill('ТОО «Тест Инвест»');
    await page.getByTestId('field-investorBin').fill('123456789012');
    await page.getByTestId('save-project').click();
    const error = page.getByText('Неверный БИН: контрольная цифра не сходится — сверьте цифры с документом');
    await error.waitFor();
    expect(await rowTitles(page)).toHaveLength(6);

    await page.getByTestId('field-investorBin').fill(validBin('94064000042'));
    await page.getByTestId('save-project').click();
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
    await page.getByText('Завод по выпуску ферросплавов — тест').waitFor();
    expect(await rowTitles(page)).toHaveLength(7);
    // Figures not given read «—», not a blank cell.
    const row = page.locator('[data-testid=board-row]', { hasText: 'Завод по выпуску ферросплавов — тест' });
    expect(await row.locator('td[data-col=investmentTenge]').innerText()).toBe('—');
    expect(await row.locator('td[data-col=jobsPermanentPlanned]').innerText()).toBe('—');
    expect(await row.locator('td[data-col=investmentTenge]').locator('span').getAttribute('title')).toBe('Не указано');
  });

  it('refuses HTML typed into a text field', async () => {
    await page.getByTestId('new-project').click();
    await page.getByTestId('field-title').fill('<script>alert(1)</script>');
    await page.getByTestId('field-investorName').fill('ТОО «X»');
    await page.getByTestId('save-project').click();
    await page.getByText('HTML-разметка не допускается').first().waitFor();

    // A 10 MB paste into the notes is refused with a message; the field keeps its value.
    await page.getByTestId('field-notes').evaluate((el) => {
      const area = el as HTMLTextAreaElement;
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
      setter?.call(area, 'а'.repeat(10 * 1024 * 1024));
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.getByText(/Вставлен слишком длинный текст \(10\s485\s760 символов/).waitFor();
    expect(await page.getByTestId('field-notes').inputValue()).toBe('');
    await page.keyboard.press('Escape');
    // The unsaved-changes question's own button (a draft alert may show its «Не сохранять» too).
    const unsaved = page.getByRole('alertdialog', { name: 'Есть несохранённые изменения' });
    await unsaved.waitFor();
    await unsaved.getByRole('button', { name: 'Не сохранять', exact: true }).click();
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
    expect(await rowTitles(page)).toHaveLength(7);
  });

  it('keeps what was typed in the card when the window is closed unexpectedly', async () => {
    await page.getByTestId('new-project').click();
    await page.getByTestId('field-title').fill('Элеватор в Мартукском районе');
    await page.getByTestId('field-investorName').fill('ТОО «Мәртөк Астық»');
    await page.waitForTimeout(800);
    await page.reload();
    await page.getByTestId('board-row').first().waitFor();
    // The card's URL (#/projects/new) survives the reload: the card is open again, with the draft.
    await page.getByTestId('draft-alert').waitFor();
    await page.getByTestId('draft-restore').click();
    await expect(page.getByTestId('field-title').inputValue()).resolves.toBe('Элеватор в Мартукском районе');
    await expect(page.getByTestId('field-investorName').inputValue()).resolves.toBe('ТОО «Мәртөк Астық»');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Не сохранять', exact: true }).click();
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
    await page.getByTestId('new-project').click();
    await page.getByTestId('field-title').waitFor();
    expect(await page.getByTestId('draft-alert').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
  });

  it('filters by search and by facet, and groups with totals', async () => {
    await page.getByTestId('board-search').fill('polyline');
    await expect.poll(() => rowTitles(page)).toEqual(['Завод по производству пластиковых труб']);
    await page.getByTestId('board-search').fill('');
    await expect.poll(async () => (await rowTitles(page)).length).toBe(7);

    await page.getByTestId('facet-okedSection').click();
    await page.getByRole('option', { name: /^H — / }).click();
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await rowTitles(page)).sort()).toEqual(['Курьерский центр и логистический хаб', 'Логистический производственно-складской комплекс']);
    await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
    await expect.poll(async () => (await rowTitles(page)).length).toBe(7);

    await page.getByTestId('column-filters').click();
    await page.getByTestId('filter-investor').fill('logistics');
    await expect.poll(() => rowTitles(page)).toEqual(['Курьерский центр и логистический хаб']);
    await page.getByTestId('filter-investor').fill('');
    await page.getByTestId('filter-open-barriers').check();
    await page.getByText('Нет проектов, отвечающих условиям поиска').waitFor();
    await page.getByTestId('filter-open-barriers').uncheck();
    await page.getByTestId('filter-investment-min').fill('много');
    await page.getByTestId('filter-investment-min').press('Enter');
    await page.getByText('Не похоже на сумму').waitFor();
    await page.getByTestId('filter-investment-min').fill('');
    await page.getByTestId('filter-investment-min').press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await rowTitles(page)).length).toBe(7);

    await page.getByTestId('group-by').click();
    await page.getByRole('option', { name: 'По отрасли' }).click();
    const groups = page.getByTestId('group-row');
    await expect.poll(() => groups.count()).toBe(3);
    const groupText = (await groups.allInnerTexts()).join('\n');
    expect(groupText).toMatch(/C — Обрабатывающая промышленность[\s\S]*проектов: 4/);
    expect(groupText).toMatch(/H — Транспорт и складирование[\s\S]*проектов: 2/);
    await page.getByTestId('group-by').click();
    await page.getByRole('option', { name: 'Без группировки' }).click();

    await page.getByTestId('sort-title').click();
    const ascending = await rowTitles(page);
    expect(ascending).toEqual([...ascending].sort(new Intl.Collator('ru', { sensitivity: 'base', numeric: true }).compare));
    await page.getByTestId('sort-title').click();
    expect(await rowTitles(page)).toEqual([...ascending].reverse());
    await page.getByTestId('sort-title').click();
  });

  it('moves a card to another stage by dragging it on the kanban and logs the stage', async () => {
    await page.getByTestId('nav-kanban').click();
    await expect.poll(() => page.getByTestId('kanban-count-idea').innerText()).toBe('7');
    const card = page.getByTestId('kanban-card').filter({ hasText: 'Завод по производству пластиковых труб' }).getByTestId('kanban-handle');
    const target = page.getByTestId('kanban-column-design');
    const from = await card.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('no boxes');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 15 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('kanban-count-design').innerText()).toBe('1');
    expect(await page.getByTestId('kanban-count-idea').innerText()).toBe('6');
    expect(await axeViolations(page, 'body')).toEqual([]);

    // The same without a mouse: the card's menu moves it to a stage from the keyboard.
    const hubMenu = page.getByRole('button', { name: 'Перевести в стадию: Курьерский центр и логистический хаб' });
    await hubMenu.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Строительство' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('kanban-count-construction').innerText()).toBe('1');
    await page.getByTestId('kanban-column-design').getByText('Завод по производству пластиковых труб').click();
    await page.getByRole('tab', { name: 'Сроки' }).click();
    await expect(page.getByTestId('stage-log').innerText()).resolves.toMatch(/Идея → Проектирование/);
    await page.keyboard.press('Escape');
    // Closing the card steps back to #/kanban: wait for it, or the reload below keeps the card's URL.
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
  });

  it('keeps everything after a reload', async () => {
    await page.reload();
    await page.getByTestId('kanban-count-design').waitFor();
    expect(await page.getByTestId('kanban-count-design').innerText()).toBe('1');
    await page.getByTestId('nav-board').click();
    await expect.poll(async () => (await rowTitles(page)).length).toBe(7);
    expect(await rowTitles(page)).toContain('Завод по выпуску ферросплавов — тест');
  });

  it('deletes a project with undo', async () => {
    await page.getByText('Курьерский центр и логистический хаб').click();
    await page.getByTestId('delete-project').click();
    await expect.poll(async () => (await rowTitles(page)).length).toBe(6);
    await page.getByTestId('undo-delete').click();
    await expect.poll(async () => (await rowTitles(page)).length).toBe(7);
  });

  it('switches the interface to Kazakh and remembers it', async () => {
    await page.getByTestId('lang-switch').getByText('ҚАЗ').click();
    await page.getByRole('heading', { name: 'Инвестициялық жобалар тізілімі' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Инвестициялық жобалар тізілімі' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('kk');
    await page.getByTestId('lang-switch').getByText('РУС').click();
    await page.getByRole('heading', { name: 'Реестр инвестиционных проектов' }).waitFor();
  });

  it('adds a person in settings who can then be named curator of a project', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('person-name').fill('Айгерим Нурланова');
    await page.getByTestId('person-add').click();
    await page.getByTestId('people-table').getByText('Айгерим Нурланова').waitFor();
    expect(await axeViolations(page, 'body')).toEqual([]);
    await page.getByTestId('nav-board').click();
    await page.getByText('Завод по производству пластиковых труб').click();
    await page.getByRole('combobox', { name: 'Куратор' }).click();
    await page.getByRole('option', { name: 'Айгерим Нурланова' }).click();
    await page.getByTestId('save-project').click();
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
    await page.getByText('Завод по производству пластиковых труб').click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Куратор' }).inputValue()).toBe('Айгерим Нурланова');
    await page.getByRole('tab', { name: 'История' }).click();
    await page.getByTestId('project-history').getByText('Айгерим Нурланова').waitFor();
    await page.keyboard.press('Escape');
  });

  it('lists a region of many people a page at a time and finds one by name or position', async () => {
    // A region synced from the server holds thousands of people: 120 stored as the working store
    // stores them — in one pack (renderer/src/db/packed-table.ts, schema 12) of records sorted by
    // id, keyed by its first, with an entry [key, id] per person of the `[alive+updatedAt]` index.
    // Their ids sort before the demo's (uuidv7 of today), so the pack is a new first one.
    const total = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open('hattama'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
      const tx = db.transaction('people', 'readwrite');
      const records: Record<string, unknown>[] = [];
      for (let i = 1; i <= 120; i++) {
        const at = new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString();
        const fullName = `Сотрудник ${String(i).padStart(3, '0')}`;
        const position = i === 77 ? 'начальник отдела индустриализации' : 'главный специалист';
        records.push({ id: `0190aaaa-0000-7000-8000-${String(i).padStart(12, '0')}`, fullName, position, regionId: 'aktobe', createdAt: at, updatedAt: at, deletedAt: null, alive: 1, search: `${fullName} ${position}`.toLocaleLowerCase('ru') });
      }
      tx.objectStore('people').put({ id: records[0]!.id, records, alive_updatedAt: records.map((r) => [[1, r.updatedAt], r.id]) });
      await new Promise((res) => { tx.oncomplete = res; });
      const packs = await new Promise<{ records: { alive: number }[] }[]>((res) => { const r = db.transaction('people').objectStore('people').getAll(); r.onsuccess = () => res(r.result as { records: { alive: number }[] }[]); });
      db.close();
      return packs.flatMap((p) => p.records).filter((r) => r.alive === 1).length;
    });
    expect(total).toBeGreaterThan(120); // the demo's people and the one added before are there too
    await page.reload();
    await page.getByTestId('nav-settings').click();
    const table = page.getByTestId('people-table');
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(50);
    await expect.poll(() => page.getByTestId('people-count').textContent()).toBe(`Всего: ${total}`);
    // Newest first: the person added in the test before, then the stored ones from the last.
    expect(await table.locator('tbody tr').first().textContent()).toContain('Айгерим Нурланова');
    await page.getByTestId('people-pages').getByRole('button', { name: 'Последняя страница' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(total - 100);
    expect(await table.locator('tbody tr').last().textContent()).toContain('Сотрудник 001');
    await page.getByTestId('people-search').fill('ИНДУСТРИАЛ');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.textContent()).toContain('Сотрудник 077');
    await page.getByTestId('people-search').fill('<b>нет такого</b>');
    await page.getByText('Никто не найден').waitFor();
    await page.getByTestId('people-search').fill('');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(50);
    await page.getByTestId('people-settings').screenshot({ path: 'tmp/screens/e2e-people-pages.png' });
    await page.getByTestId('nav-board').click();
  });

  it('has no serious or critical accessibility violations on the board and the project form', async () => {
    expect(await axeViolations(page, 'body')).toEqual([]);
    await page.getByText('Завод по производству пластиковых труб').click();
    await page.getByTestId('field-title').waitFor();
    expect(await axeViolations(page, 'body')).toEqual([]);
    await page.keyboard.press('Escape');
  });
});

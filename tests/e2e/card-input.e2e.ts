// What the clerk types into the project card is never changed silently: an impossible date, a
// negative number and "1e9" are refused with a message and the field keeps what was typed; the
// tabs holding errors say so; a saved amount reads back as the clerk would type it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openDemoRegister, type DemoRegister } from '../support/web-host';
import { axeViolations } from '../support/axe';
import { formatNumber } from '../../shared/locale/money';


let app: DemoRegister;
let page: Page;

const PIPES = 'Завод по производству пластиковых труб';
const NBSP = '\u00A0';

// A test that fails with the card open closes it (throwing its changes away), so the next test
// starts from the register as the others do and one failure does not fail them all.
beforeEach((ctx) => {
  ctx.onTestFailed(async () => {
    // The card's own Save button is what shows it open (the drawer's root has no box of its own).
    const open = page.getByTestId('save-project');
    const discard = page.getByRole('button', { name: 'Не сохранять', exact: true });
    // Escape asks (or, with the question up, goes back to editing); «Не сохранять» closes.
    for (let i = 0; i < 4 && (await open.isVisible().catch(() => false)); i++) {
      if (await discard.isVisible().catch(() => false)) await discard.click().catch(() => undefined);
      else await page.keyboard.press('Escape');
      await open.waitFor({ state: 'hidden', timeout: 1500 }).catch(() => undefined);
    }
  });
});

function row(title: string) {
  return page.locator('[data-testid=board-row]', { hasText: title });
}

async function openCard(title: string) {
  await row(title).getByRole('button', { name: title }).click();
  await page.getByTestId('field-title').waitFor();
}

/** The error message shown under a field (Mantine links it with aria-describedby). */
async function errorOf(testId: string): Promise<string> {
  return page.getByTestId(testId).evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)).filter((e) => e?.className.includes('error')).map((e) => e?.textContent ?? '').join(' ');
  });
}

/** Types into a field as a clerk does (key by key), then leaves it (Tab), which checks it. */
async function typeAndLeave(testId: string, text: string) {
  const field = page.getByTestId(testId);
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.press('Backspace');
  await field.pressSequentially(text);
  await field.press('Tab');
}


beforeAll(async () => {
  mkdirSync('tmp/screens', { recursive: true });
  app = await openDemoRegister();
  ({ page } = app);
});

afterAll(async () => {
  await app?.close();
});

describe('the card keeps what the clerk typed', () => {
  it('refuses a negative number and 1e9 in the jobs fields with a message, keeping the text', async () => {
    await openCard(PIPES);
    await page.getByTestId('tab-figures').click();

    await typeAndLeave('field-jobsPermanentPlanned', '-5');
    await expect.poll(() => errorOf('field-jobsPermanentPlanned')).toBe('Не может быть отрицательным');
    expect(await page.getByTestId('field-jobsPermanentPlanned').inputValue()).toBe('-5');

    await typeAndLeave('field-jobsConstructionPlanned', '1e9');
    await expect.poll(() => errorOf('field-jobsConstructionPlanned')).toBe('Введите число цифрами, например 1 200');
    expect(await page.getByTestId('field-jobsConstructionPlanned').inputValue()).toBe('1e9');

    await typeAndLeave('field-jobsPermanentCreated', '2,5');
    await expect.poll(() => errorOf('field-jobsPermanentCreated')).toBe('Введите целое число (без запятой и точки)');
    expect(await page.getByTestId('field-jobsPermanentCreated').inputValue()).toBe('2,5');

    await typeAndLeave('field-foreignSharePct', '0x10');
    await expect.poll(() => errorOf('field-foreignSharePct')).toBe('Введите число цифрами, например 1 200');
    expect(await page.getByTestId('field-foreignSharePct').inputValue()).toBe('0x10');

    // Grouped thousands are a number: no message.
    await typeAndLeave('field-jobsConstructionCreated', '1 200');
    await expect.poll(() => errorOf('field-jobsConstructionCreated')).toBe('');
    expect(await page.getByTestId('field-jobsConstructionCreated').inputValue()).toBe('1 200');
  });

  it('refuses an impossible date with a message and keeps it in the field', async () => {
    await page.getByTestId('tab-timeline').click();
    await typeAndLeave('field-startDate', '31.02.2025');
    await expect.poll(() => errorOf('field-startDate')).toBe('Неверная дата: нужен существующий день в виде ДД.ММ.ГГГГ');
    expect(await page.getByTestId('field-startDate').inputValue()).toBe('31.02.2025');

    // A real date is taken and shown as DD.MM.YYYY.
    await typeAndLeave('field-plannedCommissioningDate', '1.3.2027');
    await expect.poll(() => page.getByTestId('field-plannedCommissioningDate').inputValue()).toBe('01.03.2027');
    expect(await errorOf('field-plannedCommissioningDate')).toBe('');
  });

  it('marks the tabs that hold errors, and saving leads to them without losing the text', async () => {
    await page.getByTestId('tab-main').click();
    await expect.poll(() => page.getByTestId('tab-figures').getAttribute('data-errors')).toBe('4');
    expect(await page.getByTestId('tab-timeline').getAttribute('data-errors')).toBe('1');
    expect(await page.getByTestId('tab-main').getAttribute('data-errors')).toBeNull();
    await page.screenshot({ path: 'tmp/screens/card-tabs-with-errors.png' });

    await page.getByTestId('save-project').click();
    await expect.poll(() => page.getByTestId('form-errors').innerText()).toBe('Исправьте отмеченные поля: 5');
    // The card opens the first tab with an error; what was typed is still there.
    await page.getByTestId('field-jobsConstructionPlanned').waitFor();
    expect(await page.getByTestId('field-jobsConstructionPlanned').inputValue()).toBe('1e9');
    expect(await page.getByTestId('field-jobsPermanentPlanned').inputValue()).toBe('-5');
    await page.screenshot({ path: 'tmp/screens/card-refused-inputs.png' });
    // The refused fields and their messages (the tab strip is the editor's and not checked here).
    expect(await axeViolations(page, '[role=tabpanel]')).toEqual([]);
    await page.getByTestId('tab-timeline').click();
    expect(await page.getByTestId('field-startDate').inputValue()).toBe('31.02.2025');
    await page.screenshot({ path: 'tmp/screens/card-refused-date.png' });
    // The calendar opens from the field and picks nothing by itself.
    await page.getByTestId('field-actualCommissioningDate').click();
    await page.getByTestId('field-actualCommissioningDate-calendar').waitFor();
    expect(await axeViolations(page, '[role=tabpanel]')).toEqual([]);
    expect(await axeViolations(page, '[data-testid=field-actualCommissioningDate-calendar]')).toEqual([]);
    await page.screenshot({ path: 'tmp/screens/card-date-calendar.png' });
    // Escape closes the calendar, not the card.
    await page.getByTestId('field-actualCommissioningDate').click();
    await page.getByTestId('field-actualCommissioningDate-calendar').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('field-actualCommissioningDate-calendar').waitFor({ state: 'hidden' });
    await expect(page.getByTestId('field-actualCommissioningDate').isVisible()).resolves.toBe(true);
    expect(await page.getByTestId('field-actualCommissioningDate').inputValue()).toBe('');
  });

  it('saves once the figures are fixed, and shows a saved amount grouped as the clerk would type it', async () => {
    await typeAndLeave('field-startDate', '01.02.2025');
    await page.getByTestId('tab-figures').click();
    await typeAndLeave('field-investment', '25 млрд');
    await typeAndLeave('field-jobsPermanentPlanned', '1200');
    await typeAndLeave('field-jobsConstructionPlanned', '450');
    await typeAndLeave('field-jobsPermanentCreated', '');
    await typeAndLeave('field-foreignSharePct', '12,5');
    await page.getByTestId('save-project').click();
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });

    await openCard(PIPES);
    await page.getByTestId('tab-figures').click();
    expect(await page.getByTestId('field-investment').inputValue()).toBe(`25${NBSP}000${NBSP}000${NBSP}000`);
    expect(await page.getByTestId('field-jobsPermanentPlanned').inputValue()).toBe(`1${NBSP}200`);
    expect(await page.getByTestId('field-jobsConstructionCreated').inputValue()).toBe(`1${NBSP}200`);
    expect(await page.getByTestId('field-foreignSharePct').inputValue()).toBe('12,5');
    await page.getByTestId('tab-timeline').click();
    expect(await page.getByTestId('field-startDate').inputValue()).toBe('01.02.2025');
    expect(await page.getByTestId('field-plannedCommissioningDate').inputValue()).toBe('01.03.2027');
    // Opened and closed without a change: nothing to save, nothing to ask.
    await page.keyboard.press('Escape');
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
  });

  it('keeps unsaved changes through a second Escape, and Escape in the passport window closes that window only', async () => {
    await openCard(PIPES);
    await typeAndLeave('field-notes', 'Выезд на объект 12.03');
    const discard = page.getByRole('button', { name: 'Не сохранять', exact: true });
    await page.keyboard.press('Escape');
    await discard.waitFor();
    // A second Escape (the question has the focus) keeps editing, and «Отмена» asks again: only
    // «Не сохранять» throws the changes away.
    await expect.poll(() => page.getByTestId('unsaved-question-keep').evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await discard.waitFor({ state: 'detached' });
    await page.getByTestId('project-drawer').getByRole('button', { name: 'Отмена', exact: true }).click();
    await expect(page.getByTestId('field-title').isVisible()).resolves.toBe(true);
    expect(await page.getByTestId('field-notes').inputValue()).toBe('Выезд на объект 12.03');
    await discard.waitFor();

    await page.getByTestId('passport-export').click();
    await page.getByTestId('passport-dialog-run').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('passport-dialog-run').waitFor({ state: 'hidden' });
    await expect(page.getByTestId('field-title').isVisible()).resolves.toBe(true);
    expect(await page.getByTestId('field-notes').inputValue()).toBe('Выезд на объект 12.03');

    await discard.click();
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
  });

  it('shows messages where they cover none of the card: its buttons, its error count and the unsaved-changes question stay clickable', async () => {
    await openCard(PIPES);
    await page.getByTestId('tab-attachments').click();
    // An empty file is refused with a message that stays on screen for a while.
    await page.getByTestId('attachments-input').setInputFiles([{ name: 'Пустой.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) }]);
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.getByTestId('tab-main').click();
    await typeAndLeave('field-title', '');
    await page.getByTestId('save-project').click();
    await expect.poll(() => page.getByTestId('form-errors').innerText()).toBe('Исправьте отмеченные поля: 1');
    await page.keyboard.press('Escape');
    const discard = page.getByRole('button', { name: 'Не сохранять', exact: true });
    await discard.waitFor();
    expect(await page.locator('.mantine-Notification-root').count()).toBeGreaterThan(0);
    await page.screenshot({ path: 'tmp/screens/card-with-message.png' });
    /** Whether what the clerk sees at the middle of the element is the element itself (not a message over it). */
    const onTop = (el: Element) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit !== null && (el === hit || el.contains(hit));
    };
    // Polled: the question slides in, and a busy machine may take a few frames to settle it.
    for (const part of [page.getByTestId('save-project'), page.getByTestId('form-errors'), discard]) {
      await expect.poll(() => part.evaluate(onTop), { timeout: 5000 }).toBe(true);
    }
    await discard.click();
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
  });

  it('keeps the message of a refused over-long paste when the clerk leaves the field and saves, until the field is changed', async () => {
    await page.getByTestId('new-project').click();
    await page.getByTestId('field-title').waitFor();
    const long = 'Строительство завода по производству ферросплавов '.repeat(30);
    await page.getByTestId('field-title').fill(long);
    const refused = `Вставлен слишком длинный текст (${formatNumber(long.length, 'ru')} символов, допускается не больше 600); поле не изменено`;
    await expect.poll(() => errorOf('field-title')).toBe(refused);
    expect(await page.getByTestId('field-title').inputValue()).toBe('');
    await page.getByTestId('field-title').press('Tab');
    await page.getByTestId('field-investorName').fill('ТОО «Тест»');
    await page.getByTestId('field-investorName').press('Tab');
    expect(await errorOf('field-title')).toBe(refused);
    await page.getByTestId('save-project').click();
    await expect.poll(() => page.getByTestId('form-errors').innerText()).toBe('Исправьте отмеченные поля: 1');
    expect(await errorOf('field-title')).toBe(refused);
    // Typing a title of a sensible length clears it.
    await typeAndLeave('field-title', 'Завод ферросплавов');
    expect(await errorOf('field-title')).toBe('');
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog', { name: 'Есть несохранённые изменения' }).getByRole('button', { name: 'Не сохранять', exact: true }).click();
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
  });

  it('lets Tab pass through a list field without opening it; ↓ opens it', async () => {
    await page.getByTestId('new-project').click();
    await page.getByTestId('field-investorBin').click();
    await page.keyboard.press('Tab');
    const country = page.locator('[role=combobox][data-path=investorCountry]');
    await expect.poll(() => country.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.waitForTimeout(300); // a list opening on focus would be open by now
    expect(await page.getByRole('option', { name: 'Казахстан' }).count()).toBe(0);
    expect(await country.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Казахстан' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('option', { name: 'Казахстан' }).waitFor({ state: 'hidden' });
    await expect(page.getByTestId('field-title').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
  });

  it('refuses an impossible date in a barrier, keeping it', async () => {
    await openCard(PIPES);
    await page.getByTestId('tab-barriers').click();
    await page.getByTestId('add-barrier').click();
    await page.getByTestId('barrier-text').fill('Нет подключения к газу');
    await typeAndLeave('barrier-openedOn', '30.02.2025');
    await expect.poll(() => errorOf('barrier-openedOn')).toBe('Неверная дата: нужен существующий день в виде ДД.ММ.ГГГГ');
    expect(await page.getByTestId('barrier-openedOn').inputValue()).toBe('30.02.2025');
    await page.getByTestId('tab-main').click();
    await expect.poll(() => page.getByTestId('tab-barriers').getAttribute('data-errors')).toBe('1');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Не сохранять', exact: true }).click();
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
  });
});

describe('the card at the keyboard', () => {
  /** What has the focus, by its test id (or its tag and text when it has none). */
  const focused = () => page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return a?.getAttribute('data-testid') ?? `${a?.tagName ?? 'none'}:${(a?.textContent ?? '').trim().slice(0, 60)}`;
  });

  it('moves the focus into the unsaved-changes question on Escape, keeps Tab in it, and brings it back to the field', async () => {
    await openCard(PIPES);
    const notes = page.getByTestId('field-notes');
    await notes.click();
    await notes.press('End');
    await notes.pressSequentially(' Уточнить площадь участка');
    await page.keyboard.press('Escape');

    // The question is announced as such, and its safe answer has the focus.
    const question = page.getByRole('alertdialog', { name: 'Есть несохранённые изменения' });
    await question.waitFor();
    expect(await question.getAttribute('aria-describedby').then((id) => page.locator(`[id="${id}"]`).innerText())).toBe('Закрыть карточку, не сохраняя их?');
    await expect.poll(focused).toBe('unsaved-question-keep');
    expect(await page.getByTestId('unsaved-question-keep').innerText()).toBe('Продолжить редактирование');
    await page.screenshot({ path: 'tmp/screens/card-unsaved-question.png' });
    expect(await axeViolations(page, '[data-testid=unsaved-question]')).toEqual([]);

    // Tab goes round the question's answers, not on through the card.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('unsaved-question-discard');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('unsaved-question-keep');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('unsaved-question-discard');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('unsaved-question-keep');

    // «Продолжить редактирование» (Enter) goes back to the field, with what was typed.
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    expect(await focused()).toBe('field-notes');
    expect(await notes.inputValue()).toMatch(/ Уточнить площадь участка$/);

    // Asked again, the question takes the focus again; Escape in it goes back to the field too.
    await page.keyboard.press('Escape');
    await question.waitFor();
    await expect.poll(focused).toBe('unsaved-question-keep');
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(await focused()).toBe('field-notes');
    await page.getByTestId('save-project').click();
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
  });

  it('saves by Ctrl+S from a field and gives the focus back to the register row the card was opened from', async () => {
    await openCard(PIPES);
    const notes = page.getByTestId('field-notes');
    await notes.click();
    await notes.press('End');
    await notes.pressSequentially(' до 01.04');
    expect(await focused()).toBe('field-notes');
    await page.keyboard.press('Control+s');
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
    const link = row(PIPES).getByRole('button', { name: PIPES });
    await expect.poll(() => link.evaluate((el) => el === document.activeElement)).toBe(true);
    // The clerk goes on from there: Enter opens the same card, with the change saved.
    await page.keyboard.press('Enter');
    await page.getByTestId('field-title').waitFor();
    expect(await page.getByTestId('field-notes').inputValue()).toMatch(/ до 01\.04$/);
    await page.keyboard.press('Escape');
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
    await expect.poll(() => link.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('by Ctrl+S with a mistake on another tab, takes the focus to the field to fix, not to the page', async () => {
    await openCard(PIPES);
    await page.getByTestId('tab-figures').click();
    await typeAndLeave('field-jobsPermanentPlanned', '-5');
    await page.getByTestId('tab-main').click();
    await page.getByTestId('field-notes').click();
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('form-errors').innerText()).toBe('Исправьте отмеченные поля: 1');
    await expect.poll(focused).toBe('field-jobsPermanentPlanned');
    await page.keyboard.press('Escape');
    await expect.poll(focused).toBe('unsaved-question-keep');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('project-drawer').waitFor({ state: 'hidden' });
  });
});

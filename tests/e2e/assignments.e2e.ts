// Assignments under control, as a clerk keeps them: an instruction of the Head of State put under
// control through the «Поручение сверху» form (with a new state body added in place), seen in the
// control table as overdue; the overdue filter; its deadline extended with a reason, an execution
// report, and taking it off control only with a report — all in its history after a reload, and
// the card's deep link reopening the card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openDemoRegister, type DemoRegister } from '../support/web-host';
import { axeViolations } from '../support/axe';

let app: DemoRegister;
let page: Page;
let assignmentUrl = '';

const OVERDUE_TEXT = 'Обеспечить работу СЭЗ «Актобе» с якорными инвесторами (проверка e2e)';
const ONGOING_TEXT = 'Ежеквартально информировать о ходе реализации проектов (проверка e2e)';
const NEW_BODY = 'Управление предпринимательства и индустриально-инновационного развития Актюбинской области';
const REASON = 'Ожидается заключение государственной экспертизы';

function row(text: string) {
  return page.locator('[data-testid=assignment-row]', { hasText: text });
}

/** The error shown under a field (Mantine links it with aria-describedby). */
async function errorOf(testId: string): Promise<string> {
  return page.getByTestId(testId).evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)).filter((e) => e?.className.includes('error')).map((e) => e?.textContent ?? '').join(' ');
  });
}

async function pick(testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function createDirective(opts: { number: string; text: string; due?: string; quarterly?: boolean; newBody?: string; body?: string }) {
  await page.getByTestId('new-directive').first().click();
  await page.getByTestId('field-sourceKind').waitFor();
  await pick('field-sourceKind', 'Глава государства');
  await page.getByTestId('field-sourceDate').fill('10.02.2026');
  await page.getByTestId('field-sourceNumber').fill(opts.number);
  await page.getByTestId('field-textRu').fill(opts.text);
  if (opts.newBody) {
    await page.getByTestId('new-org').click();
    await page.getByTestId('new-org-name').fill(opts.newBody);
    await page.getByTestId('new-org-add').click();
    await page.locator('.mantine-Modal-content .mantine-Pill-root', { hasText: opts.newBody }).waitFor();
  }
  if (opts.body) {
    await pick('field-responsible', opts.body);
    await page.keyboard.press('Escape');
  }
  if (opts.due) await page.getByTestId('deadline-date').fill(opts.due);
  if (opts.quarterly) await page.getByTestId('deadline-kind').getByText('Ежеквартально', { exact: true }).click();
  await page.getByTestId('directive-create').click();
  await page.getByTestId('directive-create').waitFor({ state: 'detached' });
}

beforeAll(async () => {
  mkdirSync('tmp/screens', { recursive: true });
  app = await openDemoRegister();
  ({ page } = app);
  await page.getByTestId('nav-assignments').click();
  await page.getByTestId('assignments-count').waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe('assignments under control', () => {
  it('refuses an instruction without its source and text, with messages under the fields', async () => {
    await page.getByTestId('new-directive').first().click();
    await page.getByTestId('directive-create').click();
    expect(await errorOf('field-sourceKind')).toBe('Обязательное поле');
    expect(await errorOf('field-textRu')).toBe('Введите текст хотя бы на одном языке');
    expect(await errorOf('field-responsible')).toBe('Укажите хотя бы один ответственный орган');
    expect(await axeViolations(page, '.mantine-Modal-content')).toEqual([]);
    await page.getByTestId('field-sourceDate').fill('31.02.2026');
    await page.getByTestId('directive-create').click();
    expect(await errorOf('field-sourceDate')).toContain('Неверная дата');
    // What was typed stays.
    expect(await page.getByTestId('field-sourceDate').inputValue()).toBe('31.02.2026');
    // A pasted megabyte is refused as it arrives, with a message; the field keeps what it held.
    await page.getByTestId('field-textRu').fill('Обеспечить');
    await page.getByTestId('field-textRu').fill('ж'.repeat(200_000));
    expect(await errorOf('field-textRu')).toMatch(/^Вставлен слишком длинный текст \(200\s000 символов, допускается не больше 10\s000\); поле не изменено$/);
    expect(await page.getByTestId('field-textRu').inputValue()).toBe('Обеспечить');
    // An instruction's deadline cannot precede the instruction.
    await page.getByTestId('field-sourceDate').fill('01.06.2026');
    await page.getByTestId('deadline-date').fill('01.01.2020');
    await page.getByTestId('directive-create').click();
    expect(await errorOf('deadline-date')).toBe('Срок не может быть раньше даты поручения');
    await page.keyboard.press('Escape');
    await page.getByTestId('directive-create').waitFor({ state: 'detached' });
  });

  it('puts an instruction of the Head of State under control and shows it in the table, overdue in red', async () => {
    await createDirective({ number: '15-э', text: OVERDUE_TEXT, due: '01.03.2026', newBody: NEW_BODY });
    await createDirective({ number: '16-э', text: ONGOING_TEXT, quarterly: true, body: NEW_BODY });
    const overdue = row(OVERDUE_TEXT);
    await overdue.waitFor();
    await expect.poll(() => overdue.getAttribute('data-overdue')).toBe('true');
    expect(await overdue.textContent()).toContain('Поручение Главы государства от 10.02.2026 № 15-э');
    expect(await overdue.textContent()).toContain(NEW_BODY);
    expect(await overdue.getByTestId('cell-status').textContent()).toBe('Просрочено');
    expect(await overdue.getByTestId('cell-days').textContent()).toMatch(/^просрочено на \d+ (день|дня|дней)$/);
    const color = await overdue.getByTestId('cell-status').evaluate((el) => getComputedStyle(el).color);
    expect(color).toMatch(/^rgb\((\d+), (\d+), (\d+)\)$/);
    const [r, g, b] = (color.match(/\d+/g) ?? []).map(Number) as [number, number, number];
    expect(r).toBeGreaterThan(g + 60);
    expect(r).toBeGreaterThan(b + 60);
    const ongoing = row(ONGOING_TEXT);
    expect(await ongoing.textContent()).toContain('ежеквартально');
    expect(await ongoing.getAttribute('data-overdue')).toBeNull();
    await page.screenshot({ path: 'tmp/screens/e2e-assignments-table.png' });
    expect(await axeViolations(page, 'body')).toEqual([]);
  });

  it('shows only overdue ones from the reminder strip and the filter, and finds by text', async () => {
    await page.getByTestId('strip-overdue').click();
    await expect.poll(() => row(ONGOING_TEXT).count()).toBe(0);
    expect(await row(OVERDUE_TEXT).count()).toBe(1);
    const rows = page.getByTestId('assignment-row');
    for (let i = 0; i < (await rows.count()); i++) expect(await rows.nth(i).getAttribute('data-overdue')).toBe('true');
    await page.getByTestId('strip-overdue').click();
    await expect.poll(() => row(ONGOING_TEXT).count()).toBe(1);

    await page.getByText('Только просроченные', { exact: true }).click();
    await expect.poll(() => row(ONGOING_TEXT).count()).toBe(0);
    await page.getByTestId('filters-reset').click();
    await page.getByTestId('assignments-search').fill('якорными');
    await expect.poll(() => page.getByTestId('assignment-row').count()).toBe(1);
    await page.getByTestId('assignments-search').fill('');
    await expect.poll(() => row(ONGOING_TEXT).count()).toBe(1);
  });

  it('groups the table by responsible body', async () => {
    await page.getByTestId('group-toggle').click();
    const group = page.locator('[data-testid=group-row]', { hasText: NEW_BODY });
    await group.waitFor();
    expect(await group.textContent()).toContain('поручений: 2');
    await page.getByTestId('group-toggle').click();
    await page.locator('[data-testid=group-row]').first().waitFor({ state: 'detached' });
  });

  it('extends the deadline only with a later date and a reason; the reason is in the history', async () => {
    await row(OVERDUE_TEXT).getByTestId('open-assignment').click();
    await page.getByTestId('assignment-card').waitFor();
    assignmentUrl = page.url();
    expect(assignmentUrl).toMatch(/#\/assignments\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('card-reference').textContent()).toBe('Поручение Главы государства от 10.02.2026 № 15-э');
    // An instruction keeps at least one responsible body: taking the last one off is refused.
    await page.getByTestId('field-responsible').focus();
    await page.keyboard.press('Backspace');
    await page.getByTestId('save-assignment').click();
    expect(await errorOf('field-responsible')).toBe('Укажите хотя бы один ответственный орган');
    await pick('field-responsible', NEW_BODY);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('save-assignment').isDisabled()).toBe(true); // as it was: nothing to save
    // Closing with a change asks first; the focus goes to «Продолжить редактирование», Enter keeps the change.
    await page.getByTestId('field-sourceNumber').fill('15-э/1');
    await page.keyboard.press('Escape');
    const question = page.getByRole('alertdialog', { name: 'Есть несохранённые изменения' });
    await question.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('unsaved-question-keep');
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    expect(await page.getByTestId('field-sourceNumber').inputValue()).toBe('15-э/1');
    await page.getByTestId('field-sourceNumber').fill('15-э');
    await expect.poll(() => page.getByTestId('save-assignment').isDisabled()).toBe(true);

    await page.getByTestId('action-extend').click();
    await page.getByTestId('dialog-confirm').click();
    expect(await errorOf('dialog-date')).toBe('Обязательное поле');
    expect(await errorOf('dialog-text')).toBe('Обязательное поле');
    expect(await axeViolations(page, '.mantine-Modal-content')).toEqual([]);
    await page.getByTestId('dialog-date').fill('01.02.2026');
    await page.getByTestId('dialog-text').fill(REASON);
    await page.getByTestId('dialog-confirm').click();
    expect(await errorOf('dialog-date')).toBe('Новый срок должен быть позже текущего');
    await page.getByTestId('dialog-date').fill('30.12.2030');
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('dialog-confirm').waitFor({ state: 'detached' });

    const ext = page.getByTestId('history-extension');
    await ext.waitFor();
    expect(await ext.textContent()).toContain('Срок продлён: 01.03.2026 → 30.12.2030');
    expect(await ext.textContent()).toContain(REASON);
    await expect.poll(() => page.getByTestId('card-days').textContent()).toMatch(/^(осталось|остался) \d+/);
  });

  it('records an execution report, and takes it off control only with a report', async () => {
    await page.getByTestId('action-report').click();
    await page.getByTestId('dialog-text').fill('Подготовлен проект постановления акимата');
    // A report cannot be dated before the instruction it answers (10.02.2026); nothing is recorded.
    await page.getByTestId('dialog-date').fill('01.01.1990');
    await page.getByTestId('dialog-confirm').click();
    expect(await errorOf('dialog-date')).toBe('Дата отчёта не может быть раньше даты заседания или поручения');
    expect(await page.getByTestId('history-report').count()).toBe(0);
    await page.getByTestId('dialog-date').fill('');
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('dialog-confirm').waitFor({ state: 'detached' });
    await page.getByTestId('history-report').first().waitFor();

    await page.getByTestId('action-takeoff').click();
    await page.getByTestId('dialog-confirm').click();
    expect(await errorOf('dialog-text')).toBe('Обязательное поле');
    await page.getByTestId('dialog-text').fill('Якорные инвесторы размещены, СЭЗ работает');
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('dialog-confirm').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('history-report').count()).toBe(2);
    await expect.poll(() => page.getByTestId('assignment-card').getByTestId('cell-status').first().textContent()).toBe('Исполнено');
    expect(await page.getByTestId('action-takeoff').isDisabled()).toBe(true);
    await page.screenshot({ path: 'tmp/screens/e2e-assignments-card.png' });
    expect(await axeViolations(page, '[data-testid=assignment-drawer]')).toEqual([]);
  });

  it('keeps everything after a reload, the deep link reopening the card', async () => {
    await page.reload();
    await page.getByTestId('assignment-card').waitFor();
    expect(await page.getByTestId('card-reference').textContent()).toBe('Поручение Главы государства от 10.02.2026 № 15-э');
    const history = page.getByTestId('assignment-history');
    await expect.poll(() => history.textContent()).toContain(REASON);
    expect(await history.textContent()).toContain('Якорные инвесторы размещены, СЭЗ работает');
    expect(await history.textContent()).toContain('Подготовлен проект постановления акимата');
    expect(await page.getByTestId('field-status').inputValue()).toBe('Исполнено');

    await page.keyboard.press('Escape');
    await page.getByTestId('assignment-card').waitFor({ state: 'detached' });
    const done = row(OVERDUE_TEXT);
    await done.waitFor();
    expect(await done.getByTestId('cell-status').textContent()).toBe('Исполнено');
    expect(await done.textContent()).toContain('30.12.2030');
    await page.getByTestId('strip-overdue').click();
    await expect.poll(() => row(OVERDUE_TEXT).count()).toBe(0);
    await page.getByTestId('strip-overdue').click();

    // The deep link typed into a fresh page opens the card.
    await page.goto('about:blank');
    await page.goto(assignmentUrl);
    await page.getByTestId('assignment-card').waitFor();
    expect(await page.getByTestId('card-reference').textContent()).toBe('Поручение Главы государства от 10.02.2026 № 15-э');
  });

  it('edits a decision of the minutes: a deadline before the meeting is refused, N working days come to a date', async () => {
    await page.goto(assignmentUrl.replace(/\/assignments\/.*$/, '/assignments'));
    const decision = page.locator('[data-testid=assignment-row]', { hasText: 'протокола №' }).first();
    await decision.getByTestId('open-assignment').click();
    await page.getByTestId('assignment-card').waitFor();
    expect(await page.getByTestId('card-reference').textContent()).toMatch(/^п\. \d+\.\d+ протокола № \d+ от \d\d\.\d\d\.\d{4}$/);
    await pick('field-responsible', 'Акимат Актюбинской области');
    await page.keyboard.press('Escape');
    await page.getByTestId('deadline-date').fill('01.01.2020');
    await page.getByTestId('save-assignment').click();
    expect(await errorOf('deadline-date')).toBe('Срок не может быть раньше даты заседания');

    await page.getByTestId('deadline-kind').getByText('Рабочие дни', { exact: true }).click();
    await page.getByTestId('deadline-days').fill('5');
    expect(await page.getByTestId('deadline-computed').textContent()).toMatch(/^До \d\d\.\d\d\.\d{4} — считая от даты заседания \d\d\.\d\d\.\d{4}$/);
    const due = /До (\d\d\.\d\d\.\d{4})/.exec((await page.getByTestId('deadline-computed').textContent()) ?? '')?.[1];
    await page.getByTestId('save-assignment').click();
    // Saved (not only saving): nothing is left unsaved, so Escape closes without asking.
    await page.getByTestId('card-unsaved').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('save-assignment').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('assignment-card').waitFor({ state: 'detached' });
    await expect.poll(() => decision.textContent()).toContain(`в течение 5 рабочих дней (до ${due})`);
    expect(await decision.textContent()).toContain('Акимат Актюбинской области');
  });

  it('closes a link to an assignment that does not exist with a message', async () => {
    await page.goto(assignmentUrl.replace(/[0-9a-f-]{36}$/, '019c0000-0000-7000-8000-000000000000'));
    await page.getByText('Такого поручения нет').waitFor();
    expect(await page.getByTestId('assignment-card').count()).toBe(0);
  });
});

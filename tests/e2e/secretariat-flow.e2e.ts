// A secretariat's day across the three screens, as issue 7 tells it: open the demo session, mark
// attendance, write minutes with three decisions for two projects, find those three assignments
// under control, extend one with a reason, report one done — and after a reload all of it is
// still there, in the minutes and in the control table alike (a decision IS its assignment).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openDemoRegister, type DemoRegister } from '../support/web-host';

let app: DemoRegister;
let page: Page;

const PIPES = 'Завод по производству пластиковых труб';
const SODA = 'Завод по производству гидросульфида натрия';
const AKIMAT = 'Акимат Актюбинской области';
const DECISIONS = [
  { text: 'Оказать содействие в выделении земельного участка под завод пластиковых труб.', project: PIPES },
  { text: 'Проработать подключение завода гидросульфида натрия к сетям газоснабжения.', project: SODA },
  { text: 'Рассмотреть включение завода пластиковых труб в карту поддержки инвесторов.', project: PIPES },
];
const REASON = 'Инвестор уточняет границы участка';
const REPORT = 'Участок выделен, постановление акимата принято';

/** The agenda item of the six projects (the demo's second question) in the minutes. */
const projectsItem = () => page.getByTestId('minutes-item').nth(1);
const decisionRows = () => projectsItem().getByTestId('decision-row');
const pick = (name: string) => page.getByRole('option', { name }).first().click();

async function openMinutes() {
  await page.locator('[data-testid=minutes-document][data-editable]').waitFor({ timeout: 30_000 });
}

async function writeDecision(text: string, project: string): Promise<void> {
  const before = await decisionRows().count();
  await projectsItem().getByTestId('decision-add').click();
  const field = projectsItem().getByTestId('decision-new-text');
  await field.fill(text);
  await field.press('Tab');
  await expect.poll(() => decisionRows().count()).toBe(before + 1);
  const row: Locator = decisionRows().nth(before);
  const responsible = row.getByTestId('decision-responsible');
  await responsible.click();
  await responsible.pressSequentially(AKIMAT.slice(0, 8));
  await pick(AKIMAT);
  await responsible.press('Escape');
  await row.getByTestId('decision-deadline-kind').click();
  await page.getByRole('option', { name: /рабочих дней/ }).first().click();
  await row.getByTestId('decision-deadline-days').fill('10');
  await row.getByTestId('decision-deadline-days').press('Enter');
  // Only this decision's project (a new decision starts with all of the item's).
  const projects = row.getByTestId('decision-projects');
  await projects.click();
  for (let i = 0; i < 8; i++) await projects.press('Backspace');
  await projects.pressSequentially(project.slice(0, 12));
  await pick(project);
  await projects.press('Escape');
  await expect.poll(() => row.getByTestId('decision-deadline-due').count()).toBe(1);
}

const controlRow = (text: string) => page.getByTestId('assignment-row').filter({ hasText: text });

beforeAll(async () => {
  app = await openDemoRegister({ width: 1366, height: 900 });
  ({ page } = app);
});

afterAll(async () => {
  await app?.close();
});

describe('a secretariat’s day: meeting → minutes → control', () => {
  it('marks attendance at the demo session with one tap', async () => {
    await page.getByTestId('nav-meetings').click();
    await page.getByTestId('meeting-open').first().click();
    await page.getByTestId('meeting-tab-attendance').click();
    await page.getByTestId('attendance-row').filter({ hasText: 'Марат Абишев' }).getByTestId('presence-video').click();
    await expect.poll(() => page.getByTestId('attendance-summary').innerText()).toContain('по видеосвязи: 1');
  });

  it('writes three decisions for two projects in the minutes', async () => {
    await page.getByTestId('meeting-minutes').click();
    await openMinutes();
    for (const d of DECISIONS) await writeDecision(d.text, d.project);
    expect(await decisionRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')))).toEqual(['2.1', '2.2', '2.3', '2.4']);
  });

  it('finds the three decisions under control, with their reference, responsible body and project', async () => {
    await page.getByTestId('nav-assignments').click();
    await page.getByTestId('assignments-count').waitFor();
    for (const [i, d] of DECISIONS.entries()) {
      const row = controlRow(d.text);
      await row.waitFor();
      const text = await row.textContent();
      expect(text).toContain(`п. 2.${i + 2} протокола № 1`);
      expect(text).toContain(AKIMAT);
      expect(text).toContain(d.project);
    }
  });

  it('extends one with a reason and reports another done', async () => {
    await controlRow(DECISIONS[0]?.text ?? '').getByTestId('open-assignment').click();
    await page.getByTestId('assignment-card').waitFor();
    await page.getByTestId('action-extend').click();
    await page.getByTestId('dialog-date').fill('30.12.2030');
    await page.getByTestId('dialog-text').fill(REASON);
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('dialog-confirm').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('history-extension').textContent()).toContain(REASON);
    await page.keyboard.press('Escape');
    await page.getByTestId('assignment-card').waitFor({ state: 'detached' });

    await controlRow(DECISIONS[1]?.text ?? '').getByTestId('open-assignment').click();
    await page.getByTestId('assignment-card').waitFor();
    await page.getByTestId('action-takeoff').click();
    await page.getByTestId('dialog-text').fill(REPORT);
    await page.getByTestId('dialog-confirm').click();
    await page.getByTestId('dialog-confirm').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('assignment-card').getByTestId('cell-status').first().textContent()).toBe('Исполнено');
    await page.keyboard.press('Escape');
    await page.getByTestId('assignment-card').waitFor({ state: 'detached' });
  });

  it('after a reload: the control table, the minutes and the attendance all hold what was done', async () => {
    await page.reload();
    await page.getByTestId('assignments-count').waitFor();
    await controlRow(DECISIONS[0]?.text ?? '').waitFor();
    expect(await controlRow(DECISIONS[0]?.text ?? '').textContent()).toContain('30.12.2030');
    expect(await controlRow(DECISIONS[1]?.text ?? '').getByTestId('cell-status').textContent()).toBe('Исполнено');
    expect(await controlRow(DECISIONS[2]?.text ?? '').getByTestId('cell-status').textContent()).not.toBe('Исполнено');

    // The minutes show the extended deadline: the decision and the assignment are one record.
    await page.getByTestId('nav-meetings').click();
    await page.getByTestId('meeting-open').first().click();
    await page.getByTestId('meeting-tab-attendance').click();
    expect(await page.getByTestId('attendance-summary').innerText()).toContain('по видеосвязи: 1');
    await page.getByTestId('meeting-minutes').click();
    await openMinutes();
    const first = decisionRows().nth(1);
    await first.getByTestId('decision-deadline-date').waitFor();
    expect(await first.getByTestId('decision-deadline-date').inputValue()).toBe('30.12.2030');
    const texts = await decisionRows().getByTestId('decision-text').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    expect(texts.slice(1)).toEqual(DECISIONS.map((d) => d.text));
  });
});

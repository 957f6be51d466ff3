// The register as a clerk meets it on a laptop: totals that say when figures are missing, the
// board's print layout (Chromium's PDF of the print media, text read back with pdftotext), the
// kanban moved by keyboard a stage at a time with announcements in the UI language, toasts that
// follow a language switch, and no serious or critical axe violation on any view in both themes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openDemoRegister, type DemoRegister } from '../support/web-host';
import { axeViolations } from '../support/axe';


let app: DemoRegister;
let web: DemoRegister['web'];
let page: Page;

beforeAll(async () => {
  app = await openDemoRegister({ width: 1366, height: 768 });
  ({ web, page } = app);
});

afterAll(async () => {
  await app?.close();
});

describe('the register on a laptop', () => {
  it('says in the totals that the demo has no investment figures, instead of «0 ₸»', async () => {
    const total = await page.getByTestId('total-investmentTenge').innerText();
    expect(total).toBe('нет данных');
    expect(total).not.toContain('0 ₸');
  });

  it('prints the board: the filtered rows, the visible columns, the totals, the filters and the date — not the sidebar', async () => {
    await page.getByTestId('board-search').fill('пластиковых');
    await expect.poll(() => page.locator('[data-testid=board-row]').count()).toBe(1);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.getByTestId('board-print').waitFor({ state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: false });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    const dir = mkdtempSync(join(tmpdir(), 'hattama-print-'));
    writeFileSync(join(dir, 'board.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'board.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Реестр инвестиционных проектов');
    expect(text).toMatch(/Завод по производству\s+ТОО/); // the title wraps in its cell
    expect(text).toContain('пластиковых труб');
    expect(text.match(/Реестр инвестиционных проектов/g)).toHaveLength(1); // the screen's own heading is not printed
    expect(text).not.toContain('Курьерский центр');
    expect(text).toContain('Поиск: «пластиковых»');
    expect(text).toMatch(/Итого: 1/);
    for (const column of ['Проект', 'Инвестор', 'Стадия', 'Статус']) expect(text).toContain(column);
    expect(text).toMatch(/Сформировано \d\d\.\d\d\.\d{4}/);
    expect(text).not.toContain('Стадии (канбан)'); // the sidebar is not printed
    execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, 'board.pdf'), 'tmp/screens/board-print']);
    await page.getByTestId('board-search').fill('');
  });

  it('moves a kanban card to the next stage with the keyboard and announces it in Russian', async () => {
    await page.getByTestId('nav-kanban').click();
    const handle = page.getByTestId('kanban-column-idea').getByTestId('kanban-handle').first();
    await handle.waitFor();
    const title = (await page.getByTestId('kanban-column-idea').getByTestId('kanban-card').first().getAttribute('data-project-id')) ?? '';
    await handle.focus();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('kanban-handle');
    const live = page.locator('[id^=DndLiveRegion]');
    await page.keyboard.press('Space');
    await expect.poll(() => live.innerText(), { timeout: 10_000 }).toMatch(/Взята карточка|над стадией «Идея»/);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => live.innerText(), { timeout: 10_000 }).toMatch(/над стадией «Переговоры»/);
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('kanban-column-negotiation').locator(`[data-project-id="${title}"]`).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('kanban-count-negotiation').innerText()).toBe('1');
  });

  it('clears the toasts of the old language when the language changes', async () => {
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.getByTestId('lang-switch').getByText('ҚАЗ', { exact: true }).click();
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 10_000 }).toBe(0);
    await page.getByTestId('lang-switch').getByText('РУС', { exact: true }).click();
  });

  it('has no serious or critical accessibility violation on any view, in both themes', async () => {
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.evaluate((s) => localStorage.setItem('hattama.theme', s), scheme);
      for (const view of ['board', 'kanban', 'settings']) {
        await page.goto(`${web.url}#/${view}`);
        await page.reload();
        await page.getByTestId(`nav-${view}`).waitFor();
        await page.waitForTimeout(400);
        for (const v of await axeViolations(page)) found.push(`${scheme}/${view}: ${v.id} ${v.nodes.join(', ')}`);
      }
      await page.goto(`${web.url}#/board`);
      await page.locator('[data-testid=board-row] button').first().click();
      await page.getByTestId('field-title').waitFor();
      await page.waitForTimeout(400);
      for (const v of await axeViolations(page)) found.push(`${scheme}/card: ${v.id} ${v.nodes.join(', ')}`);
      await page.keyboard.press('Escape');
    }
    await page.evaluate(() => localStorage.setItem('hattama.theme', 'light'));
    expect(found).toEqual([]);
  });
});

// The register's documents in the browser host: the project passport from the project card and
// the briefing pack from the meeting page download (rendered in the worker) and read back; the
// extracts from the minutes page download one file per responsible body, one after another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { launchChromium, openDemoRegister, startWeb, type DemoRegister } from '../support/web-host';
import { useStandInBridge } from '../support/stand-in-bridge';
import { docxPart, flat, pdfFonts, pdfPages, pdfText, sofficeToPdf, tempDir } from '../integration/export/read-back';

let app: DemoRegister;
let page: Page;
const dir = tempDir('hattama-register-export-e2e-');

beforeAll(async () => {
  mkdirSync('tmp/screens', { recursive: true });
  app = await openDemoRegister({ width: 1366, height: 900 });
  ({ page } = app);
});

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function save(d: Download): Promise<string> {
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

describe('register exports in the browser', () => {
  it('the project card exports the passport in Kazakh as DOCX that LibreOffice reads back', async () => {
    await page.locator('[data-testid=board-row] button').first().click();
    await page.getByTestId('field-title').waitFor();
    const title = await page.getByTestId('field-title').inputValue();
    await page.getByTestId('passport-export').click();
    await page.getByTestId('passport-dialog-lang').getByText('Қазақша', { exact: true }).click();
    await page.screenshot({ path: 'tmp/screens/passport-dialog.png' });
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('passport-dialog-run').click();
    const file = await save(await download);
    expect(path.basename(file)).toMatch(/^Жоба паспорты — .+\.docx$/);
    const [pdf] = sofficeToPdf([file], dir);
    const t = flat(pdfText(pdf ?? ''));
    expect(t).toContain('ИНВЕСТИЦИЯЛЫҚ ЖОБАНЫҢ ПАСПОРТЫ');
    expect(t).toContain(title.replace(/\s+/g, ' '));
    expect(t).toContain('Инвестор');
    await page.keyboard.press('Escape');
  }, 120_000);

  it('the meeting page exports the briefing pack as PDF: agenda, chart, assignments, passports', async () => {
    await page.getByTestId('nav-meetings').click();
    await page.getByTestId('meeting-open').first().click();
    await page.getByTestId('pack-export').click();
    await page.getByTestId('pack-dialog-format').getByText('PDF', { exact: true }).click();
    // The preview draws the same document before it is exported.
    await expect.poll(() => page.getByTestId('document-preview').textContent(), { timeout: 30_000 }).toContain('МАТЕРИАЛЫ К ЗАСЕДАНИЮ');
    await page.screenshot({ path: 'tmp/screens/pack-dialog.png' });
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('pack-dialog-run').click();
    const file = await save(await download);
    expect(path.basename(file)).toMatch(/^Материалы к заседанию №\d+ от \d{2}\.\d{2}\.\d{4}\.pdf$/);
    expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
    const t = flat(pdfText(file));
    expect(t).toContain('МАТЕРИАЛЫ К ЗАСЕДАНИЮ');
    expect(t).toContain('ПОВЕСТКА ДНЯ:');
    expect(t).toContain('1. О развитии специальной экономической зоны «Актобе»');
    expect(t).toContain('Привлечённые инвестиции');
    expect(t).toContain('Неисполненные и просроченные поручения');
    expect(t).toContain('ПАСПОРТ ИНВЕСТИЦИОННОГО ПРОЕКТА');
    expect(pdfPages(file)).toBeGreaterThan(1);
  }, 120_000);

  it('the minutes page exports one extract per responsible body, downloaded one after another', async () => {
    await page.getByTestId('meeting-minutes').click();
    await page.locator('[data-testid=minutes-document][data-editable]').waitFor({ timeout: 30_000 });
    // The demo's decision names no body yet: nothing to extract, and the clerk is told so.
    await page.getByTestId('minutes-export').click();
    await page.getByTestId('export-what').getByText('Выписки', { exact: true }).click();
    await page.getByTestId('export-run').click();
    await page.getByText('В решениях не указаны ответственные органы').waitFor();
    // Two bodies: the existing decision goes to the akimat, a new one to the plant.
    const item = page.getByTestId('minutes-item').nth(1);
    await setResponsible(item.getByTestId('decision-row').first(), 'Акимат Актюбинской области');
    const before = await item.getByTestId('decision-row').count();
    await item.getByTestId('decision-add').click();
    await item.getByTestId('decision-new-text').fill('Обеспечить подключение завода к газу');
    await item.getByTestId('decision-new-text').press('Tab');
    await expect.poll(() => item.getByTestId('decision-row').count()).toBe(before + 1);
    await setResponsible(item.getByTestId('decision-row').nth(before), 'Актюбинский ферросплавный завод');

    await page.getByTestId('minutes-export').click();
    await page.getByTestId('export-what').getByText('Выписки', { exact: true }).click();
    await page.getByTestId('export-format').getByText('PDF', { exact: true }).click();
    await expect.poll(() => page.getByTestId('document-preview').textContent(), { timeout: 30_000 }).toContain('ВЫПИСКА ИЗ ПРОТОКОЛА');
    await page.screenshot({ path: 'tmp/screens/extracts-dialog.png' });
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.getByTestId('export-run').click();
    await expect.poll(() => downloads.length, { timeout: 90_000 }).toBe(2);
    const names = downloads.map((d) => d.suggestedFilename()).sort();
    expect(names[0]).toMatch(/^Выписка из протокола №\d+ от \d{2}\.\d{2}\.\d{4} — Акимат Актюбинской области\.pdf$/);
    expect(names[1]).toMatch(/^Выписка из протокола №\d+ от \d{2}\.\d{2}\.\d{4} — Актюбинский ферросплавный завод\.pdf$/);
    for (const d of downloads) {
      const t = flat(pdfText(await save(d)));
      expect(t).toContain('ВЫПИСКА ИЗ ПРОТОКОЛА');
      expect(t).toContain('Выписка верна:');
      const plant = d.suggestedFilename().includes('завод');
      expect(t.includes('Обеспечить подключение завода к газу')).toBe(plant);
      expect(t.includes('Представленные инвестиционные проекты дополнительно изучить')).toBe(!plant);
    }
  }, 180_000);
});

describe('export settings from the settings page', () => {
  it('a wrong margin is refused with a message; the binding margin and the ДСП mark, saved, reach the next export', async () => {
    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('export-settings');
    await section.scrollIntoViewIfNeeded();
    await page.getByTestId('export-marginLeft').fill('2');
    await page.getByTestId('export-settings-save').click();
    await section.getByText('От 5 до 60 мм').waitFor();
    await page.getByTestId('export-binding').click();
    await page.getByTestId('export-restricted').check();
    await page.getByTestId('export-word-ru-decided').fill('ПОСТАНОВИЛИ');
    await page.getByTestId('export-settings-save').click();
    await page.getByText('Настройки экспорта сохранены').waitFor();
    await section.screenshot({ path: 'tmp/screens/export-settings.png' });

    await page.getByTestId('nav-board').click();
    await page.locator('[data-testid=board-row] button').first().click();
    await page.getByTestId('passport-export').click();
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('passport-dialog-run').click();
    const file = await save(await download);
    const body = docxPart(file, 'word/document.xml');
    expect(body).toMatch(/<w:pgMar [^>]*w:left="1701"/);
    expect(body).toContain('>ДСП<');
    await page.keyboard.press('Escape');
  }, 120_000);
});

/** Picks `org` as the decision's responsible body (typing filters the list). */
async function setResponsible(row: Locator, org: string) {
  const input = row.getByTestId('decision-responsible');
  await input.click();
  await input.pressSequentially(org.slice(0, 8));
  await page.getByRole('option', { name: org }).first().click();
  await input.press('Escape');
}

describe('after a desktop export: open the file, show its folder, the export archive', () => {
  it('the desktop host (a stand-in preload bridge) offers «Открыть» / «Показать в папке» and lists the archive', async () => {
    const web = await startWeb();
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true, locale: 'ru-RU' });
      const p = await context.newPage();
      // What the Electron preload would expose; it records the calls the renderer makes.
      await useStandInBridge(p);
      await p.addInitScript(() => {
        const calls: unknown[] = [];
        const entry = { document: 'ПАСПОРТ ИНВЕСТИЦИОННОГО ПРОЕКТА — Завод', kind: 'passport', sourceId: 'x', revision: 0, lang: 'ru', format: 'pdf', at: '2026-02-12T05:00:00.000Z', sha256: 'ab', bytes: 4096, path: '/home/clerk/Паспорт.pdf', archivedPath: '/home/clerk/.config/Hattama/exports/2026/02/2026-02-12_100000_Паспорт.pdf' };
        (window as unknown as { __calls: unknown[] }).__calls = calls;
        Object.assign((window as unknown as { hattama: object }).hattama, {
          saveFile: async () => ({ saved: true, path: '/home/clerk/file' }),
          openExternal: async () => ({ opened: true }),
          notify: async () => ({ shown: true }),
          exportDocument: async (r: { document: { fileStem: string } }) => ({ saved: true, path: `/home/clerk/${r.document.fileStem}.pdf`, bytes: 10, sha256: 'ab' }),
          exportDocuments: async () => ({ saved: true, folder: '/home/clerk', files: [] }),
          revealExport: async (r: unknown) => { calls.push(r); return { ok: true }; },
          exportArchive: async () => ({ available: true, entries: [entry] }),
        });
      });
      await p.goto(web.url);
      await p.getByTestId('load-demo').click();
      await p.getByTestId('board-row').first().waitFor();
      await p.locator('[data-testid=board-row] button').first().click();
      await p.getByTestId('passport-export').click();
      await p.getByTestId('passport-dialog-format').getByText('PDF', { exact: true }).click();
      await p.getByTestId('passport-dialog-run').click();
      await p.getByTestId('export-open-folder').click();
      await expect.poll(() => p.evaluate(() => (window as unknown as { __calls: unknown[] }).__calls)).toEqual([{ path: expect.stringMatching(/^\/home\/clerk\/Паспорт проекта — .+\.pdf$/), action: 'folder' }]);
      await p.screenshot({ path: 'tmp/screens/export-saved-notice.png' });
      await p.keyboard.press('Escape');

      await p.getByTestId('nav-settings').click();
      const archive = p.getByTestId('export-archive');
      await archive.scrollIntoViewIfNeeded();
      await archive.getByText('ПАСПОРТ ИНВЕСТИЦИОННОГО ПРОЕКТА — Завод').waitFor();
      await archive.screenshot({ path: 'tmp/screens/export-archive.png' });
      await archive.getByTestId('export-open-file').click();
      await expect.poll(() => p.evaluate(() => (window as unknown as { __calls: unknown[] }).__calls.length)).toBe(2);
      expect(await p.evaluate(() => (window as unknown as { __calls: unknown[] }).__calls[1])).toEqual({ path: '/home/clerk/.config/Hattama/exports/2026/02/2026-02-12_100000_Паспорт.pdf', action: 'open' });
    } finally {
      await browser.close();
      await web.stop();
    }
  }, 120_000);
});

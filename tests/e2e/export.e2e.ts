// Exporting the demo minutes in the browser host: the «Экспорт» dialog renders DOCX and PDF in a
// Web Worker and downloads them; the downloads read back (pdftotext; LibreOffice for the DOCX) with
// the minutes' header, agenda, sections and signatures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openDemoRegister, type DemoRegister } from '../support/web-host';
import { flat, pdfFonts, pdfText, sofficeToPdf, tempDir } from '../integration/export/read-back';

let app: DemoRegister;
let page: Page;
const dir = tempDir('hattama-export-e2e-');

beforeAll(async () => {
  mkdirSync('tmp/screens', { recursive: true });
  app = await openDemoRegister({ width: 1366, height: 900 });
  ({ page } = app);
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-open').first().click();
  await page.getByTestId('meeting-minutes').click();
  await page.locator('[data-testid=minutes-document][data-editable]').waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function exportAs(format: 'DOCX' | 'PDF', lang?: string): Promise<{ file: string; name: string }> {
  await page.getByTestId('minutes-export').click();
  await page.getByTestId('export-format').getByText(format, { exact: true }).click();
  if (lang) {
    await page.getByTestId('export-lang').getByText(lang, { exact: true }).click();
    // The preview shows the two columns before anything is exported.
    await page.getByTestId('document-preview-row').first().waitFor({ timeout: 30_000 });
    if (format === 'PDF') await page.screenshot({ path: 'tmp/screens/minutes-export-columns.png' });
  }
  if (format === 'PDF' && !lang) await page.screenshot({ path: 'tmp/screens/minutes-export-dialog.png' });
  // With the preview shown, the dialog's button is on screen: the preview scrolls, not the dialog.
  await page.getByTestId('document-preview').waitFor({ timeout: 30_000 });
  const run = await page.getByTestId('export-run').boundingBox();
  expect(run && run.y + run.height).toBeLessThanOrEqual(page.viewportSize()?.height ?? 0);
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('export-run').click();
  const d = await download;
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return { file, name: d.suggestedFilename() };
}

function checkMinutes(text: string) {
  const t = flat(text);
  expect(t).toContain('ПРОТОКОЛ');
  expect(t).toContain('Председательствующий: Асхат Шахаров');
  expect(t).toContain('ПОВЕСТКА ДНЯ:');
  expect(t).toContain('1. О развитии специальной экономической зоны «Актобе»');
  // The demo's first question has only what the akim said, the second only its decision: no
  // empty СЛУШАЛИ: (nobody heard, nothing reported), no РЕШИЛИ: without a decision under it.
  expect(t).toMatch(/ВЫСТУПИЛИ:.*РЕШИЛИ: 2\.1\. Представленные инвестиционные проекты/);
  expect(t).not.toContain('СЛУШАЛИ:');
  expect(t.match(/РЕШИЛИ:/g)).toHaveLength(1);
  expect(t).toMatch(/Председательствующий _+ Асхат Шахаров/);
}

describe('export of the minutes in the browser', () => {
  it('downloads a PDF rendered in a worker, with embedded fonts and the minutes in it', async () => {
    const { file, name } = await exportAs('PDF');
    expect(name).toMatch(/^Протокол №\d+ от \d{2}\.\d{2}\.\d{4}\.pdf$/);
    expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
    checkMinutes(pdfText(file));
  }, 90_000);

  it('offers both languages in two columns once the minutes have a Kazakh version, and downloads that one document', async () => {
    // A Russian-only minutes offers no two-column export.
    await page.getByTestId('minutes-export').click();
    expect(await page.getByTestId('export-lang').getByText('Оба — две колонки', { exact: true }).count()).toBe(0);
    // The language is named in full, as in the pack's dialog (not «РУС» of the editor's switch).
    expect(await page.getByTestId('export-lang').locator('label').allInnerTexts()).toEqual(['Русский']);
    await page.keyboard.press('Escape');
    await page.getByTestId('minutes-add-kk').click();
    await page.locator('[data-testid=minutes-document][data-lang=kk][data-editable]').waitFor();
    // Russian open in the editor: Russian in the left column.
    await page.getByTestId('minutes-lang').getByText('РУС').click();
    await page.locator('[data-testid=minutes-document][data-lang=ru][data-editable]').waitFor();

    const { file, name } = await exportAs('DOCX', 'Оба — две колонки');
    expect(name).toMatch(/^Протокол №\d+ от \d{2}\.\d{2}\.\d{4} \(рус-каз\)\.docx$/);
    const [docxPdf] = sofficeToPdf([file], dir);
    const lines = pdfText(docxPdf ?? '').split('\n');
    expect(lines.some((l) => /ПРОТОКОЛ\s{2,}ХАТТАМА/.test(l))).toBe(true);
    expect(lines.some((l) => /РЕШИЛИ:\s{2,}ШЕШТІ:/.test(l))).toBe(true);
    expect(lines.some((l) => /СЛУШАЛИ|ТЫҢДАЛДЫ/.test(l))).toBe(false);
    expect(lines.some((l) => /^\s*Председательствующий\s{2,}Төрағалық етуші\s*$/.test(l))).toBe(true);

    const pdf = await exportAs('PDF', 'Оба — две колонки');
    expect(pdf.name).toMatch(/\(рус-каз\)\.pdf$/);
    expect(pdfFonts(pdf.file).every((f) => f.embedded)).toBe(true);
    const pdfLines = pdfText(pdf.file).split('\n');
    expect(pdfLines.some((l) => /РЕШИЛИ:\s{2,}ШЕШТІ:/.test(l))).toBe(true);
    expect(flat(pdfText(pdf.file))).toContain('КҮН ТӘРТІБІ:');
  }, 180_000);

  it('downloads a DOCX that LibreOffice reads back with the same content', async () => {
    const { file, name } = await exportAs('DOCX');
    expect(name).toMatch(/^Протокол №\d+ от \d{2}\.\d{2}\.\d{4}\.docx$/);
    const [pdf] = sofficeToPdf([file], dir);
    checkMinutes(pdfText(pdf ?? ''));
  }, 120_000);

  it('shows the messages of an export beside the dialog opened again, not over it or its buttons', async () => {
    await exportAs('DOCX');
    await page.getByTestId('minutes-export').click();
    const toasts = page.locator('.mantine-Notification-root');
    await toasts.filter({ hasText: 'Файл готов' }).last().waitFor();
    await page.getByTestId('export-run').waitFor();
    await page.waitForTimeout(400); // the dialog's opening transition
    // Beside the dialog (its buttons too), in a window as wide as a clerk's 1366 px laptop screen —
    // once the dialog's and the messages' transitions have settled.
    const overlapping = async () => {
      const d = (await page.getByRole('dialog').boundingBox())!;
      let n = 0;
      for (const toast of await toasts.all()) {
        const t = await toast.boundingBox();
        if (t && !(t.x + t.width <= d.x || d.x + d.width <= t.x || t.y + t.height <= d.y || d.y + d.height <= t.y)) n++;
      }
      return n;
    };
    expect(await toasts.count()).toBeGreaterThan(0);
    await expect.poll(overlapping, { timeout: 5000 }).toBe(0);
    await page.screenshot({ path: 'tmp/screens/export-dialog-toasts.png' });
    await page.keyboard.press('Escape');
  }, 120_000);
});

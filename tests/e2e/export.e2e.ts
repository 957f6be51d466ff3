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

async function exportAs(format: 'DOCX' | 'PDF'): Promise<{ file: string; name: string }> {
  await page.getByTestId('minutes-export').click();
  await page.getByTestId('export-format').getByText(format, { exact: true }).click();
  if (format === 'PDF') await page.screenshot({ path: 'tmp/screens/minutes-export-dialog.png' });
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
  expect(t).toMatch(/СЛУШАЛИ:.*РЕШИЛИ:/);
  expect(t).toMatch(/Председательствующий _+ Асхат Шахаров/);
}

describe('export of the minutes in the browser', () => {
  it('downloads a PDF rendered in a worker, with embedded fonts and the minutes in it', async () => {
    const { file, name } = await exportAs('PDF');
    expect(name).toMatch(/^Протокол №\d+ от \d{2}\.\d{2}\.\d{4}\.pdf$/);
    expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
    checkMinutes(pdfText(file));
  }, 90_000);

  it('downloads a DOCX that LibreOffice reads back with the same content', async () => {
    const { file, name } = await exportAs('DOCX');
    expect(name).toMatch(/^Протокол №\d+ от \d{2}\.\d{2}\.\d{4}\.docx$/);
    const [pdf] = sofficeToPdf([file], dir);
    checkMinutes(pdfText(pdf ?? ''));
  }, 120_000);
});

// Attachments and the whole-workspace archive in the browser host (Chromium): a clerk attaches a
// photo and a PDF to a project (the picker and drag and drop), reloads — they are listed — and
// downloads one back byte for byte; removes one and undoes it. Then saves the workspace archive,
// opens the app in a fresh browser profile (a new laptop, no data), loads the archive — after a
// preview of what it holds — and finds the project and its attachment again. A tampered archive
// is refused with a clear message and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { openDemoRegister, type DemoRegister } from '../support/web-host';
import { axeViolations } from '../support/axe';
import { tempDir } from '../integration/export/read-back';

let app: DemoRegister;
let page: Page;
const dir = tempDir('hattama-attach-e2e-');
const PROJECT = 'Завод по производству пластиковых труб';

// A small real PNG (1×1, red) and a PDF-like document with Cyrillic in it.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n% Акт осмотра площадки, Актобе, 12.03.2026\n%%EOF\n', 'utf8');

beforeAll(async () => {
  mkdirSync('tmp/screens', { recursive: true });
  app = await openDemoRegister({ width: 1366, height: 900 });
  ({ page } = app);
});

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openProjectAttachments(p: Page) {
  await p.locator('[data-testid=board-row]', { hasText: PROJECT }).getByRole('button', { name: PROJECT }).click();
  await p.getByTestId('tab-attachments').click();
  await p.getByTestId('attachments').waitFor();
}

function rowOf(p: Page, name: string) {
  return p.locator('[data-testid=attachment-row]', { hasText: name });
}

async function download(p: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer; file: string }> {
  const pending = p.waitForEvent('download', { timeout: 60_000 });
  await click();
  const d = await pending;
  const file = path.join(dir, `${Date.now()}-${d.suggestedFilename()}`);
  await d.saveAs(file);
  return { name: d.suggestedFilename(), bytes: readFileSync(file), file };
}

describe('attachments in the browser', () => {
  it('attaches files by the picker and by drag and drop; they survive a reload and download back equal', async () => {
    await openProjectAttachments(page);
    await expect.poll(() => page.getByTestId('attachments-empty').isVisible()).toBe(true);
    await page.getByTestId('attachments').screenshot({ path: 'tmp/screens/attachments-empty.png' });
    await page.getByTestId('attachments-input').setInputFiles([
      { name: 'Фото площадки.png', mimeType: 'image/png', buffer: PNG },
      { name: 'Акт осмотра.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    await rowOf(page, 'Акт осмотра.pdf').waitFor();
    await rowOf(page, 'Фото площадки.png').waitFor();

    // Drag and drop onto the section.
    const transfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['Пояснительная записка'], 'Записка.txt', { type: 'text/plain' }));
      return dt;
    });
    await page.getByTestId('attachments').dispatchEvent('drop', { dataTransfer: transfer });
    await rowOf(page, 'Записка.txt').waitFor();
    await expect.poll(() => page.getByTestId('attachment-row').count()).toBe(3);
    await expect.poll(() => rowOf(page, 'Акт осмотра.pdf').innerText()).toMatch(/\d+ Б/);
    await page.mouse.move(0, 0);
    await page.getByTestId('attachments').screenshot({ path: 'tmp/screens/attachments-section.png' });
    expect(await axeViolations(page, '[data-testid=attachments]')).toEqual([]);

    // The card's deep link survives the reload: the card opens again, and its attachments are read back.
    await page.reload();
    await page.getByTestId('tab-attachments').click();
    await page.getByTestId('attachments').waitFor();
    await rowOf(page, 'Акт осмотра.pdf').waitFor();
    await expect.poll(() => page.getByTestId('attachment-row').count()).toBe(3);

    const got = await download(page, () => rowOf(page, 'Акт осмотра.pdf').getByTestId('attachment-export').click());
    expect(got.name).toBe('Акт осмотра.pdf');
    expect(got.bytes.equals(PDF)).toBe(true);
  });

  it('refuses a file over 25 MB with a clear message and adds nothing', async () => {
    // From disk: the browser reads the file itself (a 25 MB buffer sent over the protocol is slow).
    const big = path.join(dir, 'Скан.pdf');
    writeFileSync(big, Buffer.alloc(25 * 1024 * 1024 + 1));
    await page.getByTestId('attachments-input').setInputFiles(big);
    await page.getByText('«Скан.pdf» больше 25 МБ — не добавлен').waitFor();
    expect(await page.getByTestId('attachment-row').count()).toBe(3);
    // The message sits beside the card, not over its fields and buttons.
    const card = await page.locator('.project-card-open').boundingBox();
    const toast = page.locator('.mantine-Notification-root', { hasText: '«Скан.pdf» больше 25 МБ' });
    await expect.poll(async () => {
      const t = await toast.boundingBox();
      return card && t ? t.x + t.width <= card.x : false;
    }, { timeout: 5000 }).toBe(true);
  });

  it('removes an attachment with undo, from the keyboard', async () => {
    await rowOf(page, 'Записка.txt').waitFor();
    await rowOf(page, 'Записка.txt').getByTestId('attachment-remove').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('attachment-row').count()).toBe(2);
    await page.getByTestId('undo-remove-attachment').click();
    await expect.poll(() => page.getByTestId('attachment-row').count()).toBe(3);
  });
});

describe('workspace archive in the browser', () => {
  let archive: string;
  let fresh: Page;

  it('saves the archive; a fresh browser profile loads it after a preview and has the project and its attachment back', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-settings').click();
    const saved = await download(page, () => page.getByTestId('archive-export').click());
    archive = saved.file;
    await page.getByTestId('workspace-archive').screenshot({ path: 'tmp/screens/archive-settings.png' });
    expect(saved.name).toMatch(/^hattama-workspace-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(saved.bytes));
    const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as { counts: Record<string, number>; files: unknown[] };
    expect(manifest.counts).toMatchObject({ projects: 6, attachments: 3, attachmentFiles: 3 });

    // A new laptop: another browser profile, nothing in it.
    const browser = page.context().browser() as Browser;
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'ru-RU' });
    fresh = await context.newPage();
    await fresh.goto(app.web.url);
    await fresh.getByTestId('load-demo').waitFor();
    expect(await fresh.getByTestId('board-row').count()).toBe(0);
    await fresh.getByTestId('nav-settings').click();
    const chooser = fresh.waitForEvent('filechooser');
    await fresh.getByTestId('archive-import').click();
    await (await chooser).setFiles(archive);
    await fresh.getByTestId('archive-preview-counts').waitFor();
    await expect.poll(() => fresh.locator('[data-count=projects]').innerText()).toMatch(/6$/);
    await expect.poll(() => fresh.locator('[data-count=attachmentFiles]').innerText()).toMatch(/3$/);
    await fresh.getByRole('dialog').screenshot({ path: 'tmp/screens/archive-import-preview.png' });
    await fresh.getByTestId('archive-confirm').click();
    await fresh.getByTestId('archive-preview-counts').waitFor({ state: 'detached' });

    await fresh.getByTestId('nav-board').click();
    await expect.poll(() => fresh.getByTestId('board-row').count()).toBe(6);
    await openProjectAttachments(fresh);
    await expect.poll(() => fresh.getByTestId('attachment-row').count()).toBe(3);
    const got = await download(fresh, () => rowOf(fresh, 'Фото площадки.png').getByTestId('attachment-export').click());
    expect(got.bytes.equals(PNG)).toBe(true);
  });

  it('refuses a tampered archive with a clear message and changes nothing', async () => {
    const files = unzipSync(new Uint8Array(readFileSync(archive)));
    files['data/projects.json'] = strToU8(strFromU8(files['data/projects.json'] as Uint8Array).replace(PROJECT, 'Завод по производству поддельных труб'));
    const tampered = path.join(dir, 'tampered.zip');
    writeFileSync(tampered, zipSync(files));
    await fresh.keyboard.press('Escape');
    await fresh.getByTestId('nav-settings').click();
    const chooser = fresh.waitForEvent('filechooser');
    await fresh.getByTestId('archive-import').click();
    await (await chooser).setFiles(tampered);
    const refused = fresh.getByTestId('archive-refused');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('Контрольная сумма не совпадает');
    expect(await refused.innerText()).toContain('data/projects.json');
    expect(await fresh.getByTestId('archive-preview-counts').count()).toBe(0);
    await refused.screenshot({ path: 'tmp/screens/archive-refused.png' });
    await fresh.getByTestId('nav-board').click();
    await expect.poll(() => fresh.getByTestId('board-row').count()).toBe(6);
    expect(await fresh.locator('[data-testid=board-row]', { hasText: 'поддельных' }).count()).toBe(0);
  });
});

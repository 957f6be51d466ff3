// Backups in the browser host: the clerk downloads a snapshot of the database, clears the example
// register, and restores from the downloaded file — after a preview of what the copy holds against
// now, and after the current state is downloaded as the «before restore» copy — and sees the
// register back. A damaged file is refused with a clear message and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { readBackupHeader } from '../../shared/backup/snapshot-format';
import { openDemoRegister, type DemoRegister } from '../support/web-host';

let app: DemoRegister;
let page: Page;

const PIPES = 'Завод по производству пластиковых труб';
const FILE = 'tmp/e2e-backup/snapshot.hbak';
const BAD = 'tmp/e2e-backup/truncated.hbak';
const BEFORE = 'tmp/e2e-backup/before-restore.hbak';

async function boardTitles(): Promise<string[]> {
  return page.locator('[data-testid=board-row] td:first-child').allInnerTexts();
}

async function upload(path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('backup-from-file').click();
  await (await chooser).setFiles(path);
}

beforeAll(async () => {
  mkdirSync('tmp/screens', { recursive: true });
  mkdirSync('tmp/e2e-backup', { recursive: true });
  app = await openDemoRegister();
  ({ page } = app);
});

afterAll(async () => {
  await app?.close();
});

describe('a backup in the browser', () => {
  let registered: string[] = [];

  it('downloads a snapshot of the database, its manifest counting what it holds', async () => {
    registered = await boardTitles();
    expect(registered).toContain(PIPES);
    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('backup-section');
    await section.waitFor();
    expect(await page.getByTestId('backup-hint').innerText()).toContain('В браузере копии не сохраняются автоматически');
    const download = page.waitForEvent('download');
    await page.getByTestId('backup-now').click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/^hattama-\d{8}-\d{6}-manual\.hbak$/);
    await d.saveAs(FILE);
    const { manifest } = readBackupHeader(new Uint8Array(readFileSync(FILE)));
    expect(manifest).toMatchObject({ reason: 'manual', tables: { projects: registered.length } });
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: 'tmp/screens/backup-section-browser.png' });
  });

  it('refuses a damaged file with the reason, and nothing changes', async () => {
    // The example is cleared: the register is empty now.
    await page.getByTestId('toggle-demo').click();
    await page.getByTestId('clear-demo-confirm-button').click();
    await page.getByTestId('clear-demo-confirm').waitFor({ state: 'hidden' });
    const good = readFileSync(FILE);
    writeFileSync(BAD, good.subarray(0, good.length - 200));
    await upload(BAD);
    await expect.poll(() => page.getByText('Копия не может быть восстановлена').count()).toBeGreaterThan(0);
    expect(await page.getByText('файл копии неполный').count()).toBeGreaterThan(0);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByTestId('nav-board').click();
    await page.getByTestId('empty-register').waitFor();
    expect(await boardTitles()).toEqual([]);
  });

  it('restores from the file after a preview; the state before is downloaded first; the register is back', async () => {
    await page.getByTestId('nav-settings').click();
    await upload(FILE);
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('restore-preview-table').waitFor();
    const projects = await page.getByTestId('restore-line-projects').locator('td').allInnerTexts();
    expect(projects).toEqual(['Проекты', '0', String(registered.length), `+${registered.length}`]);
    expect(await page.getByTestId('restore-explain').innerText()).toContain('новый идентификатор синхронизации');
    await dialog.screenshot({ path: 'tmp/screens/backup-restore-preview.png' });

    const before = page.waitForEvent('download');
    await page.getByTestId('restore-confirm').click();
    const b = await before;
    expect(b.suggestedFilename()).toMatch(/-before-restore\.hbak$/);
    await b.saveAs(BEFORE);
    expect(readBackupHeader(new Uint8Array(readFileSync(BEFORE))).manifest.reason).toBe('before-restore');

    // The app starts again on the restored database.
    await page.waitForEvent('load', { timeout: 30_000 });
    await page.getByTestId('nav-board').click();
    await page.locator('[data-testid=board-row]', { hasText: PIPES }).first().waitFor();
    expect((await boardTitles()).sort()).toEqual([...registered].sort());
  });
});

// Backups in the browser host: the clerk downloads a snapshot of the database, clears the example
// register, and restores from the downloaded file — after a preview of what the copy holds against
// now, and after the current state is downloaded as the «before restore» copy — and sees the
// register back. A damaged file is refused with a clear message and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { readBackupHeader } from '../../shared/backup/snapshot-format';
import { launchChromium, openDemoRegister, startWeb, type DemoRegister } from '../support/web-host';
import { useStandInBridge } from '../support/stand-in-bridge';

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
    // Taken in a worker, not in the page (a large register's snapshot would freeze it for seconds),
    // its gzip made on a second worker alongside (the file is read back by the restore below).
    expect(await section.getAttribute('data-last-snapshot')).toBe('worker');
    expect(await section.getAttribute('data-last-gzip')).toBe('worker');
    expect(Number(await section.getAttribute('data-last-snapshot-ms'))).toBeGreaterThan(0);
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
    await expect.poll(() => page.getByText('Копия не может быть восстановлена').count(), { timeout: 15_000 }).toBeGreaterThan(0);
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
    // The messages of the steps before (a refusal, a download) are gone: none sits over «Восстановить».
    await expect.poll(() => page.locator('.mantine-Notification-root').allInnerTexts(), { timeout: 10_000 }).toEqual([]);
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

describe('backups on the desktop (a stand-in preload bridge)', () => {
  it('lists the stored snapshots with date, reason, size and counts, and stores one made now', async () => {
    const web = await startWeb();
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true, locale: 'ru-RU' });
      const p = await context.newPage();
      await useStandInBridge(p);
      await p.addInitScript(() => {
        const saves: unknown[] = [];
        (window as unknown as { __saves: unknown[] }).__saves = saves;
        const manifest = (createdAt: string, reason: string, projects: number) => ({
          format: 'hattama-backup', formatVersion: 1, appVersion: '0.1.0', schemaVersion: 6, createdAt, clientId: 'c', reason,
          tables: { projects, meetings: 1, assignments: 2 }, marker: 'm', compression: 'gzip', payloadBytes: 1, sha256: '0'.repeat(64),
        });
        Object.assign((window as unknown as { hattama: object }).hattama, {
          backupSave: async (r: { reason: string; keep: number; bytes: Uint8Array }) => { saves.push({ reason: r.reason, keep: r.keep, size: r.bytes.byteLength }); return { saved: true, name: 'hattama-20260315-090000Z-manual.hbak', pruned: 0 }; },
          backupList: async () => ({
            available: true, folder: '/home/clerk/.config/Hattama/backups',
            entries: [
              { name: 'hattama-20260315-083000Z-quit.hbak', size: 1_572_864, damaged: false, manifest: manifest('2026-03-15T08:30:00.000Z', 'quit', 6) },
              { name: 'hattama-20260315-081000Z-auto.hbak', size: 1_468_006, damaged: false, manifest: manifest('2026-03-15T08:10:00.000Z', 'auto', 5) },
              { name: 'hattama-20260314-120000Z-auto.hbak', size: 3000, damaged: true },
            ],
          }),
          backupRead: async () => ({ bytes: new Uint8Array([1, 2, 3]) }),
        });
      });
      await p.goto(web.url);
      await p.getByTestId('nav-settings').click();
      const section = p.getByTestId('backup-section');
      await section.getByTestId('backup-entry').first().waitFor();
      expect(await p.getByTestId('backup-hint').innerText()).toContain('каждые 10 мин.');
      expect(await section.getByTestId('backup-entry').allInnerTexts()).toEqual([
        expect.stringMatching(/15\.03\.2026 13:30\s+При выходе\s+1,5 MB\s+проектов: 6, заседаний: 1, поручений: 2/),
        expect.stringMatching(/15\.03\.2026 13:10\s+Автоматически/),
        expect.stringMatching(/файл повреждён/),
      ]);
      await section.scrollIntoViewIfNeeded();
      await p.mouse.move(900, 880); // the pointer off the menu: its tooltip would cover the title
      await section.screenshot({ path: 'tmp/screens/backup-section-desktop.png' });
      await p.getByTestId('backup-now').click();
      await expect.poll(() => p.evaluate(() => (window as unknown as { __saves: unknown[] }).__saves)).toEqual([{ reason: 'manual', keep: 30, size: expect.any(Number) }]);
      // A stored file that is not a snapshot is refused with the reason.
      await section.getByTestId('backup-entry').first().getByRole('button').click();
      await expect.poll(() => p.getByText('это не файл резервной копии Hattama').count()).toBeGreaterThan(0);
    } finally {
      await browser.close();
      await web.stop();
    }
  });
});

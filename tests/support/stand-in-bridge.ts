// What the Electron preload exposes as `window.hattama`, stood in for end-to-end tests of the
// desktop host in Chromium: every method of the bridge contract, answering as a desktop where
// nobody is signed in and nothing is stored yet. A test installs it first and then replaces the
// methods it is about with a later init script:
//
//   await useStandInBridge(page);
//   await page.addInitScript(() => Object.assign((window as unknown as { hattama: object }).hattama, { backupList: async () => … }));
//
// tests/unit/electron/stand-in-bridge.test.ts checks that it has every method of the contract and
// that each answer passes the contract's schema, so a new channel cannot leave these tests behind.
import type { Page } from 'playwright-core';

/** Installs the stand-in bridge in the page (self-contained: it runs in the browser as its source). */
export function standInBridge(): void {
  const notSignedIn = async () => ({ ok: false, error: { code: 'not_signed_in', message: 'Sign in to sync.' } });
  const updatesOff = { available: true, url: '', source: 'none', state: 'off', version: null, percent: null, error: null, checkedAt: null };
  const unsubscribe = () => () => undefined;
  (window as unknown as { hattama: Record<string, unknown> }).hattama = {
    appInfo: async () => ({ host: 'electron', version: '0.1.0', platform: 'linux' }),
    // What the page told the main process about its unsaved changes, in order (window.__unsaved).
    setUnsaved: async (request: unknown) => {
      const w = window as unknown as { __unsaved?: unknown[] };
      (w.__unsaved ??= []).push(request);
      return { ok: true };
    },
    saveFile: async () => ({ saved: false }),
    openExternal: async () => ({ opened: false }),
    setMenu: async () => ({ ok: true }),
    notify: async () => ({ shown: false }),
    syncStatus: async () => ({ serverUrl: null, session: null }),
    syncLogin: notSignedIn,
    syncLogout: async () => ({ ok: true }),
    syncPush: notSignedIn,
    syncPull: notSignedIn,
    liveConnect: async () => ({ started: false, reason: 'Sign in to work live.' }),
    liveSend: async () => ({ sent: false }),
    liveDisconnect: async () => ({ ok: true }),
    exportDocument: async () => ({ saved: false, bytes: 0 }),
    exportDocuments: async () => ({ saved: false, files: [] }),
    revealExport: async () => ({ ok: false }),
    exportArchive: async () => ({ available: true, entries: [] }),
    attachmentPut: async (r: { bytes: Uint8Array }) => ({ created: true, size: r.bytes.byteLength }),
    attachmentGet: async () => ({ found: false }),
    attachmentHas: async () => ({ present: [] }),
    attachmentOpen: async () => ({ opened: false, refused: 'missing' }),
    attachmentExport: async () => ({ saved: false }),
    saveWorkspaceArchive: async () => ({ saved: false }),
    openWorkspaceArchive: async () => ({ opened: false }),
    updatesStatus: async () => updatesOff,
    updatesSetUrl: async () => ({ ok: false, error: 'unavailable', status: updatesOff }),
    updatesCheck: async () => ({ ok: false, error: 'unavailable', status: updatesOff }),
    backupSave: async () => ({ saved: false }),
    backupList: async () => ({ available: true, folder: '/home/clerk/.config/Hattama/backups', entries: [] }),
    backupRead: async () => {
      throw new Error('No such snapshot');
    },
    backupSkip: async () => ({ ok: true }),
    onMenuCommand: unsubscribe,
    onLiveEvent: unsubscribe,
    onBackupRequest: unsubscribe,
  };
}

/** Installs the stand-in bridge before the page's scripts run. */
export async function useStandInBridge(page: Page): Promise<void> {
  await page.addInitScript(standInBridge);
}

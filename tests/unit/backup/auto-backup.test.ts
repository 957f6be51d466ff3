// Automatic snapshots (renderer/src/backup/auto-backup) against a fake desktop host on
// fake-indexeddb: none while nothing changes, one after changes once the interval has passed, one
// at quit only when something changed (else the quit request is declined at once), none at all in
// the browser host.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyProjectFields } from '@shared/domain/project.schema';
import { readBackupHeader, type BackupManifest } from '@shared/backup/snapshot-format';
import type { HostBridge } from '@shared/bridge/contract';
import { openHarness, T0, type Harness } from '../db/harness';
import { startAutoBackup, type AutoBackup } from '../../../renderer/src/backup/auto-backup';

const MIN = 60_000;
let h: Harness;
let now: number;
let auto: AutoBackup | null;
let saved: BackupManifest[];
let skipped: string[];
let quitListener: ((id: string) => void) | undefined;

function fakeHost(available = true): Parameters<typeof startAutoBackup>[0]['host'] {
  return {
    appInfo: async () => ({ host: 'electron', version: '0.1.0', platform: 'linux' }),
    backupList: async () => ({ available, entries: [] }),
    backupSave: vi.fn(async ({ bytes }: { bytes: Uint8Array }) => {
      saved.push(readBackupHeader(bytes).manifest);
      return { saved: true, name: `n${saved.length}` };
    }) as unknown as HostBridge['backupSave'],
    backupSkip: async ({ requestId }) => {
      skipped.push(requestId);
      return { ok: true };
    },
    onBackupRequest: (listener) => {
      quitListener = listener;
      return () => (quitListener = undefined);
    },
  };
}

beforeEach(() => {
  h = openHarness();
  now = T0;
  saved = [];
  skipped = [];
  auto = null;
});
afterEach(async () => {
  auto?.stop();
  await h.dispose();
});

const start = async (available = true) =>
  (auto = await startAutoBackup({ db: h.db, host: fakeHost(available), now: () => new Date(now), settings: () => ({ keep: 30, intervalMinutes: 10 }) }, 3_600_000));
const addProject = (title: string) => h.repos.projects.create({ ...emptyProjectFields('aktobe'), title, investorName: 'ТОО «Ромашка»' });

describe('automatic snapshots', () => {
  it('takes one after changes once the interval has passed, and none while nothing changes', async () => {
    const a = await start();
    await addProject('Завод');
    expect(await a?.run('auto')).toBe('n1');
    expect(saved.map((m) => [m.reason, m.tables.projects])).toEqual([['auto', 1]]);

    now += 30 * MIN;
    expect(await a?.run('auto')).toBeNull(); // nothing changed in 30 minutes
    // A change 5 minutes after the last snapshot: none yet; 10 minutes after it: one.
    now = T0 + 5 * MIN;
    await addProject('Цех');
    expect(await a?.run('auto')).toBeNull();
    now = T0 + 10 * MIN;
    expect(await a?.run('auto')).toBe('n2');
    expect(saved.map((m) => m.tables.projects)).toEqual([1, 2]);
  });

  it('answers the quit request with a snapshot when something changed, else declines it at once', async () => {
    await start();
    await addProject('Завод');
    quitListener?.('req-1');
    await vi.waitFor(() => expect(saved.map((m) => m.reason)).toEqual(['quit']));
    quitListener?.('req-2');
    await vi.waitFor(() => expect(skipped).toEqual(['req-2']));
    expect(saved).toHaveLength(1);
  });

  it('starts from the newest stored snapshot: nothing changed since, nothing taken at quit', async () => {
    await addProject('Завод');
    const first = await start();
    await first?.run('manual');
    first?.stop();
    const stored = saved[0];
    const host = fakeHost();
    host.backupList = async () => ({ available: true, entries: [{ name: 'x.hbak', size: 1, damaged: false, ...(stored ? { manifest: stored } : {}) }] });
    auto = await startAutoBackup({ db: h.db, host, now: () => new Date(now + 60 * MIN), settings: () => ({ keep: 30, intervalMinutes: 10 }) }, 3_600_000);
    expect(await auto?.run('auto')).toBeNull();
    expect(await auto?.run('quit', 'req-9')).toBeNull();
    expect(skipped).toEqual(['req-9']);
  });

  it('does nothing in the browser host, which keeps no snapshots', async () => {
    expect(await start(false)).toBeNull();
    expect(quitListener).toBeUndefined();
  });
});

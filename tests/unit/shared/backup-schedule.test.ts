// The rules of automatic snapshots (shared/backup/schedule) and the snapshot file's names.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256HexSync } from '../../../shared/backup/sha256';
import { DEFAULT_BACKUP_SETTINGS, parseBackupSettings, shouldSnapshot, snapshotsToPrune } from '../../../shared/backup/schedule';
import { backupFileName, backupNameSchema } from '../../../shared/backup/snapshot-format';

const MIN = 60_000;
const base = { now: 100 * MIN, lastAt: 95 * MIN, lastMarker: 'a1', marker: 'a2', intervalMinutes: 10 };

describe('shouldSnapshot', () => {
  it('takes no automatic snapshot when nothing changed, however long ago the last one was', () => {
    expect(shouldSnapshot({ ...base, reason: 'auto', marker: 'a1', lastAt: 0 })).toBe(false);
    expect(shouldSnapshot({ ...base, reason: 'quit', marker: 'a1' })).toBe(false);
  });
  it('takes an automatic one after changes once the interval has passed, not before', () => {
    expect(shouldSnapshot({ ...base, reason: 'auto' })).toBe(false);
    expect(shouldSnapshot({ ...base, reason: 'auto', now: 105 * MIN })).toBe(true);
    expect(shouldSnapshot({ ...base, reason: 'auto', lastAt: null, lastMarker: null })).toBe(true);
  });
  it('takes one at quit whenever something changed, and always when the clerk asks or before a restore', () => {
    expect(shouldSnapshot({ ...base, reason: 'quit' })).toBe(true);
    expect(shouldSnapshot({ ...base, reason: 'manual', marker: 'a1' })).toBe(true);
    expect(shouldSnapshot({ ...base, reason: 'before-restore', marker: 'a1' })).toBe(true);
  });
});

describe('snapshotsToPrune', () => {
  const names = Array.from({ length: 33 }, (_, i) => backupFileName({ createdAt: new Date(Date.UTC(2026, 0, 1 + i, 8)).toISOString(), reason: 'auto' }));
  it('leaves the newest `keep` and names the rest, oldest included', () => {
    const gone = snapshotsToPrune([...names].reverse(), 30);
    expect(gone.sort()).toEqual(names.slice(0, 3));
  });
  it('never removes a file that is not a snapshot, nor the last snapshot', () => {
    expect(snapshotsToPrune(['notes.txt', 'hattama.db', ...names.slice(0, 2)], 1)).toEqual([names[0]]);
    expect(snapshotsToPrune(names.slice(0, 1), 0)).toEqual([]);
  });
});

describe('settings and names', () => {
  it('falls back to 30 kept and every 10 minutes for what is missing or out of range', () => {
    expect(DEFAULT_BACKUP_SETTINGS).toEqual({ keep: 30, intervalMinutes: 10 });
    expect(parseBackupSettings({ keep: 5, intervalMinutes: 0 })).toEqual({ keep: 5, intervalMinutes: 10 });
    expect(parseBackupSettings('nonsense')).toEqual(DEFAULT_BACKUP_SETTINGS);
  });
  it('names a snapshot by time so that names sort as times do, and the bridge accepts only such names', () => {
    const a = backupFileName({ createdAt: '2026-03-15T09:05:07.123Z', reason: 'before-restore' });
    expect(a).toBe('hattama-20260315-090507Z-before-restore.hbak');
    expect(backupNameSchema.safeParse(a).success).toBe(true);
    expect(backupNameSchema.safeParse('../hattama-20260315-090507Z-auto.hbak').success).toBe(false);
    expect(backupNameSchema.safeParse('hattama-20260315-090507Z-auto.hbak/../../x').success).toBe(false);
  });
});

describe('sha256HexSync (pages without Web Crypto)', () => {
  it('agrees with node:crypto at every padding boundary', () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 70_000]) {
      const data = new Uint8Array(n).map((_, i) => (i * 31 + 7) & 255);
      expect(sha256HexSync(data), `${n} bytes`).toBe(createHash('sha256').update(data).digest('hex'));
    }
    expect(sha256HexSync(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

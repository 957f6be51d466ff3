// Where a snapshot is taken: a worker where one can run it; the page itself when none can start or
// the worker fails — the same snapshot, never lost to the worker.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { emptyProjectFields } from '@shared/domain/project.schema';
import { openHarness, T0, type Harness } from '../db/harness';
import { takeSnapshotOffPage } from '../../../renderer/src/backup/snapshot-thread';
import { readSnapshot } from '../../../renderer/src/backup/restore';

let h: Harness;
beforeEach(() => {
  h = openHarness();
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await h.dispose();
});

const options = { appVersion: '0.1.0', reason: 'manual' as const, now: new Date(T0) };

it('is taken in the page where no worker can run (and holds the register)', async () => {
  await h.repos.projects.create({ ...emptyProjectFields('aktobe'), title: 'Завод ферросплавов', investorName: 'ТОО «Ақтөбе»' });
  vi.stubGlobal('Worker', undefined);
  const snap = await takeSnapshotOffPage(h.db, options);
  expect(snap.thread).toBe('page');
  expect(snap.gzip).toBe('here');
  expect((await readSnapshot(h.db, snap.bytes)).tables.get('projects')).toHaveLength(1);
});

it('falls back to the page when the worker cannot start, or reports a failure', async () => {
  await h.repos.projects.create({ ...emptyProjectFields('aktobe'), title: 'Цех пластиковых труб', investorName: 'ТОО «Polyline»' });
  vi.stubGlobal('Worker', class {
    constructor() {
      throw new Error('workers are not allowed here');
    }
  });
  expect((await takeSnapshotOffPage(h.db, options)).thread).toBe('page');

  // A worker that starts and then answers with a failure (e.g. no IndexedDB in its context); the
  // gzip worker the page then starts fails the same way, and the page gzips.
  const started: unknown[] = [];
  vi.stubGlobal('Worker', class {
    onmessage: ((e: { data: unknown }) => void) | null = null;
    onerror: ((e: unknown) => void) | null = null;
    onmessageerror: (() => void) | null = null;
    readonly name: string | undefined;
    constructor(_url: URL, options: { name?: string }) {
      this.name = options.name;
    }
    postMessage(message: unknown) {
      if (this.name === 'snapshot') started.push(message);
      setTimeout(() => this.onmessage?.({ data: { ok: false, message: 'no IndexedDB here' } }), 0);
    }
    terminate() {}
  });
  const snap = await takeSnapshotOffPage(h.db, options);
  expect(started).toEqual([{ dbName: h.db.name, appVersion: '0.1.0', reason: 'manual', now: new Date(T0).toISOString() }]);
  expect(snap.thread).toBe('page');
  expect(snap.gzip).toBe('here');
  expect((await readSnapshot(h.db, snap.bytes)).tables.get('projects')).toHaveLength(1);
});

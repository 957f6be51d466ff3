// Where a snapshot is taken: in a worker where the page can start one (the browser and the
// desktop window), so that reading and compressing a large register does not freeze the page;
// in the page itself where it cannot (tests on jsdom), or when the worker fails — the same
// snapshot either way (renderer/src/backup/snapshot.ts does the work in both).
import type { Dexie } from 'dexie';
import { takeSnapshot, type Snapshot, type SnapshotOptions } from './snapshot';
import type { GzipThread } from './codec';
import type { SnapshotRequest } from './snapshot.worker';
import { replyOf } from './worker-reply';

/** Where the last snapshot was taken (shown on the backup section for tests and support). */
export type SnapshotThread = 'worker' | 'page';

/** What the snapshot worker answers. */
export type WorkerReply = { ok: true; bytes: Uint8Array<ArrayBuffer>; manifest: Snapshot['manifest']; gzip: GzipThread } | { ok: false; message: string };

/** A snapshot, where it was taken and where its gzip was made. */
export type SnapshotTaken = Snapshot & { thread: SnapshotThread; gzip: GzipThread };

/** Takes the snapshot in a worker; rejects when no worker can run it. */
async function inWorker(db: Dexie, options: SnapshotOptions): Promise<Snapshot & { gzip: GzipThread }> {
  const worker = new Worker(new URL('./snapshot.worker.ts', import.meta.url), { type: 'module', name: 'snapshot' });
  try {
    const reply = replyOf<WorkerReply>(worker, 'snapshot');
    const request: SnapshotRequest = { dbName: db.name, appVersion: options.appVersion, reason: options.reason, now: options.now.toISOString() };
    worker.postMessage(request);
    const r = await reply;
    if (!r.ok) throw new Error(r.message);
    return { bytes: r.bytes, manifest: r.manifest, gzip: r.gzip };
  } finally {
    worker.terminate();
  }
}

/**
 * Takes a snapshot of `db` off the page where possible; a worker that cannot start or fails hands
 * the work back to the page, so a snapshot is never lost to the worker.
 */
export async function takeSnapshotOffPage(db: Dexie, options: SnapshotOptions): Promise<SnapshotTaken> {
  if (typeof Worker === 'function') {
    try {
      return { ...(await inWorker(db, options)), thread: 'worker' };
    } catch {
      // Taken in the page below.
    }
  }
  return { ...(await takeSnapshot(db, options)), thread: 'page' };
}

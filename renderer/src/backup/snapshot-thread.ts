// Where a snapshot is taken: in a worker where the page can start one (the browser and the
// desktop window), so that reading and compressing a large register does not freeze the page;
// in the page itself where it cannot (tests on jsdom), or when the worker fails — the same
// snapshot either way (renderer/src/backup/snapshot.ts does the work in both).
import type { Dexie } from 'dexie';
import { takeSnapshot, type Snapshot, type SnapshotOptions } from './snapshot';
import type { SnapshotRequest } from './snapshot.worker';

/** Where the last snapshot was taken (shown on the backup section for tests and support). */
export type SnapshotThread = 'worker' | 'page';

type WorkerReply = { ok: true; bytes: Uint8Array<ArrayBuffer>; manifest: Snapshot['manifest'] } | { ok: false; message: string };

/** Takes the snapshot in a worker; rejects when no worker can run it. */
function inWorker(db: Dexie, options: SnapshotOptions): Promise<Snapshot> {
  return new Promise<Snapshot>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./snapshot.worker.ts', import.meta.url), { type: 'module', name: 'snapshot' });
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    const done = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      done();
      const reply = event.data;
      if (reply.ok) resolve({ bytes: reply.bytes, manifest: reply.manifest });
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      done();
      reject(new Error(event.message || 'the snapshot worker could not start'));
    };
    worker.onmessageerror = () => {
      done();
      reject(new Error('the snapshot worker sent what cannot be read'));
    };
    const request: SnapshotRequest = { dbName: db.name, appVersion: options.appVersion, reason: options.reason, now: options.now.toISOString() };
    worker.postMessage(request);
  });
}

/**
 * Takes a snapshot of `db` off the page where possible; a worker that cannot start or fails hands
 * the work back to the page, so a snapshot is never lost to the worker.
 */
export async function takeSnapshotOffPage(db: Dexie, options: SnapshotOptions): Promise<Snapshot & { thread: SnapshotThread }> {
  if (typeof Worker === 'function') {
    try {
      return { ...(await inWorker(db, options)), thread: 'worker' };
    } catch {
      // Taken in the page below.
    }
  }
  return { ...(await takeSnapshot(db, options)), thread: 'page' };
}

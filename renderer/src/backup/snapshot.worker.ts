// The snapshot taken in a worker (renderer/src/backup/snapshot-thread.ts starts it): reading every
// table, the JSON, the gzip and the checksum of a large register take seconds — here they do not
// hold up the clerk's page. The worker opens the same database on its own connection; the
// snapshot still reads it in one transaction.
import { HattamaDb } from '../db/db';
import { takeSnapshot, type SnapshotOptions } from './snapshot';
import type { WorkerReply } from './snapshot-thread';

/** What the page asks of the worker. */
export type SnapshotRequest = { dbName: string; appVersion: string; reason: SnapshotOptions['reason']; now: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SnapshotRequest>) => void) | null;
  postMessage: (message: unknown, transfer?: Transferable[]) => void;
};

scope.onmessage = (event) => {
  void (async () => {
    const { dbName, appVersion, reason, now } = event.data;
    const db = new HattamaDb(dbName);
    try {
      const snap = await takeSnapshot(db, { appVersion, reason, now: new Date(now) });
      const reply: WorkerReply = { ok: true, bytes: snap.bytes, manifest: snap.manifest, gzip: snap.gzip };
      scope.postMessage(reply, [snap.bytes.buffer]);
    } catch (e) {
      scope.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
    } finally {
      db.close();
    }
  })();
};

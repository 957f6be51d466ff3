// Runs in the page (bundled by the backup benchmark with esbuild): takes the app's snapshot of the
// app's IndexedDB with the same code the Settings button runs, and checks the file it made.
import { HattamaDb } from '../renderer/src/db/db';
import { DERIVED_TABLES, SNAPSHOT_PAGE, takeSnapshot } from '../renderer/src/backup/snapshot';
import { readSnapshot } from '../renderer/src/backup/restore';

declare global {
  interface Window {
    __snapshot: () => Promise<{ ms: number; bytes: number; projects: number }>;
    __verifySnapshot: () => Promise<{ ms: number; projects: number }>;
    __bareRead: () => Promise<{ ms: number; rows: number }>;
  }
}

let last: Uint8Array | null = null;

window.__snapshot = async () => {
  const db = new HattamaDb('hattama');
  await db.open();
  const t0 = performance.now();
  const snap = await takeSnapshot(db, { appVersion: 'bench', reason: 'manual', now: new Date() });
  const ms = performance.now() - t0;
  last = snap.bytes;
  db.close();
  return { ms, bytes: snap.bytes.byteLength, projects: snap.manifest.tables.projects ?? 0 };
};

/** Reads the last snapshot back as a restore would (checksum, gunzip, parse, checks), writing nothing. */
window.__verifySnapshot = async () => {
  if (!last) throw new Error('no snapshot');
  const db = new HattamaDb('hattama');
  await db.open();
  const t0 = performance.now();
  const parsed = await readSnapshot(db, last);
  const ms = performance.now() - t0;
  db.close();
  return { ms, projects: parsed.tables.get('projects')?.length ?? 0 };
};

/**
 * The floor of a snapshot on this machine: the same tables (the derived ones left out, as the
 * snapshot does) read with plain IndexedDB, page after page of the same size by primary key in one
 * read transaction, the rows (a packed table's packs) only counted — no JSON, no gzip, no checksum.
 */
window.__bareRead = async () => {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('hattama');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const names = Array.from(idb.objectStoreNames).filter((n) => !DERIVED_TABLES.includes(n));
  const t0 = performance.now();
  let rows = 0;
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(names, 'readonly');
    tx.onerror = () => reject(tx.error);
    tx.oncomplete = () => resolve();
    for (const name of names) {
      const store = tx.objectStore(name);
      const keyPath = store.keyPath;
      // Every store of the app holds its key in its rows, as the snapshot's own reading needs.
      if (typeof keyPath !== 'string') throw new Error(`the store ${name} has no inline primary key`);
      const page = (after: IDBValidKey | null) => {
        const values = store.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), SNAPSHOT_PAGE);
        values.onsuccess = () => {
          const got = values.result as Record<string, IDBValidKey>[];
          rows += got.length;
          const last = got[got.length - 1]?.[keyPath];
          if (got.length === SNAPSHOT_PAGE && last !== undefined) page(last);
        };
      };
      page(null);
    }
  });
  const ms = performance.now() - t0;
  idb.close();
  return { ms, rows };
};

// Runs in the page (bundled by the backup benchmark with esbuild): takes the app's snapshot of the
// app's IndexedDB with the same code the Settings button runs, and checks the file it made.
import { HattamaDb } from '../renderer/src/db/db';
import { takeSnapshot } from '../renderer/src/backup/snapshot';
import { readSnapshot } from '../renderer/src/backup/restore';

declare global {
  interface Window {
    __snapshot: () => Promise<{ ms: number; bytes: number; projects: number }>;
    __verifySnapshot: () => Promise<{ ms: number; projects: number }>;
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

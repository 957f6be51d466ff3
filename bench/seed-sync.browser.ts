// Runs in the page (bundled by bench/sync.ts with esbuild): queues offline changes through the
// app's own repositories (each one a validated write with its outbox entry), as a clerk at a plant
// would — the sync engine of the open app then pushes them — and counts the records pulled and
// the projections built from them.
import { Dexie } from 'dexie';
import { uuidv7 } from 'uuidv7';
import { HattamaDb } from '../renderer/src/db/db';
import { createRepos } from '../renderer/src/db/repos';
import { readBoardRows, readControlRows } from '../renderer/src/db/projections';
import { PULL_PAGE } from '../renderer/src/sync/engine';

declare global {
  interface Window {
    __queueChanges: (n: number) => Promise<number>;
    __countRecords: () => Promise<Record<string, number>>;
    __syncFloor: () => Promise<{ ms: number; rows: number }>;
  }
}

window.__queueChanges = async (n) => {
  const db = new HattamaDb('hattama');
  const repos = createRepos({ db, now: () => new Date(), newId: uuidv7, actor: () => 'Бенчмарк' });
  for (let i = 0; i < n; i++) await repos.organizations.create({ name: `ТОО «Поставщик ${i}»`, kind: 'investor', regionId: 'aktobe' });
  const waiting = await db.outbox.count();
  db.close();
  return waiting;
};

window.__countRecords = async () => {
  const db = new HattamaDb('hattama');
  const out: Record<string, number> = {};
  for (const t of ['projects', 'barriers', 'assignments', 'people', 'organizations', 'auditLog'] as const) out[t] = await db.table(t).count();
  // The projections as the board and the dashboard read them (a base record and the rows since).
  out.boardRows = (await readBoardRows(db)).rows.length;
  out.controlRows = (await readControlRows(db)).rows.length;
  db.close();
  return out;
};

/**
 * The floor of a first sync on this machine: every row the sync left in the app's database (the
 * records, their projections, the sync's state) put again into a fresh database of the same schema
 * and indexes, table by table in transactions of a pull page's size, with Dexie's bulkPut — no
 * server, no network, no JSON, no merge.
 */
window.__syncFloor = async () => {
  const db = new HattamaDb('hattama');
  await db.open();
  const tables: [string, unknown[]][] = [];
  for (const t of db.tables) {
    const rows = await t.toArray();
    if (rows.length > 0) tables.push([t.name, rows]);
  }
  db.close();
  const name = 'hattama-bench-sync-floor';
  await Dexie.delete(name);
  const floor = new HattamaDb(name);
  await floor.open();
  const t0 = performance.now();
  for (const [table, rows] of tables) {
    for (let i = 0; i < rows.length; i += PULL_PAGE) await floor.transaction('rw', floor.table(table), () => floor.table(table).bulkPut(rows.slice(i, i + PULL_PAGE)));
  }
  const ms = performance.now() - t0;
  floor.close();
  await Dexie.delete(name);
  return { ms, rows: tables.reduce((n, [, rows]) => n + rows.length, 0) };
};

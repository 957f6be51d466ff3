// Runs in the page (bundled by bench/sync.ts with esbuild): queues offline changes through the
// app's own repositories (each one a validated write with its outbox entry), as a clerk at a plant
// would — the sync engine of the open app then pushes them — and counts the records pulled and
// the projections built from them.
import { uuidv7 } from 'uuidv7';
import { HattamaDb } from '../renderer/src/db/db';
import { createRepos } from '../renderer/src/db/repos';
import { readBoardRows, readControlRows } from '../renderer/src/db/projections';

declare global {
  interface Window {
    __queueChanges: (n: number) => Promise<number>;
    __countRecords: () => Promise<Record<string, number>>;
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

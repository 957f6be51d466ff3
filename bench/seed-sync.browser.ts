// Runs in the page (bundled by bench/sync.ts with esbuild): queues offline changes through the
// app's own repositories (each one a validated write with its outbox entry), as a clerk at a plant
// would — the sync engine of the open app then pushes them — and counts the records pulled.
import { uuidv7 } from 'uuidv7';
import { HattamaDb } from '../renderer/src/db/db';
import { createRepos } from '../renderer/src/db/repos';

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
  for (const t of ['projects', 'barriers', 'assignments', 'people', 'organizations', 'boardRows', 'auditLog'] as const) out[t] = await db.table(t).count();
  db.close();
  return out;
};

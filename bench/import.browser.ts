// Runs in the page (bundled by bench/import.ts with esbuild): the register import as the app does
// it — read the .xlsx (ExcelJS), find the header, guess the mapping, read and validate every row,
// match against the register, write through the repository in one transaction — and its floor in
// the same page: the bare ExcelJS parse of the same bytes plus a bare bulkPut of the very records
// the import wrote into the same tables, in one transaction.
import ExcelJS from 'exceljs';
import { Dexie } from 'dexie';
import { uuidv7 } from 'uuidv7';
import { guessMapping } from '../shared/import/fields';
import { detectHeaderRow, headersOf, planImport, readRows } from '../shared/import/register-import';
import { HattamaDb } from '../renderer/src/db/db';
import { createRepos } from '../renderer/src/db/repos';
import { readRegisterFile } from '../renderer/src/features/excel/read-file';
import { applyPlan, loadExisting } from '../renderer/src/features/excel/run-import';

declare global {
  interface Window { __benchImport: (base64: string) => Promise<{ importMs: number; parseMs: number; putMs: number; barePutMs: number; created: number; rejected: number; written: Record<string, number> }> }
}

const WRITTEN = ['projects', 'boardRows', 'outbox', 'auditLog', 'stageLog', 'syncState', 'settings'] as const;

async function freshDb(name: string): Promise<HattamaDb> {
  await Dexie.delete(name);
  const db = new HattamaDb(name);
  await db.open();
  return db;
}

window.__benchImport = async (base64) => {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const name = 'hattama-bench-import';
  let db = await freshDb(name);
  const repos = createRepos({ db, now: () => new Date(), newId: uuidv7, actor: () => 'Бенчмарк' });

  const t0 = performance.now();
  const file = await readRegisterFile('register.xlsx', bytes.slice());
  const sheet = file.sheets[0];
  if (!sheet) throw new Error('no sheet');
  const headerRow = detectHeaderRow(sheet.rows);
  const headers = headersOf(sheet.rows, headerRow);
  const mapping = guessMapping(headers);
  const plan = planImport(readRows(sheet.rows, headerRow, mapping), mapping, headers, await loadExisting(db), 'aktobe');
  const done = await applyPlan(repos, plan);
  const importMs = performance.now() - t0;

  // The very records the import wrote, table by table.
  const rows: Record<string, unknown[]> = {};
  for (const t of WRITTEN) rows[t] = await db.table(t).toArray();
  const written = Object.fromEntries(WRITTEN.map((t) => [t, rows[t]?.length ?? 0]));
  db.close();
  db = await freshDb(name);

  const p0 = performance.now();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  const parseMs = performance.now() - p0;
  const b0 = performance.now();
  await db.transaction('rw', WRITTEN.map((t) => db.table(t)), async () => {
    await Promise.all(WRITTEN.map((t) => db.table(t).bulkPut(rows[t] ?? [])));
  });
  const putMs = performance.now() - b0;
  db.close();
  await Dexie.delete(name);
  return { importMs, parseMs, putMs, barePutMs: await barePut(10_000), created: done.created, rejected: plan.rejected.length, written };
};

/**
 * What one stored row costs on this machine whatever it holds: `n` rows of a bare key put into a
 * store without indexes, in one transaction (plain IndexedDB, no Dexie), in milliseconds.
 */
async function barePut(n: number): Promise<number> {
  const name = 'hattama-bench-bare-put';
  await Dexie.delete(name);
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => r.result.createObjectStore('rows', { keyPath: 'id' });
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction('rows', 'readwrite');
    const store = tx.objectStore('rows');
    for (let i = 0; i < n; i++) store.put({ id: i });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  idb.close();
  await Dexie.delete(name);
  return ms;
};

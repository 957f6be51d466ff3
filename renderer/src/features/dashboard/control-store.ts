// The dashboard's in-memory control rows of the assignments (see projection-store.ts), from their
// saved snapshot and the rows written since.
import { useSyncExternalStore } from 'react';
import type { ControlRow, HattamaDb } from '../../db/db';
import { currentControlRev, loadControlSnapshot, saveControlSnapshot } from '../../db/control-snapshot';
import { ProjectionStore, type ProjectionSnapshot } from './projection-store';

export type ControlRowsSnapshot = ProjectionSnapshot<ControlRow>;

export function controlRowStore(db: HattamaDb) {
  return new ProjectionStore<ControlRow, ControlRow>(db, {
    table: 'controlRows',
    readAll: (d) => d.transaction('r', [d.controlRows, d.syncState], async () => ({ rows: await d.controlRows.toArray(), rev: await currentControlRev(d) })),
    readKeys: (d, keys) => d.controlRows.bulkGet(keys),
    loadSnapshot: loadControlSnapshot,
    saveSnapshot: saveControlSnapshot,
    project: (r) => r,
    idOf: (r) => r.id,
    readMark: 'hattama:control-rows-read',
  });
}

const stores = new WeakMap<HattamaDb, ReturnType<typeof controlRowStore>>();

/** The control rows store of the database (one per database; it starts reading on first use). */
export function controlStoreOf(db: HattamaDb): ReturnType<typeof controlRowStore> {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = controlRowStore(db)));
  return store;
}

/** The live control rows of the database. */
export function useControlRows(db: HattamaDb): ControlRowsSnapshot {
  const store = controlStoreOf(db);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

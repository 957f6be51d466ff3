// The dashboard's in-memory facts of the register (see projection-store.ts and db/dash-facts.ts):
// from their compact snapshot and the board rows written since — never the board's own rows.
import { useSyncExternalStore } from 'react';
import type { BoardRow, HattamaDb } from '../../db/db';
import { currentBoardRev } from '../../db/board-snapshot';
import { factsOf, loadDashFacts, saveDashFacts, type DashFacts } from '../../db/dash-facts';
import { ProjectionStore, type ProjectionSnapshot } from './projection-store';

export function factsStore(db: HattamaDb) {
  return new ProjectionStore<BoardRow, DashFacts>(db, {
    table: 'boardRows',
    readAll: (d) => d.transaction('r', [d.boardRows, d.syncState], async () => ({ rows: await d.boardRows.toArray(), rev: await currentBoardRev(d) })),
    readKeys: (d, keys) => d.boardRows.bulkGet(keys),
    loadSnapshot: loadDashFacts,
    saveSnapshot: saveDashFacts,
    project: factsOf,
    idOf: (r) => r.id,
    readMark: 'hattama:dashboard-facts-read',
  });
}

const stores = new WeakMap<HattamaDb, ReturnType<typeof factsStore>>();

/** The facts store of the database (one per database; it starts reading on first use). */
export function factsStoreOf(db: HattamaDb): ReturnType<typeof factsStore> {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = factsStore(db)));
  return store;
}

/** The live facts of the register. */
export function useDashFacts(db: HattamaDb): ProjectionSnapshot<DashFacts> {
  const store = factsStoreOf(db);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

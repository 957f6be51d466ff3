// The dashboard's in-memory facts of the register (see projection-store.ts and db/dash-facts.ts):
// from their compact snapshot and the board rows written since — never the board's own rows.
import type { BoardRow, HattamaDb } from '../../db/db';
import { currentBoardRev } from '../../db/board-snapshot';
import { factsOf, loadDashFacts, saveDashFacts, type DashFacts } from '../../db/dash-facts';
import { ProjectionStore, storePerDatabase, useProjection, type ProjectionSnapshot } from './projection-store';

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

/** The facts store of the database (one per database; it starts reading on first use). */
export const factsStoreOf = storePerDatabase(factsStore);

/** The live facts of the register. */
export function useDashFacts(db: HattamaDb): ProjectionSnapshot<DashFacts> {
  return useProjection(factsStoreOf(db));
}

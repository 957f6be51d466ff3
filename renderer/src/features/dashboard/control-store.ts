// The dashboard's in-memory control rows of the assignments (see projection-store.ts), from their
// saved snapshot and the rows written since.
import type { ControlRow, HattamaDb } from '../../db/db';
import { loadControlSnapshot, saveControlSnapshot } from '../../db/control-snapshot';
import { readControlRows } from '../../db/projections';
import { listModel, ProjectionStore, storePerDatabase, useProjection, type ProjectionSnapshot } from './projection-store';

export type ControlRowsSnapshot = ProjectionSnapshot<readonly ControlRow[]>;

export function controlRowStore(db: HattamaDb) {
  return new ProjectionStore<ControlRow, readonly ControlRow[]>(db, {
    table: 'controlRows',
    readAll: readControlRows,
    readKeys: (d, keys) => d.controlRows.bulkGet(keys),
    loadSnapshot: async (d) => {
      const snap = await loadControlSnapshot(d);
      return snap && { value: snap.rows, since: snap.since, rev: snap.rev };
    },
    saveSnapshot: saveControlSnapshot,
    model: listModel((r: ControlRow) => r, (r) => r.id),
    readMark: 'hattama:control-rows-read',
  });
}

/** The control rows store of the database (one per database; it starts reading on first use). */
export const controlStoreOf = storePerDatabase(controlRowStore);

/** The live control rows of the database. */
export function useControlRows(db: HattamaDb): ControlRowsSnapshot {
  return useProjection(controlStoreOf(db));
}

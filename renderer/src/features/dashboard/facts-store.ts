// The dashboard's in-memory columns of the register's facts (see projection-store.ts and
// db/dash-facts.ts): from their snapshot and the board rows written since — never the board's own rows.
import { ColumnsEditor, emptyColumns, toProjectColumns, type ProjectColumns } from '@shared/dashboard/project-columns';
import type { BoardRow, HattamaDb } from '../../db/db';
import { readBoardRows } from '../../db/projections';
import { factsOf, loadDashFacts, saveDashFacts } from '../../db/dash-facts';
import { ProjectionStore, storePerDatabase, useProjection, type ProjectionModel, type ProjectionSnapshot } from './projection-store';

/**
 * Columns edited in place of rows; the row of each id is kept from one edit to the next (rows never
 * move in the columns an editor gives: it only adds).
 */
function columnsModel(): ProjectionModel<BoardRow, ProjectColumns> {
  const rowsOf = new WeakMap<ProjectColumns, Map<string, number>>();
  return {
    empty: emptyColumns(),
    build: (live) => toProjectColumns(live.map(factsOf)),
    edit: (value) => {
      const editor = new ColumnsEditor(value, 0, rowsOf.get(value) ?? null);
      return {
        put: (row) => editor.put(factsOf(row)),
        remove: (id) => editor.remove(id),
        done: () => {
          const next = editor.done();
          const rows = editor.rows();
          if (rows) rowsOf.set(next, rows);
          return next;
        },
      };
    },
  };
}

export function factsStore(db: HattamaDb) {
  return new ProjectionStore<BoardRow, ProjectColumns>(db, {
    table: 'boardRows',
    readAll: readBoardRows,
    readKeys: (d, keys) => d.boardRows.bulkGet(keys),
    loadSnapshot: loadDashFacts,
    saveSnapshot: saveDashFacts,
    model: columnsModel(),
    readMark: 'hattama:dashboard-facts-read',
  });
}

/** The facts store of the database (one per database; it starts reading on first use). */
export const factsStoreOf = storePerDatabase(factsStore);

/** The live columns of the register's facts. */
export function useDashFacts(db: HattamaDb): ProjectionSnapshot<ProjectColumns> {
  return useProjection(factsStoreOf(db));
}

// rowsByIndex: the rows of many index values, read whichever way suits the table's size — the
// same rows as Dexie's anyOf in every case.
import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import { Dexie, type Table } from 'dexie';
import { rowsByIndex } from '../../../renderer/src/db/by-index';
import { packedSchema, packedTables } from '../../../renderer/src/db/packed-table';

type Row = { id: string; projectId: string; n: number };
const dbs: Dexie[] = [];

async function table(rows: Row[], packed = false): Promise<Table<Row, string>> {
  const db = new Dexie(`by-index-${Math.random()}`);
  db.version(1).stores({ rows: packed ? packedSchema('id, projectId') : 'id, projectId' });
  if (packed) db.use(packedTables({ rows: 'id, projectId' }, 4));
  dbs.push(db);
  const t = db.table<Row, string>('rows');
  await t.bulkPut(rows);
  return t;
}

afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const sorted = (rows: Row[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

it('finds nothing in an empty table and for no values', async () => {
  const t = await table([]);
  expect(await rowsByIndex(t, 'projectId', ['p1', 'p2'])).toEqual([]);
  const u = await table([{ id: 'b1', projectId: 'p1', n: 1 }]);
  expect(await rowsByIndex(u, 'projectId', [])).toEqual([]);
});

it.each([false, true])('returns the rows of the values asked, each once, read whole or value by value (packed: %s)', async (packed) => {
  const rows: Row[] = [];
  for (let p = 0; p < 40; p++) for (let k = 0; k < (p % 3); k++) rows.push({ id: `b${p}-${k}`, projectId: `p${p}`, n: p * 10 + k });
  const t = await table(rows, packed);
  // Few values of a large table (one read per value), and many (the table read whole).
  for (const values of [['p1', 'p5', 'p5', 'p39', 'missing'], Array.from({ length: 30 }, (_, i) => `p${i}`)]) {
    const expected = await t.where('projectId').anyOf(values).toArray();
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(await rowsByIndex(t, 'projectId', values))).toEqual(sorted(expected));
  }
});

// Rows found by many values of one index, as a batch's projections need them (the barriers of a
// pulled page's 2,000 projects, the reports of its assignments).
import type { IndexableType, Table } from 'dexie';
import { isPackedTable } from './packed-table';

/**
 * The rows whose `index` equals one of `values` (each value's rows by primary key). Dexie's `anyOf`
 * walks one cursor, a round trip to the database per value: for a page of 2,000 projects that was a
 * good part of a first sync. Here: nothing read from an empty table; the whole table read at once
 * when it holds not many more rows than values are asked for; else one index read per value, all
 * sent at once. A packed table (packed-table.ts) answers `anyOf` from its packs in memory, reading
 * each pack once, where one read per value would read a pack per value.
 */
export async function rowsByIndex<T>(table: Table<T>, index: string, values: Iterable<IndexableType>): Promise<T[]> {
  const distinct = [...new Set(values)];
  if (distinct.length === 0) return [];
  if (isPackedTable(table)) return table.where(index).anyOf(distinct).toArray();
  const total = await table.count();
  if (total === 0) return [];
  if (total <= distinct.length * 4) {
    const wanted = new Set(distinct);
    return (await table.toArray()).filter((row) => wanted.has((row as Record<string, IndexableType>)[index] as IndexableType));
  }
  const lists = await Promise.all(distinct.map((v) => table.where(index).equals(v).toArray()));
  return lists.flat();
}

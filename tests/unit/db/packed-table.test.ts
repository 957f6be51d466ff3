// Packed tables (renderer/src/db/packed-table.ts): a table whose records are stored many to a row
// answers every read and write exactly as a plain table does, in far fewer rows, atomically.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dexie, liveQuery, type Table } from 'dexie';
import { packedTables } from '../../../renderer/src/db/packed-table';
import { HattamaDb } from '../../../renderer/src/db/db';
import { createRepos } from '../../../renderer/src/db/repos';
import { uuidv7 } from 'uuidv7';

type Rec = { id: string; n: number; text?: string };

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

/** A database with the same records kept twice: `packed` (in packs of `size`) and `plain`. */
async function twin(size: number) {
  const name = `packed-${Math.random()}`;
  names.push(name);
  const db = new Dexie(name);
  db.version(1).stores({ packed: 'id', plain: 'id' });
  db.use(packedTables(['packed'], size));
  await db.open();
  return { db, packed: db.table<Rec, string>('packed'), plain: db.table<Rec, string>('plain'), name };
}

/** The physical rows of a table (a connection without the middleware). */
async function physicalRows(name: string, table: string): Promise<{ id: string; records: Rec[] }[]> {
  const raw = new Dexie(name);
  await raw.open();
  const rows = (await raw.table(table).toArray()) as { id: string; records: Rec[] }[];
  raw.close();
  return rows;
}

const key = fc.stringMatching(/^[a-f0-9]{1,3}$/);
const op = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), recs: fc.array(fc.record({ id: key, n: fc.integer({ min: 0, max: 99 }) }), { maxLength: 30 }) }),
  fc.record({ kind: fc.constant('add' as const), id: key, n: fc.integer({ min: 0, max: 99 }) }),
  fc.record({ kind: fc.constant('delete' as const), ids: fc.array(key, { maxLength: 10 }) }),
  fc.record({ kind: fc.constant('deleteRange' as const), from: key, to: key }),
  fc.record({ kind: fc.constant('modify' as const), from: key, to: key }),
  fc.record({ kind: fc.constant('clear' as const) }),
);

async function apply(t: Table<Rec, string>, o: Op): Promise<string> {
  switch (o.kind) {
    case 'put': await t.bulkPut(o.recs); return 'ok';
    case 'add': return t.add({ id: o.id, n: o.n }).then(() => 'added', (e: Error) => e.name);
    case 'delete': await t.bulkDelete(o.ids); return 'ok';
    case 'deleteRange': await t.where(':id').between(o.from, o.to, true, true).delete(); return 'ok';
    case 'modify': await t.where(':id').between(o.from, o.to, true, false).modify((r) => { r.n += 1000; }); return 'ok';
    case 'clear': await t.clear(); return 'ok';
  }
}
type Op = { kind: 'put'; recs: Rec[] } | { kind: 'add'; id: string; n: number } | { kind: 'delete'; ids: string[] } | { kind: 'deleteRange' | 'modify'; from: string; to: string } | { kind: 'clear' };

/** Everything a reader can ask, asked of one table. */
async function reads(t: Table<Rec, string>, probe: string[], from: string, to: string) {
  const eachKeys: string[] = [];
  await t.where(':id').below(to).each((r) => void eachKeys.push(r.id));
  return {
    all: await t.toArray(),
    count: await t.count(),
    get: await Promise.all(probe.map((k) => t.get(k))),
    bulkGet: await t.bulkGet(probe),
    range: await t.where(':id').between(from, to, false, true).toArray(),
    rangeCount: await t.where(':id').between(from, to, true, true).count(),
    page: await t.where(':id').above(from).limit(3).toArray(),
    last: await t.toCollection().reverse().limit(2).primaryKeys(),
    reversed: (await t.orderBy(':id').reverse().toArray()).map((r) => r.id),
    anyOf: await t.where(':id').anyOf(probe).toArray(),
    filtered: await t.filter((r) => r.n % 2 === 0).toArray(),
    keys: await t.toCollection().primaryKeys(),
    eachKeys,
  };
}

describe('a packed table', () => {
  it('answers every read as a plain table does, after any sequence of writes (packs of 4)', async () => {
    const { db, packed, plain } = await twin(4);
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), fc.array(key, { minLength: 1, maxLength: 5 }), key, key, async (ops, probe, a, b) => {
        await db.transaction('rw', packed, plain, async () => {
          await packed.clear();
          await plain.clear();
        });
        for (const o of ops) {
          // One transaction each, the same operation on both.
          const [x, y] = await db.transaction('rw', packed, plain, () => Promise.all([apply(packed, o), apply(plain, o)]));
          expect(x).toBe(y);
        }
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(await reads(packed, probe, from, to)).toEqual(await reads(plain, probe, from, to));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps 1,000 records in a few hundred-record rows, each keyed at or below its records and sorted', async () => {
    const { packed, name, db } = await twin(100);
    const ids = Array.from({ length: 1000 }, () => uuidv7());
    // In shuffled batches: appends, inserts in the middle and below the first key.
    const shuffled = [...ids].sort(() => Math.random() - 0.5);
    for (let i = 0; i < shuffled.length; i += 137) await packed.bulkPut(shuffled.slice(i, i + 137).map((id, n) => ({ id, n })));
    expect(await packed.count()).toBe(1000);
    db.close();
    const rows = await physicalRows(name, 'packed');
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.length).toBeLessThanOrEqual(25);
    const sorted = [...ids].sort();
    expect(rows.flatMap((r) => r.records.map((x) => x.id))).toEqual(sorted);
    for (const [i, row] of rows.entries()) {
      expect(row.records.length).toBeLessThanOrEqual(100);
      expect(row.records[0]!.id >= row.id).toBe(true);
      if (i > 0) expect(row.id >= rows[i - 1]!.records.at(-1)!.id).toBe(true);
    }
  });

  it('writes atomically: a transaction that fails leaves every pack as it was', async () => {
    const { packed } = await twin(4);
    await packed.bulkPut(Array.from({ length: 20 }, (_, n) => ({ id: `k${String(n).padStart(2, '0')}`, n })));
    const before = await packed.toArray();
    await expect(packed.db.transaction('rw', packed, async () => {
      await packed.bulkPut(Array.from({ length: 10 }, (_, n) => ({ id: `k${String(n).padStart(2, '0')}x`, n: -1 })));
      await packed.delete('k05');
      throw new Error('the clerk cancelled');
    })).rejects.toThrow('the clerk cancelled');
    expect(await packed.toArray()).toEqual(before);
  });

  it('keeps both of two writes issued at once in one transaction (they touch the same pack)', async () => {
    const { packed } = await twin(8);
    await packed.db.transaction('rw', packed, () => Promise.all([packed.put({ id: 'a', n: 1 }), packed.put({ id: 'b', n: 2 }), packed.bulkPut([{ id: 'c', n: 3 }])]));
    expect(await packed.toArray()).toEqual([{ id: 'a', n: 1 }, { id: 'b', n: 2 }, { id: 'c', n: 3 }]);
  });

  it('keeps both of two writes made at once through two connections (two tabs) to records of the same pack', async () => {
    const { packed, name } = await twin(8);
    await packed.bulkPut([{ id: 'a', n: 0 }, { id: 'b', n: 0 }, { id: 'c', n: 0 }]);
    const other = new Dexie(name);
    other.version(1).stores({ packed: 'id', plain: 'id' });
    other.use(packedTables(['packed'], 8));
    await other.open();
    await Promise.all([
      packed.db.transaction('rw', packed, async () => { await packed.update('a', { n: 1 }); }),
      other.transaction('rw', 'packed', async () => { await other.table<Rec, string>('packed').update('c', { n: 3 }); }),
    ]);
    other.close();
    expect(await packed.toArray()).toEqual([{ id: 'a', n: 1 }, { id: 'b', n: 0 }, { id: 'c', n: 3 }]);
  });

  it('tells a live query of one record that it changed, and only then', async () => {
    const { packed } = await twin(4);
    await packed.bulkPut(Array.from({ length: 12 }, (_, n) => ({ id: `k${String(n).padStart(2, '0')}`, n })));
    const seen: (number | undefined)[] = [];
    const sub = liveQuery(() => packed.get('k03')).subscribe((r) => void seen.push(r?.n));
    await expect.poll(() => seen).toEqual([3]);
    await packed.put({ id: 'k09', n: 90 }); // another record, another pack
    await packed.put({ id: 'k03', n: 30 });
    await expect.poll(() => seen).toEqual([3, 30]);
    sub.unsubscribe();
  });

  it('refuses a query on a secondary index (a packed table keeps none), with a clear error', async () => {
    const name = `packed-index-${Math.random()}`;
    names.push(name);
    const db = new Dexie(name);
    db.version(1).stores({ packed: 'id, n' });
    db.use(packedTables(['packed'], 4));
    await db.table('packed').bulkPut([{ id: 'a', n: 1 }]);
    await expect(db.table('packed').where('n').equals(1).toArray()).rejects.toThrow('Packed table packed has no index n');
    db.close();
  });
});

describe('the projects of the working store (schema 11)', () => {
  it('are stored in packs: an import of 1,000 projects writes a handful of rows, each read back whole', async () => {
    const name = `store-packed-${Math.random()}`;
    names.push(name);
    const db = new HattamaDb(name);
    await db.open();
    const repos = createRepos({ db, now: () => new Date('2026-03-02T05:00:00Z'), newId: uuidv7, actor: () => 'Секретарь' });
    const ids: string[] = [];
    await db.transaction('rw', db.writeTables(), async () => {
      for (let i = 0; i < 1000; i++) ids.push((await repos.projects.create({ title: `Завод № ${i}`, investorName: 'ТОО «Ақжол»', regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: [] })).id);
    });
    const one = await db.projects.get(ids[500]!);
    expect(one?.title).toBe('Завод № 500');
    expect(await db.projects.count()).toBe(1000);
    db.close();
    const rows = await physicalRows(name, 'projects');
    expect(rows.length).toBeLessThanOrEqual(8);
    expect(rows.reduce((n, r) => n + r.records.length, 0)).toBe(1000);
  });
});

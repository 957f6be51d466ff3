// Packed tables (renderer/src/db/packed-table.ts): a table whose records are stored many to a row
// answers every read and write exactly as a plain table does, in far fewer rows, atomically.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dexie, liveQuery, type Table } from 'dexie';
import { packedSchema, packedTables } from '../../../renderer/src/db/packed-table';
import { HattamaDb } from '../../../renderer/src/db/db';
import { createRepos } from '../../../renderer/src/db/repos';
import { uuidv7 } from 'uuidv7';

type Rec = { id: string; n?: number; g?: string; tags?: (string | null)[]; text?: string };

/** The twin tables' logical schema: a single, a compound and a multi-entry index. */
const SPEC = 'id, n, [n+g], *tags';

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

/** A database with the same records kept twice: `packed` (in packs of `size`) and `plain`. */
async function twin(size: number) {
  const name = `packed-${Math.random()}`;
  names.push(name);
  const db = new Dexie(name);
  db.version(1).stores({ packed: packedSchema(SPEC), plain: SPEC });
  db.use(packedTables({ packed: SPEC }, size));
  await db.open();
  return { db, packed: db.table<Rec, string>('packed'), plain: db.table<Rec, string>('plain'), name };
}

/** A packed table alone (packs of 4), with a count of the packs read below the packing. */
async function counted() {
  const name = `packed-counted-${Math.random()}`;
  names.push(name);
  const db = new Dexie(name);
  db.version(1).stores({ packed: packedSchema(SPEC) });
  db.use(packedTables({ packed: SPEC }, 4));
  const read = { packs: 0 };
  db.use({ stack: 'dbcore', name: 'count-packs', level: -20, create: (down) => ({ ...down, table: (n) => { const t = down.table(n); return { ...t, getMany: (req) => { read.packs += req.keys.length; return t.getMany(req); }, query: (req) => { if (req.values) read.packs += 1; return t.query(req); } }; } }) });
  return { db, packed: db.table<Rec, string>('packed'), read };
}

/** The physical rows of a table (a connection without the middleware). */
async function physicalRows(name: string, table: string): Promise<({ id: string; records: Rec[] } & Record<string, unknown>)[]> {
  const raw = new Dexie(name);
  await raw.open();
  const rows = (await raw.table(table).toArray()) as ({ id: string; records: Rec[] } & Record<string, unknown>)[];
  raw.close();
  return rows;
}

const key = fc.stringMatching(/^[a-f0-9]{1,3}$/);
// Few values, so that index keys tie within a pack and across packs; some records lack one (not
// in that index), some tags are not keys (null) or repeat.
const small = fc.integer({ min: 0, max: 9 });
const record = fc.record(
  { id: key, n: small, g: fc.constantFrom('x', 'y'), tags: fc.array(fc.constantFrom('a', 'b', 'c', null), { maxLength: 4 }) },
  { requiredKeys: ['id'] },
);
const op = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), recs: fc.array(record, { maxLength: 30 }) }),
  fc.record({ kind: fc.constant('add' as const), rec: record }),
  fc.record({ kind: fc.constant('delete' as const), ids: fc.array(key, { maxLength: 10 }) }),
  fc.record({ kind: fc.constant('deleteRange' as const), from: key, to: key }),
  fc.record({ kind: fc.constant('modify' as const), from: key, to: key }),
  fc.record({ kind: fc.constant('modifyByIndex' as const), lo: small, hi: small }),
  fc.record({ kind: fc.constant('deleteByIndex' as const), tag: fc.constantFrom('a', 'b', 'c') }),
  fc.record({ kind: fc.constant('clear' as const) }),
);

async function apply(t: Table<Rec, string>, o: Op): Promise<string> {
  switch (o.kind) {
    case 'put': await t.bulkPut(o.recs); return 'ok';
    case 'add': return t.add(o.rec).then(() => 'added', (e: Error) => e.name);
    case 'delete': await t.bulkDelete(o.ids); return 'ok';
    case 'deleteRange': await t.where(':id').between(o.from, o.to, true, true).delete(); return 'ok';
    case 'modify': await t.where(':id').between(o.from, o.to, true, false).modify((r) => { r.n = (r.n ?? 0) + 10; }); return 'ok';
    case 'modifyByIndex': return String(await t.where('n').between(o.lo, o.hi, true, true).modify((r) => { r.g = r.g === 'x' ? 'y' : 'x'; r.tags = [...(r.tags ?? []), 'c']; }));
    case 'deleteByIndex': return String(await t.where('tags').equals(o.tag).delete());
    case 'clear': await t.clear(); return 'ok';
  }
}
type Op =
  | { kind: 'put'; recs: Rec[] }
  | { kind: 'add'; rec: Rec }
  | { kind: 'delete'; ids: string[] }
  | { kind: 'deleteRange' | 'modify'; from: string; to: string }
  | { kind: 'modifyByIndex'; lo: number; hi: number }
  | { kind: 'deleteByIndex'; tag: string }
  | { kind: 'clear' };

/** Everything a reader can ask, asked of one table. */
async function reads(t: Table<Rec, string>, probe: string[], from: string, to: string, lo: number, hi: number) {
  const eachKeys: string[] = [];
  await t.where(':id').below(to).each((r) => void eachKeys.push(r.id));
  const indexCursor: unknown[] = [];
  await t.where('n').between(lo, hi, true, true).each((_, c) => void indexCursor.push([c.key, c.primaryKey]));
  const tagCursor: unknown[] = [];
  await t.where('tags').anyOf(['a', 'c']).reverse().each((_, c) => void tagCursor.push([c.key, c.primaryKey]));
  return {
    byIndex: await t.where('n').between(lo, hi, true, true).toArray(),
    byIndexKeys: await t.where('n').between(lo, hi, false, true).primaryKeys(),
    equal: await t.where('n').equals(lo).toArray(),
    indexCount: await t.where('n').between(lo, hi, true, true).count(),
    openCounts: [
      await t.where('n').between(lo, hi + 1, false, false).count(),
      await t.where('n').above(lo).count(),
      await t.where('n').belowOrEqual(hi).count(),
      await t.where('n').below(hi).count(),
      await t.where('[n+g]').between([lo, 'x'], [hi, 'x'], false, true).count(),
      await t.where('tags').between('a', 'c', false, false).count(),
      await t.where('tags').equals('c').count(),
      await t.orderBy('n').count(),
    ],
    indexPage: await t.orderBy('n').limit(3).toArray(),
    indexLast: await t.orderBy('n').reverse().limit(3).primaryKeys(),
    indexFrom: await t.where('n').aboveOrEqual(lo).limit(2).toArray(),
    indexOffset: await t.where('n').above(lo).offset(1).limit(2).primaryKeys(),
    indexFiltered: await t.where('n').belowOrEqual(hi).filter((r) => r.g === 'x').limit(3).primaryKeys(),
    uniqueKeys: await t.orderBy('n').uniqueKeys(),
    lastUnique: await t.orderBy('n').reverse().uniqueKeys(),
    compound: await t.where('[n+g]').between([lo, Dexie.minKey], [hi, Dexie.maxKey], true, true).toArray(),
    compoundLast: await t.where('[n+g]').between([lo, Dexie.minKey], [hi, Dexie.maxKey]).reverse().limit(2).primaryKeys(),
    compoundEqual: await t.where('[n+g]').equals([lo, 'x']).primaryKeys(),
    tag: await t.where('tags').equals('a').primaryKeys(),
    tags: await t.where('tags').anyOf(['b', 'c']).primaryKeys(),
    tagsOnce: await t.where('tags').anyOf(['a', 'b']).distinct().primaryKeys(),
    tagCount: await t.where('tags').equals('b').count(),
    tagPage: await t.where('tags').between('a', 'c', true, true).limit(4).primaryKeys(),
    indexCursor,
    tagCursor,
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
    filtered: await t.filter((r) => (r.n ?? 1) % 2 === 0).toArray(),
    keys: await t.toCollection().primaryKeys(),
    eachKeys,
  };
}

describe('a packed table', () => {
  it('answers every read as a plain table does, after any sequence of writes (packs of 4)', async () => {
    const { db, packed, plain } = await twin(4);
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 12 }), fc.array(key, { minLength: 1, maxLength: 5 }), key, key, small, small, async (ops, probe, a, b, c, d) => {
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
        const [lo, hi] = c <= d ? [c, d] : [d, c];
        expect(await reads(packed, probe, from, to, lo, hi)).toEqual(await reads(plain, probe, from, to, lo, hi));
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
    other.version(1).stores({ packed: packedSchema(SPEC), plain: SPEC });
    other.use(packedTables({ packed: SPEC }, 8));
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

  it('keeps in each pack an entry [key, id] per record entry of each index, and finds records by them', async () => {
    const { packed, name, db } = await twin(4);
    await packed.bulkPut([
      { id: 'a', n: 1, g: 'x', tags: ['b', 'a', 'b', null] },
      { id: 'b', n: 1, g: 'y', tags: [] },
      { id: 'c', g: 'x' },
      { id: 'd', n: 2, g: 'x', tags: ['c'] },
      { id: 'e', n: 7, g: 'y', tags: ['a'] },
    ]);
    expect(await packed.where('n').equals(1).primaryKeys()).toEqual(['a', 'b']);
    expect(await packed.where('tags').equals('a').primaryKeys()).toEqual(['a', 'e']);
    // A record whose index value is missing is not in that index.
    expect(await packed.orderBy('n').primaryKeys()).toEqual(['a', 'b', 'd', 'e']);
    expect(await packed.where('tags').between('a', 'b', true, true).count()).toBe(3);
    db.close();
    const rows = await physicalRows(name, 'packed');
    expect(rows.map((r) => [r.id, r.n, r.n_g, r.tags])).toEqual([
      ['a', [[1, 'a'], [1, 'b'], [2, 'd']], [[[1, 'x'], 'a'], [[1, 'y'], 'b'], [[2, 'x'], 'd']], [['a', 'a'], ['b', 'a'], ['c', 'd']]],
      ['e', [[7, 'e']], [[[7, 'y'], 'e']], [['a', 'e']]],
    ]);
  });

  it('counts the entries of an index range without reading a pack', async () => {
    const { db, packed, read } = await counted();
    await packed.bulkPut(Array.from({ length: 100 }, (_, i) => ({ id: `k${String(i).padStart(3, '0')}`, n: i % 10, g: i % 2 ? 'x' : 'y', tags: i % 3 ? ['a', 'b'] : [] })));
    read.packs = 0;
    expect(await packed.where('n').between(2, 4, true, false).count()).toBe(20);
    expect(await packed.where('n').above(7).count()).toBe(20);
    expect(await packed.where('[n+g]').equals([3, 'x']).count()).toBe(10);
    expect(await packed.where('tags').equals('b').count()).toBe(66);
    expect(read.packs).toBe(0);
    db.close();
  });

  it('reads a page of an index by the packs that hold its first keys, not the whole table', async () => {
    const { db, packed, read } = await counted();
    // 400 records in 100 packs; n rises with the key, so a first page is in the first packs.
    await packed.bulkPut(Array.from({ length: 400 }, (_, i) => ({ id: `k${String(i).padStart(3, '0')}`, n: Math.floor(i / 3) })));
    expect(db.core.table('packed').schema.indexes.filter((i) => !i.name?.includes('virtual')).map((i) => i.name)).toEqual(['n', '[n+g]', 'tags']);
    read.packs = 0;
    expect(await packed.orderBy('n').limit(5).primaryKeys()).toEqual(['k000', 'k001', 'k002', 'k003', 'k004']);
    expect(await packed.orderBy('n').reverse().limit(4).primaryKeys()).toEqual(['k399', 'k398', 'k397', 'k396']);
    expect(read.packs).toBeGreaterThan(0);
    expect(read.packs).toBeLessThanOrEqual(8);
    read.packs = 0;
    expect(await packed.orderBy('n').primaryKeys()).toHaveLength(400);
    expect(read.packs).toBe(100);
    db.close();
  });

  it('refuses a query on an index its schema does not declare, and a unique index, with clear errors', async () => {
    const { packed } = await twin(4);
    await packed.bulkPut([{ id: 'a', n: 1, g: 'x' }]);
    await expect(packed.where('g').equals('x').toArray()).rejects.toThrow(/not indexed/);
    const name = `packed-unique-${Math.random()}`;
    names.push(name);
    const db = new Dexie(name);
    db.version(1).stores({ packed: 'id, &n' });
    db.use(packedTables({ packed: 'id, &n' }, 4));
    await expect(db.open()).rejects.toThrow('Packed table packed: index &n is not supported');
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

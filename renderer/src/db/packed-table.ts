// Packed tables: many records to one IndexedDB row (schemas 11 and 12; issues 10 and 11).
//
// Measured in Chromium here, every stored row costs ~110–150 µs to put and ~50 µs to read whatever
// it holds (a bare key costs nearly as much as a 700-byte project), so a register of 100,000
// projects took ~20 s to write and ~5 s to read row by row, and ~1.8 s and ~0.4 s in rows of a few
// hundred records (tmp measurements recorded in the issue notes). The tables that take the most
// records (an import, a first sync, a backup) therefore keep them in *packs*: rows `{ id, records }`
// holding up to PACK_SIZE records sorted by primary key, each pack keyed by a lower bound of its
// keys, so that pack i holds exactly the records with keys in [key_i, key_(i+1)).
//
// Secondary indexes (schema 12). A packed table is declared by its *logical* schema, the one its
// records had as rows ('id, projectId, [alive+updatedAt], *projectIds'). Each pack row carries, for
// every logical index, one entry per record entry — `[key, record id]` — in a field of its own,
// under a multi-entry IndexedDB index (`packedSchema` gives the physical schema: 'id, *projectId,
// *alive_updatedAt, *projectIds'). The physical index is thus the logical one entry for entry, in
// the same order (key, then record id), pointing at packs: a count on an index is the physical
// index's count, with no pack read; a query reads only the packs that hold its entries (for a
// page, the packs of its first `limit` entries) and answers with the records' own entries — in
// index order, reversed, unique, limited — as IndexedDB would. Measured here, 10,000 stage-log
// entries put as rows with one index took 1.5–2.2 s, and as 40 packs with one multi-entry index
// 0.13–0.16 s (three such indexes: 0.34 s).
//
// This is a Dexie DBCore middleware below every other one (level -10): Dexie's tables, live queries
// (observability), hooks and caches above it see the records one by one as before, and the
// table's logical indexes — `get`, `bulkGet`, `where(':id')` and `where(index)` ranges, `toArray`,
// `count`, cursors (`each`, `filter`, `modify`), `put`, `add`, `delete`, `clear` — and only the
// physical rows change. Every operation on a packed table runs in its transaction one after
// another (a put reads and rewrites its pack: two interleaved would lose one), and all of it inside
// that transaction, so a write is as atomic as before. Unique indexes are not supported.
//
// In a version-change (upgrade) transaction the table is passed through untouched: the upgrades of
// earlier versions read and write its records as rows, as they were then, and the version that
// packs a table replaces its rows by packs (packInPlace). An upgrade written after version 12 sees
// the packs, and may use no secondary index of a packed table.
import { Dexie, cmp, type DBCore, type DBCoreCursor, type DBCoreGetManyRequest, type DBCoreGetRequest, type DBCoreIndex, type DBCoreKeyRange, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreOpenCursorRequest, type DBCoreQueryRequest, type DBCoreCountRequest, type DBCoreRangeType, type DBCoreTable, type DBCoreTableSchema, type DBCoreTransaction, type Middleware, type Table } from 'dexie';

/** The most records a pack holds; a pack that grows past it is split. */
export const PACK_SIZE = 256;

type Key = string;
type Rec = Record<string, unknown>;
/** One physical row of a packed table: its records, and each logical index's entries ([key, record id]). */
export type Pack = { id: Key; records: Rec[] } & Record<string, unknown>;

/** One logical (secondary) index of a packed table, and the pack field that holds its entries. */
type LogicalIndex = DBCoreIndex & { readonly name: string; readonly field: string };

/** One entry of an index (or of the primary key): its key, its record's key, the record. */
type Entry = { key: unknown; pk: Key; value: Rec };

const ANY = { type: 3 as DBCoreRangeType, lower: undefined, upper: undefined } satisfies DBCoreKeyRange;

/** IndexedDB's order of keys; plain comparison for two strings (what every packed table's ids are). */
function keyCmp(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return cmp(a, b);
}

/** Whether IndexedDB takes `k` as a key (a record whose index value is not one is not in the index). */
function validKey(k: unknown): boolean {
  if (typeof k === 'string') return true;
  if (typeof k === 'number') return !Number.isNaN(k);
  if (k instanceof Date) return !Number.isNaN(k.getTime());
  if (Array.isArray(k)) return k.every(validKey);
  return k instanceof ArrayBuffer || ArrayBuffer.isView(k);
}

function inRange(key: unknown, range: DBCoreKeyRange): boolean {
  switch (range.type as number) {
    case 3: return true;
    case 4: return false;
    case 1: return keyCmp(key, range.lower) === 0;
    default: {
      if (range.lower !== undefined) {
        const c = keyCmp(key, range.lower);
        if (c < 0 || (c === 0 && range.lowerOpen)) return false;
      }
      if (range.upper !== undefined) {
        const c = keyCmp(key, range.upper);
        if (c > 0 || (c === 0 && range.upperOpen)) return false;
      }
      return true;
    }
  }
}

/** Index of the pack that holds (or would hold) `key`: the last whose key is ≤ it, else the first. */
function packIndexOf(dir: readonly Key[], key: unknown): number {
  let lo = 0;
  let hi = dir.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keyCmp(dir[mid], key) <= 0) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Position of `key` in records sorted by `id`, and whether it is there. */
function find(records: readonly Rec[], key: unknown): { at: number; found: boolean } {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keyCmp(records[mid]?.id, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return { at: lo, found: lo < records.length && keyCmp(records[lo]?.id, key) === 0 };
}

/** Keys sorted in IndexedDB's order with the repeats removed. */
function distinct<T>(keys: T[]): T[] {
  keys.sort(keyCmp);
  return keys.filter((k, i) => i === 0 || keyCmp(keys[i - 1], k) !== 0);
}

/** The keys one record has in a logical index (none, one, or a multi-entry array's distinct valid items). */
function keysOf(index: LogicalIndex, record: Rec): unknown[] {
  const value: unknown = index.extractKey?.(record);
  if (index.multiEntry && Array.isArray(value)) return distinct(value.filter(validKey));
  return validKey(value) ? [value] : [];
}

/**
 * A packed table's logical schema parsed: 'id, projectId, [alive+updatedAt], *projectIds' — an
 * inbound string primary key `id`, then single, compound and multi-entry indexes.
 */
function parseSpec(table: string, spec: string): LogicalIndex[] {
  const [primary, ...rest] = spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (primary !== 'id') throw new Error(`Packed table ${table}: its primary key must be the inbound \`id\` (got ${String(primary)})`);
  return rest.map((part): LogicalIndex => {
    if (part.startsWith('&') || part.startsWith('++')) throw new Error(`Packed table ${table}: index ${part} is not supported (unique or auto-increment)`);
    const multiEntry = part.startsWith('*');
    const name = multiEntry ? part.slice(1) : part;
    if (name.startsWith('[')) {
      if (multiEntry) throw new Error(`Packed table ${table}: a compound index cannot be multi-entry (${part})`);
      const keyPath = name.slice(1, -1).split('+');
      return { name, keyPath, compound: true, multiEntry: false, unique: false, field: keyPath.join('_'), extractKey: (v: unknown) => keyPath.map((k) => Dexie.getByKeyPath(v as object, k) as unknown) };
    }
    return { name, keyPath: name, compound: false, multiEntry, unique: false, field: name, extractKey: (v: unknown) => Dexie.getByKeyPath(v as object, name) as unknown };
  });
}

/**
 * The physical schema of a packed table declared by its logical one: the primary key, and one
 * multi-entry index per logical index over the pack field that holds its keys —
 * 'id, [alive+updatedAt], *projectIds' → 'id, *alive_updatedAt, *projectIds'.
 */
export function packedSchema(spec: string): string {
  return ['id', ...parseSpec('?', spec).map((i) => `*${i.field}`)].join(', ');
}

/** A pack row: its key, its records (sorted by id), and each logical index's entries `[key, record id]`. */
function packRow(indexes: readonly LogicalIndex[], id: Key, records: Rec[]): Pack {
  const row: Pack = { id, records };
  for (const index of indexes) {
    const entries: [unknown, Key][] = [];
    for (const r of records) for (const k of keysOf(index, r)) entries.push([k, r.id as Key]);
    row[index.field] = entries;
  }
  return row;
}

/**
 * A logical index's key range as a range of its physical entries `[key, record id]`: an array
 * shorter than another that it begins is less than it, and an array is greater than any string —
 * so `[k]` is below every entry of key k, and `[k, []]` above them all (record ids are strings).
 */
function entryRange(range: DBCoreKeyRange): DBCoreKeyRange {
  const type = range.type as number;
  if (type === 3 || type === 4) return range;
  const below = (k: unknown) => [k];
  const above = (k: unknown) => [k, []];
  if (type === 1) return { type: 2 as DBCoreRangeType, lower: below(range.lower), upper: above(range.lower), lowerOpen: false, upperOpen: false };
  return {
    type: 2 as DBCoreRangeType,
    lower: range.lower === undefined ? undefined : range.lowerOpen ? above(range.lower) : below(range.lower),
    upper: range.upper === undefined ? undefined : range.upperOpen ? below(range.upper) : above(range.upper),
    lowerOpen: false,
    upperOpen: false,
  };
}

/** Records sorted by `id` cut into pack rows of at most `size` (the last may hold fewer). */
function toPacks(indexes: readonly LogicalIndex[], sorted: readonly Rec[], size = PACK_SIZE): Pack[] {
  const packs: Pack[] = [];
  for (let i = 0; i < sorted.length; i += size) {
    const records = sorted.slice(i, i + size);
    packs.push(packRow(indexes, records[0]?.id as Key, records));
  }
  return packs;
}

/**
 * The upgrade that packs one table: its record rows (read through the pass-through, sorted by
 * key) replaced by packs, in the upgrade's transaction. `spec` is the table's logical schema.
 */
export async function packInPlace(table: Table, spec: string, size = PACK_SIZE): Promise<void> {
  const rows = (await table.toArray()) as Rec[];
  await table.clear();
  await table.bulkPut(toPacks(parseSpec(table.name, spec), rows, size));
}

/** Marks a packed table's schema (kept by the middlewares above, which copy it with spread). */
const PACKED = Symbol('packed');

/** Reads a packed table's packs themselves (see {@link readPacks}), kept on its schema too. */
const PACK_READER = Symbol('packReader');

type PackReader = (trans: DBCoreTransaction, after: Key | undefined, limit: number) => Promise<Pack[]>;
type PackedSchema = DBCoreTableSchema & { [PACKED]?: true; [PACK_READER]?: PackReader };

/** Whether a Dexie table is packed (a query on an index reads whole packs: fewer, wider reads pay). */
export function isPackedTable(table: Table): boolean {
  return (table.core.schema as PackedSchema)[PACKED] === true;
}

/**
 * The packs of a packed table in key order, at most `limit` of them, after the pack keyed `after`
 * (from the first when undefined), read in the Dexie transaction under way. Each pack's records
 * are sorted by key and no record is in two packs, so reading on from the last pack's key reads
 * every record once. For a reader of whole tables (the snapshot): a primary-key page of records
 * through the middleware costs a directory read and re-reads a pack split between two pages —
 * reading 100,000 projects this way took 0.5–0.7 s here against 1.2–1.6 s.
 */
export function readPacks(table: Table, after: Key | undefined, limit: number): Promise<Pack[]> {
  const read = (table.core.schema as PackedSchema)[PACK_READER];
  if (!read) throw new Error(`The table ${table.name} is not packed`);
  const trans = Dexie.currentTransaction as unknown as { idbtrans?: DBCoreTransaction } | null;
  if (!trans?.idbtrans) throw new Error(`Reading the packs of ${table.name} needs a transaction`);
  return read(trans.idbtrans, after, limit);
}

const isUpgrade = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).mode === 'versionchange';

/** The operations of one transaction on one table, run one after another. */
const queues = new WeakMap<DBCoreTransaction, Map<string, Promise<unknown>>>();
function inTurn<T>(trans: DBCoreTransaction, table: string, run: () => Promise<T>): Promise<T> {
  let byTable = queues.get(trans);
  if (!byTable) queues.set(trans, (byTable = new Map()));
  const before = byTable.get(table);
  const start = () => {
    try {
      return run();
    } catch (e) {
      return Dexie.Promise.reject(e) as Promise<T>;
    }
  };
  const mine = before ? before.then(start) : start();
  byTable.set(table, mine.then(() => undefined, () => undefined));
  return mine;
}

/** Entries in an index's order (key, then primary key), reversed, one per key when `unique`. */
function ordered(entries: Entry[], reverse: boolean, unique: boolean): Entry[] {
  entries.sort((a, b) => keyCmp(a.key, b.key) || keyCmp(a.pk, b.pk));
  // IndexedDB's unique directions give each key's first entry by primary key, either way.
  const out = unique ? entries.filter((e, i) => i === 0 || keyCmp(entries[i - 1]?.key, e.key) !== 0) : entries;
  return reverse ? out.reverse() : out;
}

function packedTable(down: DBCoreTable, spec: string, packSize: number): DBCoreTable {
  const name = down.schema.name;
  const pk = down.schema.primaryKey;
  const indexes = parseSpec(name, spec);
  const alias = (keyPath: null | string | string[]) => (Array.isArray(keyPath) ? `[${keyPath.join('+')}]` : keyPath);
  const readPacksHere: PackReader = (trans, after, limit) =>
    inTurn(trans, name, () =>
      down
        .query({ trans, values: true, limit, query: { index: pk, range: after === undefined ? ANY : { type: 2 as DBCoreRangeType, lower: after, lowerOpen: true, upper: undefined, upperOpen: true } } })
        .then((r) => r.result as Pack[]),
    );
  const schema: PackedSchema = {
    ...down.schema,
    [PACKED]: true,
    [PACK_READER]: readPacksHere,
    indexes,
    getIndexByKeyPath: (keyPath) => (keyPath === null || alias(keyPath) === alias(pk.keyPath) ? pk : indexes.find((i) => i.name === alias(keyPath))),
  };
  const keyOf = (value: unknown): Key => {
    const key = pk.extractKey?.(value) as Key | undefined;
    if (key === undefined) throw new Error(`Packed table ${name}: a record without its key`);
    return key;
  };
  const logical = (index: DBCoreIndex): LogicalIndex | null => {
    if (index.isPrimaryKey) return null;
    const found = indexes.find((i) => i.name === index.name);
    if (!found) throw new Error(`Packed table ${name} has no index ${String(index.name)}`);
    return found;
  };
  const physical = (index: LogicalIndex): DBCoreIndex => {
    const found = down.schema.getIndexByKeyPath(index.field);
    if (!found) throw new Error(`Packed table ${name}: its store has no index ${index.field} for ${index.name} (not upgraded?)`);
    return found;
  };

  // Each step chains on the promise the layer below returns (Dexie's own): its callbacks run in
  // the request's event, so the next request is made before the transaction can commit. A native
  // `await` would resume after the event in Node's fake IndexedDB, and the transaction would commit
  // in between.
  const directory = (trans: DBCoreTransaction): Promise<Key[]> =>
    down.query({ trans, values: false, query: { index: pk, range: ANY } }).then((r) => r.result as Key[]);
  const loadPacks = (trans: DBCoreTransaction, keys: Key[]): Promise<Pack[]> =>
    down.getMany({ trans, keys }).then((r) => r as Pack[]);

  /** The packs from index `a` to `b` of the directory, in one read. */
  const loadSpan = (trans: DBCoreTransaction, dir: readonly Key[], a: number, b: number): Promise<Pack[]> => {
    if (a > b) return loadPacks(trans, []);
    if (a === b) return loadPacks(trans, [dir[a] as Key]);
    const range = { type: 2 as DBCoreRangeType, lower: dir[a], upper: dir[b], lowerOpen: false, upperOpen: false } satisfies DBCoreKeyRange;
    return down.query({ trans, values: true, query: { index: pk, range } }).then((r) => r.result as Pack[]);
  };

  /** Which packs a key range can touch: [first, last] indexes into the directory. */
  const span = (dir: readonly Key[], range: DBCoreKeyRange): [number, number] => {
    if (dir.length === 0 || (range.type as number) === 4) return [0, -1];
    if ((range.type as number) === 3) return [0, dir.length - 1];
    const a = range.lower === undefined ? 0 : packIndexOf(dir, range.lower);
    const b = range.upper === undefined ? dir.length - 1 : packIndexOf(dir, range.upper);
    return [a, b];
  };

  /** The records in a primary-key range, in key order (or reversed), at most `limit` of them. */
  const select = (trans: DBCoreTransaction, range: DBCoreKeyRange, reverse: boolean, limit = Infinity): Promise<Rec[]> =>
    directory(trans).then((dir) => {
      const [a, b] = span(dir, range);
      const out: Rec[] = [];
      if (limit === Infinity) {
        return loadSpan(trans, dir, a, b).then((packs) => {
          for (const pack of packs) for (const r of pack.records) if (inRange(r.id, range)) out.push(r);
          return reverse ? out.reverse() : out;
        });
      }
      // A limited read (a page, the last key): a few packs at a time from the end it starts at.
      const step = Math.max(1, Math.ceil(limit / packSize) + 1);
      const from = (i: number): Promise<Rec[]> => {
        if (out.length >= limit || (reverse ? i < a : i > b)) return loadPacks(trans, []).then(() => out);
        const lo = reverse ? Math.max(a, i - step + 1) : i;
        const hi = reverse ? i : Math.min(b, i + step - 1);
        return loadSpan(trans, dir, lo, hi).then((packs) => {
          if (reverse) packs.reverse();
          for (const pack of packs) {
            for (const r of reverse ? [...pack.records].reverse() : pack.records) {
              if (out.length >= limit) break;
              if (inRange(r.id, range)) out.push(r);
            }
          }
          return from(reverse ? lo - 1 : hi + 1);
        });
      };
      return from(reverse ? b : a);
    });

  /** The keys of the packs that hold entries of `index` in `range` (the first `limit` entries' only, when given), sorted, once each. */
  const packsWith = (trans: DBCoreTransaction, index: LogicalIndex, range: DBCoreKeyRange, limit: number | undefined, reverse: boolean): Promise<Key[]> =>
    down.query({ trans, values: false, query: { index: physical(index), range: entryRange(range) }, ...(limit === undefined ? {} : { limit, direction: reverse ? 'prev' : 'next' }) })
      .then((r) => distinct([...(r.result as Key[])]));

  /** The entries of `index` in `range` that the given packs hold. */
  const entriesIn = (packs: readonly (Pack | undefined)[], index: LogicalIndex, range: DBCoreKeyRange): Entry[] => {
    const out: Entry[] = [];
    for (const pack of packs) {
      for (const r of pack?.records ?? []) for (const key of keysOf(index, r)) if (inRange(key, range)) out.push({ key, pk: r.id as Key, value: r });
    }
    return out;
  };

  /**
   * The entries of a logical index in `range`, in the index's order, at most `limit`. A limited
   * read asks the physical index for its first `limit` entries only — the same entries, in the
   * same order — and reads their packs.
   */
  const selectIndexed = (trans: DBCoreTransaction, index: LogicalIndex, range: DBCoreKeyRange, reverse: boolean, unique: boolean, limit = Infinity): Promise<Entry[]> =>
    packsWith(trans, index, range, unique || limit === Infinity ? undefined : limit, reverse)
      .then((keys) => loadPacks(trans, keys))
      .then((packs) => {
        const out = ordered(entriesIn(packs, index, range), reverse, unique);
        return limit === Infinity ? out : out.slice(0, limit);
      });

  /** The entries of any query (primary key or logical index) in its order. */
  const entries = (trans: DBCoreTransaction, index: DBCoreIndex, range: DBCoreKeyRange, reverse: boolean, unique: boolean, limit = Infinity): Promise<Entry[]> => {
    const byIndex = logical(index);
    if (byIndex) return selectIndexed(trans, byIndex, range, reverse, unique, limit);
    return select(trans, range, reverse, limit).then((records) => records.map((r) => ({ key: r.id, pk: r.id as Key, value: r })));
  };

  const getMany = ({ trans, keys }: DBCoreGetManyRequest): Promise<unknown[]> =>
    directory(trans).then((dir) => {
      const at = dir.length === 0 ? [] : keys.map((k) => packIndexOf(dir, k));
      const wanted = [...new Set(at)];
      return loadPacks(trans, wanted.map((i) => dir[i] as Key)).then((packs) => {
        const byIndex = new Map(wanted.map((i, n) => [i, packs[n]]));
        return keys.map((k, n) => {
          const pack = byIndex.get(at[n] as number);
          if (!pack) return undefined;
          const hit = find(pack.records, k);
          return hit.found ? pack.records[hit.at] : undefined;
        });
      });
    });

  const get = ({ trans, key }: DBCoreGetRequest): Promise<unknown> => getMany({ trans, keys: [key] }).then(([record]) => record);

  const NOTHING: DBCoreMutateResponse = { numFailures: 0, failures: {}, results: [], lastResult: undefined };

  const mutate = (req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
    const { trans } = req;
    return directory(trans).then((dir): Promise<DBCoreMutateResponse> => {
      if (req.type === 'deleteRange') {
        if ((req.range.type as number) === 3) return down.mutate({ trans, type: 'deleteRange', range: ANY });
        const [a, b] = span(dir, req.range);
        return loadSpan(trans, dir, a, b).then((packs) => {
          const changed = new Map<number, Rec[]>();
          packs.forEach((pack, n) => {
            const kept = pack.records.filter((r) => !inRange(r.id, req.range));
            if (kept.length !== pack.records.length) changed.set(a + n, kept);
          });
          return writeBack(trans, dir, changed).then(() => NOTHING);
        });
      }
      const keys: Key[] = req.type === 'delete' ? (req.keys as Key[]) : req.values.map((v, i) => (req.keys?.[i] as Key | undefined) ?? keyOf(v));
      // Nothing to delete from a table with no pack; a first write starts one, keyed by its least key.
      if (keys.length === 0 || (dir.length === 0 && req.type === 'delete')) return loadPacks(trans, []).then(() => ({ ...NOTHING, results: keys }));
      const fresh = dir.length === 0;
      const directoryNow = fresh ? [keys.reduce((m, k) => (keyCmp(k, m) < 0 ? k : m))] : dir;
      const at = keys.map((k) => packIndexOf(directoryNow, k));
      const wanted = [...new Set(at)];
      return loadPacks(trans, fresh ? [] : wanted.map((i) => directoryNow[i] as Key)).then((loaded) => {
        const byIndex = new Map<number, Map<Key, Rec>>();
        wanted.forEach((i, n) => byIndex.set(i, new Map((loaded[n]?.records ?? []).map((r) => [r.id as Key, r]))));
        const failures: Record<number, Error> = {};
        let numFailures = 0;
        keys.forEach((key, n) => {
          const records = byIndex.get(at[n] as number) as Map<Key, Rec>;
          if (req.type === 'delete') records.delete(key);
          else if (req.type === 'add' && records.has(key)) {
            failures[n] = new DOMException(`Key already exists in the object store (${name}).`, 'ConstraintError');
            numFailures++;
          } else records.set(key, req.values[n] as Rec);
        });
        const changed = new Map<number, Rec[]>();
        for (const [i, records] of byIndex) changed.set(i, [...records.values()].sort((x, y) => keyCmp(x.id, y.id)));
        return writeBack(trans, directoryNow, changed, fresh).then(() => ({ numFailures, failures, results: keys, lastResult: keys[keys.length - 1] }));
      });
    });
  };

  /**
   * Stores the changed packs (index → its records, sorted): an emptied pack is deleted, one grown
   * past packSize split, the first re-keyed when a lesser key came into it — so every pack's key
   * stays ≤ its records and < the next pack's. Each stored pack carries its index keys anew.
   */
  const writeBack = (trans: DBCoreTransaction, dir: readonly Key[], changed: Map<number, Rec[]>, fresh = false): Promise<unknown> => {
    const puts: Pack[] = [];
    const deletes: Key[] = [];
    for (const [i, records] of changed) {
      const old = dir[i] as Key;
      if (records.length === 0) {
        if (!fresh) deletes.push(old);
        continue;
      }
      let key = old;
      if (i === 0 && keyCmp(records[0]?.id, old) < 0) {
        key = records[0]?.id as Key;
        if (!fresh) deletes.push(old);
      }
      if (records.length <= packSize) {
        puts.push(packRow(indexes, key, records));
        continue;
      }
      // Grown past the size: the last pack (where new keys arrive in order) into full packs, any
      // other into even ones so that each keeps room.
      const size = i === dir.length - 1 ? packSize : Math.ceil(records.length / Math.ceil(records.length / packSize));
      toPacks(indexes, records, size).forEach((pack, n) => puts.push(n === 0 ? { ...pack, id: key } : pack));
    }
    // Deletes first: a split's new pack may take the key of one emptied here.
    return down.mutate({ trans, type: 'delete', keys: deletes }).then(() => down.mutate({ trans, type: 'put', values: puts })).then((res) => {
      if (res.numFailures > 0) throw Object.values(res.failures)[0] ?? new Error(`Packed table ${name}: a pack was not written`);
    });
  };

  const query = (req: DBCoreQueryRequest) => {
    const reverse = req.direction === 'prev' || req.direction === 'prevunique';
    const unique = req.direction === 'nextunique' || req.direction === 'prevunique';
    return entries(req.trans, req.query.index, req.query.range, reverse, unique, req.limit ?? Infinity).then((found) => ({ result: req.values ? found.map((e) => e.value) : found.map((e) => e.pk) }));
  };

  // A count on a logical index is its physical index's: one entry per record entry, no pack read.
  const count = (req: DBCoreCountRequest): Promise<number> => {
    const byIndex = logical(req.query.index);
    if (byIndex) return down.count({ trans: req.trans, query: { index: physical(byIndex), range: entryRange(req.query.range) } });
    return select(req.trans, req.query.range, false).then((records) => records.length);
  };

  const openCursor = (req: DBCoreOpenCursorRequest): Promise<DBCoreCursor | null> =>
    entries(req.trans, req.query.index, req.query.range, !!req.reverse, !!req.unique).then((found) => (found.length === 0 ? null : arrayCursor(req.trans, found, !!req.values, !!req.reverse)));

  const turn = <A extends { trans: DBCoreTransaction }, R>(direct: (a: A) => Promise<R>, packed: (a: A) => Promise<R>) =>
    (a: A): Promise<R> => (isUpgrade(a.trans) ? direct(a) : inTurn(a.trans, name, () => packed(a)));

  return {
    ...down,
    schema,
    get: turn((r) => down.get(r), get),
    getMany: turn((r) => down.getMany(r), getMany),
    mutate: turn((r) => down.mutate(r), mutate),
    query: turn((r) => down.query(r), query),
    count: turn((r) => down.count(r), count),
    openCursor: turn((r) => down.openCursor(r), openCursor),
  };
}

/**
 * A cursor over entries already read (a packed table's): the same protocol as Dexie's own over an
 * IndexedDB cursor — `start` calls back for each entry until `stop`, `continue` moves on (to an
 * index key, when given), `continuePrimaryKey` to a (key, primary key) position, `next` steps once.
 */
function arrayCursor(trans: DBCoreTransaction, entries: readonly Entry[], values: boolean, reverse: boolean): DBCoreCursor {
  let i = 0;
  let callback: (() => void) | undefined;
  let finish: ((value: unknown) => void) | undefined;
  let failIteration: ((e: Error) => void) | undefined;
  let stopped = false;
  const call = () => {
    if (stopped || !callback) return;
    if (i >= entries.length) {
      cursor.done = true;
      cursor.stop();
      return;
    }
    try {
      callback();
    } catch (e) {
      cursor.fail(e instanceof Error ? e : new Error(String(e)));
    }
  };
  const later = () => void Promise.resolve().then(call);
  /** Moves on while the entry is before the target in the cursor's direction. */
  const seek = (before: (e: Entry) => number) => {
    while (i < entries.length && (reverse ? before(entries[i] as Entry) > 0 : before(entries[i] as Entry) < 0)) i++;
  };
  const cursor: DBCoreCursor & { done: boolean } = {
    trans,
    done: false,
    get key() { return entries[i]?.key; },
    get primaryKey() { return entries[i]?.pk; },
    get value() { return values ? entries[i]?.value : undefined; },
    continue(key?: unknown) {
      i++;
      if (key !== undefined) seek((e) => keyCmp(e.key, key));
      later();
    },
    continuePrimaryKey(key: unknown, primaryKey: unknown) {
      i++;
      seek((e) => keyCmp(e.key, key) || keyCmp(e.pk, primaryKey));
      later();
    },
    advance(count: number) {
      i += count;
      later();
    },
    start(onNext: () => void) {
      callback = onNext;
      stopped = false;
      const iteration = new Promise<unknown>((resolve, reject) => {
        finish = resolve;
        failIteration = reject;
      });
      call();
      return iteration;
    },
    stop(value?: unknown) {
      stopped = true;
      finish?.(value);
    },
    fail(error: Error) {
      stopped = true;
      failIteration?.(error);
    },
    next() {
      let gotOne = 1;
      return this.start(() => (gotOne-- ? this.continue() : this.stop())).then(() => this);
    },
  };
  return cursor;
}

/**
 * The middleware that packs `tables` — each named with its logical schema ('id, projectId,
 * [alive+updatedAt]'; its store declared with `packedSchema` of it) — in packs of at most `size`
 * records.
 */
export function packedTables(tables: Readonly<Record<string, string>>, size = PACK_SIZE): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'PackedTables',
    level: -10,
    create(down) {
      return {
        ...down,
        table(name: string) {
          const table = down.table(name);
          const spec = tables[name];
          return spec === undefined ? table : packedTable(table, spec, size);
        },
      };
    },
  };
}

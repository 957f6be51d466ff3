// Push (DESIGN §4): one database transaction per batch. The client's row is locked first, so two
// attempts of the same batch run one after the other; entries at or below the client's last_seq
// are skipped (a retry changes nothing), a gap is refused. The records the batch touches are
// locked in one order and merged per field by HLC (shared/sync/merge.ts); a guarded field whose
// server value moved on since the value the clerk saw keeps the server value and records a
// conflict. The client's last_seq advances; then, under the region's log lock (held to the
// commit), what won is appended to the region's log, each change with its common stamp once.
// Every table gets one statement per batch (rows travel as one JSON parameter), not one per change.
import * as Y from 'yjs';
import {
  MIN_SYNC_SCHEMA_VERSION, SET_FIELDS, SYNC_SCHEMA_VERSION, isRecordChange, parseSetElementField, splitByStamp,
  type DocUpdateEntry, type OutboxEntry, type PushConflict, type PushRequest, type PushResponse,
} from '../../shared/sync/contract';
import { MAX_CLOCK_DRIFT_MS, wallMsOf } from '../../shared/sync/hlc';
import { mergeChanges, sameValue, type FieldClocks } from '../../shared/sync/merge';
import { toNumber, type Database, type Tx } from '../db/database';
import { assertWrite, type Caller } from '../auth/caller';
import { fail } from '../http/errors';
import { badDeletedAt, badFieldName, badValue } from './validate';

/** Advisory lock class of a region's log: appends to one region's log commit in version order. */
export const LOG_LOCK_CLASS = 0x4c6f6721; // 'Log!'

/** A document with this many stored updates is merged into one (Y.mergeUpdates). */
export const DEFAULT_COMPACT_AT = 100;

export type PushOptions = {
  /** The server's clock (ms since the epoch). */
  now: number;
  compactAt?: number;
  /** Runs inside the transaction just before COMMIT (fault-injection tests). */
  beforeCommit?: () => void;
};

type RecordEntry = OutboxEntry & { seq: number };
type DocEntry = DocUpdateEntry & { seq: number };
type State = { tbl: string; id: string; fields: Record<string, unknown>; clocks: FieldClocks; dirty: boolean };
type ChangeInsert = { tbl: string; record_id: string; seq: number; fields: OutboxEntry['fields'] };
/** A change as the log stores it (migration 003): its common stamp once, the others whole. */
type StoredChange = { tbl: string; record_id: string; seq: number; hlc: string; fields: Record<string, unknown>; stamped: OutboxEntry['fields'] | null };
type ConflictRow = { seq: string | number; tbl: string; record_id: string; field: string; base_hlc: string | null; client_value: unknown; client_hlc: string; server_value: unknown; server_hlc: string | null };

/** Applies a push batch for `caller`; throws ApiError for anything refused (then nothing is stored). */
export async function push(db: Database, caller: Caller, req: PushRequest, opts: PushOptions): Promise<PushResponse> {
  const region = req.regionId;
  assertWrite(caller, region);
  if (req.schemaVersion < MIN_SYNC_SCHEMA_VERSION) {
    fail('schema_outdated', `Schema version ${req.schemaVersion} is no longer accepted (oldest accepted: ${MIN_SYNC_SCHEMA_VERSION}). Update the application.`);
  }
  if (req.schemaVersion > SYNC_SCHEMA_VERSION) {
    fail('bad_request', `This server speaks sync schema version ${SYNC_SCHEMA_VERSION}; the client sent ${req.schemaVersion}. Update the server.`);
  }
  const entries = checkEntries(req, region, opts.now);

  const result = await db.transaction(async (tx) => {
    // The client's row, locked: a second attempt of the same batch waits here for the first.
    // (An empty batch only asks for lastSeq and writes nothing.)
    if (entries.length > 0) {
      await tx.query('INSERT INTO clients (client_id, user_id) VALUES ($1, $2) ON CONFLICT (client_id) DO NOTHING', [req.clientId, caller.userId]);
    }
    const [client] = await tx.query<{ last_seq: unknown }>('SELECT last_seq FROM clients WHERE client_id = $1 FOR UPDATE', [req.clientId]);
    const lastSeq = toNumber(client?.last_seq);
    const fresh = entries.filter((e) => e.seq > lastSeq);
    let expected = lastSeq + 1;
    for (const e of fresh) {
      if (e.seq !== expected) {
        fail('seq_gap', `Expected seq ${expected} from client ${req.clientId}, got ${e.seq}: push again from seq ${lastSeq + 1}.`, { lastSeq });
      }
      expected++;
    }
    const skipped = entries.filter((e) => e.seq <= lastSeq);
    const earlier = skipped.length > 0 ? await recordedConflicts(tx, region, req.clientId, skipped[0]!.seq, skipped[skipped.length - 1]!.seq) : [];
    if (fresh.length === 0) return { lastSeq, version: await regionVersion(tx, region), conflicts: earlier };

    const records = fresh.filter((e): e is RecordEntry => isRecordChange(e));
    const docs = fresh.filter((e): e is DocEntry => !isRecordChange(e));
    const { changes, conflicts } = await mergeRecords(tx, region, records);

    // What does not need the log's versions is written before its lock: the lock is held from the
    // append to the commit, and every push of the region waits for it.
    if (conflicts.length > 0) await insertConflicts(tx, region, req.clientId, caller.userId, conflicts);
    const newLastSeq = fresh[fresh.length - 1]!.seq;
    await tx.query('UPDATE clients SET last_seq = $2, user_id = $3, updated_at = now() WHERE client_id = $1', [req.clientId, newLastSeq, caller.userId]);

    let version = 0;
    if (changes.length > 0 || docs.length > 0) {
      await lockRegionLog(tx, region);
      if (changes.length > 0) version = Math.max(version, await appendChanges(tx, region, req.clientId, caller.userId, changes));
      if (docs.length > 0) {
        version = Math.max(version, await appendDocs(tx, region, req.clientId, caller.userId, docs.map((d) => ({ docId: d.docId, update: d.update, seq: d.seq }))));
        await compactDocs(tx, region, [...new Set(docs.map((d) => d.docId))], opts.compactAt ?? DEFAULT_COMPACT_AT);
      }
    }
    // Nothing appended (every change lost its merge, every update was stored already): the log's newest version.
    if (version === 0) version = await regionVersion(tx, region);
    opts.beforeCommit?.();
    return { lastSeq: newLastSeq, version, conflicts: [...earlier, ...conflicts] };
  });
  return { ...result, serverTime: opts.now };
}

/** Shape checks beyond zod and the clock check; returns the entries with their seq. */
function checkEntries(req: PushRequest, region: string, now: number): Array<RecordEntry | DocEntry> {
  const out: Array<RecordEntry | DocEntry> = [];
  let previous = 0;
  for (const [i, e] of req.entries.entries()) {
    const where = `entries[${i}]`;
    if (e.seq === undefined) fail('bad_request', `${where}: every pushed entry needs its seq.`);
    if (e.seq <= previous) fail('bad_request', `${where}: seq ${e.seq} after ${previous}; entries go in increasing seq order.`);
    previous = e.seq;
    if (e.clientId !== req.clientId) fail('bad_request', `${where}: clientId ${e.clientId} differs from the batch's ${req.clientId}.`);
    if (isRecordChange(e)) {
      for (const [name, change] of Object.entries(e.fields)) {
        const bad = badFieldName(name) ?? badValue(change.value);
        if (bad) fail('bad_request', `${where}.fields.${name.slice(0, 80)} ${bad}.`, { entrySeq: e.seq });
        const ahead = wallMsOf(change.hlc) - now;
        if (ahead > MAX_CLOCK_DRIFT_MS) {
          fail('clock_ahead', `${where} (seq ${e.seq}): the change of "${name.slice(0, 80)}" is stamped ${Math.round(ahead / 1000)} s ahead of the server's clock (at most ${MAX_CLOCK_DRIFT_MS / 1000} s allowed). Set the computer's clock right; nothing of this batch was stored.`);
        }
        if (name === 'deletedAt') {
          const badTomb = badDeletedAt(change.value);
          if (badTomb) fail('bad_request', `${where}.fields.deletedAt ${badTomb}.`, { entrySeq: e.seq });
        }
        if (name === 'regionId' && change.value !== null && change.value !== region) {
          fail('forbidden', `${where}: a record of region "${String(change.value).slice(0, 80)}" cannot be pushed to region "${region}".`, { entrySeq: e.seq });
        }
      }
      for (const name of Object.keys(e.base ?? {})) {
        const bad = badFieldName(name);
        if (bad) fail('bad_request', `${where}.base.${name.slice(0, 80)} ${bad}.`, { entrySeq: e.seq });
      }
      out.push(e as RecordEntry);
    } else {
      const bytes = Buffer.from(e.update, 'base64');
      try {
        if (bytes.length < 2) throw new Error('too short');
        Y.decodeUpdate(bytes);
      } catch {
        fail('bad_request', `${where}: the update of ${e.docId} is not a Yjs update.`, { entrySeq: e.seq });
      }
      out.push(e as DocEntry);
    }
  }
  return out;
}

/** The value of field `name` in a record's fields (a set element: whether it is present). */
function currentValue(fields: Record<string, unknown>, name: string, setFields: readonly string[]): unknown {
  const element = parseSetElementField(name);
  if (element && setFields.includes(element.field)) {
    const list = fields[element.field];
    return Array.isArray(list) && list.includes(element.element);
  }
  return Object.hasOwn(fields, name) ? fields[name] : null;
}

/**
 * A record the batch creates was created meanwhile by another transaction: the transaction runs
 * again (the database drivers retry SQLSTATE 40001), and then finds and locks that record.
 */
class CreatedConcurrently extends Error {
  readonly code = '40001';
}

/**
 * Merges the batch's record entries in seq order. Existing records are locked first (in one
 * order, so concurrent batches cannot deadlock); records the batch creates are inserted with
 * their merged state in one statement, existing ones updated in one.
 */
async function mergeRecords(tx: Tx, region: string, records: RecordEntry[]): Promise<{ changes: ChangeInsert[]; conflicts: PushConflict[] }> {
  const changes: ChangeInsert[] = [];
  const conflicts: PushConflict[] = [];
  if (records.length === 0) return { changes, conflicts };
  const keyOf = (tbl: string, id: string) => `${tbl}\u0000${id}`;
  const keys = new Map<string, { tbl: string; id: string }>();
  for (const e of records) keys.set(keyOf(e.table, e.recordId), { tbl: e.table, id: e.recordId });
  const rows = await tx.query<{ tbl: string; id: string; fields: Record<string, unknown>; clocks: FieldClocks }>(
    `SELECT r.tbl, r.id::text AS id, r.fields, r.clocks
     FROM records r JOIN jsonb_to_recordset($2::jsonb) AS k(tbl text, id uuid) ON r.tbl = k.tbl AND r.id = k.id
     WHERE r.region_id = $1 ORDER BY r.tbl, r.id FOR UPDATE OF r`,
    [region, JSON.stringify([...keys.values()])],
  );
  const state = new Map<string, State & { isNew: boolean }>();
  for (const r of rows) state.set(keyOf(r.tbl, r.id), { tbl: r.tbl, id: r.id, fields: r.fields ?? {}, clocks: r.clocks ?? {}, dirty: false, isNew: false });
  for (const [key, k] of keys) if (!state.has(key)) state.set(key, { tbl: k.tbl, id: k.id, fields: {}, clocks: {}, dirty: false, isNew: true });

  for (const e of records) {
    const st = state.get(keyOf(e.table, e.recordId))!;
    const setFields = SET_FIELDS[e.table] ?? [];
    const incoming: OutboxEntry['fields'] = { ...e.fields };
    for (const [name, base] of Object.entries(e.base ?? {})) {
      const change = incoming[name];
      if (!change) continue;
      const serverHlc = Object.hasOwn(st.clocks, name) ? (st.clocks[name] ?? null) : null;
      if (serverHlc === base) continue;
      const serverValue = currentValue(st.fields, name, setFields);
      if (sameValue(serverValue, change.value)) continue;
      conflicts.push({ seq: e.seq, table: e.table, recordId: e.recordId, field: name, base, value: change.value, hlc: change.hlc, serverValue, serverHlc });
      delete incoming[name];
    }
    const merged = mergeChanges(st.fields, st.clocks, incoming, setFields);
    if (merged.applied.length === 0) continue;
    st.fields = merged.fields;
    st.clocks = merged.clocks;
    st.dirty = true;
    const applied: OutboxEntry['fields'] = {};
    for (const name of merged.applied) applied[name] = incoming[name]!;
    changes.push({ tbl: e.table, record_id: e.recordId, seq: e.seq, fields: applied });
  }

  const rowJson = (list: State[]) => JSON.stringify(list.map((s) => ({
    tbl: s.tbl, id: s.id, fields: s.fields, clocks: s.clocks,
    deleted_at: typeof s.fields.deletedAt === 'string' ? s.fields.deletedAt : null,
  })));
  const created = [...state.values()].filter((s) => s.isNew && s.dirty);
  if (created.length > 0) {
    const inserted = await tx.query<{ n: unknown }>(
      `WITH ins AS (
         INSERT INTO records (region_id, tbl, id, fields, clocks, deleted_at)
         SELECT $1, u.tbl, u.id, u.fields, u.clocks, u.deleted_at
         FROM jsonb_to_recordset($2::jsonb) AS u(tbl text, id uuid, fields jsonb, clocks jsonb, deleted_at timestamptz)
         ORDER BY u.tbl, u.id
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*) AS n FROM ins`,
      [region, rowJson(created)],
    );
    if (toNumber(inserted[0]?.n) !== created.length) throw new CreatedConcurrently('a record of the batch was created concurrently; retrying');
  }
  const updated = [...state.values()].filter((s) => !s.isNew && s.dirty);
  if (updated.length > 0) {
    await tx.query(
      `UPDATE records AS r SET fields = u.fields, clocks = u.clocks, deleted_at = u.deleted_at, updated_at = now()
       FROM jsonb_to_recordset($2::jsonb) AS u(tbl text, id uuid, fields jsonb, clocks jsonb, deleted_at timestamptz)
       WHERE r.region_id = $1 AND r.tbl = u.tbl AND r.id = u.id`,
      [region, rowJson(updated)],
    );
  }
  return { changes, conflicts };
}

/** Serialises appends to `region`'s log until the transaction ends (versions commit in order). */
export async function lockRegionLog(tx: Tx, region: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOG_LOCK_CLASS, region]);
}

/**
 * Appends record changes to the log, each stored compact (its common stamp once: half the bytes
 * of a change written whole, and this statement runs under the region's log lock); returns the
 * highest version given.
 */
async function appendChanges(tx: Tx, region: string, clientId: string, userId: number, changes: ChangeInsert[]): Promise<number> {
  const stored = changes.map((c): StoredChange => {
    // A merged change has at least one field (changes without any are not appended).
    const parts = splitByStamp(c.fields)!;
    return { tbl: c.tbl, record_id: c.record_id, seq: c.seq, hlc: parts.hlc, fields: parts.values, stamped: parts.fields ?? null };
  });
  const [row] = await tx.query<{ v: unknown }>(
    `WITH ins AS (
       INSERT INTO changes (region_id, tbl, record_id, hlc, fields, stamped, client_id, seq, user_id)
       SELECT $1, c.tbl, c.record_id, c.hlc, c.fields, c.stamped, $2, c.seq, $3
       FROM jsonb_to_recordset($4::jsonb) AS c(tbl text, record_id uuid, hlc text, fields jsonb, stamped jsonb, seq bigint) ORDER BY c.seq
       RETURNING version)
     SELECT max(version) AS v FROM ins`,
    [region, clientId, userId, JSON.stringify(stored)],
  );
  return toNumber(row?.v);
}

/** A document update to append: base64 bytes, and the pusher's seq (null for a live update). */
export type DocAppend = { docId: string; update: string; seq: number | null };

/**
 * Appends document updates to the log, each at most once: an update whose bytes the server has
 * already stored for that document (relayed live before the outbox pushed it, or pushed twice)
 * is skipped. Returns the highest version given (0 when every update was already stored).
 */
export async function appendDocs(tx: Tx, region: string, clientId: string | null, userId: number, docs: readonly DocAppend[]): Promise<number> {
  const seen = new Set<string>();
  const unique = docs.filter((d) => {
    const key = `${d.docId}\u0000${d.update}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const [row] = await tx.query<{ v: unknown }>(
    `WITH d AS (
       SELECT d.doc_id, decode(d.payload, 'base64') AS bytes, d.seq, d.n
       FROM jsonb_to_recordset($4::jsonb) AS d(doc_id text, payload text, seq bigint, n int)),
     fresh AS (
       INSERT INTO doc_receipts (region_id, doc_id, hash)
       SELECT $1, d.doc_id, sha256(d.bytes) FROM d
       ON CONFLICT DO NOTHING RETURNING doc_id, hash),
     ins AS (
       INSERT INTO doc_updates (region_id, doc_id, payload, client_id, seq, user_id)
       SELECT $1, d.doc_id, d.bytes, $2, d.seq, $3
       FROM d JOIN fresh f ON f.doc_id = d.doc_id AND f.hash = sha256(d.bytes) ORDER BY d.n
       RETURNING version)
     SELECT max(version) AS v FROM ins`,
    [region, clientId, userId, JSON.stringify(unique.map((d, n) => ({ doc_id: d.docId, payload: d.update, seq: d.seq, n })))],
  );
  return toNumber(row?.v);
}

/**
 * Merges the stored updates of each document that has gathered `compactAt` or more into one row.
 * The merged row keeps the newest version of those it replaces: a client whose cursor is past it
 * had every part already; one before it gets the whole (Yjs ignores what it already has).
 */
export async function compactDocs(tx: Tx, region: string, docIds: string[], compactAt: number): Promise<void> {
  const counts = await tx.query<{ doc_id: string; n: unknown }>(
    `SELECT doc_id, count(*) AS n FROM doc_updates
     WHERE region_id = $1 AND doc_id IN (SELECT jsonb_array_elements_text($2::jsonb)) GROUP BY doc_id`,
    [region, JSON.stringify(docIds)],
  );
  for (const { doc_id: docId, n } of counts) {
    if (toNumber(n) < compactAt) continue;
    const rows = await tx.query<{ version: unknown; payload: Uint8Array }>(
      'SELECT version, payload FROM doc_updates WHERE region_id = $1 AND doc_id = $2 ORDER BY version',
      [region, docId],
    );
    let merged: Uint8Array;
    try {
      merged = Y.mergeUpdates(rows.map((r) => new Uint8Array(r.payload)));
    } catch (e) {
      console.error(`Compaction of ${docId} skipped: ${(e as Error).message}`);
      continue;
    }
    const versions = rows.map((r) => toNumber(r.version));
    await tx.query(
      'DELETE FROM doc_updates WHERE region_id = $1 AND doc_id = $2 AND version IN (SELECT jsonb_array_elements_text($3::jsonb)::bigint)',
      [region, docId, JSON.stringify(versions)],
    );
    await tx.query(
      `INSERT INTO doc_updates (version, region_id, doc_id, payload) VALUES ($1, $2, $3, decode($4, 'base64'))`,
      [Math.max(...versions), region, docId, Buffer.from(merged).toString('base64')],
    );
    await tx.query("DELETE FROM doc_receipts WHERE region_id = $1 AND doc_id = $2 AND at < now() - interval '7 days'", [region, docId]);
  }
}

async function insertConflicts(tx: Tx, region: string, clientId: string, userId: number, conflicts: PushConflict[]): Promise<void> {
  await tx.query(
    `INSERT INTO conflicts (region_id, tbl, record_id, field, base_hlc, client_value, client_hlc, server_value, server_hlc, client_id, seq, user_id)
     SELECT $1, c.tbl, c.record_id, c.field, c.base_hlc, c.client_value, c.client_hlc, c.server_value, c.server_hlc, $2, c.seq, $3
     FROM jsonb_to_recordset($4::jsonb) AS c(tbl text, record_id uuid, field text, base_hlc text, client_value jsonb, client_hlc text, server_value jsonb, server_hlc text, seq bigint)`,
    [region, clientId, userId, JSON.stringify(conflicts.map((c) => ({
      tbl: c.table, record_id: c.recordId, field: c.field, base_hlc: c.base, client_value: c.value ?? null, client_hlc: c.hlc, server_value: c.serverValue ?? null, server_hlc: c.serverHlc, seq: c.seq,
    })))],
  );
}

/** Conflicts recorded for this client's entries `from`..`to` (a retried batch's reply). */
async function recordedConflicts(tx: Tx, region: string, clientId: string, from: number, to: number): Promise<PushConflict[]> {
  const rows = await tx.query<ConflictRow>(
    `SELECT seq, tbl, record_id::text AS record_id, field, base_hlc, client_value, client_hlc, server_value, server_hlc
     FROM conflicts WHERE client_id = $1 AND region_id = $2 AND seq BETWEEN $3 AND $4 ORDER BY id`,
    [clientId, region, from, to],
  );
  return rows.map((r) => ({
    seq: toNumber(r.seq), table: r.tbl as PushConflict['table'], recordId: r.record_id, field: r.field, base: r.base_hlc,
    value: r.client_value, hlc: r.client_hlc, serverValue: r.server_value, serverHlc: r.server_hlc,
  }));
}

/** The region's newest log version (0 when it has none). */
export async function regionVersion(tx: Pick<Tx, 'query'>, region: string): Promise<number> {
  const [row] = await tx.query<{ v: unknown }>(
    `SELECT greatest(
       (SELECT max(version) FROM changes WHERE region_id = $1),
       (SELECT max(version) FROM doc_updates WHERE region_id = $1), 0) AS v`,
    [region],
  );
  return toNumber(row?.v);
}

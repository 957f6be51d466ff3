// The one repository layer every write goes through (DESIGN §3). A write validates the record with
// its zod schema and then, in one Dexie transaction, stores the row, stamps each changed field
// (set fields element by element) with the hybrid logical clock, appends the change to the sync
// outbox and an entry to the audit log (a batch's many to a row) — one write path for
// creates, updates, deletes, restores.
// Changes stamped elsewhere (a pull) merge through the same path, per field by clock, unsent.
import type { z } from 'zod';
import { formatHlc, initialHlc, parseHlc, receiveHlc, tickHlc, type Hlc } from '@shared/sync/hlc';
import { META_FIELDS, type RecordMeta } from '@shared/domain/record';
import { wasCheckedBy } from '@shared/domain/checked';
import { SET_FIELDS, type OutboxEntry, type SyncedTable } from '@shared/sync/contract';
import { diffFields, mergeChanges, sameValue, type FieldClocks } from '@shared/sync/merge';
import { packClocks } from '@shared/sync/packed-clocks';
import { clocksOf, type AuditEntry, type HattamaDb, type LocalDerived } from './db';
import { auditRowsOf } from './audit';
import { outboxRowsOf } from './outbox';

/** What a write needs from its surroundings; passed in so tests control time, ids and actor. */
export type RepoContext = {
  db: HattamaDb;
  now: () => Date;
  newId: () => string;
  /** Display name of the clerk who writes (recorded in the audit log). */
  actor: () => string;
};

/** A record failed validation; nothing was written. `issues` carry field paths and message keys. */
export class ValidationError extends Error {
  constructor(readonly issues: readonly { path: string; message: string }[]) {
    super(`Validation failed: ${issues.map((i) => `${i.path || '(record)'} ${i.message}`).join('; ')}`);
    this.name = 'ValidationError';
  }
}

/** The record does not exist (or is deleted, where the operation needs a live one). */
export class NotFoundError extends Error {
  constructor(table: string, id: string) {
    super(`${table}/${id} not found`);
    // Not 'NotFoundError': Dexie replaces any error of an IndexedDB DOMException name thrown in a
    // transaction with its own Dexie.NotFoundError, and `instanceof` would no longer match.
    this.name = 'RecordNotFoundError';
  }
}

export type Row<F> = RecordMeta & F & LocalDerived;

/** What a write did, handed to the table's `afterWrite` inside the same transaction. */
export type WriteEvent<F> = {
  id: string;
  row: Row<F>;
  /** The record's field stamps after the write. */
  clocks: FieldClocks;
  previous: F | null;
  /** Names of the plain fields (and set fields) that changed. */
  changed: ReadonlySet<string>;
  action: AuditEntry['action'];
  at: string;
  actor: string;
  /** True when the change was stamped elsewhere and merged here (nothing of it is pushed again). */
  remote: boolean;
};

export type RepoOptions<S extends z.ZodType> = {
  table: SyncedTable;
  schema: S;
  /** Text a list's search runs on, stored lower-cased with the row (tables that have a search). */
  searchText?: (fields: z.output<S>) => string;
  /** Fields whose concurrent change must raise a conflict instead of a silent overwrite. */
  guarded?: readonly string[];
  /**
   * Checks a local create or update against other records (a duplicate number, a deadline before
   * the meeting) inside the write's transaction, before anything is stored: throw a
   * {@link ValidationError} to refuse it. Changes merged from elsewhere are not checked.
   */
  check?: (fields: z.output<S>, context: { id: string | null; previous: z.output<S> | null }) => Promise<void>;
  /** Runs in the write's transaction after the row is stored (stage log, projections). */
  afterWrite?: (event: WriteEvent<z.output<S>>) => Promise<void>;
  /**
   * Runs once in the transaction of a batch merge ({@link Repository.applyRemoteMany}, `remote`
   * true) or a batch of local writes ({@link Repository.writeMany}, `remote` false) with the
   * events of every change, after all rows are stored — so a projection
   * is rebuilt once per record, not once per change. Absent: `afterWrite` runs for each in turn.
   */
  afterWriteMany?: (events: readonly WriteEvent<z.output<S>>[]) => Promise<void>;
};

/** A change stamped elsewhere, for a batch merge: the record, its field changes, who made them. */
export type RemoteChange = { recordId: string; fields: OutboxEntry['fields']; actor?: string };

/** Options of a batch merge. */
export type ApplyManyOptions = {
  /**
   * False on a new clerk's first sync: the records arrive as they stand on the server, and their
   * history before that stays on the server — no audit entry per record is written (it would double
   * the writes of the first sync). Later pulls keep the audit (default true).
   */
  audit?: boolean;
  /**
   * Records known to be absent here (neither row nor stamps): on a first sync into empty tables,
   * the records no page has brought yet. They are not read — half the cost of a first sync.
   */
  isAbsent?: (recordId: string) => boolean;
  /**
   * False on a first sync: the table's projections (board rows, control rows) are not kept page by
   * page — a barrier page rewrote the board rows a project page had just written, and this upkeep
   * was half the first sync — the engine builds them all once the last page is in (see
   * rebuildStaleProjections in projections.ts). Default true.
   */
  projections?: boolean;
  /**
   * The writes of the batch are not waited for but added here (the caller waits for them all
   * before its transaction ends): a page's next table is merged while this one's rows are stored.
   * Its reads still see these writes — the transaction keeps the order of its requests.
   */
  pending?: Promise<unknown>[];
};

/** Options of an update. */
export type UpdateOptions = {
  /**
   * The field stamps of the record as the clerk saw it (e.g. when the card was opened): a guarded
   * field's `base` is the stamp of the value the clerk saw, so a concurrent change stays visible.
   */
  seen?: FieldClocks;
};

/** Fields the repository owns (record meta and local derived fields), never taken from a caller's input. */
const META = new Set<string>([...META_FIELDS, 'alive', 'search', 'clocks']);

/** Turns zod issues into field paths with message keys. */
export function toValidationError(error: z.ZodError): ValidationError {
  return new ValidationError(error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
}

/** The clerk-edited fields of a stored row (no meta, no derived fields). */
export function fieldsOf<F>(row: object): F {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!META.has(k) && v !== undefined) out[k] = v;
  return out as F;
}

/** Loads (or creates) this client's id and clock inside the current transaction. */
async function clientAndClock(db: HattamaDb): Promise<{ clientId: string; clock: Hlc }> {
  // Both read at once: every request waits a round trip to the database.
  const [client, clockRow] = await Promise.all([db.syncState.get('client'), db.syncState.get('clock')]);
  let clientId: string;
  if (client?.clientId) clientId = client.clientId;
  else {
    clientId = crypto.randomUUID();
    await db.syncState.put({ key: 'client', clientId });
  }
  const clock = clockRow?.clock ?? initialHlc(clientId);
  return { clientId, clock };
}

/** This install's sync client id (created on first use), inside the current transaction. */
export async function clientIdOf(db: HattamaDb): Promise<string> {
  return (await clientAndClock(db)).clientId;
}

/** A repository for one synced table. */
export class Repository<S extends z.ZodType> {
  private readonly setFields: readonly string[];

  constructor(
    private readonly ctx: RepoContext,
    private readonly opts: RepoOptions<S>,
  ) {
    this.setFields = SET_FIELDS[opts.table] ?? [];
  }

  get tableName(): SyncedTable {
    return this.opts.table;
  }

  private get table() {
    return this.ctx.db.table<Row<z.output<S>>, string>(this.opts.table);
  }

  /** Runs `work` in one read-write transaction over every table a write may touch. */
  private tx<T>(work: () => Promise<T>): Promise<T> {
    return this.ctx.db.transaction('rw', this.ctx.db.writeTables(), work);
  }

  private validate(input: unknown): z.output<S> {
    // A value this schema gave and that is frozen since (an import's planned row) is not checked again.
    if (wasCheckedBy(this.opts.schema, input)) return input as z.output<S>;
    const parsed = this.opts.schema.safeParse(input);
    if (!parsed.success) throw toValidationError(parsed.error);
    return parsed.data;
  }

  /** The per-field HLC stamps of a record (empty for an unknown one). */
  async clocks(id: string): Promise<FieldClocks> {
    return clocksOf(await this.table.get(id));
  }

  /** Reads one record (deleted ones too). */
  get(id: string): Promise<Row<z.output<S>> | undefined> {
    return this.table.get(id);
  }

  /** Reads one record with its field stamps, in one read transaction (what an editor opens with). */
  async getWithClocks(id: string): Promise<{ row: Row<z.output<S>>; clocks: FieldClocks } | undefined> {
    const row = await this.table.get(id);
    return row ? { row, clocks: clocksOf(row) } : undefined;
  }

  /** Creates a record; throws {@link ValidationError} and writes nothing when the input is invalid. */
  async create(input: z.input<S>): Promise<Row<z.output<S>>> {
    const valid = this.validate(input);
    return this.tx(() => this.commit(null, valid as Record<string, unknown>, 'create'));
  }

  /**
   * Creates the record under a given id (an id derived from its parent, so that two clerks who
   * create "the same" record offline get one), or, when it exists, changes `patch` only — and
   * brings a deleted one back. Validation as for create and update.
   */
  async upsert(id: string, input: z.input<S>, patch: Partial<z.input<S>> = input): Promise<Row<z.output<S>>> {
    return this.tx(async () => {
      const current = await this.table.get(id);
      if (!current) return this.commit(null, this.validate(input) as Record<string, unknown>, 'create', undefined, id);
      let base = current;
      if (current.deletedAt) base = await this.commit(current, fieldsOf<Record<string, unknown>>(current), 'restore');
      const valid = this.validate({ ...fieldsOf<Record<string, unknown>>(base), ...(patch as Record<string, unknown>) });
      return this.commit(base, valid as Record<string, unknown>, 'update');
    });
  }

  /**
   * Changes the fields in `patch` of a live record, and only those: the other fields keep what is
   * stored now, whatever the caller saw. The whole result is validated before anything is written.
   */
  async update(id: string, patch: Partial<z.input<S>>, options: UpdateOptions = {}): Promise<Row<z.output<S>>> {
    return this.tx(async () => {
      const current = await this.table.get(id);
      if (!current || current.deletedAt) throw new NotFoundError(this.opts.table, id);
      const valid = this.validate({ ...fieldsOf<Record<string, unknown>>(current), ...(patch as Record<string, unknown>) });
      return this.commit(current, valid as Record<string, unknown>, 'update', options.seen);
    });
  }

  /** Deletes by tombstone: the row stays (for sync) with `deletedAt` set. */
  async remove(id: string): Promise<Row<z.output<S>>> {
    return this.setDeleted(id, true);
  }

  /** Undoes a delete (an explicit change that travels through sync). */
  async restore(id: string): Promise<Row<z.output<S>>> {
    return this.setDeleted(id, false);
  }

  private setDeleted(id: string, deleted: boolean): Promise<Row<z.output<S>>> {
    return this.tx(async () => {
      const current = await this.table.get(id);
      if (!current) throw new NotFoundError(this.opts.table, id);
      if (Boolean(current.deletedAt) === deleted) return current;
      return this.commit(current, fieldsOf<Record<string, unknown>>(current), deleted ? 'delete' : 'restore');
    });
  }

  /**
   * The write path, once for every kind of local write: stores the row, stamps each changed
   * field, appends the outbox entry and the audit entry, then runs the table's `afterWrite`.
   */
  private async commit(current: Row<z.output<S>> | null, fields: Record<string, unknown>, action: AuditEntry['action'], seen?: FieldClocks, givenId?: string): Promise<Row<z.output<S>>> {
    const { db } = this.ctx;
    const at = this.ctx.now().toISOString();
    const actor = this.ctx.actor();
    const previous = current ? fieldsOf<Record<string, unknown>>(current) : null;
    const changes = action === 'create' || action === 'update' ? diffFields(previous, fields, this.setFields) : new Map<string, unknown>();
    const deletedAt = action === 'delete' ? at : action === 'restore' ? null : (current?.deletedAt ?? null);
    if (action === 'delete' || action === 'restore') changes.set('deletedAt', deletedAt);
    if (current && changes.size === 0) return current;

    const id = current?.id ?? givenId ?? this.ctx.newId();
    // Read through Promise.all as the write path always has: awaited bare, the reads end a
    // microtask sooner, and a check that then awaits nothing (an assignment without a deadline)
    // lets an enclosing transaction commit before this write's requests (the demo's tests see it).
    const [{ clientId, clock }] = await Promise.all([clientAndClock(db)]);
    // After the first reads: a check that awaits nothing of the database, run before the
    // transaction's first request, lets it commit empty (PrematureCommitError, writes outside it).
    if (this.opts.check && (action === 'create' || action === 'update')) {
      await this.opts.check(fields as z.output<S>, { id: current?.id ?? givenId ?? null, previous: previous as z.output<S> | null });
    }
    const previousClocks: FieldClocks = clocksOf(current ?? undefined);
    const clocks: FieldClocks = { ...previousClocks };
    const outFields: OutboxEntry['fields'] = {};
    const base: Record<string, string | null> = {};
    // One write, one stamp: every field it changes carries it (each field is still merged by its own).
    const hlc = tickHlc(clock, this.ctx.now().getTime());
    const stamp = formatHlc(hlc);
    for (const [name, value] of changes) {
      clocks[name] = stamp;
      outFields[name] = { value, hlc: stamp };
      if (current && action === 'update' && this.opts.guarded?.includes(name)) {
        base[name] = (seen ? seen[name] : previousClocks[name]) ?? null;
      }
    }
    const row = this.toRow(id, fields, current?.createdAt ?? at, at, deletedAt, clocks);
    const op: OutboxEntry['op'] = action === 'delete' ? 'delete' : action === 'restore' ? 'restore' : 'upsert';
    const entry: OutboxEntry = { clientId, table: this.opts.table, recordId: id, op, fields: outFields, at };
    if (Object.keys(base).length > 0) entry.base = base;
    const changed = this.changedFieldNames(previous, fields, action);
    // The writes go out together (one round trip); the transaction keeps them all or none.
    await Promise.all([
      this.table.put(row),
      db.syncState.put({ key: 'clock', clock: hlc }),
      db.outbox.add(entry),
      db.auditLog.add({
        at, actor, table: this.opts.table, recordId: id, action,
        changes: [...changed].map((field) =>
          field === 'deletedAt' ? { field, from: current?.deletedAt ?? null, to: deletedAt } : { field, from: previous?.[field] ?? null, to: fields[field] ?? null },
        ),
      } satisfies AuditEntry as AuditEntry),
    ]);
    await this.opts.afterWrite?.({ id, row, clocks, previous: previous as z.output<S> | null, changed, action, at, actor, remote: false });
    return row;
  }

  /**
   * Many local writes in one transaction (an import): each item creates a record (under its `id`
   * when given) or, when a live record has that id, changes the fields of `input` only. The same
   * stamps, outbox entries and audit entries as one write each, read and written in bulk, and the
   * table's `afterWriteMany` (else `afterWrite`) once with every event. Any invalid item throws
   * {@link ValidationError} (with its index in `index`) and nothing of the batch is stored.
   */
  async writeMany(items: readonly { id?: string; input: Partial<z.input<S>> }[]): Promise<{ created: number; updated: number }> {
    if (items.length === 0) return { created: 0, updated: 0 };
    const { db } = this.ctx;
    return this.tx(async () => {
      const given = [...new Set(items.flatMap((i) => (i.id ? [i.id] : [])))];
      const [rows, { clientId, clock }] = await Promise.all([given.length > 0 ? this.table.bulkGet(given) : [], clientAndClock(db)]);
      type State = { current: Row<z.output<S>> | undefined; clocks: FieldClocks; dirty: boolean };
      const state = new Map<string, State>(given.map((id, i) => [id, { current: rows[i], clocks: clocksOf(rows[i]), dirty: false }]));
      const at = this.ctx.now().toISOString();
      const actor = this.ctx.actor();
      let hlc = clock;
      const outbox: OutboxEntry[] = [];
      const audit: AuditEntry[] = [];
      const events: WriteEvent<z.output<S>>[] = [];
      let created = 0;
      let updated = 0;
      for (const [index, item] of items.entries()) {
        const id = item.id ?? this.ctx.newId();
        let st = state.get(id);
        if (!st) state.set(id, (st = { current: undefined, clocks: {}, dirty: false }));
        const current = st.current;
        if (current?.deletedAt) throw new ValidationError([{ path: `${index}`, message: 'deleted' }]);
        let fields: Record<string, unknown>;
        try {
          fields = this.validate(current ? { ...fieldsOf<Record<string, unknown>>(current), ...(item.input as Record<string, unknown>) } : item.input) as Record<string, unknown>;
          if (this.opts.check) await this.opts.check(fields as z.output<S>, { id: current ? id : null, previous: current ? fieldsOf<z.output<S>>(current) : null });
        } catch (e) {
          if (e instanceof ValidationError) throw new ValidationError(e.issues.map((i) => ({ ...i, path: `${index}.${i.path}` })));
          throw e;
        }
        const previous = current ? fieldsOf<Record<string, unknown>>(current) : null;
        const changes = diffFields(previous, fields, this.setFields);
        if (current && changes.size === 0) continue;
        const action: AuditEntry['action'] = current ? 'update' : 'create';
        const clocks: FieldClocks = { ...st.clocks };
        const outFields: OutboxEntry['fields'] = {};
        const base: Record<string, string | null> = {};
        // One stamp per record written, as one write each gives.
        hlc = tickHlc(hlc, this.ctx.now().getTime());
        const stamp = formatHlc(hlc);
        for (const [name, value] of changes) {
          clocks[name] = stamp;
          outFields[name] = { value, hlc: stamp };
          if (current && this.opts.guarded?.includes(name)) base[name] = st.clocks[name] ?? null;
        }
        const row = this.toRow(id, fields, current?.createdAt ?? at, at, null, clocks);
        const entry: OutboxEntry = { clientId, table: this.opts.table, recordId: id, op: 'upsert', fields: outFields, at };
        if (Object.keys(base).length > 0) entry.base = base;
        outbox.push(entry);
        const changed = this.changedFieldNames(previous, fields, action);
        audit.push({ at, actor, table: this.opts.table, recordId: id, action, changes: [...changed].map((field) => ({ field, from: previous?.[field] ?? null, to: fields[field] ?? null })) });
        events.push({ id, row, clocks, previous: previous as z.output<S> | null, changed, action, at, actor, remote: false });
        st.current = row;
        st.clocks = clocks;
        st.dirty = true;
        if (current) updated++;
        else created++;
      }
      if (events.length === 0) return { created, updated };
      const dirty = [...state].filter(([, st]) => st.dirty);
      // The table's hooks (an import's stage log, the board rows) are worked out while the database
      // stores the rows: in the same transaction, their reads see these writes all the same.
      const writing = Promise.all([
        this.table.bulkPut(dirty.map(([, st]) => st.current as Row<z.output<S>>)),
        db.syncState.put({ key: 'clock', clock: hlc }),
        db.outbox.bulkAdd(outboxRowsOf(outbox)),
        db.auditLog.bulkAdd(auditRowsOf(audit)),
      ]);
      writing.catch(() => undefined); // a failure is thrown below, once the hooks are done
      try {
        if (this.opts.afterWriteMany) await this.opts.afterWriteMany(events);
        else if (this.opts.afterWrite) for (const e of events) await this.opts.afterWrite(e);
      } finally {
        await writing;
      }
      return { created, updated };
    });
  }

  private changedFieldNames(previous: Record<string, unknown> | null, fields: Record<string, unknown>, action: AuditEntry['action']): Set<string> {
    if (action === 'delete' || action === 'restore') return new Set(['deletedAt']);
    const prev = previous ?? {};
    const names = new Set([...Object.keys(prev), ...Object.keys(fields)]);
    const isSet = (n: string) => this.setFields.includes(n);
    return new Set([...names].filter((n) => (isSet(n) ? !sameValue(prev[n] ?? [], fields[n] ?? []) : !sameValue(prev[n], fields[n]))));
  }

  /**
   * The row a record is stored as here (the local derived fields added), for a workspace restored
   * whole from an archive; nothing is written.
   */
  storedRow(record: RecordMeta & Record<string, unknown>, clocks: FieldClocks = {}): Row<z.output<S>> {
    const { id, createdAt, updatedAt, deletedAt, ...fields } = record;
    return this.toRow(id, fields, createdAt, updatedAt, deletedAt, clocks);
  }

  private toRow(id: string, fields: Record<string, unknown>, createdAt: string, updatedAt: string, deletedAt: string | null, clocks: FieldClocks): Row<z.output<S>> {
    const row: Record<string, unknown> = { ...fields, id, createdAt, updatedAt, deletedAt, alive: deletedAt ? 0 : 1 };
    if (Object.keys(clocks).length > 0) row.clocks = packClocks(clocks);
    if (this.opts.searchText) row.search = this.opts.searchText(fields as z.output<S>).toLocaleLowerCase('ru');
    for (const f of this.setFields) if (!Array.isArray(row[f])) row[f] = [];
    return row as Row<z.output<S>>;
  }

  /**
   * Merges many changes stamped elsewhere at once (a pulled page), with the same per-field merge,
   * audit entries and clock as {@link applyRemote}: one record's changes apply in their order, and
   * the rows, their stamps and the audit entries are read and written in bulk, in one transaction.
   * Returns how many changes took effect. Applying the same changes twice changes nothing.
   */
  async applyRemoteMany(changes: readonly RemoteChange[], options: ApplyManyOptions = {}): Promise<number> {
    const keepAudit = options.audit ?? true;
    if (changes.length === 0) return 0;
    const { db } = this.ctx;
    return this.tx(async () => {
      const ids = [...new Set(changes.map((c) => c.recordId))];
      const absent = options.isAbsent;
      const toRead = absent ? ids.filter((id) => !absent(id)) : ids;
      const [rows, { clock }] = await Promise.all([toRead.length > 0 ? this.table.bulkGet(toRead) : [], clientAndClock(db)]);
      type State = { current: Row<z.output<S>> | undefined; clocks: FieldClocks; dirty: boolean };
      const state = new Map<string, State>(ids.map((id) => [id, { current: undefined, clocks: {}, dirty: false }]));
      toRead.forEach((id, i) => {
        const st = state.get(id) as State;
        st.current = rows[i];
        st.clocks = clocksOf(rows[i]);
      });
      const nowMs = this.ctx.now().getTime();
      const at = this.ctx.now().toISOString();
      let hlc = clock;
      /** The newest stamp of the fields taken. */
      let newest = '';
      const audit: AuditEntry[] = [];
      const events: WriteEvent<z.output<S>>[] = [];
      for (const c of changes) {
        const st = state.get(c.recordId) as State;
        const current = st.current;
        const fields: Record<string, unknown> = current ? { ...fieldsOf<Record<string, unknown>>(current), deletedAt: current.deletedAt } : {};
        const merged = mergeChanges(fields, st.clocks, c.fields, this.setFields);
        if (merged.applied.length === 0) continue;
        for (const name of merged.applied) {
          const stamp = merged.clocks[name] ?? '';
          if (stamp > newest) newest = stamp;
        }
        const { deletedAt: rawDeleted, ...recordFields } = merged.fields;
        const deletedAt = typeof rawDeleted === 'string' ? rawDeleted : null;
        const row = this.toRow(c.recordId, recordFields, current?.createdAt ?? at, at, deletedAt, merged.clocks);
        const previous = current ? fieldsOf<Record<string, unknown>>(current) : null;
        const action: AuditEntry['action'] = !current ? 'create' : Boolean(current.deletedAt) !== Boolean(deletedAt) ? (deletedAt ? 'delete' : 'restore') : 'update';
        const changed = this.changedFieldNames(previous, recordFields, action);
        const actor = c.actor ?? '—';
        if (keepAudit) audit.push({
          at, actor, table: this.opts.table, recordId: c.recordId, action,
          changes: [...changed].map((field) => (field === 'deletedAt' ? { field, from: current?.deletedAt ?? null, to: deletedAt } : { field, from: previous?.[field] ?? null, to: recordFields[field] ?? null })),
        });
        events.push({ id: c.recordId, row, clocks: merged.clocks, previous: previous as z.output<S> | null, changed, action, at, actor, remote: true });
        st.current = row;
        st.clocks = merged.clocks;
        st.dirty = true;
      }
      if (events.length === 0) return 0;
      // The clock moves past the newest stamp taken (stamps sort in clock order): past every one.
      hlc = receiveHlc(hlc, parseHlc(newest), nowMs);
      const dirty = [...state].filter(([, st]) => st.dirty);
      const writing = Promise.all([
        this.table.bulkPut(dirty.map(([, st]) => st.current as Row<z.output<S>>)),
        db.syncState.put({ key: 'clock', clock: hlc }),
        audit.length > 0 ? db.auditLog.bulkAdd(auditRowsOf(audit)) : undefined,
      ]);
      writing.catch(() => undefined); // a failure is thrown where it is waited for
      try {
        // Remote changes: the hooks keep projections only (a stage log is written for local changes).
        if (options.projections !== false) {
          if (this.opts.afterWriteMany) await this.opts.afterWriteMany(events);
          else if (this.opts.afterWrite) for (const e of events) await this.opts.afterWrite(e);
        }
      } finally {
        if (options.pending) options.pending.push(writing);
        else await writing;
      }
      return events.length;
    });
  }

  /**
   * Merges changes stamped elsewhere (pulled from the server, or another clerk's outbox) into
   * the record: each field takes the newer stamp. Nothing is queued to push; the local clock
   * moves past the stamps received. Applying the same changes twice changes nothing.
   */
  async applyRemote(recordId: string, incoming: OutboxEntry['fields'], actor = '—'): Promise<Row<z.output<S>> | undefined> {
    const { db } = this.ctx;
    return this.tx(async () => {
      const current = await this.table.get(recordId);
      const localClocks = clocksOf(current);
      const fields: Record<string, unknown> = current ? { ...fieldsOf<Record<string, unknown>>(current), deletedAt: current.deletedAt } : {};
      const merged = mergeChanges(fields, localClocks, incoming, this.setFields);
      if (merged.applied.length === 0) return current;

      const { clock } = await clientAndClock(db);
      let hlc = clock;
      const nowMs = this.ctx.now().getTime();
      for (const name of merged.applied) hlc = receiveHlc(hlc, parseHlc(merged.clocks[name] ?? ''), nowMs);
      await db.syncState.put({ key: 'clock', clock: hlc });

      const at = this.ctx.now().toISOString();
      const { deletedAt: rawDeleted, ...recordFields } = merged.fields;
      const deletedAt = typeof rawDeleted === 'string' ? rawDeleted : null;
      const row = this.toRow(recordId, recordFields, current?.createdAt ?? at, at, deletedAt, merged.clocks);
      await this.table.put(row);
      const previous = current ? fieldsOf<Record<string, unknown>>(current) : null;
      const action: AuditEntry['action'] = !current ? 'create' : Boolean(current.deletedAt) !== Boolean(deletedAt) ? (deletedAt ? 'delete' : 'restore') : 'update';
      const changed = this.changedFieldNames(previous, recordFields, action);
      await db.auditLog.add({
        at, actor, table: this.opts.table, recordId, action,
        changes: [...changed].map((field) => (field === 'deletedAt' ? { field, from: current?.deletedAt ?? null, to: deletedAt } : { field, from: previous?.[field] ?? null, to: recordFields[field] ?? null })),
      } satisfies AuditEntry as AuditEntry);
      await this.opts.afterWrite?.({ id: recordId, row, clocks: merged.clocks, previous: previous as z.output<S> | null, changed, action, at, actor, remote: true });
      return row;
    });
  }
}

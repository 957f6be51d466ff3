// The one repository layer every write goes through (DESIGN §3): it validates the record with
// its zod schema, then, in one Dexie transaction, writes the row, stamps each changed field with
// the hybrid logical clock, appends the change to the sync outbox and an entry to the audit log.
import type { z } from 'zod';
import { formatHlc, initialHlc, tickHlc, type Hlc } from '@shared/sync/hlc';
import { META_FIELDS, type RecordMeta } from '@shared/domain/record';
import { clockKey, type AuditEntry, type HattamaDb, type LocalDerived, type OutboxEntry, type SyncedTable } from './db';
import type { FieldClocks } from '@shared/domain/record';

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

type Row<F> = RecordMeta & F & LocalDerived;

export type RepoOptions<S extends z.ZodType> = {
  table: SyncedTable;
  schema: S;
  /** Text the board's search runs on. */
  searchText: (fields: z.output<S>) => string;
  /** Fields whose concurrent change must raise a conflict instead of a silent overwrite. */
  guarded?: readonly string[];
  /** Adjusts the validated fields before they are written (e.g. appends a stage log entry). */
  beforeWrite?: (next: z.output<S>, previous: z.output<S> | null, info: { at: string; actor: string }) => z.output<S>;
};

/** Fields the repository owns (record meta and local derived fields), never taken from a caller's input. */
const META = new Set<string>([...META_FIELDS, 'alive', 'search']);

/** Turns zod issues into field paths with message keys. */
export function toValidationError(error: z.ZodError): ValidationError {
  return new ValidationError(error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
}

function fieldsOf<F>(row: Record<string, unknown>): F {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!META.has(k)) out[k] = v;
  return out as F;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Loads (or creates) this client's id and clock inside the current transaction. */
async function clientAndClock(db: HattamaDb): Promise<{ clientId: string; clock: Hlc }> {
  const client = await db.syncState.get('client');
  let clientId: string;
  if (client?.clientId) clientId = client.clientId;
  else {
    clientId = crypto.randomUUID();
    await db.syncState.put({ key: 'client', clientId });
  }
  const clockRow = await db.syncState.get('clock');
  const clock = clockRow?.clock ?? initialHlc(clientId);
  return { clientId, clock };
}

/** A repository for one synced table. */
export class Repository<S extends z.ZodType> {
  constructor(
    private readonly ctx: RepoContext,
    private readonly opts: RepoOptions<S>,
  ) {}

  private get table() {
    return this.ctx.db.table<Row<z.output<S>>, string>(this.opts.table);
  }

  private validate(input: unknown): z.output<S> {
    const parsed = this.opts.schema.safeParse(input);
    if (!parsed.success) throw toValidationError(parsed.error);
    return parsed.data;
  }

  /** The per-field HLC stamps of a record (empty for an unknown one). */
  async clocks(id: string): Promise<FieldClocks> {
    return (await this.ctx.db.fieldClocks.get(clockKey(this.opts.table, id)))?.clock ?? {};
  }

  /** Reads one record (deleted ones too). */
  get(id: string): Promise<Row<z.output<S>> | undefined> {
    return this.table.get(id);
  }

  /** Creates a record; throws {@link ValidationError} and writes nothing when the input is invalid. */
  async create(input: z.input<S>): Promise<Row<z.output<S>>> {
    const valid = this.validate(input);
    return this.write(null, valid, 'create');
  }

  /** Applies a patch to a live record; the whole result is validated before anything is written. */
  async update(id: string, patch: Partial<z.input<S>>): Promise<Row<z.output<S>>> {
    const { db } = this.ctx;
    return db.transaction('rw', [this.table, db.outbox, db.auditLog, db.syncState, db.fieldClocks], async () => {
      const current = await this.table.get(id);
      if (!current || current.deletedAt) throw new NotFoundError(this.opts.table, id);
      const valid = this.validate({ ...fieldsOf<Record<string, unknown>>(current), ...(patch as Record<string, unknown>) });
      return this.write(current, valid, 'update');
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

  private async setDeleted(id: string, deleted: boolean): Promise<Row<z.output<S>>> {
    const { db } = this.ctx;
    return db.transaction('rw', [this.table, db.outbox, db.auditLog, db.syncState, db.fieldClocks], async () => {
      const current = await this.table.get(id);
      if (!current) throw new NotFoundError(this.opts.table, id);
      if (Boolean(current.deletedAt) === deleted) return current;
      const at = this.ctx.now().toISOString();
      const { clientId, clock } = await clientAndClock(db);
      const next = tickHlc(clock, this.ctx.now().getTime());
      const stamp = formatHlc(next);
      const row = {
        ...(current as Record<string, unknown>),
        deletedAt: deleted ? at : null,
        updatedAt: at,
        alive: deleted ? 0 : 1,
      } as Row<z.output<S>>;
      await this.table.put(row);
      const key = clockKey(this.opts.table, id);
      const clocks = (await db.fieldClocks.get(key))?.clock ?? {};
      await db.fieldClocks.put({ key, clock: { ...clocks, deletedAt: stamp } });
      await db.syncState.put({ key: 'clock', clock: next });
      await db.outbox.add({ clientId, table: this.opts.table, recordId: id, op: deleted ? 'delete' : 'restore', fields: { deletedAt: { value: row.deletedAt, hlc: stamp } }, at });
      await db.auditLog.add({ at, actor: this.ctx.actor(), table: this.opts.table, recordId: id, action: deleted ? 'delete' : 'restore', changes: [{ field: 'deletedAt', from: current.deletedAt, to: row.deletedAt }] });
      return row;
    });
  }

  private async write(current: Row<z.output<S>> | null, validFields: z.output<S>, action: 'create' | 'update'): Promise<Row<z.output<S>>> {
    const { db } = this.ctx;
    return db.transaction('rw', [this.table, db.outbox, db.auditLog, db.syncState, db.fieldClocks], async () => {
      const at = this.ctx.now().toISOString();
      const actor = this.ctx.actor();
      const previous = current ? fieldsOf<z.output<S>>(current) : null;
      const fields = this.opts.beforeWrite ? this.opts.beforeWrite(validFields, previous, { at, actor }) : validFields;
      const fieldRecord = fields as Record<string, unknown>;
      const prevRecord = (previous ?? {}) as Record<string, unknown>;
      const names = new Set([...Object.keys(fieldRecord), ...Object.keys(prevRecord)]);
      const changed = [...names].filter((k) => !same(fieldRecord[k], prevRecord[k]));
      if (current && changed.length === 0) return current;

      const { clientId, clock } = await clientAndClock(db);
      let hlc = clock;
      const id = current?.id ?? this.ctx.newId();
      const key = clockKey(this.opts.table, id);
      const previousClocks: FieldClocks = current ? ((await db.fieldClocks.get(key))?.clock ?? {}) : {};
      const fieldClock: FieldClocks = { ...previousClocks };
      const outFields: OutboxEntry['fields'] = {};
      const base: Record<string, string | null> = {};
      for (const name of changed) {
        hlc = tickHlc(hlc, this.ctx.now().getTime());
        const stamp = formatHlc(hlc);
        fieldClock[name] = stamp;
        outFields[name] = { value: fieldRecord[name] ?? null, hlc: stamp };
        if (current && this.opts.guarded?.includes(name)) base[name] = previousClocks[name] ?? null;
      }
      const row = {
        ...fieldRecord,
        id,
        createdAt: current?.createdAt ?? at,
        updatedAt: at,
        deletedAt: null,
        alive: 1,
        search: this.opts.searchText(fields).toLocaleLowerCase('ru'),
      } as Row<z.output<S>>;

      await this.table.put(row);
      await db.fieldClocks.put({ key, clock: fieldClock });
      await db.syncState.put({ key: 'clock', clock: hlc });
      const entry: OutboxEntry = { clientId, table: this.opts.table, recordId: row.id, op: 'upsert', fields: outFields, at };
      if (Object.keys(base).length > 0) entry.base = base;
      await db.outbox.add(entry);
      const audit: AuditEntry = {
        at,
        actor,
        table: this.opts.table,
        recordId: row.id,
        action,
        changes: changed.map((field) => ({ field, from: prevRecord[field] ?? null, to: fieldRecord[field] ?? null })),
      };
      await db.auditLog.add(audit);
      return row;
    });
  }
}

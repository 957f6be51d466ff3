// Changes the server refused for themselves (one entry of a push answered `bad_request` or
// `forbidden` with its seq): set aside, so the rest of the outbox goes on — a bad entry never blocks
// what the clerk types after it. Each is kept with the server's reason in the `sync.refused` setting
// until the clerk dismisses it; the record keeps its local value (nothing typed is lost).
import { SET_FIELDS, isRecordChange, parseSetElementField, type OutboxItem } from '@shared/sync/contract';
import { clocksOf, type HattamaDb } from '../db/db';

/** The setting that holds the refused changes. */
export const REFUSED_KEY = 'sync.refused';

/** A refused change: the outbox item, the server's code and reason, when it came back. */
export type RefusedChange = { id: string; item: OutboxItem; code: string; message: string; at: string };

export async function readRefused(db: HattamaDb): Promise<RefusedChange[]> {
  const row = await db.settings.get(REFUSED_KEY);
  return Array.isArray(row?.value) ? (row.value as RefusedChange[]) : [];
}

async function writeRefused(db: HattamaDb, list: RefusedChange[]): Promise<void> {
  if (list.length === 0) await db.settings.delete(REFUSED_KEY);
  else await db.settings.put({ key: REFUSED_KEY, value: list });
}

/**
 * Sets outbox entry `key` aside with the server's reason, inside one transaction: it leaves the
 * outbox and the batch under way (whose other entries keep their numbers from `firstSeq`: the
 * server stored nothing of it). Returns false when the entry is gone already.
 */
export async function setAside(db: HattamaDb, key: number, reason: { code: string; message: string }, at: string): Promise<boolean> {
  return db.transaction('rw', [db.outbox, db.syncState, db.settings], async () => {
    const item = await db.outbox.get(key);
    const batchRow = await db.syncState.get('pushBatch');
    if (batchRow?.batch) {
      const keys = batchRow.batch.keys.filter((k) => k !== key);
      if (keys.length === 0) await db.syncState.delete('pushBatch');
      else await db.syncState.put({ key: 'pushBatch', batch: { firstSeq: batchRow.batch.firstSeq, keys } });
    }
    if (!item) return false;
    await db.outbox.delete(key);
    const list = await readRefused(db);
    const { seq: _seq, ...rest } = item as OutboxItem & { seq?: number };
    list.push({ id: `${at}/${key}`, item: rest as OutboxItem, code: reason.code, message: reason.message.slice(0, 2000), at });
    await writeRefused(db, list);
    return true;
  });
}

/**
 * Sends a refused record change again, as the record stands now (the clerk has corrected it): the
 * same fields with their current values and stamps, queued as a new outbox entry; the refused one
 * is forgotten. Returns false when the record is gone (nothing is queued then).
 */
export async function retryRefused(db: HattamaDb, id: string, at: string): Promise<boolean> {
  return db.transaction('rw', db.writeTables(), async () => {
    const list = await readRefused(db);
    const refused = list.find((r) => r.id === id);
    if (!refused) return false;
    const item = refused.item;
    let queued = false;
    if (isRecordChange(item)) {
      const row = (await db.table(item.table).get(item.recordId)) as (Record<string, unknown> & { clocks?: string }) | undefined;
      const clocks = clocksOf(row);
      if (row) {
        const fields: Record<string, { value: unknown; hlc: string }> = {};
        for (const name of Object.keys(item.fields)) {
          const hlc = clocks[name];
          if (!hlc) continue;
          const element = parseSetElementField(name);
          const list = element && (SET_FIELDS[item.table] ?? []).includes(element.field) ? row[element.field] : undefined;
          const value = element && Array.isArray(list) ? list.includes(element.element) : (row[name] ?? null);
          fields[name] = { value, hlc };
        }
        if (Object.keys(fields).length > 0) {
          await db.outbox.add({ ...item, fields, at } as OutboxItem);
          queued = true;
        }
      }
    } else {
      await db.outbox.add({ ...item, at } as OutboxItem);
      queued = true;
    }
    await writeRefused(db, list.filter((r) => r.id !== id));
    return queued;
  });
}

/** The clerk has read it: the refused change is forgotten. */
export async function dismissRefused(db: HattamaDb, id: string): Promise<void> {
  await db.transaction('rw', [db.settings], async () => {
    await writeRefused(db, (await readRefused(db)).filter((r) => r.id !== id));
  });
}

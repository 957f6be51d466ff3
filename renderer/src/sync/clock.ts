// The way back for a client whose clock ran ahead (DESIGN §4, issue 10): the server refuses a
// stamp more than 5 minutes ahead of its clock, and the local HLC, once moved to (say) 2030 by one
// write, would stamp every later change there too. Once the computer's clock is right again, the
// pending changes that carry refused stamps are stamped anew — in their order, so the clerk's later
// edit still wins over the earlier — together with the record's field stamps and the `base` of
// later edits that saw them, and the HLC starts again from the real time. Nothing pending is lost.
import { MAX_CLOCK_DRIFT_MS, formatHlc, parseHlc, tickHlc, type Hlc } from '@shared/sync/hlc';
import { SYNCED_TABLES, isRecordChange, type OutboxEntry, type OutboxItem } from '@shared/sync/contract';
import { packClocks } from '@shared/sync/packed-clocks';
import { clockKey, clocksOf, type HattamaDb } from '../db/db';
import { clientIdOf } from '../db/repository';
import { isChunk, spreadChunks } from '../db/outbox';

/** How far this computer's clock may be from the server's for it to count as right (ms). */
export const CLOCK_RIGHT_MS = 60_000;

/** Whether a stamp would be refused by a server whose clock reads `serverNow`. */
export function refusedAt(stamp: string, serverNow: number): boolean {
  return parseHlc(stamp).wallMs - serverNow > MAX_CLOCK_DRIFT_MS;
}

/**
 * Stamps anew every pending change whose stamp the server refuses (inside one transaction).
 * @param serverNow the server's clock (from its last answer), as this computer's clock now reads it
 * @param localNow this computer's clock now (it must be right: within {@link CLOCK_RIGHT_MS} of the server's)
 * @returns how many field changes were stamped anew
 */
export async function restampPending(db: HattamaDb, serverNow: number, localNow: number): Promise<number> {
  return db.transaction('rw', [db.outbox, db.syncState, ...SYNCED_TABLES.map((t) => db.table(t))], async () => {
    const clientId = await clientIdOf(db);
    // An import's chunk rows first become rows of one change each, re-stamped like any other.
    await spreadChunks(db, (await db.outbox.toArray()).filter(isChunk));
    const items = (await db.outbox.toArray()) as (OutboxItem & { seq: number })[];
    // The clock starts again from now, but never behind a stamp the server accepts (its own or others').
    let start = Math.floor(localNow);
    for (const table of SYNCED_TABLES) {
      await db.table<{ clocks?: string }>(table).each((row) => {
        for (const stamp of Object.values(clocksOf(row))) {
          const wall = parseHlc(stamp).wallMs;
          if (wall > start && !refusedAt(stamp, serverNow)) start = wall;
        }
      });
    }
    let hlc: Hlc = { wallMs: start, counter: 0, node: clientId };
    const renamed = new Map<string, string>();
    const changedRecords = new Map<string, { table: string; recordId: string }>();
    let count = 0;
    for (const item of items) {
      if (!isRecordChange(item)) continue;
      let touched = false;
      const fields: OutboxEntry['fields'] = { ...item.fields };
      // One change, one new stamp for its refused fields (as a write stamps them).
      let stamp: string | null = null;
      for (const [name, change] of Object.entries(fields)) {
        if (!refusedAt(change.hlc, serverNow)) continue;
        if (stamp === null) {
          hlc = tickHlc(hlc, localNow);
          stamp = formatHlc(hlc);
        }
        renamed.set(change.hlc, stamp);
        fields[name] = { value: change.value, hlc: stamp };
        changedRecords.set(clockKey(item.table, item.recordId), { table: item.table, recordId: item.recordId });
        touched = true;
        count++;
      }
      let base = item.base;
      if (base && Object.values(base).some((b) => b !== null && renamed.has(b))) {
        base = Object.fromEntries(Object.entries(base).map(([k, b]) => [k, b !== null ? (renamed.get(b) ?? b) : null]));
        touched = true;
      }
      if (touched) {
        const next: OutboxEntry = { ...item, fields, ...(base ? { base } : {}) };
        await db.outbox.put(next);
      }
    }
    // The records' field stamps follow: a field whose stamp was a refused one takes its new stamp
    // (table by table, in one read and one write: a packed table's records share their rows).
    const byTable = new Map<string, string[]>();
    for (const { table, recordId } of changedRecords.values()) {
      const ids = byTable.get(table) ?? [];
      ids.push(recordId);
      byTable.set(table, ids);
    }
    for (const [name, ids] of byTable) {
      const table = db.table<Record<string, unknown> & { clocks?: string }, string>(name);
      const rows = (await table.bulkGet(ids)).filter((r) => r !== undefined);
      await table.bulkPut(rows.map((row) => {
        const clock = { ...clocksOf(row) };
        for (const [field, stamp] of Object.entries(clock)) {
          const next = renamed.get(stamp);
          if (next) clock[field] = next;
        }
        return { ...row, clocks: packClocks(clock) };
      }));
    }
    await db.syncState.put({ key: 'clock', clock: hlc });
    return count;
  });
}

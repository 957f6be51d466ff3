// The outbox's stored rows. One write queues one row, as always; a batch of local writes (an
// import) queues its changes in rows of up to OUTBOX_CHUNK each — every stored row costs 170–300 µs
// here whatever it holds (README, "What a row costs here"), and an import of 10,000 projects
// queued 20,000 rows (the projects and their stage-log entries). A chunk row is spread back into
// one row per change, under keys between its own and the next (its key plus a fraction: the order
// stays), only when a push reaches it (sync/engine.ts) or the clock's way back re-stamps it — so the
// engine only ever numbers, sends and acknowledges rows of one change, as before.
import type { OutboxItem } from '@shared/sync/contract';
import type { Dexie } from 'dexie';
import type { HattamaDb } from './db';

/** Most changes one chunk row holds. */
export const OUTBOX_CHUNK = 500;

/** A batch's changes queued in one row; `chunk` is how many (indexed, so the pending count reads no row). */
export type OutboxChunkRow = { seq?: number; chunk: number; items: OutboxItem[] };

/** One stored row of the outbox: one change, or a chunk of a batch's changes. */
export type OutboxRow = OutboxItem | OutboxChunkRow;

export function isChunk(row: OutboxRow): row is OutboxChunkRow {
  return 'items' in row && Array.isArray(row.items);
}

/** The rows that queue `items`, in their order: one row for one change, else chunks. */
export function outboxRowsOf(items: readonly OutboxItem[]): OutboxRow[] {
  if (items.length === 1) return [{ ...items[0]! }];
  const rows: OutboxRow[] = [];
  for (let i = 0; i < items.length; i += OUTBOX_CHUNK) {
    const part = items.slice(i, i + OUTBOX_CHUNK).map((item) => {
      const { seq: _seq, ...rest } = item as OutboxItem & { seq?: number };
      return rest as OutboxItem;
    });
    rows.push({ chunk: part.length, items: part });
  }
  return rows;
}

/** The changes of stored rows, in their order (without their keys). */
export function itemsOfRows(rows: readonly OutboxRow[]): OutboxItem[] {
  const out: OutboxItem[] = [];
  for (const row of rows) {
    if (isChunk(row)) out.push(...row.items);
    else {
      const { seq: _seq, ...rest } = row as OutboxItem & { seq?: number };
      out.push(rest as OutboxItem);
    }
  }
  return out;
}

/** How many changes stored rows queue (a chunk counts its changes). */
export function changesIn(rows: readonly OutboxRow[]): number {
  let n = 0;
  for (const row of rows) n += isChunk(row) ? row.items.length : 1;
  return n;
}

/** The row with every change it queues under client id `clientId` (a restored database's new id). */
export function withClientId(row: OutboxRow, clientId: string): OutboxRow {
  return isChunk(row) ? { ...row, items: row.items.map((item) => ({ ...item, clientId })) } : { ...row, clientId };
}

/** Every queued change, in order (without keys). */
export async function allOutboxItems(db: HattamaDb): Promise<OutboxItem[]> {
  return itemsOfRows(await db.outbox.orderBy(':id').toArray());
}

/** How many changes wait to be pushed (a chunk counts its changes; no row is read for it). */
export async function countOutbox(db: Dexie): Promise<number> {
  const outbox = db.table('outbox');
  const [rows, chunks] = await Promise.all([outbox.count(), outbox.where('chunk').above(0).keys()]);
  let n = rows;
  for (const size of chunks) n += Number(size) - 1;
  return n;
}

/**
 * Spreads chunk rows into one row per change, in place: the first change takes the chunk's key,
 * the others keys between it and the next integer. Inside the caller's read-write transaction.
 */
export async function spreadChunks(db: HattamaDb, chunks: readonly OutboxChunkRow[]): Promise<void> {
  const rows: (OutboxItem & { seq: number })[] = [];
  for (const c of chunks) {
    const key = c.seq as number;
    c.items.forEach((item, i) => rows.push({ ...item, seq: key + i / (OUTBOX_CHUNK + 1) } as OutboxItem & { seq: number }));
  }
  if (rows.length > 0) await db.outbox.bulkPut(rows);
}

/**
 * The first rows of the outbox holding at least `wanted` changes, chunks among them spread into
 * rows of one change first (inside the caller's read-write transaction): what a push numbers.
 */
export async function firstItems(db: HattamaDb, wanted: number): Promise<(OutboxItem & { seq: number })[]> {
  const head = await db.outbox.orderBy(':id').limit(wanted).toArray();
  const toSpread: OutboxChunkRow[] = [];
  let n = 0;
  for (const row of head) {
    if (n >= wanted) break;
    if (isChunk(row)) {
      toSpread.push(row);
      n += row.chunk;
    } else n += 1;
  }
  if (toSpread.length === 0) return head as (OutboxItem & { seq: number })[];
  await spreadChunks(db, toSpread);
  return (await db.outbox.orderBy(':id').limit(wanted).toArray()) as (OutboxItem & { seq: number })[];
}

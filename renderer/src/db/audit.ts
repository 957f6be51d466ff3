// The audit log (insert-only): who changed what and when. One write logs one row; a batch (an
// import, a pulled page) logs its entries in rows of up to AUDIT_CHUNK entries each, found by
// record through the multi-entry index `keys` (schema 10). Every stored row costs 170–300 µs
// here whatever it holds (README, "What a row costs here"): an import of 10,000 projects logs
// 20,000 entries (the projects and their stage-log entries) in 40 rows instead of 20,000.
import type { SyncedTable } from '@shared/sync/contract';
import type { AuditEntry, HattamaDb } from './db';

/** Most entries one stored row of a batch holds. */
export const AUDIT_CHUNK = 500;

/** A batch's entries stored in one row; `keys` names their records (`table/recordId`), once each. */
export type AuditBatchRow = { seq?: number; at: string; entries: AuditEntry[]; keys: string[] };

/** One stored row of the audit log: a single entry, or a batch's entries. */
export type AuditRow = AuditEntry | AuditBatchRow;

/** An entry as read back: the seq of its row, and its place in that row (0 for a single entry). */
export type LoggedEntry = AuditEntry & { seq: number; part: number };

function isBatch(row: AuditRow): row is AuditBatchRow {
  return 'entries' in row && Array.isArray(row.entries);
}

function auditKey(table: SyncedTable, recordId: string): string {
  return `${table}/${recordId}`;
}

/** The rows that store `entries`, in their order: one row for one entry, else chunks. */
export function auditRowsOf(entries: readonly AuditEntry[]): AuditRow[] {
  if (entries.length === 1) return [{ ...entries[0]! }];
  const rows: AuditRow[] = [];
  for (let i = 0; i < entries.length; i += AUDIT_CHUNK) {
    const part = entries.slice(i, i + AUDIT_CHUNK).map(({ seq: _seq, ...e }) => e);
    rows.push({ at: part[0]!.at, entries: part, keys: [...new Set(part.map((e) => auditKey(e.table, e.recordId)))] });
  }
  return rows;
}

/** The entries of stored rows, in their order. */
export function entriesOfRows(rows: readonly AuditRow[]): LoggedEntry[] {
  const out: LoggedEntry[] = [];
  for (const row of rows) {
    const seq = row.seq ?? 0;
    if (isBatch(row)) row.entries.forEach((e, part) => out.push({ ...e, seq, part }));
    else out.push({ ...row, seq, part: 0 });
  }
  return out;
}

/** The entries of one record, oldest first (read in the caller's transaction, if any). */
export async function auditOf(db: HattamaDb, table: SyncedTable, recordId: string): Promise<LoggedEntry[]> {
  const [single, batches] = await Promise.all([
    db.auditLog.where('[table+recordId]').equals([table, recordId]).toArray(),
    db.auditLog.where('keys').equals(auditKey(table, recordId)).toArray(),
  ]);
  const rows = [...single, ...batches].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  return entriesOfRows(rows).filter((e) => e.table === table && e.recordId === recordId);
}

/** Every entry, oldest first. */
export async function allAudit(db: HattamaDb): Promise<LoggedEntry[]> {
  return entriesOfRows(await db.auditLog.orderBy('seq').toArray());
}

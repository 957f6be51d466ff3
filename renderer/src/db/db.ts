// The Dexie database: the renderer's working offline store (DESIGN §3). Versioned schema;
// each new version is appended below with its upgrade, never edited in place.
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import { BARRIER_KINDS, type Barrier, type Project, type StageLogEntry } from '@shared/domain/project.schema';
import type { Person, Organization } from '@shared/domain/people.schema';
import type { InvestmentStat } from '@shared/domain/investment-stat.schema';
import type { AgendaItem, Attendance, Meeting, Minutes } from '@shared/domain/meeting.schema';
import type { Assignment, CalendarDay, Extension, Report } from '@shared/domain/assignment.schema';
import type { Attachment } from '@shared/domain/attachment.schema';
import type { Hlc } from '@shared/sync/hlc';
import type { FieldClocks } from '@shared/sync/merge';
import { packClocks, readClocks } from '@shared/sync/packed-clocks';
import { SYNCED_TABLES, setElementField, type OutboxEntry, type OutboxItem, type SyncedTable } from '@shared/sync/contract';
import { derivedUuidV7 } from '@shared/domain/derived-id';
import { toBoardRow, type BoardRow } from './board-rows';
import { packInPlace, packedTables } from './packed-table';
import { toControlRow, type ControlRow } from './control-rows';
import type { AuditRow } from './audit';
import type { OutboxRow } from './outbox';

export { SYNCED_TABLES, type OutboxEntry, type OutboxItem, type SyncedTable, type BoardRow, type ControlRow };

/** Fields the store derives from a record for its own indexes; never synced. */
export type LocalDerived = {
  /** 1 while not deleted (IndexedDB cannot index null). */
  alive: 0 | 1;
  /** Lower-cased text a list's search runs on (where the table has one). */
  search?: string;
  /**
   * The record's per-field HLC stamps, packed into one string (shared/sync/packed-clocks.ts) and
   * kept in its row (schema 8): one row per record to write, read and back up, not two. Read
   * them with {@link clocksOf}.
   */
  clocks?: string;
};

export type ProjectRow = Project & LocalDerived;
export type BarrierRow = Barrier & LocalDerived;
export type StageLogRow = StageLogEntry & LocalDerived;
export type PersonRow = Person & LocalDerived;
export type OrganizationRow = Organization & LocalDerived;
export type InvestmentStatRow = InvestmentStat & LocalDerived;
export type MeetingRow = Meeting & LocalDerived;
export type AgendaItemRow = AgendaItem & LocalDerived;
export type AttendanceRow = Attendance & LocalDerived;
export type MinutesRow = Minutes & LocalDerived;
export type AssignmentRow = Assignment & LocalDerived;
export type ExtensionRow = Extension & LocalDerived;
export type ReportRow = Report & LocalDerived;
export type CalendarDayRow = CalendarDay & LocalDerived;
export type AttachmentRow = Attachment & LocalDerived;

/** One stored update of a rich-text document (Yjs), local: the outbox carries what is pushed. */
export type DocUpdateRow = { seq?: number; docId: string; update: Uint8Array; at: string };

/** Who changed what and when (insert-only). */
export type AuditEntry = {
  seq?: number;
  at: string;
  actor: string;
  table: SyncedTable;
  recordId: string;
  action: 'create' | 'update' | 'delete' | 'restore';
  changes: { field: string; from: unknown; to: unknown }[];
};

/**
 * Sync bookkeeping: `client` (this install's id), `clock` (last HLC), `cursor` (pulled version, with
 * the `scope` — server and region — it counts in), `pushed` (the last push seq the server
 * acknowledged), `pushBatch` (the batch being pushed: outbox keys numbered from `firstSeq`, so a
 * retry resends the same numbers), `boardRev` / `controlRev` (the local revisions of the board's
 * and the control rows' projections).
 */
export type SyncStateRow = {
  key: 'client' | 'clock' | 'cursor' | 'boardRev' | 'controlRev' | 'pushed' | 'pushBatch' | 'projectionsStale' | 'boardBase' | 'controlBase';
  clientId?: string;
  clock?: Hlc;
  version?: number;
  /** Of a projection's base marker: how many rows the base holds. */
  count?: number;
  scope?: string;
  batch?: { firstSeq: number; keys: number[] };
};

export type SettingRow = { key: string; value: unknown };

/**
 * The per-field HLC stamps of one record as schemas 2 to 7 kept them, apart from the record (key
 * `table/recordId`), packed into one string or (before) a plain object. Schema 8 moved them into
 * the records' rows; snapshots made before still hold them like this.
 */
export type FieldClockRow = { key: string; clock: string | FieldClocks };

/** The field clocks of a schema-7 clock row (none for no row). */
export function clocksOfRow(row: FieldClockRow | undefined): FieldClocks {
  return readClocks(row?.clock);
}

/** The field stamps of a stored record row (none for no row, or a row never stamped). */
export function clocksOf(row: { clocks?: string } | undefined): FieldClocks {
  return readClocks(row?.clocks);
}

/**
 * A row with its latest field stamp as `stamp`: when the record was last entered or corrected,
 * the same on every replica (its `updatedAt` is when this replica wrote it).
 */
export function withStamp<T extends { clocks?: string }>(row: T): T & { stamp: string | undefined } {
  let stamp: string | undefined;
  for (const s of Object.values(clocksOf(row))) if (s && (stamp === undefined || s > stamp)) stamp = s;
  return { ...row, stamp };
}

/** The key of a record's field clocks. */
export function clockKey(table: SyncedTable, recordId: string): string {
  return `${table}/${recordId}`;
}

/** The stores of schema version 1, frozen: later versions only add to them (see HattamaDb). */
export const SCHEMA_V1 = {
  projects: 'id, [alive+updatedAt], stage, regionId',
  people: 'id, [alive+updatedAt]',
  organizations: 'id, [alive+updatedAt]',
  investmentStats: 'id, [alive+updatedAt], [regionId+year]',
  auditLog: '++seq, [table+recordId], at',
  outbox: '++seq, [table+recordId]',
  syncState: 'key',
  settings: 'key',
} as const;

/** Stores added by version 2, frozen. */
export const SCHEMA_V2 = { fieldClocks: 'key' } as const;

/** Stores changed by version 4, frozen: board rows carry a local revision, indexed. */
export const SCHEMA_V4 = { boardRows: 'id, [alive+updatedAt], rev' } as const;

/** Stores added by version 5, frozen: meetings, minutes, assignments and the texts' updates. */
export const SCHEMA_V5 = {
  meetings: 'id, [alive+updatedAt], date',
  agendaItems: 'id, meetingId, [alive+updatedAt], *projectIds',
  attendance: 'id, meetingId, personId, [alive+updatedAt]',
  minutes: 'id, meetingId, [alive+updatedAt]',
  assignments: 'id, meetingId, agendaItemId, [alive+updatedAt], *projectIds',
  extensions: 'id, assignmentId, [alive+updatedAt]',
  reports: 'id, assignmentId, [alive+updatedAt]',
  calendarDays: 'id, date, [alive+updatedAt]',
  docUpdates: '++seq, docId',
} as const;

/** Stores added by version 6, frozen: the assignments' control rows (the dashboard's projection). */
export const SCHEMA_V6 = { controlRows: 'id, rev' } as const;

/**
 * Stores added by version 7, frozen: attachments' metadata (the bytes live in the host's store),
 * listed by owner (newest first) and found by hash (the archive's files, the store's dedupe).
 */
export const SCHEMA_V7 = { attachments: 'id, [ownerKind+ownerId], sha256, [alive+updatedAt]' } as const;

/** Stores added by version 3, frozen. */
export const SCHEMA_V3 = {
  barriers: 'id, projectId, [alive+updatedAt]',
  stageLog: 'id, projectId, [alive+updatedAt]',
  boardRows: 'id, [alive+updatedAt]',
} as const;

/**
 * Stores changed by version 9, frozen: the field clocks' store deleted (they live in the records'
 * rows since version 8), and the indexes nothing queries dropped — every index is one more entry
 * to write with each row, and these tables take the most rows (an import, a first sync): the
 * projects' (the board and the dashboard read their own projections), the outbox's (read in
 * order only), the audit log's by time (read by record), and the barriers' and stage log's by
 * change time (read by project).
 */
export const SCHEMA_V9 = {
  fieldClocks: null,
  projects: 'id',
  outbox: '++seq',
  auditLog: '++seq, [table+recordId]',
  barriers: 'id, projectId',
  stageLog: 'id, projectId',
} as const;

/**
 * Stores changed by version 10, frozen: a batch's audit entries are kept many to a row (see
 * audit.ts), found by record through the multi-entry index `keys`; a batch's outbox changes too
 * (outbox.ts), their number indexed (`chunk`) for the pending count. Single ones as before.
 */
export const SCHEMA_V10 = { auditLog: '++seq, [table+recordId], *keys', outbox: '++seq, chunk' } as const;

/**
 * The tables whose records are stored many to a row (packed-table.ts), each with its logical
 * schema — the indexes its records are queried by: the register's projects (schema 11), and
 * (schema 12) the tables an import or a first sync fills with as many records — barriers, stage-log
 * entries, people, assignments and the two projections. Their stores are declared by
 * `packedSchema` (SCHEMA_V12).
 */
export const PACKED_TABLES = {
  projects: 'id',
  barriers: 'id, projectId',
  stageLog: 'id, projectId',
  people: 'id, [alive+updatedAt]',
  assignments: 'id, meetingId, agendaItemId, [alive+updatedAt], *projectIds',
  boardRows: 'id, [alive+updatedAt], rev',
  controlRows: 'id, rev',
} as const;

/**
 * Stores changed by version 12, frozen: the tables packed by it (PACKED_TABLES but the projects),
 * each store with one multi-entry index per logical index, over its packs' entries [key, id]
 * (`packedSchema` of the logical schema).
 */
export const SCHEMA_V12 = {
  barriers: 'id, *projectId',
  stageLog: 'id, *projectId',
  people: 'id, *alive_updatedAt',
  assignments: 'id, *meetingId, *agendaItemId, *alive_updatedAt, *projectIds',
  boardRows: 'id, *alive_updatedAt, *rev',
  controlRows: 'id, *rev',
} as const;

/** The schema version this build opens (the last `version(n)` below). */
export const DB_SCHEMA_VERSION = 12;

export class HattamaDb extends Dexie {
  projects!: EntityTable<ProjectRow, 'id'>;
  barriers!: EntityTable<BarrierRow, 'id'>;
  stageLog!: EntityTable<StageLogRow, 'id'>;
  people!: EntityTable<PersonRow, 'id'>;
  organizations!: EntityTable<OrganizationRow, 'id'>;
  investmentStats!: EntityTable<InvestmentStatRow, 'id'>;
  meetings!: EntityTable<MeetingRow, 'id'>;
  agendaItems!: EntityTable<AgendaItemRow, 'id'>;
  attendance!: EntityTable<AttendanceRow, 'id'>;
  minutes!: EntityTable<MinutesRow, 'id'>;
  assignments!: EntityTable<AssignmentRow, 'id'>;
  extensions!: EntityTable<ExtensionRow, 'id'>;
  reports!: EntityTable<ReportRow, 'id'>;
  calendarDays!: EntityTable<CalendarDayRow, 'id'>;
  attachments!: EntityTable<AttachmentRow, 'id'>;
  docUpdates!: EntityTable<DocUpdateRow, 'seq'>;
  boardRows!: EntityTable<BoardRow, 'id'>;
  controlRows!: EntityTable<ControlRow, 'id'>;
  auditLog!: EntityTable<AuditRow, 'seq'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  syncState!: EntityTable<SyncStateRow, 'key'>;
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(name = 'hattama') {
    super(name);
    // v1 (first build): the register, people, organizations, official statistics, the sync
    // tables; each record carried its per-field clocks inline (`fieldClock`).
    this.version(1).stores(SCHEMA_V1);
    // v2: field clocks move to their own table, so reading 100,000 projects does not read
    // their sync metadata too (it doubled the register's load time and memory).
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        for (const table of ['projects', 'people', 'organizations', 'investmentStats'] as const) {
          await tx
            .table(table)
            .toCollection()
            .modify((row: Record<string, unknown>) => {
              const clock = row.fieldClock;
              if (clock && typeof clock === 'object') {
                void tx.table('fieldClocks').put({ key: clockKey(table, String(row.id)), clock });
              }
              delete row.fieldClock;
            });
        }
      });
    // v3: lists inside a project become records of their own (barriers, stage-log entries), tags
    // a set stamped element by element — so concurrent additions merge without loss; the board
    // reads a lean projection (boardRows) kept by the repository.
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
    // v4: each board row carries a local revision (`rev`, indexed), so the board can start from a
    // saved snapshot and read only the rows written since. Rows written before have none: a
    // snapshot is only ever taken after a full read, which holds them.
    this.version(4).stores(SCHEMA_V4);
    // v5: meetings with their agenda items and attendance, minutes (revisions; their texts are Yjs
    // documents whose updates are kept in docUpdates), assignments with extensions and reports,
    // and the calendar's moved days. New tables only: nothing to upgrade.
    this.version(5).stores(SCHEMA_V5);
    // v6: the dashboard's projections — board rows carry the kinds of their open barriers, and
    // each assignment has a control row (status, due date, date executed, bodies, zones, projects).
    this.version(6).stores(SCHEMA_V6).upgrade(upgradeToV6);
    // v7: attachments (metadata of files attached to projects, meetings, assignments). A new
    // table only: nothing to upgrade.
    this.version(7).stores(SCHEMA_V7);
    // v8: each record's field clocks move into its row (`clocks`, packed): v2 kept them apart so
    // that reading 100,000 projects did not read them too, but the board and the dashboard read
    // their own projections now, and a second row per record doubled what an import, a first
    // sync and a backup write or read. v9 deletes the emptied store and the indexes nothing reads.
    this.version(8).stores({}).upgrade(upgradeToV8);
    this.version(9).stores(SCHEMA_V9);
    // v10: an import's or a pulled page's audit entries, and an import's outbox changes, are
    // stored many to a row (audit.ts, outbox.ts): one row each was two thirds of an import's
    // writes. Rows written before stay as they are.
    this.version(10).stores(SCHEMA_V10);
    // v11: the projects' records stored in packs of up to PACK_SIZE a row (packed-table.ts): one
    // row per project made an import of 10,000 projects, a first sync and a backup of 100,000 as
    // slow as their number of rows. The middleware keeps the table's records as they were to every
    // reader and writer above it.
    this.use(packedTables(PACKED_TABLES));
    this.version(11).stores({}).upgrade((tx) => packInPlace(tx.table('projects'), PACKED_TABLES.projects));
    // v12: the other tables an import or a first sync fills record by record — barriers, stage-log
    // entries, people, assignments, board and control rows — packed the same way. Their indexes
    // become multi-entry indexes of each pack's entries [key, id], which the middleware answers
    // queries on the records' own indexes from.
    this.version(12)
      .stores(SCHEMA_V12)
      .upgrade((tx) => Promise.all(Object.keys(SCHEMA_V12).map((t) => packInPlace(tx.table(t), PACKED_TABLES[t as keyof typeof SCHEMA_V12]))));
  }

  /** Every table a repository write may touch, for one transaction that spans them all. */
  writeTables() {
    return [
      this.projects, this.barriers, this.stageLog, this.people, this.organizations, this.investmentStats,
      this.meetings, this.agendaItems, this.attendance, this.minutes, this.assignments, this.extensions, this.reports, this.calendarDays,
      this.attachments, this.docUpdates, this.boardRows, this.controlRows, this.outbox, this.auditLog, this.syncState, this.settings,
    ];
  }
}

type V2Project = ProjectRow & {
  barriers?: { id: string; kind: string; text: string; openedOn: string; resolvedOn?: string }[];
  stageLog?: { at: string; from: string | null; to: string; by: string }[];
};

/** The v2 → v3 upgrade: barriers and stage-log entries out of the project rows, tags stamped per element, board rows built. */
async function upgradeToV3(tx: Transaction): Promise<void> {
  const projects = (await tx.table('projects').toArray()) as V2Project[];
  const clockRows = (await tx.table('fieldClocks').bulkGet(projects.map((p) => clockKey('projects', p.id)))) as (FieldClockRow | undefined)[];
  const barriers: BarrierRow[] = [];
  const stageLog: StageLogRow[] = [];
  const clocks: FieldClockRow[] = [];
  const boardRows: BoardRow[] = [];
  const migrated = new Map<string, { barriers: BarrierRow[]; stageLog: StageLogRow[]; barrierHlc?: string; stageLogHlc?: string; tags: string[]; tagsHlc?: string }>();
  projects.forEach((p, i) => {
    const clock: FieldClocks = { ...clocksOfRow(clockRows[i]) };
    const own: BarrierRow[] = (p.barriers ?? []).map((b) => ({
      id: b.id, projectId: p.id, kind: b.kind as BarrierRow['kind'], text: b.text, openedOn: b.openedOn,
      ...(b.resolvedOn ? { resolvedOn: b.resolvedOn } : {}),
      createdAt: p.updatedAt, updatedAt: p.updatedAt, deletedAt: null, alive: 1,
    }));
    const log: StageLogRow[] = (p.stageLog ?? []).map((e, n) => ({
      id: derivedUuidV7(Date.parse(e.at), `${p.id}/stageLog/${n}`), projectId: p.id, at: e.at,
      from: e.from as StageLogRow['from'], to: e.to as StageLogRow['to'], by: e.by,
      createdAt: e.at, updatedAt: e.at, deletedAt: null, alive: 1,
    }));
    const childClock = (stamp: string | undefined, fields: string[]) => (stamp ? Object.fromEntries(fields.map((f) => [f, stamp])) : null);
    for (const b of own) {
      const c = childClock(clock.barriers, ['projectId', 'kind', 'text', 'openedOn', ...(b.resolvedOn ? ['resolvedOn'] : [])]);
      if (c) clocks.push({ key: clockKey('barriers', b.id), clock: c });
    }
    for (const e of log) {
      const c = childClock(clock.stageLog, ['projectId', 'at', 'from', 'to', 'by']);
      if (c) clocks.push({ key: clockKey('stageLog', e.id), clock: c });
    }
    const tags = p.tags ?? [];
    const entry = { barriers: own, stageLog: log, tags, ...(clock.barriers ? { barrierHlc: clock.barriers } : {}), ...(clock.stageLog ? { stageLogHlc: clock.stageLog } : {}), ...(clock.tags ? { tagsHlc: clock.tags } : {}) };
    migrated.set(p.id, entry);
    if (clock.tags) for (const t of tags) clock[setElementField('tags', t)] = clock.tags;
    delete clock.tags;
    delete clock.barriers;
    delete clock.stageLog;
    if (clockRows[i]) clocks.push({ key: clockKey('projects', p.id), clock });
    delete p.barriers;
    delete p.stageLog;
    delete p.search;
    if (!Array.isArray(p.tags)) p.tags = [];
    barriers.push(...own);
    stageLog.push(...log);
    boardRows.push(toBoardRow(p, own, clock.stage ?? null));
  });
  await tx.table('projects').bulkPut(projects);
  await tx.table('barriers').bulkPut(barriers);
  await tx.table('stageLog').bulkPut(stageLog);
  await tx.table('fieldClocks').bulkPut(clocks);
  await tx.table('boardRows').bulkPut(boardRows);

  // Changes still waiting to be pushed: whole-array fields become per-record and per-element changes.
  const pending = (await tx.table('outbox').toArray()) as (OutboxEntry & { seq: number })[];
  const extra: OutboxEntry[] = [];
  for (const e of pending) {
    if (e.table !== 'projects') continue;
    const fields = { ...e.fields };
    const m = migrated.get(e.recordId);
    let touched = false;
    if (fields.tags) {
      const tagsChange = fields.tags;
      for (const t of Array.isArray(tagsChange.value) ? (tagsChange.value as string[]) : []) fields[setElementField('tags', t)] = { value: true, hlc: tagsChange.hlc };
      delete fields.tags;
      touched = true;
    }
    for (const [field, table] of [['barriers', 'barriers'], ['stageLog', 'stageLog']] as const) {
      const change = fields[field];
      if (!change) continue;
      delete fields[field];
      touched = true;
      for (const rec of m?.[field] ?? []) {
        const { id, alive: _alive, createdAt: _c, updatedAt: _u, deletedAt: _d, ...recFields } = rec as BarrierRow & StageLogRow;
        extra.push({
          clientId: e.clientId, table, recordId: id, op: 'upsert', at: e.at,
          fields: Object.fromEntries(Object.entries(recFields).map(([k, v]) => [k, { value: v ?? null, hlc: change.hlc }])),
        });
      }
    }
    if (!touched) continue;
    if (Object.keys(fields).length === 0) await tx.table('outbox').delete(e.seq);
    else await tx.table('outbox').put({ ...e, fields });
  }
  if (extra.length > 0) await tx.table('outbox').bulkAdd(extra);
}

/** The v5 → v6 upgrade: open barrier kinds into the board rows, control rows built. */
async function upgradeToV6(tx: Transaction): Promise<void> {
  const barriers = (await tx.table('barriers').toArray()) as BarrierRow[];
  const kinds = new Map<string, Set<string>>();
  for (const b of barriers) {
    if (b.resolvedOn || b.deletedAt) continue;
    let set = kinds.get(b.projectId);
    if (!set) kinds.set(b.projectId, (set = new Set()));
    set.add(b.kind);
  }
  await tx
    .table('boardRows')
    .toCollection()
    .modify((row: BoardRow) => {
      const own = kinds.get(row.id);
      row.openBarrierKinds = own ? BARRIER_KINDS.filter((k) => own.has(k)) : [];
    });
  const reports = (await tx.table('reports').toArray()) as ReportRow[];
  const assignments = (await tx.table('assignments').toArray()) as AssignmentRow[];
  const byAssignment = new Map<string, ReportRow[]>();
  for (const r of reports) byAssignment.set(r.assignmentId, [...(byAssignment.get(r.assignmentId) ?? []), r]);
  await tx.table('controlRows').bulkPut(assignments.map((a) => toControlRow(a, byAssignment.get(a.id) ?? [])));
}

/** The v7 → v8 upgrade: every record's field clocks into its row, packed; the clock rows emptied. */
async function upgradeToV8(tx: Transaction): Promise<void> {
  const stamps = tx.table('fieldClocks');
  for (const table of SYNCED_TABLES) {
    const ids = (await tx.table(table).toCollection().primaryKeys()) as string[];
    for (let start = 0; start < ids.length; start += 5000) {
      const slice = ids.slice(start, start + 5000);
      const [rows, clockRows] = await Promise.all([
        tx.table(table).bulkGet(slice) as Promise<(Record<string, unknown> | undefined)[]>,
        stamps.bulkGet(slice.map((id) => clockKey(table, id))) as Promise<(FieldClockRow | undefined)[]>,
      ]);
      const out: Record<string, unknown>[] = [];
      rows.forEach((row, i) => {
        const clockRow = clockRows[i];
        if (row && clockRow) out.push({ ...row, clocks: packClocks(clocksOfRow(clockRow)) });
      });
      if (out.length > 0) await tx.table(table).bulkPut(out);
    }
  }
  await stamps.clear();
}

/** The live (not deleted) records of a table, newest change last, by the `[alive+updatedAt]` index. */
export function aliveRows<T extends { alive: 0 | 1; id: string; updatedAt: string }>(table: EntityTable<T, 'id'>) {
  return table.where('[alive+updatedAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]);
}

// The Dexie database: the renderer's working offline store (DESIGN §3). Versioned schema;
// each new version is appended below with its upgrade, never edited in place.
import { Dexie, type EntityTable } from 'dexie';
import type { Project } from '@shared/domain/project.schema';
import type { Person, Organization } from '@shared/domain/people.schema';
import type { InvestmentStat } from '@shared/domain/investment-stat.schema';
import type { Hlc } from '@shared/sync/hlc';
import type { FieldClocks } from '@shared/domain/record';

/** Fields the store derives from a record for its own indexes; never synced. */
export type LocalDerived = {
  /** 1 while not deleted (IndexedDB cannot index null). */
  alive: 0 | 1;
  /** Lower-cased text the board's search runs on. */
  search: string;
};

export type ProjectRow = Project & LocalDerived;
export type PersonRow = Person & LocalDerived;
export type OrganizationRow = Organization & LocalDerived;
export type InvestmentStatRow = InvestmentStat & LocalDerived;

/** One field change waiting to be pushed (DESIGN §4). */
export type OutboxEntry = {
  seq?: number;
  clientId: string;
  table: SyncedTable;
  recordId: string;
  op: 'upsert' | 'delete' | 'restore';
  /** Field → new value and its HLC stamp. */
  fields: Record<string, { value: unknown; hlc: string }>;
  /** For guarded fields: the stamp of the value the edit was based on. */
  base?: Record<string, string | null>;
  at: string;
};

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

/** Sync bookkeeping: `client` (this install's id), `clock` (last HLC), `cursor` (pulled version). */
export type SyncStateRow = { key: 'client' | 'clock' | 'cursor'; clientId?: string; clock?: Hlc; version?: number };

export type SettingRow = { key: string; value: unknown };

/** The per-field HLC stamps of one record, kept apart from the record (key `table/recordId`). */
export type FieldClockRow = { key: string; clock: FieldClocks };

/** The key of a record's field clocks. */
export function clockKey(table: SyncedTable, recordId: string): string {
  return `${table}/${recordId}`;
}

export const SYNCED_TABLES = ['projects', 'people', 'organizations', 'investmentStats'] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

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

export class HattamaDb extends Dexie {
  projects!: EntityTable<ProjectRow, 'id'>;
  people!: EntityTable<PersonRow, 'id'>;
  organizations!: EntityTable<OrganizationRow, 'id'>;
  investmentStats!: EntityTable<InvestmentStatRow, 'id'>;
  auditLog!: EntityTable<AuditEntry, 'seq'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  syncState!: EntityTable<SyncStateRow, 'key'>;
  fieldClocks!: EntityTable<FieldClockRow, 'key'>;
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(name = 'hattama') {
    super(name);
    // v1 (first build): the register, people, organizations, official statistics, the sync
    // tables; each record carried its per-field clocks inline (`fieldClock`).
    this.version(1).stores(SCHEMA_V1);
    // v2: field clocks move to their own table, so reading 100,000 projects does not read
    // their sync metadata too (it doubled the register's load time and memory).
    this.version(2)
      .stores({ fieldClocks: 'key' })
      .upgrade(async (tx) => {
        for (const table of SYNCED_TABLES) {
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
  }
}

/** The live (not deleted) records of a synced table, newest change last, by the `[alive+updatedAt]` index. */
export function aliveRows<T extends LocalDerived & { id: string; updatedAt: string }>(table: EntityTable<T, 'id'>) {
  return table.where('[alive+updatedAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]);
}

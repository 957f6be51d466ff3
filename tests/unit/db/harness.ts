// Test harness for the renderer data layer: a fresh Dexie database on fake-indexeddb per test,
// a controllable clock, UUIDv7 ids and a fixed clerk.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { uuidv7 } from 'uuidv7';
import { HattamaDb } from '../../../renderer/src/db/db';
import { createRepos, type Repos } from '../../../renderer/src/db/repos';
import type { RepoContext } from '../../../renderer/src/db/repository';
import { isChunk } from '../../../renderer/src/db/outbox';
import type { OutboxItem } from '@shared/sync/contract';
import { emptyProjectFields, type ProjectFieldsInput } from '@shared/domain/project.schema';

export const ACTOR = 'Тестовый секретарь';

/** 15 March 2026, 09:00 UTC (14:00 in Kazakhstan). */
export const T0 = Date.UTC(2026, 2, 15, 9, 0, 0);

export type Harness = {
  db: HattamaDb;
  ctx: RepoContext;
  repos: Repos;
  /** Sets the wall clock the repository sees. */
  setTime: (ms: number) => void;
  /** Row counts of every table, for "nothing else was written" checks. */
  counts: () => Promise<Record<string, number>>;
  /** Closes and deletes the database. */
  dispose: () => Promise<void>;
};

export function openHarness(name = `hattama-test-${uuidv7()}`): Harness {
  let t = T0;
  const db = new HattamaDb(name);
  const ctx: RepoContext = { db, now: () => new Date(t), newId: uuidv7, actor: () => ACTOR };
  return {
    db,
    ctx,
    repos: createRepos(ctx),
    setTime: (ms) => {
      t = ms;
    },
    counts: async () => {
      const out: Record<string, number> = {};
      for (const table of db.tables) out[table.name] = await table.count();
      return out;
    },
    dispose: async () => {
      db.close();
      await Dexie.delete(name);
    },
  };
}

/** The outbox's rows with their keys, from after key `since`; each must hold one change (a test of single writes). */
export async function queuedRows(db: HattamaDb, since?: number): Promise<OutboxItem[]> {
  const rows = await (since === undefined ? db.outbox.orderBy(':id') : db.outbox.where(':id').above(since)).toArray();
  if (rows.some(isChunk)) throw new Error('the outbox holds a chunk row where single changes were expected');
  return rows as OutboxItem[];
}

/** A valid project's fields, numbered in its title («Цех № n»). */
export function projectNo(n: number, overrides: Partial<ProjectFieldsInput> = {}): ProjectFieldsInput {
  return { ...emptyProjectFields('aktobe'), title: `Цех № ${n}`, investorName: 'ТОО «Polyline»', ...overrides };
}

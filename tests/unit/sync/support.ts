// Helpers of the sync engine's tests: clerks' machines (a Dexie database on fake-indexeddb with the
// app's repositories and a sync engine), the server in process (Fastify inject on PGlite) reached
// through the browser host's real transport, a network that drops, loses, duplicates and delays
// calls, and the comparison of replicas with the server.
import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { SET_FIELDS, SYNCED_TABLES, type SyncedTable } from '@shared/sync/contract';
import type { SyncResult } from '@shared/bridge/sync';
import { buildApp } from '../../../server/http/app';
import type { Database } from '../../../server/db/database';
import { createTestUsers, openTestDb, PASSWORD, type DbKind } from '../../server/support';
import { openHarness, type Harness } from '../db/harness';
import { SyncEngine, type SyncEngineOptions } from '../../../renderer/src/sync/engine';
import { createWebSyncTransport, type SessionStorageLike } from '../../../renderer/src/sync/web-transport';
import type { SyncTransport } from '../../../renderer/src/sync/transport';
import { fieldsOf } from '../../../renderer/src/db/repository';
import { clocksOf } from '../../../renderer/src/db/db';
import { readBoardRows } from '../../../renderer/src/db/projections';
import type { FieldClocks } from '@shared/sync/merge';

export const ORIGIN = 'http://hattama.test';

/** A fetch that hands the request to the in-process app (no socket). */
export function injectFetch(app: () => FastifyInstance): (input: string, init?: RequestInit) => Promise<Response> {
  return async (input, init = {}) => {
    const url = input.startsWith(ORIGIN) ? input.slice(ORIGIN.length) : input;
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
    const res = await app().inject({
      method: (init.method ?? 'GET') as 'GET' | 'POST',
      url,
      headers,
      ...(typeof init.body === 'string' ? { payload: init.body } : {}),
    });
    // The answer's own headers (a pull page's next cursor among them), but what the body's bytes were sent as.
    const passed = Object.entries(res.headers).flatMap(([k, v]) => (v === undefined || ['content-length', 'content-encoding', 'transfer-encoding'].includes(k) ? [] : [[k, Array.isArray(v) ? v.join(', ') : String(v)] as [string, string]]));
    return new Response(res.body === '' || res.statusCode === 204 ? null : res.body, { status: res.statusCode, headers: { 'content-type': 'application/json', ...Object.fromEntries(passed) } });
  };
}

export function memoryStorage(): SessionStorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

/** The server in process on a fresh schema of PGlite or PostgreSQL, its clock settable. */
export type TestServer = { db: Database; app: FastifyInstance; setTime: (ms: number) => void; now: () => number; restart: () => Promise<void>; close: () => Promise<void> };

export async function startTestServer(startMs: number, kind: DbKind = 'pglite'): Promise<TestServer> {
  const { db, drop } = await openTestDb(kind);
  await createTestUsers(db);
  let t = startMs;
  const now = () => t;
  const server: TestServer = {
    db,
    app: await buildApp({ db, now }),
    now,
    setTime: (ms) => void (t = ms),
    restart: async () => {
      await server.app.close();
      server.app = await buildApp({ db, now });
    },
    close: async () => {
      await server.app.close();
      await drop();
    },
  };
  return server;
}

/** What a test's network does to the next calls: deliver, drop before the server, lose the reply, deliver twice, or hold to deliver later. */
export type Fault = 'ok' | 'drop' | 'lose' | 'twice' | 'delay';

const NETWORK_DOWN = { ok: false as const, error: { code: 'network' as const, message: 'network down (test)' } };

/**
 * A transport between a client and the server whose calls the test may spoil: `faults` is consumed
 * one per push or pull. A delayed call reaches the server only when `flushDelayed` runs it (its
 * reply goes nowhere: the client saw a network error).
 */
export class FlakyTransport implements SyncTransport {
  faults: Fault[] = [];
  down = false;
  readonly delayed: (() => Promise<unknown>)[] = [];
  /** Every push request that reached the server, with its answer. */
  readonly pushes: { request: Parameters<SyncTransport['syncPush']>[0]; result: Awaited<ReturnType<SyncTransport['syncPush']>> }[] = [];

  constructor(readonly inner: SyncTransport) {}

  syncStatus: SyncTransport['syncStatus'] = (r) => this.inner.syncStatus(r);
  syncLogin: SyncTransport['syncLogin'] = (r) => this.inner.syncLogin(r);
  syncLogout: SyncTransport['syncLogout'] = (r) => this.inner.syncLogout(r);

  private async spoil<T>(call: () => Promise<SyncResult<T>>): Promise<SyncResult<T>> {
    if (this.down) return NETWORK_DOWN;
    const fault = this.faults.shift() ?? 'ok';
    switch (fault) {
      case 'drop':
        return NETWORK_DOWN;
      case 'lose':
        await call();
        return NETWORK_DOWN;
      case 'twice':
        await call();
        return call();
      case 'delay':
        this.delayed.push(call);
        return NETWORK_DOWN;
      default:
        return call();
    }
  }

  syncPush: SyncTransport['syncPush'] = (request) =>
    this.spoil(async () => {
      const result = await this.inner.syncPush(request);
      this.pushes.push({ request, result });
      return result;
    });

  syncPull: SyncTransport['syncPull'] = (request, onNext) => this.spoil(() => this.inner.syncPull(request, onNext));

  /** Delivers the held calls, in the order `order` gives (default: as held). */
  async flushDelayed(order: (n: number) => number[] = (n) => [...Array(n).keys()]): Promise<void> {
    const calls = this.delayed.splice(0);
    for (const i of order(calls.length)) await calls[i]?.();
  }
}

/** A clerk's machine: the data layer, a flaky line to the server and a sync engine. */
export type Clerk = Harness & { name: string; net: FlakyTransport; engine: SyncEngine; storage: ReturnType<typeof memoryStorage> };

export function openClerk(name: string, server: () => FastifyInstance, options: Partial<SyncEngineOptions> = {}): Clerk {
  const h = openHarness(`hattama-sync-${name}-${Math.random().toString(36).slice(2)}`);
  const storage = memoryStorage();
  const net = new FlakyTransport(createWebSyncTransport({ fetch: injectFetch(server), storage, origin: ORIGIN }));
  const engine = new SyncEngine({ db: h.db, repos: h.repos, ctx: h.ctx, transport: net, region: () => 'aktobe', online: () => true, ...options });
  return { ...h, name, net, engine, storage };
}

export async function signInClerk(c: Clerk, username: string): Promise<void> {
  const res = await c.engine.login(ORIGIN, username, PASSWORD);
  if (!res.ok) throw new Error(`login ${username}: ${res.error.code} ${res.error.message}`);
}

type Snapshot = Record<string, Record<string, Record<string, unknown>>>;

/** A record's fields as sync carries them: no meta, no nulls, set fields sorted. */
function normalise(table: SyncedTable, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const sets = SET_FIELDS[table] ?? [];
  for (const [k, v] of Object.entries(fields)) {
    if (v === null || v === undefined || k === 'deletedAt') continue;
    out[k] = sets.includes(k) && Array.isArray(v) ? [...v].map(String).sort() : v;
  }
  for (const f of sets) out[f] ??= [];
  return out;
}

/** The live records of every synced table of a clerk's database. */
export async function replicaOf(c: Pick<Harness, 'db'>): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const table of SYNCED_TABLES) {
    const rows = (await c.db.table(table).toArray()) as { id: string; deletedAt: string | null }[];
    out[table] = Object.fromEntries(rows.filter((r) => !r.deletedAt).map((r) => [r.id, normalise(table, fieldsOf<Record<string, unknown>>(r))]));
  }
  return out;
}

/** Every record's field stamps (deleted ones too), by `table/id`, unpacked. */
export async function clocksOfAll(c: Pick<Harness, 'db'>): Promise<Record<string, FieldClocks>> {
  const out: Record<string, FieldClocks> = {};
  for (const table of SYNCED_TABLES) {
    for (const r of (await c.db.table(table).toArray()) as { id: string; clocks?: string }[]) out[`${table}/${r.id}`] = clocksOf(r);
  }
  return out;
}

/** Live records (`table`, `id`, merged fields) in the shape of {@link replicaOf}. */
export function snapshotOf(records: readonly { table: SyncedTable; id: string; fields: Record<string, unknown> }[]): Snapshot {
  const out: Snapshot = Object.fromEntries(SYNCED_TABLES.map((t) => [t, {}]));
  for (const r of records) (out[r.table] ??= {})[r.id] = normalise(r.table, r.fields);
  return out;
}

/** The server's live records of a region, in the same shape. */
export async function serverReplica(db: Database, region = 'aktobe'): Promise<Snapshot> {
  const rows = await db.query<{ tbl: SyncedTable; id: string; fields: Record<string, unknown> }>('SELECT tbl, id::text AS id, fields FROM records WHERE region_id = $1 AND deleted_at IS NULL', [region]);
  return snapshotOf(rows.map((r) => ({ table: r.tbl, id: r.id, fields: r.fields })));
}

/** The board as a clerk sees it: each live project's row (title, stage, status, open barriers, stage stamp). */
export async function boardOf(c: Pick<Harness, 'db'>): Promise<Record<string, unknown>> {
  const { rows } = await readBoardRows(c.db);
  return Object.fromEntries(
    rows.filter((r) => r.alive === 1).map((r) => [r.id, { title: r.title, stage: r.stage, status: r.status, openBarriers: r.openBarriers, tags: [...(r.tags ?? [])].sort(), stageHlc: r.stageHlc }]),
  );
}

/** Syncs each clerk in turn, twice over, with a sound network: afterwards everyone has everything. */
export async function heal(clerks: readonly Clerk[]): Promise<void> {
  for (const c of clerks) {
    c.net.faults = [];
    c.net.down = false;
  }
  for (let round = 0; round < 2; round++) for (const c of clerks) await c.engine.syncNow();
}

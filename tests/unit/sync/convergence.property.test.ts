// Property-based convergence (fast-check): three clerks make random changes (projects, their stage,
// tags, barriers, deletes and restores) and sync at random moments while the network drops
// requests, loses replies, delivers requests twice and holds them back to deliver later in any
// order. After the network heals and everyone syncs, every replica equals the server, every change a
// clerk made is on the server (or came back as a conflict), and pulling everything again changes
// nothing. A thousand runs against the in-memory server (the shared merge, the contract's schemas);
// a few against the real server on PGlite.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { isRecordChange, type SyncedTable } from '@shared/sync/contract';
import { compareHlc } from '@shared/sync/hlc';
import { HattamaDb } from '../../../renderer/src/db/db';
import { createRepos, type Repos } from '../../../renderer/src/db/repos';
import type { RepoContext } from '../../../renderer/src/db/repository';
import { SyncEngine } from '../../../renderer/src/sync/engine';
import { createWebSyncTransport } from '../../../renderer/src/sync/web-transport';
import type { SyncTransport } from '../../../renderer/src/sync/transport';
import { closeSharedPglite, openTestDb, PASSWORD, USERS } from '../../server/support';
import { T0 } from '../db/harness';
import { MemoryServer } from './memory-server';
import { FlakyTransport, ORIGIN, injectFetch, memoryStorage, replicaOf, serverReplica, snapshotOf, startTestServer, type Fault } from './support';
import { allAudit } from '../../../renderer/src/db/audit';

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 1000);
const REAL_RUNS = Number(process.env.SYNC_PROPERTY_REAL_RUNS ?? 12);
const TAGS = ['СЭЗ', 'газ', 'экспорт'] as const;
const STAGES = ['idea', 'design', 'construction', 'suspended'] as const;

type Op =
  | { kind: 'create'; c: number }
  | { kind: 'import'; c: number; p: number; n: number; fresh: number }
  | { kind: 'title'; c: number; p: number; n: number }
  | { kind: 'stage'; c: number; p: number; stage: (typeof STAGES)[number] }
  | { kind: 'tag'; c: number; p: number; tag: (typeof TAGS)[number] }
  | { kind: 'barrier'; c: number; p: number }
  | { kind: 'delete' | 'restore'; c: number; p: number }
  | { kind: 'sync'; c: number; faults: Fault[] }
  | { kind: 'flush'; c: number; seed: number }
  | { kind: 'tick'; ms: number };

const client = fc.integer({ min: 0, max: 2 });
const pick = fc.nat(50);
const fault = fc.constantFrom<Fault>('ok', 'ok', 'drop', 'lose', 'twice', 'delay');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), c: client }),
  // An import: new projects and a changed one in one batch, queued many changes to an outbox row.
  fc.record({ kind: fc.constant('import' as const), c: client, p: pick, n: fc.nat(99), fresh: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('title' as const), c: client, p: pick, n: fc.nat(99) }),
  fc.record({ kind: fc.constant('stage' as const), c: client, p: pick, stage: fc.constantFrom(...STAGES) }),
  fc.record({ kind: fc.constant('tag' as const), c: client, p: pick, tag: fc.constantFrom(...TAGS) }),
  fc.record({ kind: fc.constant('barrier' as const), c: client, p: pick }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'restore' as const), c: client, p: pick }),
  fc.record({ kind: fc.constant('sync' as const), c: client, faults: fc.array(fault, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('sync' as const), c: client, faults: fc.constant([] as Fault[]) }),
  fc.record({ kind: fc.constant('flush' as const), c: client, seed: fc.nat() }),
  fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 90_000 }) }),
);

/** A clerk's machine, reused across runs (its tables are cleared before each). */
type Machine = { db: HattamaDb; repos: Repos; ctx: RepoContext; setTime: (ms: number) => void };

function machine(name: string): Machine {
  let t = T0;
  const db = new HattamaDb(`hattama-prop-${name}-${uuidv7()}`);
  const ctx: RepoContext = { db, now: () => new Date(t), newId: uuidv7, actor: () => `Секретарь ${name}` };
  return { db, ctx, repos: createRepos(ctx), setTime: (ms) => void (t = ms) };
}

/** What a run needs of the server it runs against. */
type Backend = {
  transport: (i: number) => Promise<SyncTransport>;
  setTime: (ms: number) => void;
  snapshot: () => Promise<ReturnType<typeof snapshotOf>>;
  clockOf: (table: SyncedTable, id: string, field: string) => Promise<string | undefined>;
  close: () => Promise<void>;
};

function shuffle(n: number, seed: number): number[] {
  const order = [...Array(n).keys()];
  let s = seed || 1;
  for (let i = n - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

async function applyOp(op: Op, m: Machine[], nets: FlakyTransport[], engines: SyncEngine[]): Promise<void> {
  if (op.kind === 'tick') return;
  const x = m[op.c]!;
  const projects = async (alive: boolean) => (await x.db.projects.toArray()).filter((p) => !alive || !p.deletedAt).sort((a, b) => (a.id < b.id ? -1 : 1));
  const nth = async (i: number, alive = true) => {
    const list = await projects(alive);
    return list.length > 0 ? list[i % list.length] : undefined;
  };
  switch (op.kind) {
    case 'create':
      await x.repos.projects.create({ title: `Проект ${uuidv7().slice(-4)}`, investorName: 'ТОО «Инвестор»', regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: [] });
      return;
    case 'import': {
      const p = await nth(op.p);
      const items: { id?: string; input: Record<string, unknown> }[] = Array.from({ length: op.fresh }, () => ({
        input: { title: `Импорт ${uuidv7().slice(-4)}`, investorName: 'ТОО «Инвестор»', regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: [] },
      }));
      if (p) items.push({ id: p.id, input: { title: `Из файла ${op.n}` } });
      await x.repos.projects.writeMany(items);
      return;
    }
    case 'title': {
      const p = await nth(op.p);
      if (p) await x.repos.projects.update(p.id, { title: `Название ${op.n}` });
      return;
    }
    case 'stage': {
      const p = await nth(op.p);
      if (p) await x.repos.projects.update(p.id, { stage: op.stage }, { seen: await x.repos.projects.clocks(p.id) });
      return;
    }
    case 'tag': {
      const p = await nth(op.p);
      if (p) await x.repos.projects.update(p.id, { tags: p.tags.includes(op.tag) ? p.tags.filter((t) => t !== op.tag) : [...p.tags, op.tag] });
      return;
    }
    case 'barrier': {
      const p = await nth(op.p);
      if (p) await x.repos.barriers.create({ projectId: p.id, kind: 'gas', text: 'Нет газа', openedOn: '2026-03-01' });
      return;
    }
    case 'delete': {
      const p = await nth(op.p);
      if (p) await x.repos.projects.remove(p.id);
      return;
    }
    case 'restore': {
      const p = await nth(op.p, false);
      if (p?.deletedAt) await x.repos.projects.restore(p.id);
      return;
    }
    case 'sync':
      nets[op.c]!.faults = [...op.faults];
      await engines[op.c]!.syncNow().catch(() => undefined);
      nets[op.c]!.faults = [];
      return;
    case 'flush':
      await nets[op.c]!.flushDelayed((n) => shuffle(n, op.seed));
      return;
  }
}

/** One run: the ops, the healing, the checks. */
async function run(ops: Op[], machines: Machine[], backend: Backend): Promise<void> {
  let t = T0;
  const skew = [0, -40_000, 55_000];
  const setTimes = () => {
    backend.setTime(t);
    machines.forEach((x, i) => x.setTime(t + skew[i]!));
  };
  setTimes();
  const nets = await Promise.all(machines.map(async (_, i) => new FlakyTransport(await backend.transport(i))));
  const engines = machines.map((x, i) => new SyncEngine({ db: x.db, repos: x.repos, ctx: x.ctx, transport: nets[i]!, region: () => 'aktobe', online: () => true, random: () => 0.5, pushBatchSize: 3 }));
  // A shared start: two projects everyone has, so that the clerks' changes meet on the same records.
  await applyOp({ kind: 'create', c: 0 }, machines, nets, engines);
  await applyOp({ kind: 'create', c: 0 }, machines, nets, engines);
  for (const e of engines) await e.syncNow();
  for (const op of ops) {
    if (op.kind === 'tick') t += op.ms;
    else t += 1000;
    setTimes();
    await applyOp(op, machines, nets, engines);
  }
  // Held requests arrive late, in any order; then the network heals and everyone syncs twice over.
  for (const [i, n] of nets.entries()) await n.flushDelayed((k) => shuffle(k, i + ops.length));
  t += 1000;
  setTimes();
  for (let round = 0; round < 2; round++) for (const e of engines) await e.syncNow();

  const expected = await backend.snapshot();
  for (const [i, x] of machines.entries()) {
    expect(await x.db.outbox.count(), `outbox of clerk ${i}`).toBe(0);
    expect(await replicaOf(x), `clerk ${i} equals the server`).toEqual(expected);
  }
  // Every change a clerk made reached the server: its stamp or a newer one is there, or the
  // server refused it as a conflict it reported.
  const conflicted = new Set<string>();
  for (const n of nets) for (const p of n.pushes) if (p.result.ok) for (const c of p.result.value.conflicts) conflicted.add(`${c.recordId}/${c.field}/${c.hlc}`);
  for (const n of nets) {
    for (const p of n.pushes) {
      for (const e of p.request.entries) {
        if (!isRecordChange(e)) continue;
        for (const [field, change] of Object.entries(e.fields)) {
          if (conflicted.has(`${e.recordId}/${field}/${change.hlc}`)) continue;
          const held = await backend.clockOf(e.table, e.recordId, field);
          expect(held !== undefined && compareHlc(held, change.hlc) >= 0, `${e.table}/${e.recordId}.${field} @${change.hlc} on the server (has ${held})`).toBe(true);
        }
      }
    }
  }
  // Applying the whole log again changes nothing (not even the audit log).
  const first = machines[0]!;
  const audit = (await allAudit(first.db)).length;
  await first.db.syncState.delete('cursor');
  await engines[0]!.syncNow();
  expect(await replicaOf(first)).toEqual(expected);
  expect(await allAudit(first.db)).toHaveLength(audit);
}

async function clear(machines: Machine[]): Promise<void> {
  for (const x of machines) await x.db.transaction('rw', x.db.tables, () => Promise.all(x.db.tables.map((table) => table.clear())));
}

describe('sync converges', () => {
  const machines = ['a', 'b', 'c'].map(machine);
  afterAll(async () => {
    for (const x of machines) {
      x.db.close();
      await x.db.delete();
    }
  });

  it(`after any operations and network faults, against the in-memory server (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        await clear(machines);
        let now = T0;
        const server = new MemoryServer(() => now);
        await run(ops, machines, {
          transport: async (i) => server.transport(`Секретарь ${i}`),
          setTime: (ms) => void (now = ms),
          snapshot: async () => snapshotOf(server.liveRecords()),
          clockOf: async (table, id, field) => server.clockOf(table, id, field),
          close: async () => undefined,
        });
      }),
      { numRuns: RUNS },
    );
  }, 180_000);

  describe('against the real server (PGlite)', () => {
    beforeAll(async () => {
      const { drop } = await openTestDb('pglite');
      await drop();
    }, 90_000);
    afterAll(closeSharedPglite);

    it(`after any operations and network faults (${REAL_RUNS} runs)`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
          await clear(machines);
          const server = await startTestServer(T0);
          const users = [USERS.aigerim.username, USERS.daulet.username, USERS.aigerim.username];
          try {
            await run(ops, machines, {
              transport: async (i) => {
                const t = createWebSyncTransport({ fetch: injectFetch(() => server.app), storage: memoryStorage(), origin: ORIGIN });
                const res = await t.syncLogin({ serverUrl: ORIGIN, username: users[i]!, password: PASSWORD });
                if (!res.ok) throw new Error(res.error.message);
                return t;
              },
              setTime: server.setTime,
              snapshot: () => serverReplica(server.db),
              clockOf: async (table, id, field) => {
                const [row] = await server.db.query<{ c: string | null }>('SELECT clocks ->> $3 AS c FROM records WHERE tbl = $1 AND id = $2::uuid', [table, id, field]);
                return row?.c ?? undefined;
              },
              close: server.close,
            });
          } finally {
            await server.close();
          }
        }),
        { numRuns: REAL_RUNS },
      );
    }, 180_000);
  });
});

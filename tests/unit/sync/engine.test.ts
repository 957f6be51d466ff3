// The sync engine against the real server in process (PGlite), through the browser host's
// transport: clerks who work offline and sync in any order end with the server's data and each
// other's; retries and lost replies duplicate nothing; a pull never reverts a change still waiting;
// a page and its cursor commit together; conflicts come back to the clerk; a clock that ran ahead
// gets its pending changes back onto the server.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { minutesDocId } from '@shared/domain/meeting.schema';
import { parseHlc } from '@shared/sync/hlc';
import { openDoc } from '../../../renderer/src/db/doc-store';
import { readConflicts, resolveConflict } from '../../../renderer/src/sync/conflicts';
import { SyncEngine, SyncRunError } from '../../../renderer/src/sync/engine';
import { markProjectionsStale } from '../../../renderer/src/db/repos';
import { readBoardRows, readControlRows } from '../../../renderer/src/db/projections';
import { dismissRefused, readRefused, retryRefused } from '../../../renderer/src/sync/refused';
import { closeSharedPglite, dbKinds, openTestDb, USERS } from '../../server/support';
import { T0 } from '../db/harness';
import { ORIGIN, boardOf, heal, injectFetch, memoryStorage, openClerk, replicaOf, serverReplica, signInClerk, startTestServer, type Clerk, type TestServer } from './support';
import { createWebSyncTransport } from '../../../renderer/src/sync/web-transport';
import type { SyncTransport } from '../../../renderer/src/sync/transport';
import { allAudit, auditOf } from '../../../renderer/src/db/audit';
import { countOutbox } from '../../../renderer/src/db/outbox';
import { queuedRows } from '../db/harness';

let server: TestServer;
const clerks: Clerk[] = [];

function clerk(name: string, options: Parameters<typeof openClerk>[2] = {}): Clerk {
  const c = openClerk(name, () => server.app, options);
  clerks.push(c);
  return c;
}

async function signedIn(name: string, user: keyof typeof USERS = 'aigerim', options: Parameters<typeof openClerk>[2] = {}): Promise<Clerk> {
  const c = clerk(name, options);
  await signInClerk(c, USERS[user].username);
  return c;
}

const project = (title: string, extra: Record<string, unknown> = {}) => ({ title, investorName: 'ТОО «Актобе Инвест»', regionId: 'aktobe', stage: 'design' as const, status: 'on_track' as const, tags: [], ...extra });

async function expectAllEqualServer(...cs: Clerk[]) {
  const expected = await serverReplica(server.db);
  for (const c of cs) expect(await replicaOf(c), `${c.name} equals the server`).toEqual(expected);
  // The board each clerk sees is built from the same records (pulled in bulk or written here).
  const [first, ...rest] = cs;
  if (first) for (const c of rest) expect(await boardOf(c), `${c.name}'s board`).toEqual(await boardOf(first));
}

beforeAll(async () => {
  const { drop } = await openTestDb('pglite'); // the shared PGlite starts once, before the first test
  await drop();
}, 90_000);
afterAll(closeSharedPglite);


afterEach(async () => {
  for (const c of clerks.splice(0)) {
    c.engine.stop();
    await c.dispose();
  }
  await server.close();
});

// Every scenario on the embedded database and on PostgreSQL (when HATTAMA_TEST_PG_URL names one; CI does).
for (const kind of dbKinds()) {
describe(`on ${kind}`, () => {
  beforeEach(async () => {
    server = await startTestServer(T0, kind);
  });

  describe('clerks who work offline', () => {
    it('end with the same register, meetings, assignments and minutes text as the server and each other, in any order of syncing', async () => {
      const a = await signedIn('a', 'aigerim');
      const b = await signedIn('b', 'daulet');
      const c = await signedIn('c', 'aigerim');
      // A shared starting point: a project, a meeting with an agenda item, its minutes.
      const p = await a.repos.projects.create(project('Завод ферросплавов', { tags: ['СЭЗ'] }));
      const m = await a.repos.ops.createMeeting({ regionId: 'aktobe', number: 1, kind: 'on_site', date: '2026-03-20', time: '10:00', place: 'Актюбинский завод ферросплавов' });
      const item = await a.repos.ops.addAgendaItem(m.id, { kind: 'topic', titleRu: 'О ходе строительства', projectIds: [p.id] });
      const minutes = await a.repos.ops.ensureMinutes(m.id, 'ru');
      const docId = minutesDocId(minutes.id, 'ru');
      const docA = await openDoc(a.ctx, docId, { saveDelayMs: 5 });
      docA.doc.getText('body').insert(0, 'СЛУШАЛИ: ');
      await docA.flush();
      await a.engine.syncNow();
      await b.engine.syncNow();
      await c.engine.syncNow();
      await expectAllEqualServer(a, b, c);

      // Offline: each clerk changes different things, and some the same.
      const docB = await openDoc(b.ctx, docId, { saveDelayMs: 5 });
      expect(docB.doc.getText('body').toString()).toBe('СЛУШАЛИ: ');
      docA.doc.getText('body').insert(10, 'директора завода. ');
      docB.doc.getText('body').insert(0, 'Протокол выездного заседания. ');
      await Promise.all([docA.flush(), docB.flush()]);

      await a.repos.projects.update(p.id, { title: 'Актюбинский завод ферросплавов', tags: ['СЭЗ', 'выездное'] });
      await a.repos.barriers.create({ projectId: p.id, kind: 'gas', text: 'Нет газопровода до площадки', openedOn: '2026-03-10' });
      const person = await a.repos.people.create({ fullName: 'Асхат Шахаров', regionId: 'aktobe' });
      await a.repos.ops.setAttendance(m.id, person.id, { presence: 'present' });
      const decision = await a.repos.ops.addDecision(item.id, { textRu: 'Обеспечить подвод газа' });

      b.setTime(T0 + 60_000);
      await b.repos.projects.update(p.id, { investmentTenge: 120_000_000_000, tags: ['СЭЗ', 'приоритет'] });
      const other = await b.repos.projects.create(project('Цех металлоконструкций'));
      await b.repos.ops.addAgendaItem(m.id, { kind: 'topic', titleRu: 'О цехе металлоконструкций', projectIds: [other.id] });
      await b.repos.ops.setAttendance(m.id, person.id, { role: 'invitee' }); // the same attendance record (its id derives from meeting and person)

      c.setTime(T0 + 120_000);
      const tmp = await c.repos.projects.create(project('Черновик, удалить'));
      await c.repos.projects.remove(tmp.id);
      await c.repos.projects.update(p.id, { title: 'Завод ферросплавов (ТОО «Актобе Инвест»)' }); // later than A's: wins

      // Back in the office, in the order they come in.
      for (const order of [[b, c, a], [a, c, b]]) for (const x of order) await x.engine.syncNow();
      await heal([a, b, c]);
      await expectAllEqualServer(a, b, c);

      const onA = await a.db.projects.get(p.id);
      expect(onA?.title).toBe('Завод ферросплавов (ТОО «Актобе Инвест»)');
      expect(onA?.investmentTenge).toBe(120_000_000_000);
      expect([...(onA?.tags ?? [])].sort()).toEqual(['СЭЗ', 'выездное', 'приоритет']);
      expect((await b.db.assignments.get(decision.id))?.textRu).toBe('Обеспечить подвод газа');
      expect((await c.db.agendaItems.where('meetingId').equals(m.id).toArray()).filter((i) => i.alive === 1)).toHaveLength(2);
      expect((await b.db.projects.get(tmp.id))?.deletedAt).not.toBeNull();

      // Both clerks' minutes text is kept, the same on every machine.
      const docC = await openDoc(c.ctx, docId, { saveDelayMs: 5 });
      const text = docC.doc.getText('body').toString();
      expect(text).toContain('Протокол выездного заседания.');
      expect(text).toContain('директора завода.');
      // The documents open on A and B follow the pulled updates through the change feed.
      await vi.waitFor(() => expect([docA, docB].map((d) => d.doc.getText('body').toString())).toEqual([text, text]));
      for (const d of [docA, docB, docC]) await d.close();
      for (const x of [a, b, c]) expect(await x.db.outbox.count()).toBe(0);
    });

    it('name the clerk who pushed a pulled change in the audit log', async () => {
      const a = await signedIn('a', 'aigerim');
      const b = await signedIn('b', 'daulet');
      // (b's first sync brings records as they stand, unaudited: b has synced before.)
      await a.repos.projects.create(project('Склад'));
      await a.engine.syncNow();
      await b.engine.syncNow();
      const p = await a.repos.projects.create(project('Завод'));
      await a.engine.syncNow();
      await b.engine.syncNow();
      const entries = await auditOf(b.db, 'projects', p.id);
      expect(entries.map((e) => [e.action, e.actor])).toEqual([['create', USERS.aigerim.displayName]]);
    });
  });

  describe('a push', () => {
    it('retried after a lost reply duplicates nothing, and a duplicated or late request changes nothing', async () => {
      const a = await signedIn('a');
      const p = await a.repos.projects.create(project('Завод'));
      await a.repos.projects.update(p.id, { title: 'Завод — 2' });
      const waiting = await a.db.outbox.count();
      a.net.faults = ['lose'];
      await expect(a.engine.syncNow()).rejects.toBeInstanceOf(SyncRunError);
      expect(a.engine.status.get().phase).toBe('offline');
      expect(await a.db.outbox.count()).toBe(waiting); // not acknowledged: still waiting
      const logged = (await server.db.query<{ n: string }>('SELECT count(*) AS n FROM changes'))[0]?.n;
      a.net.faults = ['twice', 'delay'];
      await expect(a.engine.syncNow()).rejects.toBeInstanceOf(SyncRunError); // the pull is held back
      await a.net.flushDelayed();
      await a.engine.syncNow();
      const after = (await server.db.query<{ n: string }>('SELECT count(*) AS n FROM changes'))[0]?.n;
      expect(Number(after)).toBe(Number(logged));
      expect(await a.db.outbox.count()).toBe(0);
      const [row] = await server.db.query<{ last_seq: string }>('SELECT last_seq FROM clients');
      expect(Number(row?.last_seq)).toBe(waiting);
      await expectAllEqualServer(a);
    });

    it('numbers batches without gaps whatever the outbox keys, in batches of the size asked', async () => {
      const a = await signedIn('a', 'aigerim', { pushBatchSize: 3 });
      for (let i = 0; i < 4; i++) await a.repos.organizations.create({ name: `ТОО «Инвестор ${i}»`, kind: 'investor', regionId: 'aktobe' });
      // Keys with gaps, as after an upgrade: an entry rewritten under a new key, one dropped.
      const items = await a.db.outbox.toArray();
      await a.db.outbox.delete(items[1]!.seq!);
      await a.db.outbox.add({ ...items[1]!, seq: undefined } as never);
      await a.db.outbox.add({ ...items[2]!, seq: 100 } as never);
      await a.db.outbox.delete(items[2]!.seq!);
      await a.engine.syncNow();
      for (let i = 0; i < 3; i++) await a.repos.people.create({ fullName: `Участник ${i}`, regionId: 'aktobe' });
      await a.engine.syncNow();
      const seqs = a.net.pushes.flatMap((p) => p.request.entries.map((e) => e.seq));
      expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(a.net.pushes.map((p) => p.request.entries.length)).toEqual([3, 1, 3]);
      await expectAllEqualServer(a);
    });

    it('sends an import queued many changes to a row in numbered batches; a lost reply midway loses and duplicates nothing', async () => {
      const a = await signedIn('a', 'aigerim', { pushBatchSize: 400 });
      const b = await signedIn('b', 'daulet');
      await a.repos.projects.create(project('До импорта'));
      await a.repos.projects.writeMany(Array.from({ length: 700 }, (_, i) => ({ input: project(`Импорт ${i}`) })));
      await a.repos.projects.create(project('После импорта'));
      // 702 projects and as many stage-log entries: 1,404 changes, the import's 1,400 in four rows.
      expect(await countOutbox(a.db)).toBe(1404);
      expect(await a.db.outbox.count()).toBe(2 + 4 + 2);
      a.net.faults = ['ok', 'lose'];
      await expect(a.engine.syncNow()).rejects.toBeInstanceOf(SyncRunError);
      expect(await countOutbox(a.db)).toBe(1404 - 400);
      await a.engine.syncNow();
      expect(await countOutbox(a.db)).toBe(0);
      const seqs = a.net.pushes.filter((p) => p.result.ok).flatMap((p) => p.request.entries.map((e) => e.seq));
      expect(new Set(seqs).size).toBe(1404);
      expect(Math.max(...(seqs as number[]))).toBe(1404);
      const [row] = await server.db.query<{ n: string }>("SELECT count(*) AS n FROM changes WHERE tbl = 'projects'");
      expect(Number(row?.n)).toBe(702);
      await b.engine.syncNow();
      expect(await b.db.projects.count()).toBe(702);
      await expectAllEqualServer(a, b);
    });

    it('after a server that lost this client (seq gap) sends the batch again from what the server has', async () => {
      const a = await signedIn('a');
      await a.repos.projects.create(project('Завод'));
      await a.db.syncState.put({ key: 'pushed', version: 41 }); // as if 41 changes had gone to a server that lost them
      await a.engine.syncNow();
      expect(a.net.pushes.map((p) => (p.result.ok ? 'ok' : p.result.error.code))).toEqual(['seq_gap', 'ok']);
      await expectAllEqualServer(a);
    });
  });

  describe('a pull', () => {
    it('does not revert a change still waiting to be pushed', async () => {
      const a = await signedIn('a');
      const b = await signedIn('b', 'daulet');
      const p = await a.repos.projects.create(project('Завод'));
      await a.engine.syncNow();
      await b.engine.syncNow();
      await b.repos.projects.update(p.id, { title: 'Старое название от B' });
      a.setTime(T0 + 60_000);
      await a.repos.projects.update(p.id, { title: 'Новое название от A' });
      await b.engine.syncNow(); // B's older change reaches the server first
      await a.engine.pullAll(); // A pulls it while its own newer change still waits
      expect((await a.db.projects.get(p.id))?.title).toBe('Новое название от A');
      expect(await a.db.outbox.count()).toBe(1);
      await a.engine.syncNow();
      await b.engine.syncNow();
      expect((await b.db.projects.get(p.id))?.title).toBe('Новое название от A');
      await expectAllEqualServer(a, b);
    });

    it('stores the cursor with the page it applied: a crash between them applies nothing, the next pull everything once', async () => {
      const a = await signedIn('a');
      await a.repos.projects.create(project('Проект 0'));
      await a.engine.syncNow();
      let crash = false;
      const b = await signedIn('b', 'daulet', {
        pullPageSize: 3,
        beforeCursorStored: (page) => {
          if (crash && page.changes.length > 0) throw new Error('killed before the commit');
        },
      });
      await b.engine.syncNow(); // b's first sync
      const cursor = await b.engine.cursor();
      for (let i = 1; i <= 5; i++) await a.repos.projects.create(project(`Проект ${i}`));
      await a.engine.syncNow();
      crash = true;
      await expect(b.engine.syncNow()).rejects.toThrow(/killed/);
      expect(await b.db.projects.count()).toBe(1);
      expect(await b.engine.cursor()).toBe(cursor);
      crash = false;
      await b.engine.syncNow();
      expect(await b.db.projects.count()).toBe(6);
      // Each change was applied (and logged) once; pulling everything again changes nothing.
      const logged = async () => (await allAudit(b.db)).filter((e) => e.table === 'projects').length;
      expect(await logged()).toBe(5);
      await b.db.syncState.put({ key: 'cursor', version: cursor, scope: (await b.db.syncState.get('cursor'))?.scope ?? '' });
      const before = await replicaOf(b);
      await b.engine.syncNow();
      expect(await logged()).toBe(5);
      expect(await replicaOf(b)).toEqual(before);
      await expectAllEqualServer(a, b);
    });

    it('counts what it has received page by page, for the indicator of a long first sync', async () => {
      const a = await signedIn('a');
      for (let i = 0; i < 7; i++) await a.repos.projects.create(project(`Проект ${i}`));
      await a.engine.syncNow();
      const b = await signedIn('b', 'daulet', { pullPageSize: 3 });
      const seen: number[] = [];
      b.engine.status.subscribe(() => {
        const s = b.engine.status.get();
        if (s.phase === 'syncing' && seen[seen.length - 1] !== s.received) seen.push(s.received);
      });
      const report = await b.engine.syncNow();
      // 7 projects and their 7 stage-log records, 3 a page: 3, 6, … 14, each count once, then the next sync starts from 0.
      expect(report?.pulled).toBe(14);
      expect(seen).toEqual([0, 3, 6, 9, 12, 14]);
      await a.repos.projects.create(project('Проект 7'));
      await a.engine.syncNow();
      seen.length = 0;
      await b.engine.syncNow();
      expect(seen).toEqual([0, 2]);
    });

    it('knows from the server how many a long sync brings in all, for its progress', async () => {
      const a = await signedIn('a');
      for (let i = 0; i < 7; i++) await a.repos.projects.create(project(`Проект ${i}`));
      await a.engine.syncNow();
      const b = await signedIn('b', 'daulet', { pullPageSize: 3, firstPullPageSize: 3 });
      const seen: [number, number | null][] = [];
      b.engine.status.subscribe(() => {
        const s = b.engine.status.get();
        const last = seen[seen.length - 1];
        if (s.phase === 'syncing' && (last?.[0] !== s.received || last[1] !== s.expected)) seen.push([s.received, s.expected]);
      });
      expect((await b.engine.syncNow())?.pulled).toBe(14);
      // Unknown until the first page says what is left after it; then 14 in all.
      expect(seen).toEqual([[0, null], [3, 14], [6, 14], [9, 14], [12, 14], [14, 14]]);
      expect(b.engine.status.get().phase).toBe('idle');
      // The next sync starts unknown again; one page that has all: nothing is counted on the server.
      await a.repos.projects.create(project('Проект 7'));
      await a.engine.syncNow();
      seen.length = 0;
      await b.engine.syncNow();
      expect(seen).toEqual([[0, null], [2, 2]]);
    });

    it('asks for a smaller first page, then full pages: the first records are stored while the server reads on', async () => {
      const a = await signedIn('a');
      for (let i = 0; i < 7; i++) await a.repos.projects.create(project(`Проект ${i}`));
      await a.engine.syncNow();
      const b = await signedIn('b', 'daulet', { pullPageSize: 4, firstPullPageSize: 2 });
      const seen: number[] = [];
      b.engine.status.subscribe(() => {
        const s = b.engine.status.get();
        if (s.phase === 'syncing' && seen[seen.length - 1] !== s.received) seen.push(s.received);
      });
      expect((await b.engine.syncNow())?.pulled).toBe(14);
      expect(seen).toEqual([0, 2, 6, 10, 14]);
      await expectAllEqualServer(a, b);
    });

    it('asks for the next page as soon as the answer’s headers say where it starts, never more than two pages ahead', async () => {
      const a = await signedIn('a');
      for (let i = 0; i < 9; i++) await a.repos.projects.create(project(`Проект ${i}`));
      await a.engine.syncNow();
      const log: string[] = [];
      const web = createWebSyncTransport({ fetch: injectFetch(() => server.app), storage: memoryStorage(), origin: ORIGIN });
      const transport: SyncTransport = {
        ...web,
        syncPull: async (q, onNext) => {
          log.push(`ask ${q.since}`);
          const r = await web.syncPull(q, (next) => {
            log.push(`head ${q.since}`);
            onNext?.(next);
          });
          // The first answer is handed over once the second's headers are in (on a busy machine they
          // may come later than the first page is stored: the two-ahead case then never shows).
          if (q.since === 0) await vi.waitFor(() => expect(log.filter((l) => l.startsWith('head')).length).toBeGreaterThan(1), { timeout: 10_000 });
          log.push(`got ${q.since}`);
          return r;
        },
      };
      let stored = 0;
      const ahead: number[] = [];
      const b = await signedIn('b', 'daulet', {
        transport, pullPageSize: 3, firstPullPageSize: 3,
        beforeCursorStored: () => {
          stored++;
          ahead.push(log.filter((l) => l.startsWith('ask')).length - stored);
        },
      });
      expect((await b.engine.syncNow())?.pulled).toBe(18);
      // The second page was asked for before the first one's answer was read.
      expect(log.findIndex((l, i) => i > 0 && l.startsWith('ask'))).toBeLessThan(log.indexOf('got 0'));
      expect(Math.max(...ahead)).toBe(2);
      expect(log.filter((l) => l.startsWith('ask'))).toHaveLength(6);
      await expectAllEqualServer(a, b);
    });

    it('takes the body’s cursor when the headers say another: a wrong head start is left unused', async () => {
      const a = await signedIn('a');
      for (let i = 0; i < 5; i++) await a.repos.projects.create(project(`Проект ${i}`));
      await a.engine.syncNow();
      const web = createWebSyncTransport({ fetch: injectFetch(() => server.app), storage: memoryStorage(), origin: ORIGIN });
      const transport: SyncTransport = { ...web, syncPull: (q, onNext) => web.syncPull(q, onNext && ((next) => onNext(next + 1))) };
      const b = await signedIn('b', 'daulet', { transport, pullPageSize: 3, firstPullPageSize: 3 });
      expect((await b.engine.syncNow())?.pulled).toBe(10);
      await expectAllEqualServer(a, b);
    });

    it('the first one, killed part-way, is taken up again and leaves every record once', async () => {
      const a = await signedIn('a');
      for (let i = 0; i < 7; i++) await a.repos.projects.create(project(`Проект ${i}`));
      await a.engine.syncNow();
      let pages = 0;
      const b = await signedIn('b', 'daulet', {
        pullPageSize: 3,
        beforeCursorStored: () => {
          if (++pages === 2) throw new Error('killed before the commit');
        },
      });
      await expect(b.engine.syncNow()).rejects.toThrow(/killed/);
      const kept = await b.db.projects.count(); // the first page's
      expect(kept).toBeGreaterThan(0);
      expect(kept).toBeLessThan(7);
      // Its pages leave the projections to the end: the stop builds them all the same.
      expect((await readBoardRows(b.db)).rows).toHaveLength(kept);
      expect(await b.db.syncState.get('projectionsStale')).toBeUndefined();
      const firstPage = new Set(await b.db.projects.toCollection().primaryKeys());
      await b.engine.syncNow();
      expect(await b.db.projects.count()).toBe(7);
      // The first page came unaudited; the rest, pulled as a later sync, once each.
      const audited = (await allAudit(b.db)).filter((e) => e.table === 'projects').map((e) => e.recordId);
      expect(audited.filter((id) => firstPage.has(id))).toEqual([]);
      expect(new Set(audited).size).toBe(audited.length);
      expect(audited).toHaveLength(7 - kept);
      await expectAllEqualServer(a, b);
    });
    it('the first one builds the board and the control rows once, at the end; a crash before that is made good at the next start, offline', async () => {
      const a = await signedIn('a');
      for (let i = 0; i < 5; i++) {
        const p = await a.repos.projects.create(project(`Проект ${i}`));
        await a.repos.barriers.create({ projectId: p.id, kind: 'gas', text: `Нет газа ${i}`, openedOn: '2026-01-15' });
      }
      const created = await a.repos.assignments.create({ regionId: 'aktobe', origin: 'directive', sourceKind: 'akim', sourceDate: '2026-02-10', sourceNumber: '15', textRu: 'Подключить газ', status: 'open', deadline: { kind: 'date', due: '2026-06-30' }, projectIds: [], responsibleOrgIds: [], zoneIds: [], meetingIds: [] });
      await a.engine.syncNow();
      let pages = 0;
      let boardDuring = -1;
      const b = await signedIn('b', 'daulet', {
        pullPageSize: 4,
        beforeCursorStored: () => {
          if (++pages === 2) void b.db.boardRows.count().then((n) => (boardDuring = n));
        },
      });
      await b.engine.syncNow();
      expect(pages).toBeGreaterThan(3);
      expect(boardDuring).toBe(0); // nothing built page by page
      await expectAllEqualServer(a, b); // … and the same board as the clerk who typed it
      expect((await readBoardRows(b.db)).rows.map((r) => r.openBarriers)).toEqual([1, 1, 1, 1, 1]);
      const statusOf = async (h: { db: typeof b.db }) => (await readControlRows(h.db)).rows.find((r) => r.id === created.id)?.status;
      expect(await statusOf(b)).toBe('open');
      expect(await statusOf(b)).toBe(await statusOf(a));
      // … built as one record each (db/projections.ts), not a row per record.
      expect(await b.db.boardRows.count()).toBe(0);
      expect(await b.db.controlRows.count()).toBe(0);
      expect(await b.db.syncState.get('projectionsStale')).toBeUndefined();

      // A crash between a page and the end: the records are in, their projections not, the note stays.
      await b.db.transaction('rw', b.db.boardRows, b.db.controlRows, b.db.syncState, b.db.settings, async () => {
        await b.db.boardRows.clear();
        await b.db.controlRows.clear();
        await b.db.settings.bulkDelete(['board.base', 'control.base']);
        await b.db.syncState.bulkDelete(['boardBase', 'controlBase']);
        await markProjectionsStale(b.db);
      });
      expect((await readBoardRows(b.db)).rows).toEqual([]);
      b.engine.stop();
      const reopened = new SyncEngine({ db: b.db, repos: b.repos, ctx: b.ctx, transport: b.net, region: () => 'aktobe', online: () => false });
      reopened.start();
      await vi.waitFor(async () => expect((await readBoardRows(b.db)).rows).toHaveLength(5));
      reopened.stop();
      expect((await readControlRows(b.db)).rows).toHaveLength(1);
      expect(await b.db.syncState.get('projectionsStale')).toBeUndefined();
    });
  });

  describe('a change the server refuses for itself', () => {
    it('is set aside with the reason, and what was typed before and after it still reaches the server', async () => {
      const a = await signedIn('a');
      const b = await signedIn('b', 'daulet');
      const before = await a.repos.projects.create(project('Склад'));
      const bad = await a.repos.projects.create(project('Цех'));
      const after = await a.repos.projects.create(project('Завод'));
      // The entry of «Цех» carries a value the server cannot store (as an older app's bug would make it).
      const key = (await queuedRows(a.db)).find((e) => 'recordId' in e && e.recordId === bad.id)?.seq as number;
      await a.db.outbox.update(key, { 'fields.title': { value: 'Цех\u0000', hlc: (await a.repos.projects.clocks(bad.id)).title } } as never);

      await a.engine.syncNow();
      expect(await a.db.outbox.count()).toBe(0);
      const refused = await readRefused(a.db);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatchObject({ code: 'bad_request', item: { table: 'projects', recordId: bad.id } });
      expect(refused[0]?.message).toMatch(/NUL/);
      expect(a.engine.status.get().refused).toBe(1);
      // The clerk's record keeps its value here; the others went through.
      expect((await a.db.projects.get(bad.id))?.title).toBe('Цех');
      await b.engine.syncNow();
      expect(await b.db.projects.get(before.id)).toBeDefined();
      expect(await b.db.projects.get(after.id)).toBeDefined();

      // Corrected and sent again: the record as it stands now reaches the others whole.
      await a.repos.projects.update(bad.id, { title: 'Цех № 2' });
      expect(await retryRefused(a.db, refused[0]!.id, new Date().toISOString())).toBe(true);
      expect(await readRefused(a.db)).toEqual([]);
      await a.engine.syncNow();
      await b.engine.syncNow();
      expect(await b.db.projects.get(bad.id)).toMatchObject({ title: 'Цех № 2', investorName: 'ТОО «Актобе Инвест»', stage: 'design' });
      await expectAllEqualServer(a, b);
    });

    it('once read, can be dismissed', async () => {
      const a = await signedIn('a');
      const p = await a.repos.projects.create(project('Цех'));
      const key = (await queuedRows(a.db)).find((e) => 'recordId' in e && e.recordId === p.id)?.seq as number;
      await a.db.outbox.update(key, { 'fields.investorName': { value: 'ТОО\u0000', hlc: (await a.repos.projects.clocks(p.id)).investorName } } as never);
      await a.engine.syncNow();
      const [refused] = await readRefused(a.db);
      await dismissRefused(a.db, refused!.id);
      expect(await readRefused(a.db)).toEqual([]);
      await a.engine.countRefused();
      expect(a.engine.status.get().refused).toBe(0);
    });
  });

  describe('conflicts', () => {
    it('of a guarded field come back to the clerk with the server value shown; picking theirs applies it everywhere', async () => {
      const a = await signedIn('a');
      const b = await signedIn('b', 'daulet');
      const p = await a.repos.projects.create(project('Завод'));
      await a.engine.syncNow();
      await b.engine.syncNow();
      await a.repos.projects.update(p.id, { stage: 'construction' });
      b.setTime(T0 + 60_000);
      await b.repos.projects.update(p.id, { stage: 'suspended' }); // B saw "design", not A's change
      await a.engine.syncNow();
      const report = await b.engine.syncNow();
      expect(report?.conflicts).toBe(1);
      const [conflict] = await readConflicts(b.db);
      expect(conflict).toMatchObject({ table: 'projects', recordId: p.id, field: 'stage', value: 'suspended', serverValue: 'construction' });
      expect(b.engine.status.get().conflicts).toBe(1);
      // B shows what the server has until the clerk decides; the refused change leaves no stage-log entry.
      expect((await b.db.projects.get(p.id))?.stage).toBe('construction');
      const stages = async (h: typeof a) => (await h.db.stageLog.where('projectId').equals(p.id).filter((e) => e.alive === 1).toArray())
        .sort((x, y) => x.at.localeCompare(y.at)).map((e) => `${e.from ?? '—'}→${e.to}`);
      await b.engine.syncNow();
      await a.engine.syncNow();
      expect(await stages(a)).toEqual(['—→design', 'design→construction']);
      expect(await stages(b)).toEqual(['—→design', 'design→construction']);
      await expectAllEqualServer(a, b);

      expect(await resolveConflict(b.db, b.repos, conflict!.id, 'mine')).toBe('applied');
      expect(await readConflicts(b.db)).toEqual([]);
      await b.engine.syncNow();
      await a.engine.syncNow();
      expect((await a.db.projects.get(p.id))?.stage).toBe('suspended');
      expect(await stages(a)).toEqual(['—→design', 'design→construction', 'construction→suspended']);
      expect(await readConflicts(b.db)).toEqual([]);
      await expectAllEqualServer(a, b);
    });
  });

  describe('clocks', () => {
    it('a clock ahead gets a clear error and stores nothing; once it is right the pending changes are stamped anew and pushed, none lost', async () => {
      const a = await signedIn('a');
      const b = await signedIn('b', 'daulet');
      const p = await a.repos.projects.create(project('Завод'));
      await a.engine.syncNow();
      await b.engine.syncNow();
      const year2030 = Date.UTC(2030, 0, 1);
      a.setTime(year2030);
      await a.repos.projects.update(p.id, { title: 'Правка при часах в 2030 году' });
      await a.repos.projects.update(p.id, { stage: 'construction' }, { seen: await a.repos.projects.clocks(p.id) });
      a.setTime(year2030 + 60_000);
      await a.repos.projects.update(p.id, { title: 'Вторая правка, позже первой' });
      await a.repos.barriers.create({ projectId: p.id, kind: 'power', text: 'Нет мощности подстанции', openedOn: '2026-03-10' });
      const waiting = await a.db.outbox.count();
      const before = await server.db.query('SELECT count(*) AS n FROM changes');

      await expect(a.engine.syncNow()).rejects.toMatchObject({ problem: { code: 'clock_ahead' } });
      expect(a.engine.status.get()).toMatchObject({ phase: 'error', problem: { code: 'clock_ahead' } });
      expect(a.engine.status.get().clockOffsetMs).toBeLessThan(-3 * 365 * 24 * 3600_000);
      expect(await server.db.query('SELECT count(*) AS n FROM changes')).toEqual(before);
      expect(await a.db.outbox.count()).toBe(waiting);

      a.setTime(T0 + 5 * 60_000); // the clerk sets the clock right
      server.setTime(T0 + 5 * 60_000);
      await a.engine.syncNow();
      expect(await a.db.outbox.count()).toBe(0);
      await b.engine.syncNow();
      const onB = await b.db.projects.get(p.id);
      expect(onB).toMatchObject({ title: 'Вторая правка, позже первой', stage: 'construction' });
      expect((await b.db.barriers.where('projectId').equals(p.id).toArray()).map((x) => x.text)).toEqual(['Нет мощности подстанции']);
      expect(await readConflicts(a.db)).toEqual([]); // the stage's base followed its new stamp: no false conflict

      // The local clock no longer lives in 2030: a later change by B wins over A's.
      b.setTime(T0 + 6 * 60_000);
      await b.repos.projects.update(p.id, { title: 'Правка B после исправления часов' });
      await b.engine.syncNow();
      await a.engine.syncNow();
      expect((await a.db.projects.get(p.id))?.title).toBe('Правка B после исправления часов');
      const stamps = Object.values(await a.repos.projects.clocks(p.id)).map((s) => parseHlc(s).wallMs);
      expect(Math.max(...stamps)).toBeLessThan(Date.UTC(2027, 0, 1));
      await expectAllEqualServer(a, b);
    });

    // The skews of the issue: ten minutes and a day, each way (the year 2030 above is far ahead).
    for (const [label, skew] of [['ten minutes', 10 * 60_000], ['a day', 86_400_000]] as const) {
      it(`a clock ${label} ahead: a clear error, nothing stored; once it is right its change is pushed, and a later change elsewhere still wins`, async () => {
        const a = await signedIn('a');
        const b = await signedIn('b', 'daulet');
        const p = await a.repos.projects.create(project('Завод'));
        await a.engine.syncNow();
        await b.engine.syncNow();
        a.setTime(T0 + skew);
        await a.repos.projects.update(p.id, { title: 'Правка при спешащих часах' });
        const waiting = await a.db.outbox.count();
        const before = await server.db.query('SELECT count(*) AS n FROM changes');

        await expect(a.engine.syncNow()).rejects.toMatchObject({ problem: { code: 'clock_ahead' } });
        expect(a.engine.status.get().clockOffsetMs).toBe(-skew);
        expect(await server.db.query('SELECT count(*) AS n FROM changes')).toEqual(before);
        expect(await a.db.outbox.count()).toBe(waiting);

        a.setTime(T0 + 60_000); // the clerk sets the clock right
        server.setTime(T0 + 60_000);
        await a.engine.syncNow();
        expect(await a.db.outbox.count()).toBe(0);
        await b.engine.syncNow();
        expect((await b.db.projects.get(p.id))?.title).toBe('Правка при спешащих часах');
        // No stamp of the wrong clock is left to outrank later changes.
        const stamps = Object.values(await a.repos.projects.clocks(p.id)).map((x) => parseHlc(x).wallMs);
        expect(Math.max(...stamps)).toBeLessThan(T0 + 5 * 60_000);
        b.setTime(T0 + 2 * 60_000);
        await b.repos.projects.update(p.id, { title: 'Правка B, позже' });
        await b.engine.syncNow();
        await a.engine.syncNow();
        expect((await a.db.projects.get(p.id))?.title).toBe('Правка B, позже');
        await expectAllEqualServer(a, b);
      });

      it(`a clock ${label} behind the server cannot apply newer changes: a clear error, nothing half-applied`, async () => {
        server.setTime(T0 + skew);
        const a = await signedIn('a');
        const b = await signedIn('b', 'daulet');
        a.setTime(T0 + skew);
        await a.repos.projects.create(project('Завод'));
        await a.engine.syncNow();
        b.setTime(T0); // behind
        await expect(b.engine.syncNow()).rejects.toMatchObject({ problem: { code: 'clock_behind' } });
        expect(await b.db.projects.count()).toBe(0);
        expect(b.engine.status.get().clockOffsetMs).toBe(skew);
        b.setTime(T0 + skew);
        await b.engine.syncNow();
        await expectAllEqualServer(a, b);
      });
    }
  });

  describe('the session', () => {
    it('signing out stops syncing, and the changes made meanwhile wait for the next sign-in', async () => {
      const a = await signedIn('a');
      await a.engine.logout();
      expect(a.engine.status.get().phase).toBe('signedOut');
      await a.repos.projects.create(project('Завод'));
      expect(await a.engine.syncNow()).toBeNull();
      expect(await a.db.outbox.count()).toBeGreaterThan(0);
      await signInClerk(a, 'aigerim');
      await a.engine.syncNow();
      expect(await a.db.outbox.count()).toBe(0);
      await expectAllEqualServer(a);
    });

    it('an expired token signs the clerk out with the reason', async () => {
      const a = await signedIn('a');
      server.setTime(T0 + 13 * 3600_000);
      a.setTime(T0 + 13 * 3600_000);
      await a.repos.projects.create(project('Завод'));
      await expect(a.engine.syncNow()).rejects.toMatchObject({ problem: { code: 'unauthorized' } });
      expect(a.engine.status.get()).toMatchObject({ phase: 'signedOut', session: null, problem: { code: 'unauthorized' } });
      expect(await a.db.outbox.count()).toBeGreaterThan(0);
    });
  });
});
}

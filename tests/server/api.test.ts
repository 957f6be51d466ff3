// The sync server's API, in process (Fastify inject), on PGlite and — when HATTAMA_TEST_PG_URL is
// set — on PostgreSQL: sign-in and tokens, region isolation, roles, idempotent pushes, seq gaps,
// clocks ahead, per-field merge, set elements, tombstones, guarded-field conflicts, pull paging,
// the pusher's name, documents and their compaction, body limits.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import type { FastifyInstance } from 'fastify';
import { PULL_COMPACT_FEATURE, PULL_NEXT_HEADER, PULL_REMAINING_FEATURE, SYNC_FEATURES_HEADER, pullResponseSchema, pushResponseSchema, syncErrorSchema, loginResponseSchema, type OutboxItem } from '../../shared/sync/contract';
import type { Database } from '../../server/db/database';
import { buildApp, type AppOptions } from '../../server/http/app';
import {
  PASSWORD, TestClient, USERS, assertPostgresOnCi, closeSharedPglite, dbKinds, fingerprint, injectHttp, newId, signIn,
  type Http,
} from './support';
import { databasePerTest } from './db-per-test';

const START = Date.UTC(2026, 0, 15, 6, 0, 0);

it('runs on PostgreSQL when CI is set', () => {
  assertPostgresOnCi();
});

afterAll(closeSharedPglite);

describe.each(dbKinds())('sync API on %s', (kind) => {
  const database = databasePerTest(kind);
  let db: Database;
  let app: FastifyInstance;
  let http: Http;
  let clock = START;
  const now = () => clock;

  async function start(options: Partial<AppOptions> = {}) {
    if (app) await app.close();
    app = await buildApp({ db, now, ...options });
    http = injectHttp(app);
  }

  async function client(user: keyof typeof USERS, region = 'aktobe', clientId?: string): Promise<TestClient> {
    return new TestClient(http, await signIn(http, USERS[user].username), region, clientId, now);
  }

  beforeEach(async () => {
    clock = START;
    db = database.get();
    await start();
  });

  afterEach(async () => {
    await app.close();
    await database.drop();
  });

  describe('sign-in', () => {
    it('gives a token that opens the session, and logout ends it', async () => {
      const res = await http({ method: 'POST', url: '/api/v1/login', json: { username: 'aigerim', password: PASSWORD } });
      expect(res.status).toBe(200);
      const login = loginResponseSchema.parse(res.body);
      expect(login.user).toEqual({ username: 'aigerim', displayName: 'Айгерим Серикова', role: 'clerk', regions: ['aktobe'], allRegions: false });
      expect(Date.parse(login.expiresAt) - START).toBe(12 * 3600_000);

      const session = await http({ method: 'GET', url: '/api/v1/session', token: login.token });
      expect(session.status).toBe(200);
      expect(session.body.user.displayName).toBe('Айгерим Серикова');

      expect((await http({ method: 'POST', url: '/api/v1/logout', token: login.token })).status).toBe(204);
      const after = await http({ method: 'GET', url: '/api/v1/session', token: login.token });
      expect(after.status).toBe(401);
      expect(syncErrorSchema.parse(after.body).code).toBe('unauthorized');
    });

    it('refuses a wrong password, a missing, a forged and an expired token', async () => {
      const wrong = await http({ method: 'POST', url: '/api/v1/login', json: { username: 'aigerim', password: 'not the password' } });
      expect([wrong.status, wrong.body.code]).toEqual([401, 'unauthorized']);
      const nobody = await http({ method: 'POST', url: '/api/v1/login', json: { username: 'nobody', password: PASSWORD } });
      expect(nobody.status).toBe(401);

      const token = await signIn(http, 'aigerim');
      const pull = (t?: string, headers?: Record<string, string>) => http({ method: 'GET', url: '/api/v1/pull?region=aktobe', ...(t !== undefined ? { token: t } : {}), ...(headers ? { headers } : {}) });
      expect((await pull(token)).status).toBe(200);
      expect((await pull()).status).toBe(401);
      expect((await pull(undefined, { authorization: `Basic ${token}` })).status).toBe(401);
      const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      const res = await pull(forged);
      expect([res.status, res.body.code]).toEqual([401, 'unauthorized']);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect((await pull('x'.repeat(43))).status).toBe(401);

      clock = START + 12 * 3600_000 - 1000;
      expect((await pull(token)).status).toBe(200);
      clock = START + 12 * 3600_000 + 1000;
      const expired = await pull(token);
      expect([expired.status, expired.body.code]).toEqual([401, 'unauthorized']);
    });

    it('rate-limits failed sign-ins per username and address', async () => {
      const attempt = (password: string, remoteAddress = '10.0.0.1', username = 'daulet') =>
        http({ method: 'POST', url: '/api/v1/login', json: { username, password }, remoteAddress });
      for (let i = 0; i < 5; i++) expect((await attempt('guess' + i)).status).toBe(401);
      const limited = await attempt(PASSWORD);
      expect([limited.status, limited.body.code]).toEqual([429, 'rate_limited']);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Another address, and another user from this address, are not held back.
      expect((await attempt(PASSWORD, '10.0.0.2')).status).toBe(200);
      expect((await attempt(PASSWORD, '10.0.0.1', 'aigerim')).status).toBe(200);
      clock += 16 * 60_000;
      expect((await attempt(PASSWORD)).status).toBe(200);
    });

    it('rate-limits an address that tries many usernames', async () => {
      await start({ loginLimits: { maxFailures: 5, maxFailuresPerAddress: 8, windowMs: 15 * 60_000 } });
      for (let i = 0; i < 8; i++) {
        const res = await http({ method: 'POST', url: '/api/v1/login', json: { username: `guess${i}`, password: 'x' }, remoteAddress: '10.0.0.9' });
        expect(res.status).toBe(401);
      }
      const limited = await http({ method: 'POST', url: '/api/v1/login', json: { username: 'aigerim', password: PASSWORD }, remoteAddress: '10.0.0.9' });
      expect([limited.status, limited.body.code]).toEqual([429, 'rate_limited']);
      const other = await http({ method: 'POST', url: '/api/v1/login', json: { username: 'aigerim', password: PASSWORD }, remoteAddress: '10.0.0.10' });
      expect(other.status).toBe(200);
    });
  });

  describe('access', () => {
    it('keeps regions apart on push and pull', async () => {
      const aktobe = await client('aigerim');
      const astana = await client('astana', 'astana');
      const id = newId();
      expect((await aktobe.push([aktobe.entry('projects', id, { title: 'Ферросплавный завод', regionId: 'aktobe' })])).status).toBe(200);

      // The Astana clerk can neither read nor write Aktobe.
      const intoAktobe = new TestClient(http, astana.token, 'aktobe', astana.clientId, now);
      const read = await intoAktobe.pullPage(0);
      expect([read.status, read.body.code]).toEqual([403, 'forbidden']);
      const write = await intoAktobe.push([intoAktobe.entry('projects', id, { title: 'Чужой' })]);
      expect([write.status, write.body.code]).toEqual([403, 'forbidden']);
      // A record claiming another region is refused in this one.
      const smuggle = await astana.push([astana.entry('projects', newId(), { title: 'X', regionId: 'aktobe' })]);
      expect([smuggle.status, smuggle.body.code]).toEqual([403, 'forbidden']);

      // The same id written in Astana is Astana's own record; Aktobe's stays as it was.
      const own = new TestClient(http, astana.token, 'astana', undefined, now);
      expect((await own.push([own.entry('projects', id, { title: 'Астанинский' })])).status).toBe(200);
      await aktobe.pullAll();
      expect(aktobe.record('projects', id)?.title).toBe('Ферросплавный завод');
      await own.pullAll();
      expect(own.replica.size).toBe(1);
      expect(own.record('projects', id)?.title).toBe('Астанинский');

      // The admin of all regions reads both.
      const admin = await client('admin');
      await admin.pullAll();
      expect(admin.record('projects', id)?.title).toBe('Ферросплавный завод');
    });

    it('lets a viewer read but not write', async () => {
      const clerk = await client('aigerim');
      const id = newId();
      await clerk.push([clerk.entry('projects', id, { title: 'Проект' })]);
      const viewer = await client('viewer');
      const before = await fingerprint(db);
      const res = await viewer.push([viewer.entry('projects', id, { title: 'Изменено' })]);
      expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
      expect(await fingerprint(db)).toBe(before);
      await viewer.pullAll();
      expect(viewer.record('projects', id)?.title).toBe('Проект');
    });
  });

  describe('push', () => {
    it('applies a batch once however often it is sent', async () => {
      const c = await client('aigerim');
      const ids = [newId(), newId(), newId()];
      const batch = ids.map((id, i) => c.entry('assignments', id, { text: `Поручение ${i + 1}`, status: 'open' }));
      const first = pushResponseSchema.parse((await c.push(batch)).body);
      expect(first.lastSeq).toBe(3);
      const again = await c.push(batch);
      expect(again.status).toBe(200);
      expect(pushResponseSchema.parse(again.body)).toMatchObject({ lastSeq: 3, version: first.version });
      // A batch overlapping what was applied applies only the new entries.
      const more = [c.entry('assignments', ids[0]!, { status: 'done' })];
      const overlap = await c.push([...batch.slice(1), ...more]);
      expect(overlap.body.lastSeq).toBe(4);

      const pages = await c.pullAll();
      const changes = pages.flatMap((p) => p.changes);
      expect(changes).toHaveLength(4);
      expect(changes.map((ch) => ch.version)).toEqual([...changes.map((ch) => ch.version)].sort((a, b) => a - b));
      expect(c.record('assignments', ids[0]!)).toMatchObject({ text: 'Поручение 1', status: 'done' });
      const [row] = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM changes');
      expect(Number(row?.n)).toBe(4);
    });

    it('applies a batch sent twice at once only once', async () => {
      const c = await client('aigerim');
      const batch = Array.from({ length: 20 }, (_, i) => c.entry('organizations', newId(), { name: `Орг ${i}` }));
      const [r1, r2] = await Promise.all([c.push(batch), c.push(batch)]);
      expect([r1.status, r2.status, r1.body.lastSeq, r2.body.lastSeq]).toEqual([200, 200, 20, 20]);
      const [row] = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM changes');
      expect(Number(row?.n)).toBe(20);
    });

    it('merges clerks who create the same record at the same moment', async () => {
      // A record with an id derived from its parent (attendance of a person at a meeting) is
      // created by several clerks at once; each push waits for the others or runs again.
      const clients = await Promise.all((['aigerim', 'daulet', 'admin', 'aigerim', 'daulet'] as const).map((u) => client(u)));
      const ids = [newId(), newId(), newId()];
      const results = await Promise.all(clients.map((c, i) => c.push(ids.map((id) => c.entry('attendance', id, { [`note${i}`]: `от ${i}`, present: i % 2 === 0 }, { atMs: START + i })))));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      const reader = clients[0]!;
      await reader.pullAll();
      for (const id of ids) {
        expect(reader.record('attendance', id)).toEqual({ note0: 'от 0', note1: 'от 1', note2: 'от 2', note3: 'от 3', note4: 'от 4', present: true });
      }
      const [row] = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM records');
      expect(Number(row?.n)).toBe(3);
    });

    it('refuses a gap in the sequence and stores nothing of the batch', async () => {
      const c = await client('aigerim');
      await c.push([c.entry('projects', newId(), { title: 'Первый' })]);
      c.seq++; // seq 2 was lost
      const before = await fingerprint(db);
      const res = await c.push([c.entry('projects', newId(), { title: 'Третий' })]);
      expect(res.status).toBe(409);
      expect(syncErrorSchema.parse(res.body)).toMatchObject({ code: 'seq_gap', lastSeq: 1 });
      expect(await fingerprint(db)).toBe(before);
      // Entries out of order are refused too.
      const e5 = c.entry('projects', newId(), { title: 'x' });
      const e4 = { ...c.entry('projects', newId(), { title: 'y' }), seq: 4 };
      expect((await c.push([e5, e4])).status).toBe(400);
    });

    it('refuses a stamp more than 5 minutes ahead of the server, storing nothing', async () => {
      const c = await client('aigerim');
      const id = newId();
      const before = await fingerprint(db);
      const ahead = [c.entry('projects', id, { title: 'Из будущего' }, { atMs: START + 6 * 60_000 })];
      const res = await c.push(ahead);
      expect(res.status).toBe(422);
      const err = syncErrorSchema.parse(res.body);
      expect(err.code).toBe('clock_ahead');
      expect(err.serverTime).toBe(START);
      expect(err.message).toMatch(/360 s ahead/);
      expect(await fingerprint(db)).toBe(before);
      // Within the limit it is accepted; the refused seq is pushed again re-stamped.
      c.seq = 0;
      c.clock = { ...c.clock, wallMs: 0, counter: 0 };
      const ok = await c.push([c.entry('projects', id, { title: 'Вовремя' }, { atMs: START + 4 * 60_000 })]);
      expect(ok.status).toBe(200);
    });

    it('merges two clerks’ concurrent edits field by field', async () => {
      const a = await client('aigerim');
      const b = await client('daulet');
      const id = newId();
      await a.push([a.entry('projects', id, { title: 'Завод', investorName: 'ТОО А', capacity: 10 })]);
      await b.pullAll();
      // Offline, each edits other fields, and both edit capacity; b's stamp is the later one.
      const ea = a.entry('projects', id, { title: 'Ферросплавный завод', capacity: 20 }, { atMs: START + 1000 });
      const eb = b.entry('projects', id, { investorName: 'ТОО Б', capacity: 30 }, { atMs: START + 2000 });
      const [ra, rb] = await Promise.all([b.push([eb]), a.push([ea])]);
      expect([ra.status, rb.status]).toEqual([200, 200]);
      await a.pullAll();
      await b.pullAll();
      const expected = { title: 'Ферросплавный завод', investorName: 'ТОО Б', capacity: 30 };
      expect(a.record('projects', id)).toMatchObject(expected);
      expect(b.record('projects', id)).toEqual(a.record('projects', id));
    });

    it('keeps both clerks’ set elements and removes one only by its own change', async () => {
      const a = await client('aigerim');
      const b = await client('daulet');
      const id = newId();
      await a.push([a.entry('assignments', id, { text: 'Подвести газ', 'responsibleOrgIds/gas-dept': true })]);
      await b.push([b.entry('assignments', id, { 'responsibleOrgIds/energy-dept': true })]);
      await a.push([a.entry('assignments', id, { 'responsibleOrgIds/akimat': true })]);
      await a.pullAll();
      expect(new Set(a.record('assignments', id)?.responsibleOrgIds as string[])).toEqual(new Set(['gas-dept', 'energy-dept', 'akimat']));
      clock += 1000;
      await b.push([b.entry('assignments', id, { 'responsibleOrgIds/gas-dept': false })]);
      await a.pullAll();
      expect(new Set(a.record('assignments', id)?.responsibleOrgIds as string[])).toEqual(new Set(['energy-dept', 'akimat']));
    });

    it('lets a tombstone win over a concurrent edit; a restore is explicit', async () => {
      const a = await client('aigerim');
      const b = await client('daulet');
      const id = newId();
      await a.push([a.entry('meetings', id, { title: 'Выездное заседание', place: 'Завод' })]);
      await b.pullAll();
      // a deletes; b, not knowing, edits later (a later stamp) — the record stays deleted.
      const deletedAt = new Date(START + 1000).toISOString();
      await a.push([a.entry('meetings', id, { deletedAt }, { atMs: START + 1000, op: 'delete' })]);
      await b.push([b.entry('meetings', id, { place: 'Акимат' }, { atMs: START + 2000 })]);
      await a.pullAll();
      await b.pullAll();
      expect(a.record('meetings', id)).toMatchObject({ deletedAt, place: 'Акимат' });
      expect(b.record('meetings', id)).toEqual(a.record('meetings', id));
      const [row] = await db.query<{ deleted_at: Date | null }>('SELECT deleted_at FROM records WHERE id = $1', [id]);
      expect(row?.deleted_at).not.toBeNull();
      // Restoring is a change of its own.
      clock += 5000;
      await b.push([b.entry('meetings', id, { deletedAt: null }, { op: 'restore' })]);
      await a.pullAll();
      expect(a.record('meetings', id)?.deletedAt).toBeNull();
      // A tombstone must be an instant.
      expect((await b.push([b.entry('meetings', id, { deletedAt: 'yesterday' })])).status).toBe(400);
    });

    it('keeps the server value of a guarded field changed meanwhile and reports the conflict', async () => {
      const a = await client('aigerim');
      const b = await client('daulet');
      const id = newId();
      await a.push([a.entry('assignments', id, { text: 'Подключить к сетям', status: 'open', deadline: '2026-03-01' })]);
      await b.pullAll();
      const seen = b.replica.get(`assignments/${id}`)!.clocks;
      // a moves the deadline; b, who saw the old one, sets another.
      clock += 1000;
      const ra = await a.push([a.entry('assignments', id, { deadline: '2026-04-01' }, { base: { deadline: seen.deadline! } })]);
      expect(ra.body.conflicts).toEqual([]);
      clock += 1000;
      const batch = [b.entry('assignments', id, { deadline: '2026-05-01', text: 'Подключить к газу' }, { base: { deadline: seen.deadline! } })];
      const rb = await b.push(batch);
      expect(rb.status).toBe(200);
      const response = pushResponseSchema.parse(rb.body);
      expect(response.conflicts).toHaveLength(1);
      expect(response.conflicts[0]).toMatchObject({ seq: batch[0]!.seq, table: 'assignments', recordId: id, field: 'deadline', value: '2026-05-01', serverValue: '2026-04-01', base: seen.deadline });
      // The retry of that batch (its reply lost) reports the same conflict.
      const retry = pushResponseSchema.parse((await b.push(batch)).body);
      expect(retry.conflicts).toEqual(response.conflicts);
      await b.pullAll();
      expect(b.record('assignments', id)).toMatchObject({ deadline: '2026-04-01', text: 'Подключить к газу' });
      const [n] = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM conflicts');
      expect(Number(n?.n)).toBe(1);
      // Picking a value with the server's stamp as base applies it.
      clock += 1000;
      const pick = await b.push([b.entry('assignments', id, { deadline: '2026-05-01' }, { base: { deadline: response.conflicts[0]!.serverHlc } })]);
      expect(pick.body.conflicts).toEqual([]);
      await a.pullAll();
      expect(a.record('assignments', id)?.deadline).toBe('2026-05-01');
    });
  });

  describe('pull', () => {
    it('pages in version order and names who pushed each change', async () => {
      const a = await client('aigerim');
      const b = await client('daulet');
      for (let i = 0; i < 3; i++) {
        await a.push(Array.from({ length: 5 }, (_, k) => a.entry('organizations', newId(), { name: `Орг A${i}-${k}` })));
        await b.push(Array.from({ length: 4 }, (_, k) => b.entry('organizations', newId(), { name: `Орг B${i}-${k}` })));
      }
      const reader = await client('viewer');
      const pages = await reader.pullAll(10);
      expect(pages.map((p) => [p.changes.length, p.more])).toEqual([[10, true], [10, true], [7, false]]);
      for (const p of pages) pullResponseSchema.parse(p);
      const all = pages.flatMap((p) => p.changes);
      expect(new Set(all.map((c) => c.version)).size).toBe(27);
      expect(all.map((c) => c.version)).toEqual([...all.map((c) => c.version)].sort((x, y) => x - y));
      const byName = new Map(all.map((c) => [c.fields.name!.value, c.by]));
      expect(byName.get('Орг A0-0')).toBe('Айгерим Серикова');
      expect(byName.get('Орг B2-3')).toBe('Даулет Нурланов');
      // Each page that has more says in its headers where the next starts (its version); the last does not.
      let since = 0;
      const heads: (string | undefined)[] = [];
      for (const p of pages) {
        const again = await reader.pullPage(since, 10);
        heads.push(again.headers[PULL_NEXT_HEADER] as string | undefined);
        since = p.version;
      }
      expect(heads).toEqual([String(pages[0]!.version), String(pages[1]!.version), undefined]);
      // Nothing new: the cursor stays.
      const empty = await reader.pullPage();
      expect(empty.body).toMatchObject({ changes: [], docs: [], version: reader.cursor, more: false });
      expect(empty.headers[PULL_NEXT_HEADER]).toBeUndefined();
      expect((await reader.http({ method: 'GET', url: '/api/v1/pull?region=aktobe&since=-1', token: reader.token })).status).toBe(400);
      expect((await reader.http({ method: 'GET', url: '/api/v1/pull?region=aktobe&limit=100000', token: reader.token })).status).toBe(400);
    });

    it('says how many items follow a page to a client that asks, and only then', async () => {
      const a = await client('aigerim');
      await a.push(Array.from({ length: 7 }, (_, k) => a.entry('organizations', newId(), { name: `Орг ${k}` })));
      await a.push([a.docEntry(`minutes/${newId()}/ru`, new Uint8Array([0, 0]))]);
      const page = async (since: number, limit: number, features?: string) => {
        const res = await app.inject({ method: 'GET', url: `/api/v1/pull?region=aktobe&since=${since}&limit=${limit}`, headers: { authorization: `Bearer ${a.token}`, ...(features ? { [SYNC_FEATURES_HEADER]: features } : {}) } });
        return pullResponseSchema.parse(res.json());
      };
      const first = await page(0, 3, `other, ${PULL_REMAINING_FEATURE}`);
      expect([first.changes.length, first.more, first.remaining]).toEqual([3, true, 5]); // 4 changes and the document update left
      const second = await page(first.version, 3, PULL_REMAINING_FEATURE);
      expect([second.more, second.remaining]).toEqual([true, 2]);
      const last = await page(second.version, 3, PULL_REMAINING_FEATURE);
      expect([last.changes.length + last.docs.length, last.more, last.remaining]).toEqual([2, false, undefined]);
      // A client that does not ask (an older build, which checks answers strictly) never gets the field.
      expect(await page(0, 3)).not.toHaveProperty('remaining');
      expect(await page(0, 3, 'something-else')).not.toHaveProperty('remaining');
    });

    it('sends a page\'s changes compact to a client that asks, read as the same changes, and whole to one that does not', async () => {
      const a = await client('aigerim');
      const projectId = newId();
      await a.push([
        a.entry('projects', projectId, { title: 'Завод ферросплавов', investorName: 'ТОО «Актобе Ферро»', regionId: 'aktobe', stage: 'design', 'tags/СЭЗ': true }),
        ...Array.from({ length: 4 }, (_, k) => a.entry('organizations', newId(), { name: `ТОО «Поставщик ${k}»` })),
      ]);
      // A later write changes one field of the project: the log holds each change with its own stamp.
      await a.push([a.entry('projects', projectId, { stage: 'construction' })]);
      const raw = async (features?: string) => {
        const res = await app.inject({ method: 'GET', url: '/api/v1/pull?region=aktobe&since=0&limit=100', headers: { authorization: `Bearer ${a.token}`, ...(features ? { [SYNC_FEATURES_HEADER]: features } : {}) } });
        expect(res.statusCode).toBe(200);
        return { text: res.body, json: res.json<{ changes: Record<string, unknown>[] }>() };
      };
      const whole = await raw();
      const compact = await raw(`${PULL_REMAINING_FEATURE},${PULL_COMPACT_FEATURE}`);
      expect(whole.json.changes).toHaveLength(6);
      for (const c of whole.json.changes) expect(Object.keys(c).sort()).toEqual(['at', 'by', 'fields', 'recordId', 'table', 'version']);
      // Each change's stamp once: no field carries its own.
      for (const c of compact.json.changes) {
        expect(c).toHaveProperty('hlc');
        expect(c).toHaveProperty('values');
        expect(c).not.toHaveProperty('fields');
      }
      expect(compact.json.changes[0]!.values).toEqual({ title: 'Завод ферросплавов', investorName: 'ТОО «Актобе Ферро»', regionId: 'aktobe', stage: 'design', 'tags/СЭЗ': true });
      // Stamps on the wire: one a field in the whole page, one a change in the compact one.
      const stamps = (text: string) => text.match(/"\d{15}-[0-9a-z]{6}-[A-Za-z0-9_-]+"/g)?.length;
      expect(stamps(whole.text)).toBe(5 + 4 + 1);
      expect(stamps(compact.text)).toBe(6);
      expect(compact.text.length).toBeLessThan(whole.text.length);
      // Read through the contract, both are the same changes.
      expect(pullResponseSchema.parse(compact.json)).toEqual(pullResponseSchema.parse(whole.json));
    });

    it('stores a change in the log with its common stamp once, and reads a change stored whole (before migration 003) alike', async () => {
      const a = await client('aigerim');
      const projectId = newId();
      const entry = a.entry('projects', projectId, { title: 'Завод ферросплавов', stage: 'design', 'tags/СЭЗ': true });
      // One field stamped later than the others (a second write the outbox folded into the entry).
      const later = entry.fields.stage!.hlc.replace(/^(\d{15})/, (ms) => String(Number(ms) + 1000).padStart(15, '0'));
      entry.fields.stage = { value: 'construction', hlc: later };
      await a.push([entry]);
      const [stored] = await db.query<{ hlc: string | null; fields: unknown; stamped: unknown }>('SELECT hlc, fields, stamped FROM changes WHERE record_id = $1', [projectId]);
      expect(stored).toEqual({ hlc: entry.fields.title!.hlc, fields: { title: 'Завод ферросплавов', 'tags/СЭЗ': true }, stamped: { stage: { value: 'construction', hlc: later } } });

      // A change of the log as a server before migration 003 stored it: no hlc, its fields whole.
      const oldId = newId();
      const oldFields = { name: { value: 'ТОО «Старый поставщик»', hlc: entry.fields.title!.hlc }, note: { value: null, hlc: later } };
      await db.query(
        `INSERT INTO changes (region_id, tbl, record_id, fields, client_id, seq, user_id) VALUES ('aktobe', 'organizations', $1, $2::jsonb, 'old-client', 1, 1)`,
        [oldId, JSON.stringify(oldFields)],
      );
      const page = async (features?: string) => {
        const res = await app.inject({ method: 'GET', url: '/api/v1/pull?region=aktobe&since=0&limit=100', headers: { authorization: `Bearer ${a.token}`, ...(features ? { [SYNC_FEATURES_HEADER]: features } : {}) } });
        expect(res.statusCode).toBe(200);
        return res.json<{ changes: Record<string, unknown>[] }>();
      };
      const whole = await page();
      const compact = await page(PULL_COMPACT_FEATURE);
      expect(whole.changes.map((c) => c.fields)).toEqual([entry.fields, oldFields]);
      expect(compact.changes.map(({ hlc, values, fields }) => ({ hlc, values, fields }))).toEqual([
        { hlc: entry.fields.title!.hlc, values: { title: 'Завод ферросплавов', 'tags/СЭЗ': true }, fields: { stage: { value: 'construction', hlc: later } } },
        { hlc: entry.fields.title!.hlc, values: { name: 'ТОО «Старый поставщик»' }, fields: { note: { value: null, hlc: later } } },
      ]);
      expect(pullResponseSchema.parse(compact)).toEqual(pullResponseSchema.parse(whole));
    });

    it('gzips a page for a client that accepts it, and sends the same JSON plain to one that does not', async () => {
      const a = await client('aigerim');
      await a.push(Array.from({ length: 40 }, (_, k) => a.entry('organizations', newId(), { name: `ТОО «Поставщик ${k}» по переработке сырья` })));
      const url = '/api/v1/pull?region=aktobe&since=0&limit=100';
      const headers = { authorization: `Bearer ${a.token}` };
      const plain = await app.inject({ method: 'GET', url, headers });
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      const zipped = await app.inject({ method: 'GET', url, headers: { ...headers, 'accept-encoding': 'gzip, deflate, br' } });
      expect([zipped.statusCode, zipped.headers['content-encoding'], zipped.headers['cache-control']]).toEqual([200, 'gzip', 'no-store']);
      expect(zipped.headers['x-content-type-options']).toBe('nosniff');
      expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
      expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(JSON.parse(plain.body));
      // A small answer (an error) goes as it is.
      const refused = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
      expect([refused.statusCode, refused.headers['content-encoding']]).toEqual([401, undefined]);
    });
  });

  describe('documents', () => {
    it('round-trips Yjs updates of two clerks and compacts them without losing text', async () => {
      await start({ docCompactAt: 6 });
      const a = await client('aigerim');
      const b = await client('daulet');
      const docId = `minutes/${newId()}/ru`;
      const docA = new Y.Doc();
      const docB = new Y.Doc();
      const updatesA: Uint8Array[] = [];
      const updatesB: Uint8Array[] = [];
      docA.on('update', (u: Uint8Array) => updatesA.push(u));
      docB.on('update', (u: Uint8Array) => updatesB.push(u));
      docA.getText('body').insert(0, 'СЛУШАЛИ: ');
      await a.push(updatesA.splice(0).map((u) => a.docEntry(docId, u)));
      // b pulls early (before compaction), then both type offline.
      await b.pullAll();
      for (const u of b.docs.get(docId) ?? []) Y.applyUpdate(docB, Buffer.from(u, 'base64'));
      b.docs.clear();
      updatesB.length = 0;
      for (let i = 0; i < 5; i++) docA.getText('body').insert(docA.getText('body').length, `А${i} `);
      for (let i = 0; i < 4; i++) docB.getText('body').insert(0, `Б${i} `);
      await a.push(updatesA.splice(0).map((u) => a.docEntry(docId, u)));
      await b.push(updatesB.splice(0).map((u) => b.docEntry(docId, u)));

      const [{ n }] = (await db.query<{ n: unknown }>('SELECT count(*) AS n FROM doc_updates')) as [{ n: unknown }];
      expect(Number(n)).toBeLessThan(10); // 10 updates pushed, compacted at 6

      // A new clerk gets the whole text; b, whose cursor was before the compaction, converges too.
      const fresh = await client('viewer');
      await fresh.pullAll();
      const docC = new Y.Doc();
      for (const u of fresh.docs.get(docId) ?? []) Y.applyUpdate(docC, Buffer.from(u, 'base64'));
      await b.pullAll();
      for (const u of b.docs.get(docId) ?? []) Y.applyUpdate(docB, Buffer.from(u, 'base64'));
      await a.pullAll();
      for (const u of a.docs.get(docId) ?? []) Y.applyUpdate(docA, Buffer.from(u, 'base64'));
      const text = docA.getText('body').toString();
      for (const part of ['СЛУШАЛИ', 'А0', 'А4', 'Б0', 'Б3']) expect(text).toContain(part);
      expect(docB.getText('body').toString()).toBe(text);
      expect(docC.getText('body').toString()).toBe(text);
      expect(fresh.docs.get(docId)!.length).toBeLessThan(10);
      // Garbage is not a Yjs update.
      const bad = await a.push([a.docEntry(docId, new Uint8Array([255, 255, 255, 255, 1, 2, 3]))]);
      expect(bad.status).toBe(400);
    });
  });

  describe('limits', () => {
    it('answers 413 to a body over the limit and 400 to a malformed one', async () => {
      await start({ pushBodyLimit: 64 * 1024 });
      const c = await client('aigerim');
      const before = await fingerprint(db);
      const big = await c.push([c.entry('projects', newId(), { title: 'x'.repeat(70 * 1024) })]);
      expect([big.status, big.body.code]).toEqual([413, 'payload_too_large']);
      const login = await http({ method: 'POST', url: '/api/v1/login', json: { username: 'a', password: 'p'.repeat(10_000) } });
      expect(login.status).toBe(413);
      const nul = await c.push([c.entry('projects', newId(), { title: 'a\u0000b' })]);
      expect([nul.status, nul.body.code]).toEqual([400, 'bad_request']);
      const proto = await c.http({ method: 'POST', url: '/api/v1/push', token: c.token, raw: '{"__proto__":{"x":1}}' });
      expect(proto.status).toBe(400);
      expect(await fingerprint(db)).toBe(before);
      const unknown = await http({ method: 'GET', url: '/api/v1/nothing' });
      expect([unknown.status, unknown.body.code]).toEqual([404, 'not_found']);
      const health = await http({ method: 'GET', url: '/api/v1/health' });
      expect(health.body).toMatchObject({ status: 'ok', schemaVersion: 1 });
    });
  });

  describe('fuzz', () => {
    it('answers 10,000 malformed push bodies with 4xx and changes nothing', async () => {
      const c = await client('aigerim');
      await c.push([c.entry('projects', newId(), { title: 'Исходный' })]);
      const before = await fingerprint(db);
      const { malformedPushBodies } = await import('./fuzz');
      const statuses = new Map<number, number>();
      for (const body of malformedPushBodies(10_000, 20260115, c)) {
        const res = await http({ method: 'POST', url: '/api/v1/push', token: c.token, ...body });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status < 400 || res.status >= 500) throw new Error(`fuzzed body got ${res.status}: ${res.text.slice(0, 300)}\n${String(body.raw ?? JSON.stringify(body.json)).slice(0, 300)}`);
      }
      expect([...statuses.keys()].every((s) => s >= 400 && s < 500)).toBe(true);
      expect(await fingerprint(db)).toBe(before);
      expect((await http({ method: 'GET', url: '/api/v1/health' })).status).toBe(200);
    }, 240_000); // ~100 of the bodies are 0.4–34 MB
  });

  it('accepts only a batch whose entries carry the batch’s client id and their seq', async () => {
    const c = await client('aigerim');
    const e = c.entry('projects', newId(), { title: 'x' });
    expect((await c.push([{ ...e, clientId: 'someone-else' }])).status).toBe(400);
    const { seq: _seq, ...noSeq } = e;
    expect((await c.push([noSeq as OutboxItem])).status).toBe(400);
    const newer = await http({ method: 'POST', url: '/api/v1/push', token: c.token, json: { ...(c.body([e]) as object), schemaVersion: 99 } });
    expect([newer.status, newer.body.code]).toEqual([400, 'bad_request']);
  });
});

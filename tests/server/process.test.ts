// The sync server as a real process on loopback (`node --import tsx server/main.ts`), on the
// embedded database and — when HATTAMA_TEST_PG_URL is set — on PostgreSQL: the user command, the
// web app with its CSP, fuzzed bodies against the running process, and SIGKILL before the commit,
// after the commit before the reply, and at a random moment — a retry then stores nothing twice —
// and during pulls, again and again — the reader resumes from its cursor and gets every change once.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema, type OutboxItem } from '../../shared/sync/contract';
import type { Database } from '../../server/db/database';
import { pgliteDatabase } from '../../server/db/pglite';
import { openPostgres } from '../../server/db/postgres';
import { migrate } from '../../server/db/migrate';
import {
  PASSWORD, PG_URL, TestClient, USERS, assertPostgresOnCi, createTestUsers, dbKinds, fetchHttp, fingerprint, freshSchemaName, newId, runCli, serverEnv, signIn,
  startServer, type DbKind, type SpawnedServer,
} from './support';
import { malformedPushBodies } from './fuzz';

const TEST_TIMEOUT = 120_000;

it('runs on PostgreSQL when CI is set', () => {
  assertPostgresOnCi();
});

describe.each(dbKinds())('spawned server on %s', (kind: DbKind) => {
  const root = mkdtempSync(path.join(tmpdir(), 'hattama-server-test-'));
  const dataDir = path.join(root, 'data');
  const webRoot = path.join(root, 'web');
  const schemas = { cli: freshSchemaName(), fuzz: freshSchemaName(), kills: freshSchemaName() };
  let running: SpawnedServer | null = null;

  /** Runs `work` on the test's database directly (the embedded one only while no server holds it). */
  async function withDb<T>(schema: string, work: (db: Database) => Promise<T>): Promise<T> {
    if (kind === 'postgres') {
      const db = await openPostgres(PG_URL!, schema, 2);
      try {
        return await work(db);
      } finally {
        await db.close();
      }
    }
    const pg = await PGlite.create(dataDir);
    try {
      return await work(await pgliteDatabase(pg, schema));
    } finally {
      await pg.close();
    }
  }

  async function start(schema: string, extra: Record<string, string> = {}): Promise<SpawnedServer> {
    await running?.kill(); // one left by a failed test
    running = await startServer(serverEnv(kind, schema, dataDir, { HATTAMA_WEB_ROOT: webRoot, ...extra }));
    return running;
  }

  async function stop(): Promise<void> {
    await running?.stop();
    running = null;
  }

  beforeAll(async () => {
    mkdirSync(path.join(webRoot, 'assets'), { recursive: true });
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Hattama</title><script type="module" src="./assets/app.js"></script>');
    writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log("hattama");\n'.repeat(200));
    // Every schema but the CLI's gets its tables and users now, in one opening of the database.
    if (kind === 'pglite') {
      const pg = await PGlite.create(dataDir);
      for (const schema of [schemas.fuzz, schemas.kills]) {
        const db = await pgliteDatabase(pg, schema);
        await migrate(db);
        await createTestUsers(db);
      }
      await pg.close();
    } else {
      for (const schema of [schemas.fuzz, schemas.kills]) {
        await withDb(schema, async (db) => {
          await migrate(db);
          await createTestUsers(db);
        });
      }
    }
  }, TEST_TIMEOUT);

  afterAll(async () => {
    await running?.kill();
    if (kind === 'postgres') {
      const db = await openPostgres(PG_URL!, 'public', 1);
      for (const schema of Object.values(schemas)) await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.close();
    }
    rmSync(root, { recursive: true, force: true });
  }, TEST_TIMEOUT);

  it('adds a user from the command line, serves the web app with its CSP, and syncs', async () => {
    const env = serverEnv(kind, schemas.cli, dataDir);
    const added = await runCli(['user', 'add', 'saule', '--role', 'clerk', '--regions', 'aktobe,astana', '--name', 'Сауле Ахметова', '--password-stdin'], env, `${PASSWORD}\n`);
    expect(added.output).toContain('User saule (clerk; regions: aktobe, astana) created.');
    expect(added.code).toBe(0);
    const badRegion = await runCli(['user', 'add', 'x', '--role', 'clerk', '--regions', 'atlantis', '--password-stdin'], env, `${PASSWORD}\n`);
    expect(badRegion.code).toBe(2);
    expect(badRegion.output).toContain('Unknown region atlantis');
    const shortPassword = await runCli(['user', 'add', 'y', '--role', 'viewer', '--regions', 'aktobe', '--password-stdin'], env, 'short\n');
    expect([shortPassword.code, shortPassword.output]).toEqual([2, expect.stringContaining('at least 8 characters')]);

    const server = await start(schemas.cli);
    const http = fetchHttp(server.url);
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Hattama</title>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const asset = await fetch(`${server.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // Node's fetch (the desktop app's main process) and browsers accept gzip: larger answers come gzipped.
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(await asset.text()).toBe('console.log("hattama");\n'.repeat(200));
    expect((await fetch(`${server.url}/../../etc/passwd`)).status).toBe(404);

    const health = await http({ method: 'GET', url: '/api/v1/health' });
    expect(health.body.status).toBe('ok');
    const token = await signIn(http, 'saule');
    const c = new TestClient(http, token, 'astana');
    const id = newId();
    const pushed = await c.push([c.entry('projects', id, { title: 'Индустриальный парк' })]);
    expect(pushResponseSchema.parse(pushed.body).lastSeq).toBe(1);
    const pulled = pullResponseSchema.parse((await c.pullPage(0)).body);
    expect(pulled.changes[0]).toMatchObject({ recordId: id, by: 'Сауле Ахметова' });
    await c.push(Array.from({ length: 10 }, (_, k) => c.entry('projects', newId(), { title: `Завод № ${k} по переработке сырья` })));
    const zipped = await fetch(`${server.url}/api/v1/pull?region=astana&since=0`, { headers: { authorization: `Bearer ${token}` } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(pullResponseSchema.parse(await zipped.json()).changes).toHaveLength(11);
    await stop();
  }, TEST_TIMEOUT);

  it('answers fuzzed push bodies with 4xx, stays up, and stores nothing', async () => {
    const server = await start(schemas.fuzz);
    const http = fetchHttp(server.url);
    const c = new TestClient(http, await signIn(http, USERS.aigerim.username), 'aktobe');
    await c.push([c.entry('projects', newId(), { title: 'Исходный' })]);
    const state = async () => JSON.stringify({ pull: (await c.pullPage(0)).body.changes, lastSeq: (await c.push([])).body.lastSeq });
    const before = await state();
    const dbBefore = kind === 'postgres' ? await withDb(schemas.fuzz, fingerprint) : null;

    const bad: string[] = [];
    for (const body of malformedPushBodies(300, 7, c)) { // 10,000 more run in process (api.test.ts)
      let status: number;
      try {
        status = (await http({ method: 'POST', url: '/api/v1/push', token: c.token, ...body })).status;
      } catch (e) {
        // The server may answer and close the connection while a body it refuses by its size or
        // content type is still being sent.
        const size = Buffer.byteLength(body.raw ?? JSON.stringify(body.json));
        if (size <= 32 * 1024 * 1024 && (body.contentType ?? 'application/json') === 'application/json') {
          throw new Error(`${(e as Error).message} (${(e as { cause?: Error }).cause?.message}) for a body of ${size} bytes: ${String(body.raw ?? JSON.stringify(body.json)).slice(0, 200)}`);
        }
        status = 413;
      }
      if (status < 400 || status >= 500) bad.push(`${status}: ${String(body.raw ?? JSON.stringify(body.json)).slice(0, 200)}`);
    }
    expect(bad).toEqual([]);
    expect(server.proc.exitCode).toBeNull();
    expect((await http({ method: 'GET', url: '/api/v1/health' })).status).toBe(200);
    expect(await state()).toBe(before);
    if (dbBefore !== null) expect(await withDb(schemas.fuzz, fingerprint)).toBe(dbBefore);
    await stop();
  }, TEST_TIMEOUT);

  /** Resolves when the server's process is gone. */
  function exitOf(server: SpawnedServer): Promise<void> {
    return new Promise<void>((resolve) => (server.proc.exitCode !== null || server.proc.signalCode !== null ? resolve() : server.proc.once('exit', () => resolve())));
  }

  /** Pushes a batch to a server that dies on it (SIGKILL); resolves when the process is gone. */
  async function pushIntoDeath(server: SpawnedServer, c: TestClient, batch: OutboxItem[]): Promise<void> {
    const res = await c.push(batch).then((r) => r.status, () => 'connection lost');
    expect(res).toBe('connection lost');
    await exitOf(server);
    expect(server.proc.signalCode).toBe('SIGKILL');
  }

  it('loses nothing and duplicates nothing when killed after the commit, before it, at a random moment, and during pulls', async () => {
    const sent: string[] = [];
    const batchOf = (c: TestClient, n: number) =>
      Array.from({ length: n }, () => {
        const id = newId();
        sent.push(id);
        return c.entry('assignments', id, { text: `Поручение ${sent.length}`, 'responsibleOrgIds/akimat': true });
      });

    // 1. Killed after the commit, before the reply: the retry is acknowledged and stores nothing again.
    let server = await start(schemas.kills, { HATTAMA_FAULT: 'push-after-commit' });
    const c = new TestClient(fetchHttp(server.url), await signIn(fetchHttp(server.url), USERS.aigerim.username), 'aktobe');
    const first = batchOf(c, 50);
    await pushIntoDeath(server, c, first);

    // 2. Restarted (the token outlives the process) with a fault before the commit.
    server = await start(schemas.kills, { HATTAMA_FAULT: 'push-before-commit' });
    c.http = fetchHttp(server.url);
    expect((await c.push([])).body.lastSeq).toBe(50);
    const retried = await c.push(first); // nothing new in it: no commit of anything, no fault
    expect(pushResponseSchema.parse(retried.body).lastSeq).toBe(50);
    const second = batchOf(c, 50);
    await pushIntoDeath(server, c, second);

    // 3. Killed before its commit, the second batch left nothing; its retry applies it once.
    server = await start(schemas.kills);
    c.http = fetchHttp(server.url);
    expect((await c.push([])).body.lastSeq).toBe(50);
    expect((await c.push(second)).body.lastSeq).toBe(100);

    // 4. Killed at a moment of the test's choosing while a large batch is in flight, three times
    //    (sooner and later in the batch's work); each retry applies what the kill left unstored.
    let last = 100;
    for (const afterMs of [10, 40, 120]) {
      const batch = batchOf(c, 400);
      const inFlight = c.push(batch).catch(() => null);
      await new Promise((r) => setTimeout(r, afterMs));
      await server.kill();
      await inFlight;
      server = await start(schemas.kills);
      c.http = fetchHttp(server.url);
      last += 400;
      expect((await c.push(batch)).body.lastSeq).toBe(last);
    }

    // 5. Killed during pulls, again and again: a reader that has part of the log loses the page in
    //    flight (read from the database, not yet sent) three times, pulling on between the kills.
    const resumer = new TestClient(c.http, c.token, 'aktobe');
    const got: string[] = [];
    const pullPage = async (limit: number) => {
      const res = await resumer.pullPage(resumer.cursor, limit);
      expect(res.status).toBe(200);
      const page = pullResponseSchema.parse(res.body);
      got.push(...page.changes.map((ch) => ch.recordId));
      resumer.cursor = page.version;
      return page;
    };
    await pullPage(120);
    for (let kill = 1; kill <= 3; kill++) {
      server = await start(schemas.kills, { HATTAMA_FAULT: 'pull-before-reply' });
      resumer.http = fetchHttp(server.url);
      const cursor = resumer.cursor;
      expect(await resumer.pullPage(cursor, 100).then((r) => r.status, () => 'connection lost')).toBe('connection lost');
      await exitOf(server);
      expect(server.proc.signalCode).toBe('SIGKILL');
      server = await start(schemas.kills);
      resumer.http = fetchHttp(server.url);
      const page = await pullPage(100); // from the same cursor: the lost page again
      expect(page.changes.length).toBe(100);
      expect(resumer.cursor).toBeGreaterThan(cursor);
    }
    while ((await pullPage(1000)).more);
    // Every change once: none skipped, none twice.
    expect(got).toHaveLength(sent.length);
    expect(new Set(got)).toEqual(new Set(sent));
    c.http = fetchHttp(server.url);

    const reader = new TestClient(c.http, c.token, 'aktobe');
    const pages = await reader.pullAll(5000);
    const ids = pages.flatMap((p) => p.changes.map((ch) => ch.recordId));
    expect(ids).toHaveLength(sent.length);
    expect(new Set(ids)).toEqual(new Set(sent));
    expect(reader.record('assignments', sent[sent.length - 1]!)).toMatchObject({ text: `Поручение ${sent.length}`, responsibleOrgIds: ['akimat'] });
    await stop();
  }, 2 * TEST_TIMEOUT); // eleven server starts
});

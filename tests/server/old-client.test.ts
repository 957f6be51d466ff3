// A client older than the oldest sync schema the server accepts (a laptop that was not updated):
// the server is made to require schema 2 here (today's contract is schema 1, the oldest accepted).
// Its push is refused with schema_outdated and a message to update, nothing of it is stored; the
// same changes pushed again by the updated client are stored once. On PGlite and PostgreSQL.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { MIN_SYNC_SCHEMA_VERSION, pullResponseSchema, pushResponseSchema, syncErrorSchema } from '../../shared/sync/contract';
import type * as Contract from '../../shared/sync/contract';
import type { Database } from '../../server/db/database';
import { buildApp } from '../../server/http/app';
import { TestClient, USERS, closeSharedPglite, dbKinds, fingerprint, injectHttp, newId, signIn } from './support';
import { databasePerTest } from './db-per-test';

vi.mock('../../shared/sync/contract', async (importOriginal) => ({
  ...(await importOriginal<typeof Contract>()),
  MIN_SYNC_SCHEMA_VERSION: 2,
  SYNC_SCHEMA_VERSION: 2,
}));

const START = Date.UTC(2026, 0, 15, 6, 0, 0);

afterAll(closeSharedPglite);

describe.each(dbKinds())('a client of an outdated sync schema, on %s', (kind) => {
  const database = databasePerTest(kind);
  let db: Database;
  let app: FastifyInstance;

  beforeEach(async () => {
    db = database.get();
    app = await buildApp({ db, now: () => START });
  });

  afterEach(async () => {
    await app.close();
    await database.drop();
  });

  it('is refused with schema_outdated and a message to update, stores nothing, and its changes are stored once after the update', async () => {
    expect(MIN_SYNC_SCHEMA_VERSION).toBe(2);
    const http = injectHttp(app);
    const c = new TestClient(http, await signIn(http, USERS.aigerim.username), 'aktobe', undefined, () => START);
    const entries = [c.entry('projects', newId(), { title: 'Завод', stage: 'design' }), c.entry('barriers', newId(), { text: 'Нет газа' })];
    const before = await fingerprint(db);

    const old = await http({ method: 'POST', url: '/api/v1/push', token: c.token, json: { schemaVersion: 1, clientId: c.clientId, regionId: 'aktobe', entries } });
    expect(old.status).toBe(426);
    const error = syncErrorSchema.parse(old.body);
    expect(error.code).toBe('schema_outdated');
    expect(error.message).toMatch(/Schema version 1 is no longer accepted \(oldest accepted: 2\)\. Update the application\./);
    expect(await fingerprint(db)).toBe(before);
    // Retried as it is, again refused, again nothing.
    expect((await http({ method: 'POST', url: '/api/v1/push', token: c.token, json: { schemaVersion: 1, clientId: c.clientId, regionId: 'aktobe', entries } })).status).toBe(426);
    expect(await fingerprint(db)).toBe(before);

    // Updated, the same client pushes the same changes (its outbox kept them): stored once.
    const updated = await c.push(entries);
    expect(pushResponseSchema.parse(updated.body).lastSeq).toBe(2);
    const again = await c.push(entries);
    expect(pushResponseSchema.parse(again.body).lastSeq).toBe(2);
    const pages = await c.pullAll();
    expect(pages.flatMap((p) => pullResponseSchema.parse(p).changes.map((ch) => ch.recordId))).toEqual(entries.map((e) => ('recordId' in e ? e.recordId : '')));
  });
});

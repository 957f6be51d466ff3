// The client pieces of the live channel together, against the real server in process (PGlite) over
// real WebSockets: two clerks' stored minutes documents (Dexie on fake-indexeddb), each with the
// renderer's live client over the desktop host's socket service (the main process's side: it
// holds the token). What one types reaches the other's open document and her local store — not
// her outbox (it is not hers to push) — with the typist's name on her cursor; the bytes sent live
// are the outbox's, so the server's log holds them once after the push. Offline, nothing is sent;
// back online, both texts are on both.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { FastifyInstance } from 'fastify';
import { SYNC_SCHEMA_VERSION, type DocUpdateEntry } from '../../shared/sync/contract';
import { minutesDocId } from '../../shared/domain/meeting.schema';
import type { Database } from '../../server/db/database';
import { buildApp } from '../../server/http/app';
import { openDoc, type StoredDoc } from '../../renderer/src/db/doc-store';
import { LiveClient, type LiveHost, type LiveStatus } from '../../renderer/src/sync/live-client';
import { awarenessOf, connectLiveDoc, othersIn } from '../../renderer/src/features/minutes/live-minutes';
import { createLiveSocketService, type NodeWebSocketLike } from '../../electron/main/live-socket.service';
import { USERS, closeSharedPglite, createTestUsers, injectHttp, newId, openTestDb, signIn, type Http } from '../server/support';
import { openHarness, type Harness } from '../unit/db/harness';
import { allOutboxItems } from '../../renderer/src/db/outbox';

afterAll(closeSharedPglite);

type Side = { h: Harness; stored: StoredDoc; client: LiveClient; status: () => LiveStatus; goOffline: () => void; goOnline: () => void; leave: () => void; text: () => string };

describe('live minutes between two clerks (client pieces, real server)', () => {
  let db: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let http: Http;
  let serverUrl: string;
  const sides: Side[] = [];

  beforeAll(async () => {
    const { drop: dropWarm } = await openTestDb('pglite');
    await dropWarm();
  }, 90_000);

  beforeEach(async () => {
    ({ db, drop } = await openTestDb('pglite'));
    await createTestUsers(db);
    app = await buildApp({ db });
    serverUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    http = injectHttp(app);
  });

  afterEach(async () => {
    for (const s of sides.splice(0)) {
      s.leave();
      await s.stored.close();
      await s.h.dispose();
    }
    await app.close();
    await drop();
  });

  async function side(user: keyof typeof USERS, docId: string): Promise<Side> {
    const token = await signIn(http, USERS[user].username);
    const listeners = new Set<(payload: string) => void>();
    const service = createLiveSocketService({
      sync: { liveCredentials: async () => ({ serverUrl, token }) },
      createSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as NodeWebSocketLike,
      emit: (payload) => {
        for (const l of [...listeners]) l(payload);
        return true;
      },
    });
    const host: LiveHost = {
      liveConnect: (r) => service['live:connect'](r),
      liveSend: (m) => service['live:send'](m),
      liveDisconnect: (r) => service['live:disconnect'](r),
      onLiveEvent: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    };
    let online = true;
    let network: (() => void) | null = null;
    const client = new LiveClient(host, {
      online: () => online,
      onNetworkChange: (l) => {
        network = l;
        return () => undefined;
      },
      backoff: { minMs: 50, maxMs: 200 },
    });
    const h = openHarness();
    const stored = await openDoc(h.ctx, docId, { saveDelayMs: 20 });
    let status: LiveStatus = 'offline';
    const leave = connectLiveDoc({ client, ctx: h.ctx, stored, docId, regionId: 'aktobe', onStatus: (s) => (status = s) });
    const s: Side = {
      h, stored, client, leave,
      status: () => status,
      goOffline: () => {
        online = false;
        network?.();
      },
      goOnline: () => {
        online = true;
        network?.();
      },
      text: () => stored.doc.getText('heard').toString(),
    };
    sides.push(s);
    return s;
  }

  const storedRows = async (docId: string) => Number((await db.query<{ n: unknown }>('SELECT count(*) AS n FROM doc_updates WHERE doc_id = $1', [docId]))[0]?.n);

  it('shows one clerk\'s typing in the other\'s document, stores it there without queueing it, and logs it once', async () => {
    const docId = minutesDocId(newId(), 'ru');
    const a = await side('aigerim', docId);
    const b = await side('daulet', docId);
    await expect.poll(() => [a.status(), b.status()]).toEqual(['live', 'live']);
    // Each sees the other as soon as both are in, before anyone types or moves a caret.
    await expect.poll(() => othersIn(awarenessOf(a.stored.doc)).map((u) => u.name)).toEqual([USERS.daulet.displayName]);
    await expect.poll(() => othersIn(awarenessOf(b.stored.doc)).map((u) => u.name)).toEqual([USERS.aigerim.displayName]);

    a.stored.doc.getText('heard').insert(0, 'СЛУШАЛИ: Шахаров А.');
    await expect.poll(() => b.text()).toBe('СЛУШАЛИ: Шахаров А.');
    // Kept in B's store (a reopen has it) and not in B's outbox.
    await expect.poll(() => b.h.db.docUpdates.where('docId').equals(docId).count()).toBeGreaterThan(0);
    expect(await b.h.db.outbox.count()).toBe(0);

    // A's cursor reaches B with A's name (set by the server from her session).
    awarenessOf(a.stored.doc).setLocalStateField('cursor', { anchor: 1, head: 1 });
    await expect.poll(() => othersIn(awarenessOf(b.stored.doc)).map((u) => u.name)).toEqual([USERS.aigerim.displayName]);

    // The server stored the live update; A's outbox push of the same bytes adds nothing.
    await expect.poll(() => storedRows(docId)).toBe(1);
    const outbox = (await allOutboxItems(a.h.db)) as (DocUpdateEntry & { seq: number })[];
    expect(outbox).toHaveLength(1);
    const token = await signIn(http, USERS.aigerim.username);
    const res = await http({
      method: 'POST', url: '/api/v1/push', token,
      json: { schemaVersion: SYNC_SCHEMA_VERSION, clientId: outbox[0]!.clientId, regionId: 'aktobe', entries: [{ ...outbox[0]!, seq: 1 }] },
    });
    expect(res.status).toBe(200);
    expect(await storedRows(docId)).toBe(1);

    // A closes the minutes: B no longer sees her.
    a.leave();
    await expect.poll(() => othersIn(awarenessOf(b.stored.doc))).toEqual([]);
  });

  it('sends nothing while offline and brings both texts to both on reconnect', async () => {
    const docId = minutesDocId(newId(), 'kk');
    const a = await side('aigerim', docId);
    const b = await side('daulet', docId);
    await expect.poll(() => [a.status(), b.status()]).toEqual(['live', 'live']);
    a.stored.doc.getText('heard').insert(0, 'Хаттама.');
    await expect.poll(() => b.text()).toBe('Хаттама.');

    b.goOffline();
    expect(b.status()).toBe('offline');
    a.stored.doc.getText('heard').insert(8, ' [А]');
    b.stored.doc.getText('heard').insert(0, '[Б] ');
    await new Promise((r) => setTimeout(r, 300));
    expect(a.text()).toBe('Хаттама. [А]');
    expect(b.text()).toBe('[Б] Хаттама.');

    b.goOnline();
    await expect.poll(() => b.status()).toBe('live');
    await expect.poll(() => a.text()).toBe('[Б] Хаттама. [А]');
    await expect.poll(() => b.text()).toBe('[Б] Хаттама. [А]');
  });
});

// The live channel (server/live/): two clerks' sockets on one minutes document see each other's
// updates and cursors (named by the server, not by the client), every relayed update is stored
// once — the later outbox push of the same bytes adds nothing to the log — and a bad token,
// another region, a viewer writing and malformed messages are refused without changing anything.
// Real sockets on loopback, on PGlite and (HATTAMA_TEST_PG_URL) PostgreSQL.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate as awarenessBytes, applyAwarenessUpdate } from 'y-protocols/awareness';
import type { FastifyInstance } from 'fastify';
import {
  LIVE_PATH, decodeAwarenessUpdate, encodeAwarenessUpdate, liveColorFor, liveProtocols, liveServerMessageSchema,
  type LiveClientMessage, type LiveServerMessage,
} from '../../shared/sync/live';
import type { Database } from '../../server/db/database';
import { buildApp } from '../../server/http/app';
import {
  TestClient, USERS, closeSharedPglite, dbKinds, fingerprint, injectHttp, newId, signIn, type Http,
} from './support';
import { databasePerTest } from './db-per-test';

afterAll(closeSharedPglite);

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A test socket: every message it receives, parsed with the contract, and a way to wait for one. */
class Peer {
  readonly received: LiveServerMessage[] = [];
  private waiters: Array<() => void> = [];
  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const parsed = liveServerMessageSchema.parse(JSON.parse(String(data)));
      this.received.push(parsed);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  send(message: LiveClientMessage | Record<string, unknown> | string): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Waits for the first received message (from index `from`) that `match` accepts. */
  async next<T extends LiveServerMessage['type']>(type: T, match: (m: LiveServerMessage & { type: T }) => boolean = () => true, from = 0): Promise<LiveServerMessage & { type: T }> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = this.received.slice(from).find((m): m is LiveServerMessage & { type: T } => m.type === type && match(m as LiveServerMessage & { type: T }));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${type} message; got ${JSON.stringify(this.received).slice(0, 500)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) resolve();
      else {
        this.ws.once('close', () => resolve());
        this.ws.close();
      }
    });
  }
}

describe.each(dbKinds())('live channel on %s', (kind) => {
  const database = databasePerTest(kind);
  let db: Database;
  let app: FastifyInstance;
  let http: Http;
  let base: string;
  const peers: Peer[] = [];

  beforeEach(async () => {
    db = database.get();
    app = await buildApp({ db });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    base = address.replace(/^http/, 'ws');
    http = injectHttp(app);
  });

  afterEach(async () => {
    await Promise.all(peers.splice(0).map((p) => p.close()));
    await app.close();
    await database.drop();
  });

  /** Opens a socket with `token`; rejects with the HTTP status when the upgrade is refused. */
  function connect(token: string, at = base): Promise<Peer> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${at}${LIVE_PATH}`, liveProtocols(token));
      const peer = new Peer(ws);
      ws.once('open', () => {
        peers.push(peer);
        resolve(peer);
      });
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  async function signedIn(user: keyof typeof USERS): Promise<{ peer: Peer; token: string }> {
    const token = await signIn(http, USERS[user].username);
    return { peer: await connect(token), token };
  }

  async function joined(peer: Peer, docId: string, regionId = 'aktobe', stateVector?: Uint8Array): Promise<LiveServerMessage & { type: 'joined' }> {
    peer.send({ type: 'join', docId, regionId, ...(stateVector ? { stateVector: b64(stateVector) } : {}) });
    return peer.next('joined', (m) => m.docId === docId);
  }

  /** A Yjs document that records its updates. */
  function yDoc() {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    return { doc, updates, text: doc.getText('intro') };
  }

  /** Two clerks of the region signed in, both joined to `docId`. */
  async function twoClerksIn(docId: string): Promise<{ a: Peer; b: Peer }> {
    const { peer: a } = await signedIn('aigerim');
    const { peer: b } = await signedIn('daulet');
    await joined(a, docId);
    await joined(b, docId);
    return { a, b };
  }

  async function storedRows(docId: string): Promise<number> {
    const [row] = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM doc_updates WHERE doc_id = $1', [docId]);
    return Number(row?.n);
  }

  it('relays one clerk\'s typing to the other, named by the server, and stores it', async () => {
    const docId = `minutes/${newId()}/ru`;
    const { peer: a } = await signedIn('aigerim');
    const { peer: b } = await signedIn('daulet');
    expect((await joined(a, docId)).canWrite).toBe(true);
    await joined(b, docId);

    const typed = yDoc();
    typed.text.insert(0, 'СЛУШАЛИ: о ходе строительства');
    a.send({ type: 'update', docId, update: b64(typed.updates[0]!) });
    const got = await b.next('update', (m) => m.docId === docId);
    expect(got.by).toBe(USERS.aigerim.displayName);
    const seen = new Y.Doc();
    Y.applyUpdate(seen, Buffer.from(got.update, 'base64'));
    expect(seen.getText('intro').toString()).toBe('СЛУШАЛИ: о ходе строительства');
    // The sender gets nothing back.
    expect(a.received.filter((m) => m.type === 'update')).toHaveLength(0);

    // Stored: a third clerk who pulls gets the text.
    await expect.poll(() => storedRows(docId)).toBe(1);
    const reader = new TestClient(http, await signIn(http, USERS.admin.username), 'aktobe');
    await reader.pullAll();
    const pulled = new Y.Doc();
    for (const u of reader.docs.get(docId) ?? []) Y.applyUpdate(pulled, Buffer.from(u, 'base64'));
    expect(pulled.getText('intro').toString()).toBe('СЛУШАЛИ: о ходе строительства');
  });

  it('stores a relayed update once: the later push of the same bytes adds nothing to the log', async () => {
    const docId = `minutes/${newId()}/kk`;
    const { peer: a, token } = await signedIn('aigerim');
    await joined(a, docId);
    const typed = yDoc();
    typed.text.insert(0, 'Хаттама');
    const first = typed.updates[0]!;
    a.send({ type: 'update', docId, update: b64(first) });
    await expect.poll(() => storedRows(docId)).toBe(1);

    // The outbox pushes the same update, and one more typed offline.
    typed.text.insert(7, ' №3');
    const client = new TestClient(http, token, 'aktobe');
    const res = await client.push([client.docEntry(docId, first), client.docEntry(docId, typed.updates[1]!)]);
    expect(res.status).toBe(200);
    expect(res.body.lastSeq).toBe(2);
    expect(await storedRows(docId)).toBe(2);
    // Pushing the live update alone again (a retry of a new batch) also stores nothing.
    const again = await client.push([client.docEntry(docId, first)]);
    expect(again.status).toBe(200);
    expect(await storedRows(docId)).toBe(2);

    const reader = new TestClient(http, await signIn(http, USERS.daulet.username), 'aktobe');
    await reader.pullAll();
    expect(reader.docs.get(docId)).toHaveLength(2);
    const pulled = new Y.Doc();
    for (const u of reader.docs.get(docId) ?? []) Y.applyUpdate(pulled, Buffer.from(u, 'base64'));
    expect(pulled.getText('intro').toString()).toBe('Хаттама №3');
  });

  it('stopping, stores what it has relayed before the database closes', async () => {
    const docId = `minutes/${newId()}/ru`;
    const { a, b } = await twoClerksIn(docId);
    const typed = yDoc();
    typed.text.insert(0, 'перед остановкой');
    a.send({ type: 'update', docId, update: b64(typed.updates[0]!) });
    await b.next('update');
    // Relayed at once, stored after: the stop waits for the store.
    await app.close();
    expect(await storedRows(docId)).toBe(1);
  });

  it('relays cursors with the signed-in user\'s name and colour, and says when a clerk leaves', async () => {
    const docId = `minutes/${newId()}/ru`;
    const { a, b } = await twoClerksIn(docId);

    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    // The client claims to be someone else: the server names it by its session.
    awareness.setLocalState({ user: { name: 'Аким области', color: '#000000' }, cursor: { anchor: 1, head: 1 } });
    a.send({ type: 'awareness', docId, update: b64(awarenessBytes(awareness, [doc.clientID])) });
    const got = await b.next('awareness', (m) => m.docId === docId);
    const [entry] = decodeAwarenessUpdate(Buffer.from(got.update, 'base64'));
    expect(entry?.clientId).toBe(doc.clientID);
    expect(entry?.state).toMatchObject({ user: { name: USERS.aigerim.displayName }, cursor: { anchor: 1, head: 1 } });

    // A clerk who joins later gets the cursors already there.
    const { peer: c } = await signedIn('admin');
    await joined(c, docId);
    const snapshot = await c.next('awareness', (m) => m.docId === docId);
    const remote = new Awareness(new Y.Doc());
    applyAwarenessUpdate(remote, Buffer.from(snapshot.update, 'base64'), 'server');
    expect((remote.getStates().get(doc.clientID) as { user: { name: string } }).user.name).toBe(USERS.aigerim.displayName);

    // Another socket cannot move aigerim's cursor.
    const forged = encodeAwarenessUpdate([{ clientId: doc.clientID, clock: 99, state: { cursor: null } }]);
    const before = c.received.length;
    b.send({ type: 'awareness', docId, update: b64(forged) });
    await new Promise((r) => setTimeout(r, 200));
    expect(c.received.slice(before).filter((m) => m.type === 'awareness')).toHaveLength(0);

    // aigerim closes the minutes: the others see her cursor go.
    const mark = b.received.length;
    await a.close();
    const gone = await b.next('awareness', () => true, mark);
    expect(decodeAwarenessUpdate(Buffer.from(gone.update, 'base64'))).toEqual([expect.objectContaining({ clientId: doc.clientID, state: null })]);
  });

  it('sends a joiner what the server has that it lacks', async () => {
    const docId = `minutes/${newId()}/ru`;
    const { peer: a } = await signedIn('aigerim');
    await joined(a, docId);
    const typed = yDoc();
    typed.text.insert(0, 'Повестка дня');
    a.send({ type: 'update', docId, update: b64(typed.updates[0]!) });
    await expect.poll(() => storedRows(docId)).toBe(1);

    const { peer: b } = await signedIn('daulet');
    const empty = new Y.Doc();
    await joined(b, docId, 'aktobe', Y.encodeStateVector(empty));
    const catchUp = await b.next('update', (m) => m.by === null);
    Y.applyUpdate(empty, Buffer.from(catchUp.update, 'base64'));
    expect(empty.getText('intro').toString()).toBe('Повестка дня');
  });

  it('tells a joiner what the server has, and relays its offline catch-up without storing it', async () => {
    const docId = `minutes/${newId()}/ru`;
    const { peer: a } = await signedIn('aigerim');
    const first = await joined(a, docId);
    expect(Y.encodeStateVector(new Y.Doc())).toEqual(new Uint8Array(Buffer.from(first.stateVector, 'base64')));
    const typed = yDoc();
    typed.text.insert(0, 'Решили:');
    a.send({ type: 'update', docId, update: b64(typed.updates[0]!) });
    await expect.poll(() => storedRows(docId)).toBe(1);

    // Daulet typed offline; on joining he learns what the server has and sends only what it lacks.
    const offline = new Y.Doc();
    offline.getText('intro').insert(0, 'офлайн ');
    const { peer: b } = await signedIn('daulet');
    const answer = await joined(b, docId);
    const lacking = Y.encodeStateAsUpdate(offline, new Uint8Array(Buffer.from(answer.stateVector, 'base64')));
    b.send({ type: 'catch-up', docId, update: b64(lacking) });
    const got = await a.next('update', (m) => m.by === USERS.daulet.displayName);
    Y.applyUpdate(typed.doc, Buffer.from(got.update, 'base64'));
    expect(typed.text.toString()).toContain('офлайн');
    // Not stored: his outbox pushes those changes as his own updates.
    await new Promise((r) => setTimeout(r, 200));
    expect(await storedRows(docId)).toBe(1);
  });

  it('refuses a missing, forged or revoked token before the upgrade', async () => {
    await expect(connect('x'.repeat(43))).rejects.toThrow('HTTP 401');
    await expect(new Promise((resolve, reject) => {
      const ws = new WebSocket(`${base}${LIVE_PATH}`, ['hattama-live.1']);
      ws.once('open', resolve);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    })).rejects.toThrow('HTTP 401');
    const token = await signIn(http, USERS.aigerim.username);
    const peer = await connect(token);
    // Signed out meanwhile: the next join finds the session gone and the socket is closed.
    await http({ method: 'POST', url: '/api/v1/logout', token });
    const closed = new Promise<number>((resolve) => peer.ws.once('close', (code) => resolve(code)));
    peer.send({ type: 'join', docId: `minutes/${newId()}/ru`, regionId: 'aktobe' });
    expect((await peer.next('error')).code).toBe('unauthorized');
    expect(await closed).toBe(4401);
  });

  it('keeps regions apart: another region\'s clerk cannot join, and a minutes of another region cannot be joined under this one', async () => {
    const docId = `minutes/${newId()}/ru`;
    const { peer: astana } = await signedIn('astana');
    astana.send({ type: 'join', docId, regionId: 'aktobe' });
    const refused = await astana.next('error');
    expect(refused).toMatchObject({ code: 'forbidden', docId });

    // The minutes record is Astana's on the server: an Aktobe clerk cannot join it under Aktobe.
    const minutesId = newId();
    const astanaClient = new TestClient(http, await signIn(http, USERS.astana.username), 'astana');
    expect((await astanaClient.push([astanaClient.entry('minutes', minutesId, { regionId: 'astana', lang: 'ru' })])).status).toBe(200);
    const { peer: a } = await signedIn('aigerim');
    a.send({ type: 'join', docId: `minutes/${minutesId}/ru`, regionId: 'aktobe' });
    expect(await a.next('error')).toMatchObject({ code: 'forbidden' });

    // Nothing the Astana clerk sends reaches or changes Aktobe's document.
    const typed = yDoc();
    typed.text.insert(0, 'чужой текст');
    astana.send({ type: 'update', docId, update: b64(typed.updates[0]!) });
    expect((await astana.next('error', (m) => m.message.includes('Join'))).code).toBe('bad_request');
    expect(await storedRows(docId)).toBe(0);
  });

  it('lets a viewer watch but not write', async () => {
    const docId = `minutes/${newId()}/ru`;
    const { peer: viewer } = await signedIn('viewer');
    const { peer: a } = await signedIn('aigerim');
    expect((await joined(viewer, docId)).canWrite).toBe(false);
    await joined(a, docId);
    const typed = yDoc();
    typed.text.insert(0, 'решили');
    a.send({ type: 'update', docId, update: b64(typed.updates[0]!) });
    await viewer.next('update');
    // The relay goes out first, the server stores it right after: wait for it.
    await vi.waitFor(async () => expect(await fingerprint(db)).toMatch(/doc_updates:1:/), { timeout: 10_000 });

    const before = await fingerprint(db);
    typed.text.insert(0, 'не ');
    viewer.send({ type: 'update', docId, update: b64(typed.updates[1]!) });
    expect(await viewer.next('error')).toMatchObject({ code: 'forbidden', docId });
    expect(await fingerprint(db)).toBe(before);
    expect(a.received.filter((m) => m.type === 'update')).toHaveLength(0);
  });

  it('answers malformed messages with a clear error and stays open', async () => {
    const docId = `minutes/${newId()}/ru`;
    const { a, b } = await twoClerksIn(docId);
    const before = await fingerprint(db);

    a.send('not json');
    expect((await a.next('error')).message).toMatch(/not JSON/);
    a.send({ type: 'shout', docId });
    expect((await a.next('error', (m) => m.message.includes('type'))).code).toBe('bad_request');
    a.send({ type: 'join', docId: 'minutes/../../etc/ru', regionId: 'aktobe' });
    expect((await a.next('error', (m) => m.message.includes('docId'))).code).toBe('bad_request');
    a.send({ type: 'update', docId, update: b64(new Uint8Array([1, 2, 3, 4, 5, 6])) });
    expect((await a.next('error', (m) => m.message.includes('not a Yjs update'))).code).toBe('bad_request');
    a.send({ type: 'awareness', docId, update: b64(new Uint8Array([5, 1])) });
    expect((await a.next('error', (m) => m.message.includes('awareness'))).code).toBe('bad_request');

    expect(await fingerprint(db)).toBe(before);
    expect(b.received.filter((m) => m.type !== 'joined')).toHaveLength(0);
    // Still open: a good update goes through.
    const typed = yDoc();
    typed.text.insert(0, 'ok');
    a.send({ type: 'update', docId, update: b64(typed.updates[0]!) });
    expect((await b.next('update')).by).toBe(USERS.aigerim.displayName);
  });

  it.runIf(kind === 'postgres')('relays between two servers on one PostgreSQL (LISTEN/NOTIFY), large updates by their version', async () => {
    const second = await buildApp({ db });
    try {
      const secondBase = (await second.listen({ host: '127.0.0.1', port: 0 })).replace(/^http/, 'ws');
      const docId = `minutes/${newId()}/ru`;
      const { peer: a } = await signedIn('aigerim');
      const b = await connect(await signIn(http, USERS.daulet.username), secondBase);
      peers.push(b);
      await joined(a, docId);
      await joined(b, docId);

      const typed = yDoc();
      typed.text.insert(0, 'через два сервера');
      a.send({ type: 'update', docId, update: b64(typed.updates[0]!) });
      const got = await b.next('update', (m) => m.docId === docId);
      expect(got.by).toBe(USERS.aigerim.displayName);
      expect(got.update).toBe(b64(typed.updates[0]!));

      // Too large for a NOTIFY payload: it goes by the version it was stored under.
      typed.text.insert(0, 'Ә'.repeat(6000));
      a.send({ type: 'update', docId, update: b64(typed.updates[1]!) });
      const big = await b.next('update', (m) => m.update === b64(typed.updates[1]!));
      expect(big.by).toBe(USERS.aigerim.displayName);

      // Cursors too, with the name the first server gave them.
      const doc = new Y.Doc();
      const awareness = new Awareness(doc);
      awareness.setLocalState({ cursor: { anchor: 2, head: 2 } });
      b.send({ type: 'awareness', docId, update: b64(awarenessBytes(awareness, [doc.clientID])) });
      const cursor = await a.next('awareness', (m) => m.docId === docId);
      expect(decodeAwarenessUpdate(Buffer.from(cursor.update, 'base64'))[0]?.state).toMatchObject({ user: { name: USERS.daulet.displayName } });
      expect(await storedRows(docId)).toBe(2);
    } finally {
      await second.close();
    }
  });

  it('gives each user one cursor colour', () => {
    expect(liveColorFor(3)).toBe(liveColorFor(3));
    expect(liveColorFor(3)).not.toBe(liveColorFor(4));
  });
});

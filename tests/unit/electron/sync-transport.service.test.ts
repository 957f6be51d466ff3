// The desktop host's sync transport: the main process signs in, keeps the token encrypted with
// safeStorage (never in the clear on disk, never in an answer to the renderer), sends it with push
// and pull, checks every answer against the sync contract, forgets a token the server refuses.
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSyncTransportService, type SafeStorageLike } from '../../../electron/main/sync-transport.service';
import { PULL_COMPACT_FEATURE, PULL_REMAINING_FEATURE, SYNC_FEATURES_HEADER } from '../../../shared/sync/contract';
import { syncPullResultSchema } from '../../../shared/bridge/sync';

const RECORD = '0190abcd-0000-7000-8000-000000000002';
const STAMP = '001795997094258-000000-clienta';

const SERVER = 'https://hattama.aktobe.kz';
const TOKEN = 'tok_0123456789abcdef0123456789abcdef0123';
const USER = { username: 'aigerim', displayName: 'Айгерим Серикова', role: 'clerk', regions: ['aktobe'], allRegions: false };
const EXPIRES = '2026-03-15T21:00:00.000Z';

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'hattama-sync-'));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

/** Reversible "encryption" standing in for the OS keychain. */
function fakeSafeStorage(available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from(`enc:${Buffer.from(s).toString('hex')}`),
    decryptString: (b) => Buffer.from(b.toString().slice(4), 'hex').toString(),
  };
}

type Route = (init: RequestInit, url: URL) => { status: number; body?: unknown };

function fakeServer(routes: Record<string, Route>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const u = new URL(url);
    const route = routes[`${init.method} ${u.pathname}`];
    if (!route) return new Response(JSON.stringify({ code: 'not_found', message: 'no route', serverTime: 1 }), { status: 404 });
    const { status, body } = route(init, u);
    return new Response(body === undefined ? null : JSON.stringify(body), { status });
  });
  return { fetch, calls };
}

const loginOk: Route = () => ({ status: 200, body: { token: TOKEN, expiresAt: EXPIRES, user: USER, serverTime: 1_700_000_000_000 } });
const authed = (init: RequestInit) => (init.headers as Record<string, string>).authorization === `Bearer ${TOKEN}`;

describe('sync transport service', () => {
  it('signs in, keeps the token encrypted on disk, and resumes the session after a restart', async () => {
    const statePath = path.join(dir, 'sync.json');
    const server = fakeServer({ 'POST /api/v1/login': loginOk });
    const sync = createSyncTransportService({ fetch: server.fetch, safeStorage: fakeSafeStorage(), statePath });
    const login = await sync['sync:login']({ serverUrl: SERVER, username: 'aigerim', password: 'secret' });
    expect(login).toEqual({ ok: true, value: { user: USER, expiresAt: EXPIRES, serverTime: 1_700_000_000_000 } });
    expect(JSON.stringify(login)).not.toContain(TOKEN);
    expect(server.calls[0]?.url).toBe(`${SERVER}/api/v1/login`);
    expect(server.calls[0]?.init.redirect).toBe('error'); // a redirect never carries the password or token elsewhere
    const onDisk = await fsp.readFile(statePath, 'utf8');
    expect(onDisk).not.toContain(TOKEN);
    expect(onDisk).not.toContain('secret');

    const again = createSyncTransportService({ fetch: server.fetch, safeStorage: fakeSafeStorage(), statePath });
    expect(await again['sync:status']({})).toEqual({ serverUrl: SERVER, session: { user: USER, expiresAt: EXPIRES } });
  });

  it('sends the token with push and pull and checks the answers against the contract', async () => {
    const server = fakeServer({
      'POST /api/v1/login': loginOk,
      'POST /api/v1/push': (init) => (authed(init) ? { status: 200, body: { lastSeq: 1, version: 7, conflicts: [], serverTime: 5 } } : { status: 401 }),
      'GET /api/v1/pull': (init, u) => (authed(init) && u.searchParams.get('since') === '7' ? { status: 200, body: { changes: [], docs: [], version: 7, more: 'no', serverTime: 5 } } : { status: 401 }),
    });
    const sync = createSyncTransportService({ fetch: server.fetch, safeStorage: fakeSafeStorage(), statePath: path.join(dir, 'sync.json') });
    expect(await sync['sync:push']({ schemaVersion: 1, clientId: 'c1', regionId: 'aktobe', entries: [] })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    await sync['sync:login']({ serverUrl: SERVER, username: 'aigerim', password: 'secret' });
    expect(await sync['sync:push']({ schemaVersion: 1, clientId: 'c1', regionId: 'aktobe', entries: [] })).toEqual({ ok: true, value: { lastSeq: 1, version: 7, conflicts: [], serverTime: 5 } });
    // `more: 'no'` breaks the contract: the renderer gets a failure, not the answer.
    expect(await sync['sync:pull']({ region: 'aktobe', since: 7, limit: 100 })).toMatchObject({ ok: false, error: { code: 'invalid_response' } });
  });

  it('names the protocol features it understands, and takes a compact pull page that says how many follow as whole changes', async () => {
    let features: string | undefined;
    const server = fakeServer({
      'POST /api/v1/login': loginOk,
      'GET /api/v1/pull': (init) => {
        features = (init.headers as Record<string, string>)[SYNC_FEATURES_HEADER];
        return { status: 200, body: { changes: [{ version: 7, table: 'projects', recordId: RECORD, hlc: STAMP, values: { title: 'Завод', stage: 'design' } }], docs: [], version: 7, more: true, remaining: 4200, serverTime: 5 } };
      },
    });
    const sync = createSyncTransportService({ fetch: server.fetch, safeStorage: fakeSafeStorage(), statePath: path.join(dir, 'sync.json') });
    await sync['sync:login']({ serverUrl: SERVER, username: 'aigerim', password: 'secret' });
    // A compact change reaches the renderer as the change row it stands for.
    const changes = [{ version: 7, table: 'projects', recordId: RECORD, fields: { title: { value: 'Завод', hlc: STAMP }, stage: { value: 'design', hlc: STAMP } } }];
    const pulled = await sync['sync:pull']({ region: 'aktobe', since: 0, limit: 100 });
    expect(pulled).toEqual({ ok: true, value: { changes, docs: [], version: 7, more: true, remaining: 4200, serverTime: 5 } });
    // The bridge carries whole change rows only (what the main process hands the renderer).
    expect(syncPullResultSchema.safeParse(pulled).success).toBe(true);
    expect(syncPullResultSchema.safeParse({ ok: true, value: { changes: [{ version: 7, table: 'projects', recordId: RECORD, hlc: STAMP, values: { title: 'Завод' } }], docs: [], version: 7, more: false, serverTime: 5 } }).success).toBe(false);
    expect(features?.split(',')).toEqual(expect.arrayContaining([PULL_REMAINING_FEATURE, PULL_COMPACT_FEATURE]));
  });

  it('passes the server’s error on, and forgets a token the server no longer accepts', async () => {
    const statePath = path.join(dir, 'sync.json');
    const server = fakeServer({
      'POST /api/v1/login': loginOk,
      'POST /api/v1/push': () => ({ status: 422, body: { code: 'clock_ahead', message: 'stamped 600 s ahead', serverTime: 42 } }),
      'GET /api/v1/pull': () => ({ status: 401, body: { code: 'unauthorized', message: 'The session has expired', serverTime: 43 } }),
    });
    const sync = createSyncTransportService({ fetch: server.fetch, safeStorage: fakeSafeStorage(), statePath });
    await sync['sync:login']({ serverUrl: SERVER, username: 'aigerim', password: 'secret' });
    expect(await sync['sync:push']({ schemaVersion: 1, clientId: 'c1', regionId: 'aktobe', entries: [] })).toEqual({ ok: false, error: { code: 'clock_ahead', message: 'stamped 600 s ahead', serverTime: 42, status: 422 } });
    expect(await sync['sync:pull']({ region: 'aktobe', since: 0, limit: 100 })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await sync['sync:status']({})).toEqual({ serverUrl: SERVER, session: null });
    expect(JSON.parse(await fsp.readFile(statePath, 'utf8'))).toEqual({ serverUrl: SERVER, session: null });
  });

  it('reports an unreachable server as a network failure', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    const sync = createSyncTransportService({ fetch, safeStorage: fakeSafeStorage(), statePath: path.join(dir, 'sync.json') });
    expect(await sync['sync:login']({ serverUrl: SERVER, username: 'aigerim', password: 'secret' })).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('tells a refused connection, a timeout and a web server that is not Hattama apart, with the code for support', async () => {
    const login = (fetch: (url: string, init: RequestInit) => Promise<Response>, timeoutMs?: number) =>
      createSyncTransportService({ fetch, safeStorage: fakeSafeStorage(), statePath: path.join(dir, 'sync.json'), ...(timeoutMs ? { timeoutMs } : {}) })['sync:login']({
        serverUrl: SERVER, username: 'aigerim', password: 'secret',
      });
    // Node's fetch: TypeError('fetch failed') with the socket's error as its cause.
    const refused = await login(async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
    });
    expect(refused).toEqual({ ok: false, error: { code: 'network', message: 'ECONNREFUSED: fetch failed' } });
    // No answer within the time limit: the abort of AbortSignal.timeout.
    const timedOut = await login((_url, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason))), 20);
    expect(timedOut).toMatchObject({ ok: false, error: { code: 'network', message: expect.stringMatching(/^TimeoutError: /) } });
    // A web server at the address: 405 to a POST, with an HTML page.
    const web = await login(async () => new Response('<html>Method Not Allowed</html>', { status: 405, headers: { 'content-type': 'text/html' } }));
    expect(web).toMatchObject({ ok: false, error: { code: 'not_found', status: 405 } });
    // The Hattama server's own refusals keep their code, with the status and the wait it asks for.
    const limited = await login(async () =>
      new Response(JSON.stringify({ code: 'rate_limited', message: 'Too many failed sign-ins for aigerim; try again in 15 min.', serverTime: 1 }), { status: 429, headers: { 'retry-after': '900' } }),
    );
    expect(limited).toMatchObject({ ok: false, error: { code: 'rate_limited', status: 429, retryAfterSeconds: 900 } });
  });

  it('without OS encryption keeps the token in memory only', async () => {
    const statePath = path.join(dir, 'sync.json');
    const server = fakeServer({ 'POST /api/v1/login': loginOk });
    const sync = createSyncTransportService({ fetch: server.fetch, safeStorage: fakeSafeStorage(false), statePath });
    await sync['sync:login']({ serverUrl: SERVER, username: 'aigerim', password: 'secret' });
    expect((await sync['sync:status']({})).session?.user.username).toBe('aigerim');
    expect(await fsp.readFile(statePath, 'utf8')).not.toContain(TOKEN);
    const restarted = createSyncTransportService({ fetch: server.fetch, safeStorage: fakeSafeStorage(false), statePath });
    expect(await restarted['sync:status']({})).toEqual({ serverUrl: SERVER, session: null });
  });

  it('signs out: the server revokes the token, the file forgets it', async () => {
    const statePath = path.join(dir, 'sync.json');
    const server = fakeServer({ 'POST /api/v1/login': loginOk, 'POST /api/v1/logout': (init) => ({ status: authed(init) ? 204 : 401 }) });
    const sync = createSyncTransportService({ fetch: server.fetch, safeStorage: fakeSafeStorage(), statePath });
    await sync['sync:login']({ serverUrl: SERVER, username: 'aigerim', password: 'secret' });
    expect(await sync['sync:logout']({})).toEqual({ ok: true });
    expect(server.calls.map((c) => `${c.init.method} ${new URL(c.url).pathname}`)).toEqual(['POST /api/v1/login', 'POST /api/v1/logout']);
    expect(await sync['sync:status']({})).toEqual({ serverUrl: SERVER, session: null });
    expect(await fsp.readFile(statePath, 'utf8')).not.toContain('enc:');
  });
});

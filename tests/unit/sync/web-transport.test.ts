// The browser host's sync transport: it talks only to the server that served the page, keeps the
// token in sessionStorage (never localStorage), forgets it when the server refuses it, and turns an
// unreachable server or an answer outside the contract into a failure the engine understands.
import { describe, expect, it, vi } from 'vitest';
import { SESSION_KEY, createWebSyncTransport } from '../../../renderer/src/sync/web-transport';
import { memoryStorage } from './support';
import { PULL_COMPACT_FEATURE, PULL_REMAINING_FEATURE, SYNC_FEATURES_HEADER } from '../../../shared/sync/contract';

const RECORD = '0190abcd-0000-7000-8000-000000000002';
const STAMP = '001795997094258-000000-clienta';

const ORIGIN = 'https://hattama.aktobe.kz';
const USER = { username: 'aigerim', displayName: 'Айгерим Серикова', role: 'clerk', regions: ['aktobe'], allRegions: false };
const TOKEN = 'tok_0123456789abcdef0123456789abcdef0123';

function server(answers: Record<string, () => { status: number; body?: unknown }>) {
  return vi.fn(async (url: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${new URL(url).pathname}`;
    const a = answers[key]?.() ?? { status: 404, body: { code: 'not_found', message: 'no', serverTime: 1 } };
    return new Response(a.body === undefined ? null : JSON.stringify(a.body), { status: a.status });
  });
}

describe('web sync transport', () => {
  it('signs in at its own origin only and keeps the session in sessionStorage', async () => {
    const storage = memoryStorage();
    const fetch = server({ 'POST /api/v1/login': () => ({ status: 200, body: { token: TOKEN, expiresAt: '2026-03-15T21:00:00.000Z', user: USER, serverTime: 5 } }) });
    const sync = createWebSyncTransport({ fetch, storage, origin: ORIGIN });
    expect(await sync.syncLogin({ serverUrl: 'https://other.example', username: 'aigerim', password: 'x' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(fetch).not.toHaveBeenCalled();
    const res = await sync.syncLogin({ serverUrl: `${ORIGIN}/`, username: 'aigerim', password: 'x' });
    expect(res).toEqual({ ok: true, value: { user: USER, expiresAt: '2026-03-15T21:00:00.000Z', serverTime: 5 } });
    expect(fetch.mock.calls[0]?.[1]?.credentials).toBe('omit');
    expect(JSON.parse(storage.map.get(SESSION_KEY) ?? '{}').token).toBe(TOKEN);
    expect(await sync.syncStatus({})).toEqual({ serverUrl: ORIGIN, session: { user: USER, expiresAt: '2026-03-15T21:00:00.000Z' } });
  });

  it('forgets a token the server refuses, and reports network and contract failures', async () => {
    const storage = memoryStorage();
    storage.setItem(SESSION_KEY, JSON.stringify({ token: TOKEN, user: USER, expiresAt: '2026-03-15T21:00:00.000Z' }));
    let answer: { status: number; body?: unknown } = { status: 200, body: { changes: [], docs: [], version: 'x', more: false, serverTime: 1 } };
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      if ((init?.headers as Record<string, string>).authorization !== `Bearer ${TOKEN}`) throw new Error('no token sent');
      if (answer.status === 0) throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify(answer.body), { status: answer.status });
    });
    const sync = createWebSyncTransport({ fetch, storage, origin: ORIGIN });
    expect(await sync.syncPull({ region: 'aktobe', since: 0, limit: 10 })).toMatchObject({ ok: false, error: { code: 'invalid_response' } });
    answer = { status: 0 };
    expect(await sync.syncPull({ region: 'aktobe', since: 0, limit: 10 })).toMatchObject({ ok: false, error: { code: 'network' } });
    answer = { status: 401, body: { code: 'unauthorized', message: 'The session has expired', serverTime: 1 } };
    expect(await sync.syncPull({ region: 'aktobe', since: 0, limit: 10 })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(storage.map.has(SESSION_KEY)).toBe(false);
    expect(await sync.syncPush({ schemaVersion: 1, clientId: 'c1', regionId: 'aktobe', entries: [] })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });

  it('names the protocol features it understands with every call, and reads a compact page as whole changes', async () => {
    const storage = memoryStorage();
    storage.setItem(SESSION_KEY, JSON.stringify({ token: TOKEN, user: USER, expiresAt: '2026-03-15T21:00:00.000Z' }));
    const compact = { version: 3, table: 'projects', recordId: RECORD, hlc: STAMP, values: { title: 'Завод', stage: 'design' } };
    const fetch = vi.fn(async () => new Response(JSON.stringify({ changes: [compact], docs: [], version: 3, more: true, remaining: 12, serverTime: 1 }), { status: 200 }));
    const sync = createWebSyncTransport({ fetch, storage, origin: ORIGIN });
    // A compact change is read as the change row it stands for.
    const changes = [{ version: 3, table: 'projects', recordId: RECORD, fields: { title: { value: 'Завод', hlc: STAMP }, stage: { value: 'design', hlc: STAMP } } }];
    expect(await sync.syncPull({ region: 'aktobe', since: 0, limit: 10 })).toEqual({ ok: true, value: { changes, docs: [], version: 3, more: true, remaining: 12, serverTime: 1 } });
    const headers = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers as Record<string, string>;
    expect(headers[SYNC_FEATURES_HEADER]?.split(',')).toEqual(expect.arrayContaining([PULL_REMAINING_FEATURE, PULL_COMPACT_FEATURE]));
  });

  it('served by a plain web server, signs in to no Hattama server: the status says so', async () => {
    // The static host of the web build (scripts/serve-web.mjs) answers a POST with 405 and no body.
    const fetch = vi.fn(async () => new Response(null, { status: 405 }));
    const sync = createWebSyncTransport({ fetch, storage: memoryStorage(), origin: ORIGIN });
    expect(await sync.syncLogin({ serverUrl: ORIGIN, username: 'aigerim', password: 'x' })).toEqual({
      ok: false, error: { code: 'not_found', message: 'HTTP 405: not an answer of the Hattama sync API', status: 405 },
    });
    // A page where JSON was expected (a catch-all web server answering 200 with its index.html).
    const page = createWebSyncTransport({ fetch: vi.fn(async () => new Response('<!doctype html>', { status: 200 })), storage: memoryStorage(), origin: ORIGIN });
    expect(await page.syncLogin({ serverUrl: ORIGIN, username: 'aigerim', password: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_response', status: 200 } });
    // A wrong password: the server's own 401, its status kept.
    const wrong = createWebSyncTransport({
      fetch: server({ 'POST /api/v1/login': () => ({ status: 401, body: { code: 'unauthorized', message: 'Wrong username or password.', serverTime: 1 } }) }), storage: memoryStorage(), origin: ORIGIN,
    });
    expect(await wrong.syncLogin({ serverUrl: ORIGIN, username: 'aigerim', password: 'x' })).toEqual({
      ok: false, error: { code: 'unauthorized', message: 'Wrong username or password.', serverTime: 1, status: 401 },
    });
  });

  it('served from a file (no http origin) has no server to sync with', async () => {
    const sync = createWebSyncTransport({ fetch: vi.fn(), storage: memoryStorage(), origin: null });
    expect(await sync.syncStatus({})).toEqual({ serverUrl: null, session: null });
    expect(await sync.syncLogin({ serverUrl: ORIGIN, username: 'a', password: 'b' })).toMatchObject({ ok: false });
  });
});

// The browser host's sync transport (DESIGN §4): the engine calls the server directly — the server
// that served the page, so the page's CSP (`connect-src 'self'`) allows it and no CORS is needed —
// and the token lives in sessionStorage only: closing the tab signs out. Every answer is parsed
// with the sync contract before the engine sees it.
import type { z } from 'zod';
import { CLIENT_SYNC_FEATURES, PULL_NEXT_HEADER, SYNC_API_PREFIX, SYNC_FEATURES_HEADER, loginResponseSchema, pullResponseSchema, pushResponseSchema, type PushRequest } from '@shared/sync/contract';
import {
  contractFailure, httpFailure, normaliseServerUrl, syncSessionSchema, type SyncHostStatus, type SyncPullRequest, type SyncResult, type SyncSession,
} from '@shared/bridge/sync';
import type { SyncTransport } from './transport';
import { requestJson, type HeaderGetter } from './request';
import { pullRequester, type PullRequester } from './pull-client';

/** Where the session is kept (sessionStorage): the token, the user and when it expires. */
export const SESSION_KEY = 'hattama.sync.session';

/** The parts of sessionStorage the transport uses. */
export type SessionStorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type WebSyncEnv = {
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  storage: SessionStorageLike | null;
  /** The origin the page was served from (`http://host:port`); null when it is not http(s) — no server then. */
  origin: string | null;
  /** Makes the pulls (the browser: in a worker, pull-client.ts); without it, `fetch` on this thread. */
  pull?: PullRequester;
};

type StoredSession = SyncSession & { token: string };

function readSession(storage: SessionStorageLike | null): StoredSession | null {
  const raw = storage?.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { token?: unknown };
    const session = syncSessionSchema.safeParse({ user: (parsed as SyncSession).user, expiresAt: (parsed as SyncSession).expiresAt });
    return session.success && typeof parsed.token === 'string' ? { ...session.data, token: parsed.token } : null;
  } catch {
    return null;
  }
}

/** The web environment of a window: its fetch, its sessionStorage, its origin. */
export function webSyncEnv(win: Window & typeof globalThis): WebSyncEnv {
  let storage: SessionStorageLike | null = null;
  try {
    storage = win.sessionStorage;
  } catch {
    storage = null; // storage blocked: sign-in lasts as long as the page
  }
  const origin = /^https?:$/.test(win.location.protocol) ? win.location.origin : null;
  const fetch = (input: string, init?: RequestInit) => win.fetch(input, init);
  return { fetch, storage, origin, pull: pullRequester(fetch, win.navigator?.hardwareConcurrency ?? 1) };
}

/**
 * The browser's sync transport.
 * @param env fetch, sessionStorage and the page's origin (tests pass their own)
 */
export function createWebSyncTransport(env: WebSyncEnv): SyncTransport & { sessionToken(): string | null } {
  let memory: StoredSession | null = null;
  const session = (): StoredSession | null => (env.storage ? readSession(env.storage) : memory);
  const keep = (s: StoredSession | null) => {
    memory = s;
    if (!env.storage) return;
    if (s) env.storage.setItem(SESSION_KEY, JSON.stringify(s));
    else env.storage.removeItem(SESSION_KEY);
  };

  /**
   * One call to the server: `schema` checks a successful answer. A pull (`pulled`) is made by
   * `env.pull` where the host gives one (the browser: in a worker), which checks it with the pull's
   * schema itself.
   */
  async function call<S extends z.ZodType>(path: string, init: RequestInit, schema: S | null, token?: string, pulled?: { onHeaders: (get: HeaderGetter) => void }): Promise<SyncResult<z.output<S> | null>> {
    if (!env.origin) return { ok: false, error: { code: 'network', message: 'This page was not served by a sync server.' } };
    const headers: Record<string, string> = { accept: 'application/json', [SYNC_FEATURES_HEADER]: CLIENT_SYNC_FEATURES };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const url = `${env.origin}${SYNC_API_PREFIX}${path}`;
    const request: RequestInit = { ...init, headers, credentials: 'omit', cache: 'no-store' };
    const answer = pulled && env.pull ? await env.pull(url, request, pulled.onHeaders) : await requestJson(env.fetch, url, request, schema, pulled?.onHeaders);
    if (answer.kind === 'network') return { ok: false, error: answer.failure };
    if (!answer.ok) {
      // The server's own error, or — a web server's 404/405, a proxy's 502 — an answer that is not Hattama's.
      const error = httpFailure(answer.status, answer.body, answer.retryAfter, Date.now());
      if (error.code === 'unauthorized' && token) keep(null);
      return { ok: false, error };
    }
    if (!schema) return { ok: true, value: null };
    return answer.valid ? { ok: true, value: answer.body as z.output<S> } : { ok: false, error: contractFailure(path, answer.status) };
  }

  const notSignedIn = { ok: false as const, error: { code: 'not_signed_in' as const, message: 'Sign in to sync.' } };

  return {
    /** The session's token, for the live channel's socket (web-live.ts) — this host's own use, not the bridge's. */
    sessionToken: () => session()?.token ?? null,

    async syncStatus(): Promise<SyncHostStatus> {
      const s = session();
      return { serverUrl: env.origin, session: s ? { user: s.user, expiresAt: s.expiresAt } : null };
    },

    async syncLogin({ serverUrl, username, password }) {
      if (!env.origin || normaliseServerUrl(serverUrl) !== env.origin) {
        return { ok: false, error: { code: 'bad_request', message: `The browser app syncs with the server it was opened from (${env.origin ?? 'none'}).` } };
      }
      const res = await call('/login', { method: 'POST', body: JSON.stringify({ username, password }) }, loginResponseSchema);
      if (!res.ok) return res;
      const login = res.value as z.output<typeof loginResponseSchema>;
      keep({ token: login.token, user: login.user, expiresAt: login.expiresAt });
      return { ok: true, value: { user: login.user, expiresAt: login.expiresAt, serverTime: login.serverTime } };
    },

    async syncLogout() {
      const s = session();
      keep(null);
      if (s) await call('/logout', { method: 'POST' }, null, s.token);
      return { ok: true };
    },

    async syncPush(request: PushRequest) {
      const s = session();
      if (!s) return notSignedIn;
      return call('/push', { method: 'POST', body: JSON.stringify(request) }, pushResponseSchema, s.token) as Promise<SyncResult<z.output<typeof pushResponseSchema>>>;
    },

    async syncPull({ region, since, limit }: SyncPullRequest, onNext?: (since: number) => void) {
      const s = session();
      if (!s) return notSignedIn;
      const query = new URLSearchParams({ region, since: String(since), limit: String(limit) });
      // Where the next page starts, from the headers: the engine asks for it while this body is read.
      const next = (get: HeaderGetter) => {
        const raw = get(PULL_NEXT_HEADER);
        const version = raw === null ? NaN : Number(raw);
        if (Number.isSafeInteger(version) && version > since) onNext?.(version);
      };
      return call(`/pull?${query.toString()}`, { method: 'GET' }, pullResponseSchema, s.token, { onHeaders: next }) as Promise<SyncResult<z.output<typeof pullResponseSchema>>>;
    },
  };
}

// The desktop host's sync transport (DESIGN §4, §7): the main process makes the sync server's HTTP
// calls for the renderer, whose CSP allows no network, and keeps the token — encrypted with the
// OS's safeStorage in a file of the profile — so the renderer never sees it. Every request is
// parsed with the bridge's schemas before it gets here (ipc.ts) and every answer from the server
// with the sync contract before it goes back. Plain Node with its platform parts injected.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CLIENT_SYNC_FEATURES, SYNC_API_PREFIX, SYNC_FEATURES_HEADER, loginResponseSchema, pullResponseSchema, pushResponseSchema, sessionUserSchema } from '../../shared/sync/contract';
import type { BridgeResponse } from '../../shared/bridge/contract';
import { contractFailure, httpFailure, jsonOrNull, networkFailure, type SyncResult } from '../../shared/bridge/sync';
import type { ParsedBridgeRequest } from './ipc';
import { writeFileAtomic } from './atomic-write';

/** The part of Electron's safeStorage the service uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface SyncTransportDeps {
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  readonly safeStorage: SafeStorageLike;
  /** The file that keeps the server's address and the encrypted session (in the profile). */
  readonly statePath: string;
  /** How long one call may take (ms). */
  readonly timeoutMs?: number;
  readonly warn?: (message: string, detail?: unknown) => void;
}

/** The sync channels' handlers. */
export type SyncChannel = 'sync:status' | 'sync:login' | 'sync:logout' | 'sync:push' | 'sync:pull';
export type SyncTransportService = { [C in SyncChannel]: (request: ParsedBridgeRequest<C>) => Promise<BridgeResponse<C>> } & {
  /** The server and the session's token for the live channel's socket (live-socket.service.ts) — never for the renderer. */
  liveCredentials(): Promise<{ serverUrl: string; token: string } | { reason: string }>;
};

/** What the state file holds. The token is stored only encrypted; without OS encryption it lives in memory. */
const stateSchema = z.object({
  serverUrl: z.string().max(500).nullable(),
  session: z
    .object({ user: sessionUserSchema, expiresAt: z.string(), token: z.string().max(4000).optional() })
    .strict()
    .nullable(),
});
type State = z.infer<typeof stateSchema>;
type Session = { user: z.infer<typeof sessionUserSchema>; expiresAt: string; token: string };

export const DEFAULT_SYNC_TIMEOUT_MS = 60_000;

/**
 * The sync transport of the desktop host.
 * @param deps fetch, safeStorage, the state file
 */
export function createSyncTransportService(deps: SyncTransportDeps): SyncTransportService {
  let serverUrl: string | null = null;
  let session: Session | null = null;
  let loaded: Promise<void> | null = null;

  const load = () =>
    (loaded ??= (async () => {
      let raw: string;
      try {
        raw = await readFile(deps.statePath, 'utf8');
      } catch {
        return; // first start
      }
      try {
        const state = stateSchema.parse(JSON.parse(raw));
        serverUrl = state.serverUrl;
        const s = state.session;
        if (s?.token && deps.safeStorage.isEncryptionAvailable()) {
          session = { user: s.user, expiresAt: s.expiresAt, token: deps.safeStorage.decryptString(Buffer.from(s.token, 'base64')) };
        }
      } catch (error) {
        deps.warn?.('Sync state ignored', error);
      }
    })());

  const save = async () => {
    const state: State = { serverUrl, session: null };
    if (session && deps.safeStorage.isEncryptionAvailable()) {
      state.session = { user: session.user, expiresAt: session.expiresAt, token: deps.safeStorage.encryptString(session.token).toString('base64') };
    }
    try {
      await mkdir(path.dirname(deps.statePath), { recursive: true });
      await writeFileAtomic(deps.statePath, JSON.stringify(state), { mode: 0o600 });
    } catch (error) {
      deps.warn?.('Sync state not saved', error);
    }
  };

  async function call<S extends z.ZodType>(method: 'GET' | 'POST', route: string, body: unknown, schema: S | null, token?: string): Promise<SyncResult<z.output<S> | null>> {
    if (!serverUrl) return { ok: false, error: { code: 'not_signed_in', message: 'No sync server is set.' } };
    const headers: Record<string, string> = { accept: 'application/json', [SYNC_FEATURES_HEADER]: CLIENT_SYNC_FEATURES };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await deps.fetch(`${serverUrl}${SYNC_API_PREFIX}${route}`, {
        method, headers, redirect: 'error',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(deps.timeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS),
      });
    } catch (error) {
      // Refused, timed out, no such host: the cause's code (ECONNREFUSED…) goes first in the message.
      return { ok: false, error: networkFailure(error) };
    }
    const json = jsonOrNull(await res.text().catch(() => ''));
    if (!res.ok) {
      // The server's own error, or — a web server's 404/405, a proxy's 502 — an answer that is not Hattama's.
      const error = httpFailure(res.status, json, res.headers.get('retry-after'), Date.now());
      if (error.code === 'unauthorized' && token && session?.token === token) {
        session = null; // expired or revoked: forget it
        await save();
      }
      return { ok: false, error };
    }
    if (!schema) return { ok: true, value: null };
    const parsed = schema.safeParse(json);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, error: contractFailure(route, res.status, serverUrl) };
  }

  const notSignedIn = { ok: false as const, error: { code: 'not_signed_in' as const, message: 'Sign in to sync.' } };

  return {
    async liveCredentials() {
      await load();
      if (!serverUrl) return { reason: 'No sync server is set.' };
      if (!session) return { reason: 'Sign in to work live.' };
      return { serverUrl, token: session.token };
    },

    'sync:status': async () => {
      await load();
      return { serverUrl, session: session ? { user: session.user, expiresAt: session.expiresAt } : null };
    },

    'sync:login': async ({ serverUrl: url, username, password }) => {
      await load();
      if (url !== serverUrl) {
        serverUrl = url;
        session = null;
      }
      const res = await call('POST', '/login', { username, password }, loginResponseSchema);
      if (!res.ok) {
        await save();
        return res;
      }
      const login = res.value as z.output<typeof loginResponseSchema>;
      session = { user: login.user, expiresAt: login.expiresAt, token: login.token };
      await save();
      return { ok: true, value: { user: login.user, expiresAt: login.expiresAt, serverTime: login.serverTime } };
    },

    'sync:logout': async () => {
      await load();
      const token = session?.token;
      session = null;
      await save();
      if (token) await call('POST', '/logout', undefined, null, token);
      return { ok: true };
    },

    'sync:push': async (request) => {
      await load();
      if (!session) return notSignedIn;
      return (await call('POST', '/push', request, pushResponseSchema, session.token)) as BridgeResponse<'sync:push'>;
    },

    'sync:pull': async ({ region, since, limit }) => {
      await load();
      if (!session) return notSignedIn;
      const query = new URLSearchParams({ region, since: String(since), limit: String(limit) });
      return (await call('GET', `/pull?${query.toString()}`, undefined, pullResponseSchema, session.token)) as BridgeResponse<'sync:pull'>;
    },
  };
}

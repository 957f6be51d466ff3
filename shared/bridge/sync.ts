// The sync channels of the bridge (DESIGN §4): in Electron the renderer's sync engine pushes and
// pulls through these, and the main process makes the HTTP calls with the token it keeps in
// safeStorage — the renderer never sees the token. Every answer is a result: the server's (or the
// network's) failure comes back as data with its code, so the engine can tell them apart.
import { z } from 'zod';
import {
  MAX_PULL_LIMIT, SYNC_ERROR_CODES, changeRowSchema, loginRequestSchema, pullResponseSchema, pushRequestSchema, pushResponseSchema, regionIdSchema, sessionUserSchema, syncErrorSchema,
} from '../sync/contract';
import { isoInstant } from '../domain/record';
import { parseStrictUrl } from '../security/urls';

/**
 * Failures that are not the server's answer: no connection (refused, timed out, no such host), an
 * answer that breaks the contract, no session, an address that is not a URL.
 */
export const TRANSPORT_FAILURE_CODES = ['network', 'invalid_response', 'not_signed_in', 'invalid_url'] as const;

/** The longest wait a Retry-After is taken for (a day). */
export const MAX_RETRY_AFTER_SECONDS = 86_400;

/** Why a sync call failed: a server error code, or one of {@link TRANSPORT_FAILURE_CODES}. */
export const syncFailureSchema = z
  .object({
    code: z.enum([...SYNC_ERROR_CODES, ...TRANSPORT_FAILURE_CODES]),
    message: z.string().max(2000),
    /** The server's clock when it answered (ms since the epoch), when it answered. */
    serverTime: z.number().int().optional(),
    /** With `seq_gap`: the last seq the server applied for this client. */
    lastSeq: z.number().int().nonnegative().optional(),
    /** With `bad_request` or `forbidden` of one pushed entry: that entry's seq. */
    entrySeq: z.number().int().positive().optional(),
    /** The HTTP status of the answer, when there was one (the UI shows it, for support). */
    status: z.number().int().min(100).max(599).optional(),
    /** With `rate_limited`: how long to wait before trying again (the answer's Retry-After), in seconds. */
    retryAfterSeconds: z.number().int().nonnegative().max(MAX_RETRY_AFTER_SECONDS).optional(),
  })
  .strict();
export type SyncFailure = z.infer<typeof syncFailureSchema>;
export type SyncFailureCode = SyncFailure['code'];

/**
 * Seconds to wait from a Retry-After header: a number of seconds or an HTTP date; null when
 * absent or unreadable.
 * @param now the clock, ms since the epoch (for a date)
 */
export function retryAfterSeconds(header: string | null | undefined, now: number): number | null {
  const text = header?.trim();
  if (!text) return null;
  const seconds = /^\d+$/.test(text) ? Number(text) : (Date.parse(text) - now) / 1000;
  return Number.isFinite(seconds) ? Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.ceil(seconds))) : null;
}

/**
 * A failed HTTP answer as a failure. A Hattama server answers with the contract's error body: it
 * is kept, with the status and the Retry-After. Anything else is not a Hattama server's answer —
 * a web server's 404 or 405 page, a proxy's login page — and is told by its status: 429 too many
 * attempts, 5xx a server error, any other `not_found` ("no Hattama server at this address").
 * @param body the answer's body parsed as JSON (null when it was not JSON)
 */
export function httpFailure(status: number, body: unknown, retryAfter: string | null, now: number): SyncFailure {
  const parsed = syncErrorSchema.safeParse(body);
  const wait = retryAfterSeconds(retryAfter, now);
  const code = parsed.success ? parsed.data.code : status === 429 ? 'rate_limited' : status >= 500 ? 'server_error' : 'not_found';
  const message = parsed.success ? parsed.data.message : `HTTP ${status}: not an answer of the Hattama sync API`;
  return {
    ...(parsed.success ? parsed.data : {}), code, message,
    ...(status >= 100 && status <= 599 ? { status } : {}), ...(wait !== null && code === 'rate_limited' ? { retryAfterSeconds: wait } : {}),
  };
}

/** An answer's body as JSON; null when it is empty or not JSON (a web page, a proxy's error text). */
export function jsonOrNull(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * A request that got no answer as a failure: the address is not a URL (`invalid_url`), or the
 * server did not answer (`network`: refused, timed out, no such host). The message starts with the
 * cause's code (ECONNREFUSED, ENOTFOUND, TimeoutError…) for support.
 */
export function networkFailure(error: unknown): SyncFailure {
  const e = error instanceof Error ? (error as Error & { code?: unknown; cause?: { code?: unknown } }) : null;
  const causeCode = typeof e?.cause?.code === 'string' ? e.cause.code : typeof e?.code === 'string' ? e.code : null;
  const message = e ? e.message : String(error);
  if (causeCode === 'ERR_INVALID_URL' || /invalid url|failed to parse url/i.test(message)) {
    return { code: 'invalid_url', message: `invalid_server_url: ${message}`.slice(0, 2000) };
  }
  const tag = e?.name === 'TimeoutError' ? 'TimeoutError' : (causeCode ?? e?.name ?? 'Error');
  return { code: 'network', message: `${tag}: ${message}`.slice(0, 2000) };
}

/**
 * An answer with a success status whose body is not what the sync contract says (a web page where
 * the API should be): `invalid_response`, with the status. The route is named without its query.
 */
export function contractFailure(route: string, status: number, serverUrl?: string): SyncFailure {
  const who = serverUrl ? `of ${serverUrl}` : 'of the server';
  return { code: 'invalid_response', message: `The answer ${who} to ${route.split('?')[0]} does not match the sync contract.`.slice(0, 2000), status };
}

/** A call's answer: the value, or why it failed. */
export function syncResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }).strict(),
    z.object({ ok: z.literal(false), error: syncFailureSchema }).strict(),
  ]);
}
export type SyncResult<T> = { ok: true; value: T } | { ok: false; error: SyncFailure };

/** Whether a URL may be a sync server's address: http(s), a host, no credentials, no query or fragment. */
export function isSyncServerUrl(url: string): boolean {
  const u = parseStrictUrl(url);
  return !!u && (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && u.hostname.length > 0 && !/[?#\\]/.test(url);
}

/** The address as stored and shown: no trailing slash (`https://hattama.aktobe.kz`). */
export function normaliseServerUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** A sync server's address. */
export const syncServerUrlSchema = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .refine(isSyncServerUrl, { message: 'invalid_server_url' })
  .transform(normaliseServerUrl);

/** Who is signed in on this install, and until when (no token: that stays with the host). */
export const syncSessionSchema = z.object({ user: sessionUserSchema, expiresAt: isoInstant }).strict();
export type SyncSession = z.infer<typeof syncSessionSchema>;

/** `sync:status`: the server's address and the session, if any. */
export const syncStatusResponseSchema = z
  .object({ serverUrl: z.string().max(500).nullable(), session: syncSessionSchema.nullable() })
  .strict();
export type SyncHostStatus = z.infer<typeof syncStatusResponseSchema>;

/** `sync:login`: signs in at `serverUrl` (which becomes the server of this install). */
export const syncLoginRequestSchema = loginRequestSchema.extend({ serverUrl: syncServerUrlSchema }).strict();
export const syncLoginResponseSchema = syncResultSchema(syncSessionSchema.extend({ serverTime: z.number().int() }).strict());

/** `sync:pull`: a page of the region's log after `since`. */
export const syncPullRequestSchema = z
  .object({ region: regionIdSchema, since: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), limit: z.number().int().min(1).max(MAX_PULL_LIMIT) })
  .strict();
export type SyncPullRequest = z.infer<typeof syncPullRequestSchema>;

export const syncPushResultSchema = syncResultSchema(pushResponseSchema);
/**
 * A pull page as the bridge carries it: whole change rows only — the main process has read any
 * compact change (PULL_COMPACT_FEATURE) as the change row it stands for.
 */
export const syncPullResultSchema = syncResultSchema(pullResponseSchema.extend({ changes: z.array(changeRowSchema) }));

/** The sync channels' entries of the bridge contract (shared/bridge/contract.ts spreads them in). */
export const syncBridgeContract = {
  /** The server's address and who is signed in. */
  'sync:status': { method: 'syncStatus', request: z.object({}).strict(), response: syncStatusResponseSchema },
  /** Signs in; the host keeps the token (Electron: encrypted with safeStorage; browser: for the session only). */
  'sync:login': { method: 'syncLogin', request: syncLoginRequestSchema, response: syncLoginResponseSchema },
  /** Signs out: the server revokes the token, the host forgets it (also when the server cannot be reached). */
  'sync:logout': { method: 'syncLogout', request: z.object({}).strict(), response: z.object({ ok: z.boolean() }).strict() },
  /** Pushes a batch of outbox entries. */
  'sync:push': { method: 'syncPush', request: pushRequestSchema, response: syncPushResultSchema },
  /** Pulls a page of the log. */
  'sync:pull': { method: 'syncPull', request: syncPullRequestSchema, response: syncPullResultSchema },
} as const;

// The sync channels of the bridge (DESIGN §4): in Electron the renderer's sync engine pushes and
// pulls through these, and the main process makes the HTTP calls with the token it keeps in
// safeStorage — the renderer never sees the token. Every answer is a result: the server's (or the
// network's) failure comes back as data with its code, so the engine can tell them apart.
import { z } from 'zod';
import {
  MAX_PULL_LIMIT, SYNC_ERROR_CODES, loginRequestSchema, pullResponseSchema, pushRequestSchema, pushResponseSchema, regionIdSchema, sessionUserSchema,
} from '../sync/contract';
import { isoInstant } from '../domain/record';
import { parseStrictUrl } from '../security/urls';

/** Failures that are not the server's answer: no connection, an answer that breaks the contract, no session. */
export const TRANSPORT_FAILURE_CODES = ['network', 'invalid_response', 'not_signed_in'] as const;

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
  })
  .strict();
export type SyncFailure = z.infer<typeof syncFailureSchema>;
export type SyncFailureCode = SyncFailure['code'];

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
export const syncPullResultSchema = syncResultSchema(pullResponseSchema);

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

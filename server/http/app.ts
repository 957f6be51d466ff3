// The HTTP API (versioned under /api/v1) and the built web app, on Fastify. Every body and query
// is parsed with the zod schemas of shared/sync/contract.ts; every error answers with a code of
// SYNC_ERROR_CODES and a message. See server/README.md for the endpoints.
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { z } from 'zod';
import {
  MIN_SYNC_SCHEMA_VERSION, PULL_COMPACT_FEATURE, PULL_NEXT_HEADER, PULL_REMAINING_FEATURE, SYNC_API_PREFIX, SYNC_FEATURES_HEADER, SYNC_SCHEMA_VERSION, loginRequestSchema, pullQuerySchema, pushRequestSchema,
  type HealthResponse, type LoginResponse, type SessionResponse, type SyncError,
} from '../../shared/sync/contract';
import { cspHeader } from '../../shared/security/csp';
import { sqlState, type Database } from '../db/database';
import type { Caller } from '../auth/caller';
import { DEFAULT_LOGIN_LIMITS, callerForToken, login, logout, sessionUser, type LoginLimits } from '../auth/users';
import { push } from '../sync/push';
import { pull } from '../sync/pull';
import { ApiError, fail } from './errors';
import { registerLive } from '../live/route';

export type AppOptions = {
  db: Database;
  /** The server's clock (tests move it); default Date.now. */
  now?: () => number;
  /** The built web app to serve at `/` (null: none). */
  webRoot?: string | null;
  /** How long a token lives (ms); default 12 h. */
  tokenTtlMs?: number;
  /** Largest push body (bytes); default 32 MiB. Other bodies: 64 KiB. */
  pushBodyLimit?: number;
  /** Trust X-Forwarded-For from a load balancer (the login rate limit keys on the address). */
  trustProxy?: boolean;
  loginLimits?: LoginLimits;
  /** A document with this many stored updates is compacted. */
  docCompactAt?: number;
  logger?: boolean;
  /**
   * Fault injection for tests: called inside the push transaction before COMMIT, after COMMIT
   * before the reply, and when a pull page that brings something is read but not yet sent.
   */
  faults?: { pushBeforeCommit?: () => void; pushAfterCommit?: () => void; pullBeforeReply?: () => void };
};

export const DEFAULT_TOKEN_TTL_MS = 12 * 60 * 60 * 1000;
export const DEFAULT_PUSH_BODY_LIMIT = 32 * 1024 * 1024;
const SMALL_BODY_LIMIT = 64 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

/** Parses `data` with `schema`, or answers 400 with the first issues. */
function parse<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`);
  fail('bad_request', `Invalid request — ${issues.join('; ')}`.slice(0, 2000), entryOf(result.error, data));
}

/** When every issue lies in one pushed entry that carries a seq: that seq (the client sets the entry aside). */
function entryOf(error: z.ZodError, data: unknown): { entrySeq?: number } {
  const [first] = error.issues;
  if (!first || first.path[0] !== 'entries' || typeof first.path[1] !== 'number') return {};
  const index = first.path[1];
  if (!error.issues.every((i) => i.path[0] === 'entries' && i.path[1] === index)) return {};
  const entries = (data as { entries?: unknown } | null)?.entries;
  const seq = Array.isArray(entries) ? (entries[index] as { seq?: unknown } | null)?.seq : undefined;
  return typeof seq === 'number' && Number.isInteger(seq) && seq > 0 ? { entrySeq: seq } : {};
}

/** The security headers of every answer; the page's CSP is the browser host's (connect-src 'self': this server). */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': cspHeader('browser'),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { db } = opts;
  const now = opts.now ?? Date.now;
  const ttl = opts.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: SMALL_BODY_LIMIT, trustProxy: opts.trustProxy ?? false, return503OnClosing: true });
  app.decorateRequest('caller', null);
  // Answers are gzipped when the client accepts it (browsers and Node's fetch in the desktop app's
  // main process do): a first sync's pages of 5,000 changes are ~4.7 MB of JSON each and ~0.45 MB
  // gzipped, which is what a clerk's connection at a plant carries. Request bodies are taken only
  // as sent (no compressed pushes), so a body limit stays a limit on what the server parses.
  await app.register(fastifyCompress, { global: true, globalDecompression: false, encodings: ['gzip', 'deflate'], threshold: 1024 });

  const sendError = (reply: FastifyReply, status: number, body: SyncError) => {
    if (status === 401) reply.header('www-authenticate', 'Bearer');
    return reply.code(status).header('cache-control', 'no-store').send(body);
  };

  app.addHook('onSend', async (req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    const serverTime = now();
    if (err instanceof ApiError) return sendError(reply, err.status, { code: err.code, message: err.message, serverTime, ...err.extra });
    if (err.statusCode === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(reply, 413, { code: 'payload_too_large', message: 'The request body is larger than this endpoint accepts; push fewer entries at once.', serverTime });
    }
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(reply, err.statusCode, { code: 'bad_request', message: err.message.slice(0, 2000), serverTime });
    }
    const state = sqlState(err);
    if (state && (state.startsWith('22') || state.startsWith('54'))) {
      // The database refused a value (data exception, program limit): the request's fault.
      return sendError(reply, 400, { code: 'bad_request', message: `The database refused a value: ${err.message}`.slice(0, 2000), serverTime });
    }
    req.log.error(err);
    console.error(`[${new Date(serverTime).toISOString()}] ${req.method} ${req.url}:`, err);
    return sendError(reply, 500, { code: 'server_error', message: 'Internal server error; the change was not stored. Try again later.', serverTime });
  });

  app.setNotFoundHandler((req, reply) =>
    sendError(reply, 404, { code: 'not_found', message: `${req.method} ${req.url.split('?')[0]?.slice(0, 200)} does not exist.`, serverTime: now() }),
  );

  /** The caller of a bearer token, or 401. */
  const callerOfToken = async (token: string | null): Promise<Caller> => {
    if (!token) fail('unauthorized', 'Sign in: this request needs an Authorization: Bearer token.');
    const caller = await callerForToken(db, token, now());
    if (!caller) fail('unauthorized', 'The session has expired or the token is not valid; sign in again.');
    return caller;
  };
  /** Resolves the bearer token to the caller, or answers 401. */
  const authenticate = async (req: FastifyRequest) => {
    const header = req.headers.authorization;
    const m = typeof header === 'string' ? /^Bearer ([^\s]+)$/i.exec(header.trim()) : null;
    req.caller = await callerOfToken(m?.[1] ?? null);
  };

  // The live channel (minutes typed by two clerks at once): a WebSocket beside the API.
  const liveOptions: Parameters<typeof registerLive>[1] = { db, now, authenticate: (_req, token) => callerOfToken(token) };
  if (opts.docCompactAt !== undefined) liveOptions.compactAt = opts.docCompactAt;
  await registerLive(app, liveOptions);
  const callerOf = (req: FastifyRequest): Caller => {
    if (!req.caller) fail('unauthorized', 'Sign in first.');
    return req.caller;
  };

  await app.register(async (api) => {
    api.get('/health', async (): Promise<HealthResponse> => {
      await db.query('SELECT 1');
      return { status: 'ok', schemaVersion: SYNC_SCHEMA_VERSION, minSchemaVersion: MIN_SYNC_SCHEMA_VERSION, serverTime: now() };
    });

    api.post('/login', { bodyLimit: 8 * 1024 }, async (req, reply): Promise<LoginResponse | undefined> => {
      const body = parse(loginRequestSchema, req.body);
      const result = await login(db, body.username, body.password, req.ip, now(), ttl, opts.loginLimits ?? DEFAULT_LOGIN_LIMITS);
      if (!result.ok) {
        if (result.reason === 'rate_limited') {
          const seconds = Math.ceil(result.retryAfterMs / 1000);
          reply.header('retry-after', String(seconds));
          fail('rate_limited', `Too many failed sign-ins for ${body.username}; try again in ${Math.ceil(seconds / 60)} min.`);
        }
        fail('unauthorized', 'Wrong username or password.');
      }
      return { token: result.token, expiresAt: result.caller.expiresAt.toISOString(), user: sessionUser(result.caller), serverTime: now() };
    });

    api.post('/logout', { preHandler: authenticate }, async (req, reply) => {
      await logout(db, callerOf(req).tokenHash);
      return reply.code(204).send();
    });

    api.get('/session', { preHandler: authenticate }, async (req): Promise<SessionResponse> => {
      const caller = callerOf(req);
      return { expiresAt: caller.expiresAt.toISOString(), user: sessionUser(caller), serverTime: now() };
    });

    api.post('/push', { preHandler: authenticate, bodyLimit: opts.pushBodyLimit ?? DEFAULT_PUSH_BODY_LIMIT }, async (req) => {
      const body = parse(pushRequestSchema, req.body);
      const pushOpts: Parameters<typeof push>[3] = { now: now() };
      if (opts.docCompactAt !== undefined) pushOpts.compactAt = opts.docCompactAt;
      if (opts.faults?.pushBeforeCommit) pushOpts.beforeCommit = opts.faults.pushBeforeCommit;
      const result = await push(db, callerOf(req), body, pushOpts);
      opts.faults?.pushAfterCommit?.();
      return result;
    });

    api.get('/pull', { preHandler: authenticate }, async (req, reply) => {
      const query = parse(pullQuerySchema, req.query);
      const features = String(req.headers[SYNC_FEATURES_HEADER] ?? '').split(',').map((f) => f.trim());
      const page = await pull(db, callerOf(req), query, now(), { remaining: features.includes(PULL_REMAINING_FEATURE), compact: features.includes(PULL_COMPACT_FEATURE) });
      if (page.changes.length + page.docs.length > 0) opts.faults?.pullBeforeReply?.();
      // Where the next page starts, readable before the body (a client asks for it at once).
      if (page.more) void reply.header(PULL_NEXT_HEADER, String(page.version));
      return page;
    });
  }, { prefix: SYNC_API_PREFIX });

  const webRoot = opts.webRoot === undefined ? null : opts.webRoot;
  if (webRoot && existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: path.resolve(webRoot),
      prefix: '/',
      index: 'index.html',
      decorateReply: false,
      cacheControl: false,
      setHeaders: (res, file) => {
        res.setHeader('cache-control', file.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
      },
    });
  } else if (webRoot) {
    app.get('/', async (_req, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send(`The web app is not built (${webRoot}/index.html is missing): run npm run build:web.`),
    );
  }
  return app;
}

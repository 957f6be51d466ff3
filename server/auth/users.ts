// Users, region grants, tokens and the login rate limit, in the database. Tokens are 32 random
// bytes (base64url) handed to the client once; the server keeps only their SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser, UserRole } from '../../shared/sync/contract';
import { toNumber, type Database } from '../db/database';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import type { Caller } from './caller';

/** The region id that grants every region. */
export const ALL_REGIONS = '*';

export type NewUser = { username: string; displayName: string; role: UserRole; regions: string[]; password: string };

export type UserRow = { id: number; username: string; displayName: string; role: UserRole; regions: string[]; disabled: boolean };

export class UserExistsError extends Error {}

export async function createUser(db: Database, u: NewUser): Promise<number> {
  const passwordHash = await hashPassword(u.password);
  return db.transaction(async (tx) => {
    const existing = await tx.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [u.username]);
    if (existing.length > 0) throw new UserExistsError(`User ${u.username} exists`);
    const [row] = await tx.query<{ id: unknown }>(
      'INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id',
      [u.username, u.displayName, u.role, passwordHash],
    );
    const id = toNumber(row?.id);
    await tx.query(
      'INSERT INTO region_grants (user_id, region_id) SELECT $1, r FROM jsonb_array_elements_text($2::jsonb) AS r ON CONFLICT DO NOTHING',
      [id, JSON.stringify(u.regions)],
    );
    return id;
  });
}

export async function listUsers(db: Database): Promise<UserRow[]> {
  const rows = await db.query<{ id: unknown; username: string; display_name: string; role: UserRole; regions: string[] | null; disabled_at: Date | null }>(
    `SELECT u.id, u.username, u.display_name, u.role, u.disabled_at,
            (SELECT array_agg(region_id ORDER BY region_id) FROM region_grants g WHERE g.user_id = u.id) AS regions
     FROM users u ORDER BY lower(u.username)`,
  );
  return rows.map((r) => ({ id: toNumber(r.id), username: r.username, displayName: r.display_name, role: r.role, regions: r.regions ?? [], disabled: r.disabled_at !== null }));
}

/** Sets a new password and signs the user out everywhere; false when no such user. */
export async function setPassword(db: Database, username: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: unknown }>('UPDATE users SET password_hash = $2 WHERE lower(username) = lower($1) RETURNING id', [username, passwordHash]);
    if (rows.length === 0) return false;
    await tx.query('DELETE FROM tokens WHERE user_id = $1', [toNumber(rows[0]!.id)]);
    return true;
  });
}

/** Disables a user (kept for the log's names) and revokes their tokens; false when no such user. */
export async function disableUser(db: Database, username: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: unknown }>('UPDATE users SET disabled_at = now() WHERE lower(username) = lower($1) RETURNING id', [username]);
    if (rows.length === 0) return false;
    await tx.query('DELETE FROM tokens WHERE user_id = $1', [toNumber(rows[0]!.id)]);
    return true;
  });
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** A bearer token's shape: 32 bytes base64url. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

type CallerRow = { user_id: unknown; username: string; display_name: string; role: UserRole; expires_at: Date; regions: string[] | null };

function toCaller(r: CallerRow, tokenHash: Buffer): Caller {
  const regions = r.regions ?? [];
  return {
    userId: toNumber(r.user_id), username: r.username, displayName: r.display_name, role: r.role,
    regions: new Set(regions.filter((g) => g !== ALL_REGIONS)), allRegions: regions.includes(ALL_REGIONS),
    tokenHash, expiresAt: new Date(r.expires_at),
  };
}

export function sessionUser(c: Caller): SessionUser {
  return { username: c.username, displayName: c.displayName, role: c.role, regions: [...c.regions].sort(), allRegions: c.allRegions };
}

const CALLER_SQL = `SELECT u.id AS user_id, u.username, u.display_name, u.role, t.expires_at,
       (SELECT array_agg(region_id ORDER BY region_id) FROM region_grants g WHERE g.user_id = u.id) AS regions
  FROM tokens t JOIN users u ON u.id = t.user_id
  WHERE t.token_hash = $1 AND t.expires_at > $2 AND u.disabled_at IS NULL`;

/** The caller a bearer token belongs to, or null (unknown, forged, expired, user disabled). */
export async function callerForToken(db: Database, token: string, now: number): Promise<Caller | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const tokenHash = hashToken(token);
  const [row] = await db.query<CallerRow>(CALLER_SQL, [tokenHash, new Date(now)]);
  return row ? toCaller(row, tokenHash) : null;
}

export type LoginLimits = {
  /** Failed sign-ins allowed per username and address within the window. */
  maxFailures: number;
  /** Failed sign-ins allowed per address (any usernames) within the window. */
  maxFailuresPerAddress: number;
  windowMs: number;
};
export const DEFAULT_LOGIN_LIMITS: LoginLimits = { maxFailures: 5, maxFailuresPerAddress: 50, windowMs: 15 * 60 * 1000 };

export type LoginResult =
  | { ok: true; token: string; caller: Caller }
  | { ok: false; reason: 'rate_limited'; retryAfterMs: number }
  | { ok: false; reason: 'invalid' };

/**
 * Checks a username and password. Failed attempts are counted in the database (so every server
 * behind a load balancer shares the count) per `username|address` and per address; past a limit
 * within the window the sign-in is refused without checking the password until the window ends.
 */
export async function login(db: Database, username: string, password: string, address: string, now: number, ttlMs: number, limits = DEFAULT_LOGIN_LIMITS): Promise<LoginResult> {
  const userKey = `${username.toLowerCase()}|${address}`;
  const addressKey = `*|${address}`;
  const counts = await db.query<{ key: string; failures: number; window_start: Date }>(
    'SELECT key, failures, window_start FROM login_failures WHERE key IN ($1, $2)',
    [userKey, addressKey],
  );
  for (const c of counts) {
    const max = c.key === addressKey ? limits.maxFailuresPerAddress : limits.maxFailures;
    const endsAt = new Date(c.window_start).getTime() + limits.windowMs;
    if (c.failures >= max && endsAt > now) return { ok: false, reason: 'rate_limited', retryAfterMs: endsAt - now };
  }
  const [user] = await db.query<{ id: unknown; password_hash: string }>(
    'SELECT id, password_hash FROM users WHERE lower(username) = lower($1) AND disabled_at IS NULL',
    [username],
  );
  const valid = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  const windowStart = new Date(now - limits.windowMs);
  if (!user || !valid) {
    await db.query(
      `INSERT INTO login_failures (key, failures, window_start) SELECT k, 1, $2 FROM unnest(ARRAY[$1::text, $4::text]) AS k
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_failures.window_start <= $3 THEN 1 ELSE login_failures.failures + 1 END,
         window_start = CASE WHEN login_failures.window_start <= $3 THEN EXCLUDED.window_start ELSE login_failures.window_start END`,
      [userKey, new Date(now), windowStart, addressKey],
    );
    return { ok: false, reason: 'invalid' };
  }
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashToken(token);
  const expiresAt = new Date(now + ttlMs);
  const userId = toNumber(user.id);
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM login_failures WHERE key = $1 OR window_start <= $2', [userKey, windowStart]);
    await tx.query('DELETE FROM tokens WHERE expires_at <= $1', [new Date(now)]);
    await tx.query('INSERT INTO tokens (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [tokenHash, userId, expiresAt]);
  });
  const caller = await callerForToken(db, token, now);
  if (!caller) throw new Error('token just issued was not found');
  return { ok: true, token, caller };
}

/** Revokes one token. */
export async function logout(db: Database, tokenHash: Buffer): Promise<void> {
  await db.query('DELETE FROM tokens WHERE token_hash = $1', [tokenHash]);
}

// Helpers of the sync server's tests: the databases to run on (PGlite always; PostgreSQL when
// HATTAMA_TEST_PG_URL is set — required when CI is set), a fresh schema per test, the users every
// test signs in as, an HTTP client that talks to an in-process app or to a spawned server, and a
// test client that keeps an outbox sequence, an HLC and a replica built from what it pulls.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { SET_FIELDS, SYNC_SCHEMA_VERSION, type OutboxEntry, type OutboxItem, type PullResponse, type SyncedTable } from '../../shared/sync/contract';
import { formatHlc, initialHlc, tickHlc, type Hlc } from '../../shared/sync/hlc';
import { mergeChanges, type FieldClocks } from '../../shared/sync/merge';
import type { Database } from '../../server/db/database';
import { pgliteDatabase } from '../../server/db/pglite';
import { openPostgres } from '../../server/db/postgres';
import { migrate } from '../../server/db/migrate';
import { hashPassword } from '../../server/auth/passwords';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PG_URL = process.env.HATTAMA_TEST_PG_URL || null;

export type DbKind = 'pglite' | 'postgres';

/** The databases the suites run on; on CI a missing PostgreSQL is an error, not a skip. */
export function dbKinds(): DbKind[] {
  return PG_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** Throws when CI is set and HATTAMA_TEST_PG_URL is not (the PostgreSQL suite must run there). */
export function assertPostgresOnCi(): void {
  if (process.env.CI && !PG_URL) {
    throw new Error('CI is set but HATTAMA_TEST_PG_URL is not: the sync server must be tested on PostgreSQL too (.ci/run starts it).');
  }
}

export function freshSchemaName(): string {
  return `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

let sharedPglite: Promise<PGlite> | null = null;

/** One in-memory PGlite per test file; each test gets its own schema in it. */
function pgliteInstance(): Promise<PGlite> {
  sharedPglite ??= PGlite.create('memory://');
  return sharedPglite;
}

export async function closeSharedPglite(): Promise<void> {
  if (sharedPglite) await (await sharedPglite).close();
  sharedPglite = null;
}

/** A migrated database in a fresh schema; `drop` removes the schema and closes. */
export async function openTestDb(kind: DbKind, schema = freshSchemaName()): Promise<{ db: Database; drop: () => Promise<void> }> {
  const db = kind === 'pglite' ? await pgliteDatabase(await pgliteInstance(), schema) : await openPostgres(PG_URL!, schema, 8);
  await migrate(db);
  return {
    db,
    drop: async () => {
      // Work a closed server still had under way (a live update being stored) may hold locks the
      // drop takes in another order: PostgreSQL then picks the drop as the deadlock's victim. Again.
      for (let attempt = 1; ; attempt++) {
        try {
          await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          break;
        } catch (e) {
          if ((e as { code?: string }).code !== '40P01' || attempt >= 5) throw e;
          await new Promise((r) => setTimeout(r, 100 * attempt));
        }
      }
      await db.close(); // the shared PGlite stays open (its wrapper does not own it)
    },
  };
}

export const PASSWORD = 'correct horse battery';

/** The users of every test: two clerks of Aktobe, a clerk of Astana, a viewer of Aktobe, an admin of all regions. */
export const USERS = {
  aigerim: { username: 'aigerim', displayName: 'Айгерим Серикова', role: 'clerk', regions: ['aktobe'] },
  daulet: { username: 'daulet', displayName: 'Даулет Нурланов', role: 'clerk', regions: ['aktobe'] },
  astana: { username: 'astana-clerk', displayName: 'Марат Астанов', role: 'clerk', regions: ['astana'] },
  viewer: { username: 'viewer', displayName: 'Наблюдатель', role: 'viewer', regions: ['aktobe'] },
  admin: { username: 'admin', displayName: 'Администратор', role: 'admin', regions: ['*'] },
} as const;

let passwordHash: Promise<string> | null = null;

/** Creates {@link USERS} (all with {@link PASSWORD}, hashed once per test file: scrypt is slow on purpose). */
export async function createTestUsers(db: Database): Promise<void> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  for (const u of Object.values(USERS)) {
    const [row] = await db.query<{ id: unknown }>('INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id', [u.username, u.displayName, u.role, hash]);
    for (const r of u.regions) await db.query('INSERT INTO region_grants (user_id, region_id) VALUES ($1, $2)', [row?.id, r]);
  }
}

/** A fingerprint of every table the sync writes (to prove a refused request changed nothing). */
export async function fingerprint(db: Database): Promise<string> {
  const parts: string[] = [];
  for (const [table, order] of [['records', 'region_id, tbl, id'], ['changes', 'version'], ['doc_updates', 'version'], ['conflicts', 'id'], ['clients', 'client_id']] as const) {
    const [row] = await db.query<{ n: unknown; h: string | null }>(`SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY ${order})) AS h FROM ${table} t`);
    parts.push(`${table}:${String(row?.n)}:${row?.h ?? ''}`);
  }
  return parts.join(' ');
}

// ---- HTTP -------------------------------------------------------------------------------------

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked by assertions and the contract's schemas
export type HttpResponse = { status: number; body: any; headers: Record<string, string | string[] | undefined>; text: string };
export type HttpRequest = { method: 'GET' | 'POST'; url: string; token?: string; json?: unknown; raw?: string | Buffer; contentType?: string; headers?: Record<string, string>; remoteAddress?: string };
export type Http = (req: HttpRequest) => Promise<HttpResponse>;

function parseText(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

function headersOf(req: HttpRequest): Record<string, string> {
  const headers: Record<string, string> = { ...req.headers };
  if (req.token !== undefined) headers.authorization = `Bearer ${req.token}`;
  if (req.json !== undefined || req.raw !== undefined) headers['content-type'] = req.contentType ?? 'application/json';
  return headers;
}

/** Requests to an in-process app (no socket). */
export function injectHttp(app: FastifyInstance): Http {
  return async (req) => {
    const payload = req.raw ?? (req.json !== undefined ? JSON.stringify(req.json) : undefined);
    const res = await app.inject({ method: req.method, url: req.url, headers: headersOf(req), ...(payload !== undefined ? { payload } : {}), remoteAddress: req.remoteAddress ?? '127.0.0.1' });
    return { status: res.statusCode, text: res.body, body: parseText(res.body), headers: res.headers as HttpResponse['headers'] };
  };
}

/** Requests over loopback to a running server. */
export function fetchHttp(baseUrl: string): Http {
  return async (req) => {
    const raw = req.raw ?? (req.json !== undefined ? JSON.stringify(req.json) : undefined);
    const body = typeof raw === 'string' || raw === undefined ? raw : new Uint8Array(raw);
    const res = await fetch(baseUrl + req.url, { method: req.method, headers: headersOf(req), ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    return { status: res.status, text, body: parseText(text), headers: Object.fromEntries(res.headers.entries()) };
  };
}

export async function signIn(http: Http, username: string, password = PASSWORD): Promise<string> {
  const res = await http({ method: 'POST', url: '/api/v1/login', json: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.text}`);
  return res.body.token as string;
}

// ---- A test client ----------------------------------------------------------------------------

export const newId = (): string => uuidv7();

type Replica = { table: SyncedTable; fields: Record<string, unknown>; clocks: FieldClocks };

/**
 * A sync client as the renderer's engine will be: an outbox sequence, a hybrid logical clock
 * over `now`, a pull cursor and a replica merged from the pulled changes.
 */
export class TestClient {
  seq = 0;
  cursor = 0;
  clock: Hlc;
  readonly replica = new Map<string, Replica>();
  readonly docs = new Map<string, string[]>();

  constructor(
    /** Where requests go (re-pointed when a test restarts the server). */
    public http: Http,
    readonly token: string,
    readonly region: string,
    readonly clientId = `c${randomBytes(6).toString('hex')}`,
    readonly now: () => number = Date.now,
  ) {
    this.clock = initialHlc(this.clientId);
  }

  stamp(atMs = this.now()): string {
    this.clock = tickHlc(this.clock, atMs);
    return formatHlc(this.clock);
  }

  /** An outbox entry (next seq) changing `fields` of a record, stamped now (or at `atMs`). */
  entry(table: SyncedTable, recordId: string, fields: Record<string, unknown>, opts: { base?: Record<string, string | null>; atMs?: number; op?: OutboxEntry['op'] } = {}): OutboxEntry {
    // One change, one stamp on every field it writes (as the app's repository stamps them).
    const out: OutboxEntry['fields'] = {};
    const hlc = this.stamp(opts.atMs);
    for (const [name, value] of Object.entries(fields)) out[name] = { value, hlc };
    const e: OutboxEntry = { seq: ++this.seq, clientId: this.clientId, table, recordId, op: opts.op ?? 'upsert', fields: out, at: new Date(this.now()).toISOString() };
    if (opts.base) e.base = opts.base;
    return e;
  }

  docEntry(docId: string, update: Uint8Array): OutboxItem {
    return { seq: ++this.seq, clientId: this.clientId, kind: 'doc', docId, update: Buffer.from(update).toString('base64'), at: new Date(this.now()).toISOString() };
  }

  body(entries: OutboxItem[]): unknown {
    return { schemaVersion: SYNC_SCHEMA_VERSION, clientId: this.clientId, regionId: this.region, entries };
  }

  push(entries: OutboxItem[]): Promise<HttpResponse> {
    return this.http({ method: 'POST', url: '/api/v1/push', token: this.token, json: this.body(entries) });
  }

  pullPage(since = this.cursor, limit = 1000): Promise<HttpResponse> {
    return this.http({ method: 'GET', url: `/api/v1/pull?region=${this.region}&since=${since}&limit=${limit}`, token: this.token });
  }

  /** Pulls every page after the cursor into the replica; returns the pages. */
  async pullAll(limit = 1000): Promise<PullResponse[]> {
    const pages: PullResponse[] = [];
    for (;;) {
      const res = await this.pullPage(this.cursor, limit);
      if (res.status !== 200) throw new Error(`pull: ${res.status} ${res.text}`);
      const page = res.body as PullResponse;
      pages.push(page);
      for (const c of page.changes) {
        const key = `${c.table}/${c.recordId}`;
        const r = this.replica.get(key) ?? { table: c.table, fields: {}, clocks: {} };
        const merged = mergeChanges(r.fields, r.clocks, c.fields, SET_FIELDS[c.table] ?? []);
        this.replica.set(key, { table: c.table, fields: merged.fields, clocks: merged.clocks });
      }
      for (const d of page.docs) this.docs.set(d.docId, [...(this.docs.get(d.docId) ?? []), d.update]);
      this.cursor = page.version;
      if (!page.more) return pages;
    }
  }

  record(table: SyncedTable, id: string): Record<string, unknown> | undefined {
    return this.replica.get(`${table}/${id}`)?.fields;
  }
}

// ---- A spawned server -------------------------------------------------------------------------

export type SpawnedServer = { url: string; proc: ChildProcess; output: () => string; stop: () => Promise<number | null>; kill: () => Promise<void> };

/** The environment a spawned server runs with for a database target. */
export function serverEnv(kind: DbKind, schema: string, dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), HATTAMA_HOST: '127.0.0.1', HATTAMA_PORT: '0', HATTAMA_DB_SCHEMA: schema, ...extra };
  delete env.DATABASE_URL;
  delete env.HATTAMA_FAULT;
  if (kind === 'postgres') env.DATABASE_URL = PG_URL!;
  else env.HATTAMA_DATA_DIR = dataDir;
  return { ...env, ...extra };
}

/**
 * Starts `node --import tsx server/main.ts` and waits until it listens. `SERVER_PROF=<dir>` in the
 * caller's environment writes the server's CPU profile there (for `bench/server.ts`).
 */
export async function startServer(env: Record<string, string>, timeoutMs = 60_000): Promise<SpawnedServer> {
  const profile = process.env.SERVER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SERVER_PROF}`] : [];
  const proc = spawn(process.execPath, [...profile, '--import', 'tsx', 'server/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /sync server at (http:\/\/[^\s]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    url,
    proc,
    output: () => output,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await exited;
    },
  };
}

/** Runs a CLI command of the server; resolves with its exit code and output. */
export function runCli(args: string[], env: Record<string, string>, stdin = ''): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    proc.stdout.on('data', (c: Buffer) => (output += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (output += c.toString()));
    proc.stdin.end(stdin);
    proc.once('exit', (code) => resolve({ code, output }));
  });
}

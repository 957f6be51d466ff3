// The server's settings, from the environment (see server/README.md).
import { fileURLToPath } from 'node:url';
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Database } from './db/database';
import { openPglite } from './db/pglite';
import { openPostgres } from './db/postgres';
import { DEFAULT_PUSH_BODY_LIMIT, DEFAULT_TOKEN_TTL_MS } from './http/app';
import { DEFAULT_COMPACT_AT } from './sync/push';

export type ServerConfig = {
  host: string;
  port: number;
  /** PostgreSQL connection string; when absent the embedded database in `dataDir` is used. */
  databaseUrl: string | null;
  dataDir: string;
  schema: string;
  poolSize: number;
  webRoot: string;
  tokenTtlMs: number;
  pushBodyLimit: number;
  trustProxy: boolean;
  docCompactAt: number;
  /** Log every request. */
  log: boolean;
  /**
   * Test-only fault: the process kills itself (SIGKILL) at this point of the first push that
   * stores something, or of the first pull whose page brings something (read, not yet sent).
   */
  fault: Fault | null;
};

/** The faults `HATTAMA_FAULT` may name (tests only). */
export const FAULTS = ['push-before-commit', 'push-after-commit', 'pull-before-reply'] as const;
export type Fault = (typeof FAULTS)[number];
const isFault = (name: string): name is Fault => (FAULTS as readonly string[]).includes(name);

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const fault = env.HATTAMA_FAULT ?? '';
  if (fault !== '' && !isFault(fault)) throw new Error(`Unknown HATTAMA_FAULT ${fault}`);
  return {
    host: env.HATTAMA_HOST || '127.0.0.1',
    port: int(env.HATTAMA_PORT, 8787, 'HATTAMA_PORT'),
    databaseUrl: env.DATABASE_URL || null,
    dataDir: env.HATTAMA_DATA_DIR || './server-data',
    schema: env.HATTAMA_DB_SCHEMA || 'public',
    poolSize: int(env.HATTAMA_DB_POOL, 10, 'HATTAMA_DB_POOL'),
    webRoot: env.HATTAMA_WEB_ROOT || path.join(REPO_ROOT, 'dist-web'),
    tokenTtlMs: int(env.HATTAMA_TOKEN_TTL_HOURS, DEFAULT_TOKEN_TTL_MS / 3_600_000, 'HATTAMA_TOKEN_TTL_HOURS') * 3_600_000,
    pushBodyLimit: int(env.HATTAMA_PUSH_BODY_LIMIT, DEFAULT_PUSH_BODY_LIMIT, 'HATTAMA_PUSH_BODY_LIMIT'),
    trustProxy: env.HATTAMA_TRUST_PROXY === '1' || env.HATTAMA_TRUST_PROXY === 'true',
    docCompactAt: int(env.HATTAMA_DOC_COMPACT_AT, DEFAULT_COMPACT_AT, 'HATTAMA_DOC_COMPACT_AT'),
    log: env.HATTAMA_LOG === '1' || env.HATTAMA_LOG === 'true',
    fault: isFault(fault) ? fault : null,
  };
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the embedded data folder for this process (one process at a time may open it; a lock left
 * by a killed process is taken over). Returns the release function.
 */
function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'hattama-server.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) {
        throw new Error(`The data folder ${dataDir} is in use by process ${pid}; the embedded database serves one server. Use DATABASE_URL (PostgreSQL) to run several.`);
      }
      unlinkSync(file);
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

/** Opens the configured database (not yet migrated). */
export async function openDatabase(cfg: ServerConfig): Promise<Database> {
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl, cfg.schema, cfg.poolSize);
  mkdirSync(cfg.dataDir, { recursive: true });
  const release = lockDataDir(cfg.dataDir);
  try {
    const db = await openPglite(cfg.dataDir, cfg.schema);
    return {
      ...db,
      close: async () => {
        await db.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

// The one small storage interface the server runs on, with two drivers behind it: PGlite (embedded,
// the default) and PostgreSQL (DATABASE_URL). Both run the same SQL; nothing newer than
// PostgreSQL 15 is used.

/** Runs one SQL statement with positional parameters ($1, $2 …) and returns its rows. */
export type Query = <T = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => Promise<T[]>;

/** A statement runner inside an open transaction; `exec` runs a script of several statements (no parameters). */
export type Tx = { query: Query; exec: (sql: string) => Promise<void> };

export type TransactionOptions = {
  /** REPEATABLE READ, READ ONLY: several statements see one snapshot (pull). */
  readOnlySnapshot?: boolean;
};

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** The schema every table lives in (search_path). */
  readonly schema: string;
  query: Query;
  /**
   * Runs `work` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. On
   * PostgreSQL a deadlock or serialization failure retries the whole of `work` (a few times), so
   * `work` must not have effects outside the database before it resolves.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
  /**
   * PostgreSQL only: hears NOTIFY payloads on `channel` on a connection of its own (several
   * servers relay the live channel to each other this way); returns the function that stops.
   * Absent on the embedded database, which serves one process.
   */
  listen?(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
}

/** A schema name that is safe to put into SQL unquoted. */
export function assertSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid database schema name: ${schema}`);
  return schema;
}

/** The SQLSTATE of a database error, when it has one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Converts an int8 / numeric column value (string on pg, number on PGlite) to a number. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'string') return Number(value);
  return 0;
}

/** A bytea column value as a Buffer (pg returns Buffers, PGlite Uint8Arrays). */
export function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  throw new Error('Expected a bytea value');
}

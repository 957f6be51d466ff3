// The production driver: PostgreSQL (15 and newer) through a pg connection pool. The server keeps
// no state of its own, so any number of servers may share one database.
import pg from 'pg';
import { assertSchemaName, sqlState, type Database, type Query, type TransactionOptions, type Tx } from './database';

/** Deadlock and serialization failure: the transaction may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;

/**
 * Connects to `url` (postgres://user:pass@host:port/db).
 * @param schema the schema the tables live in (set as each connection's search_path)
 */
export async function openPostgres(url: string, schema = 'public', poolSize = 10): Promise<Database> {
  assertSchemaName(schema);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: `-c search_path=${schema}`, application_name: 'hattama-server' });
  pool.on('error', (e) => console.error('PostgreSQL pool error:', e.message));
  const query: Query = async <T>(sql: string, params: readonly unknown[] = []) =>
    (await pool.query<T & pg.QueryResultRow>(sql, [...params])).rows as T[];
  await query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch(async (e: unknown) => {
    // Two servers starting at once may race on the schema; the loser finds it made.
    if (sqlState(e) !== '23505' && sqlState(e) !== '42P06') throw e;
  });
  return {
    kind: 'postgres',
    schema,
    query,
    async transaction<T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        let broken = false;
        try {
          await client.query(options.readOnlySnapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
          const result = await work({
            query: async <R>(sql: string, params: readonly unknown[] = []) => (await client.query<R & pg.QueryResultRow>(sql, [...params])).rows as R[],
            exec: async (sql: string) => {
              await client.query(sql);
            },
          });
          await client.query('COMMIT');
          return result;
        } catch (e) {
          try {
            await client.query('ROLLBACK');
          } catch {
            broken = true;
          }
          if (attempt < MAX_ATTEMPTS && RETRYABLE.has(sqlState(e) ?? '')) continue;
          throw e;
        } finally {
          client.release(broken);
        }
      }
    },
    async close() {
      await pool.end();
    },
    async listen(channel: string, onPayload: (payload: string) => void) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Invalid channel name: ${channel}`);
      const client = new pg.Client({ connectionString: url, application_name: 'hattama-server-listen' });
      client.on('error', (e) => console.error('PostgreSQL listen connection error:', e.message));
      client.on('notification', (n) => {
        if (n.channel === channel && n.payload !== undefined) onPayload(n.payload);
      });
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      return async () => {
        await client.end().catch(() => undefined);
      };
    },
  };
}

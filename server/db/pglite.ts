// The embedded driver: PGlite (PostgreSQL compiled to WebAssembly) in a data folder. One
// connection, so statements and transactions of concurrent requests run one after another.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { assertSchemaName, type Database, type Query, type TransactionOptions, type Tx } from './database';

/**
 * Opens (creating when missing) the embedded database in `dataDir` (`memory://` keeps it in memory).
 * @param schema the schema the tables live in (tests use a fresh one each)
 */
export async function openPglite(dataDir: string, schema = 'public'): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  return pgliteDatabase(pg, schema, true);
}

/**
 * Wraps an open PGlite instance; `owns` closes it on close(). The schema is the connection's
 * search_path, so an instance serves one wrapper at a time (tests give each test a schema of one
 * instance, one test after another).
 */
export async function pgliteDatabase(pg: PGlite, schema: string, owns = false): Promise<Database> {
  assertSchemaName(schema);
  await pg.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
  const query: Query = async <T>(sql: string, params: readonly unknown[] = []) => (await pg.query<T>(sql, [...params])).rows;
  return {
    kind: 'pglite',
    schema,
    query,
    async transaction<T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
      return pg.transaction(async (t) => {
        if (options.readOnlySnapshot) await t.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        return work({
          query: async <R>(sql: string, params: readonly unknown[] = []) => (await t.query<R>(sql, [...params])).rows,
          exec: async (sql: string) => {
            await t.exec(sql);
          },
        });
      });
    },
    async close() {
      if (owns && !pg.closed) await pg.close();
    },
  };
}

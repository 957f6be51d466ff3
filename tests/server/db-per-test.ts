// A migrated database for each test of a describe block (vitest hooks; its own module, since the
// benchmarks import ./support outside vitest).
import { beforeAll, beforeEach } from 'vitest';
import type { Database } from '../../server/db/database';
import { createTestUsers, openTestDb, type DbKind } from './support';

/**
 * Each test of the calling block gets a migrated database in a fresh schema with the test users
 * (`get()`, ready before the block's own beforeEach runs); the caller's afterEach calls `drop()`
 * once what uses it is closed. The shared PGlite starts once, before the first test (several
 * seconds on a busy machine).
 */
export function databasePerTest(kind: DbKind): { get: () => Database; drop: () => Promise<void> } {
  let current: { db: Database; drop: () => Promise<void> } | null = null;
  beforeAll(async () => {
    const warm = await openTestDb(kind);
    await warm.drop();
  }, 90_000);
  beforeEach(async () => {
    current = await openTestDb(kind);
    await createTestUsers(current.db);
  });
  return {
    get: () => {
      if (!current) throw new Error('The test database exists only during a test.');
      return current.db;
    },
    drop: async () => {
      await current?.drop();
      current = null;
    },
  };
}

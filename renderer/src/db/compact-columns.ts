// What the dashboard's compact snapshots (dash-facts.ts, control-snapshot.ts) share: a column of
// ids stored as one string (each id followed by a line break — a saved snapshot of 100,000 rows
// then clones one string instead of 100,000 small ones when it is read), dictionaries of distinct
// values, and the load of a snapshot with the rows written since it.
import type { Table } from 'dexie';
import type { HattamaDb } from './db';

export { joinIds, splitIds } from '@shared/dashboard/joined-ids';

/** The row count of a stored compact snapshot of `shape` (with its revision and id column), or null when it is not one. */
export function storedCount(stored: unknown, shape: number): number | null {
  if (!stored || typeof stored !== 'object') return null;
  const v = stored as { shape?: unknown; count?: unknown; rev?: unknown; ids?: unknown };
  return v.shape === shape && typeof v.count === 'number' && typeof v.rev === 'number' && typeof v.ids === 'string' ? v.count : null;
}

/** A dictionary of distinct values, coded by position; the first `reserved` positions stand for something else. */
export function dictionary(reserved: readonly string[] = []) {
  const values = [...reserved];
  const index = new Map<string, number>();
  return {
    values,
    code(v: string): number {
      let i = index.get(v);
      if (i === undefined) {
        i = values.push(v) - 1;
        index.set(v, i);
      }
      return i;
    },
  };
}

/**
 * A saved snapshot (settings `key`, with its revision `rev`) decoded, the rows of `since` written
 * after it (by their indexed `rev`), and the revision now — in one read transaction; null when
 * there is no usable snapshot. A snapshot older than the projection's base (`baseRev`, see
 * projections.ts) is not usable: rows between the two are in the base, not in the table; nor is
 * one beyond the revision now.
 */
export async function loadCompactSnapshot<D, S, I>(
  db: HattamaDb,
  opts: {
    key: string; decode: (stored: unknown) => D | null; since: Table<S, string, I>;
    currentRev: (db: HattamaDb) => Promise<number>; baseRev: (db: HattamaDb) => Promise<number | null>;
  },
): Promise<{ rows: D; since: S[]; rev: number } | null> {
  return db.transaction('r', [db.settings, opts.since, db.syncState], async () => {
    const stored = (await db.settings.get(opts.key))?.value;
    const rows = opts.decode(stored);
    if (!rows) return null;
    const rev = (stored as { rev: number }).rev;
    const [base, current] = await Promise.all([opts.baseRev(db), opts.currentRev(db)]);
    // Beyond the revision now, it is of another history (saved by a window still open when a
    // restore took the revisions back): not these rows.
    if (rev < (base ?? 0) || rev > current) return null;
    const since = await opts.since.where('rev').above(rev).toArray();
    return { rows, since, rev: current };
  });
}

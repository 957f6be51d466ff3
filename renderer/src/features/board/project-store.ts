// The board's in-memory view of the register. It paints the first rows from an index read,
// then loads the rest in the background, and applies the app's own writes without a reload.
import { useSyncExternalStore } from 'react';
import { aliveRows, type HattamaDb, type ProjectRow } from '../../db/db';

export const FIRST_PAGE = 50;

/** `total` is the number of live projects in the store (0 until counted, known before they are all read). */
export type ProjectSnapshot = { rows: ProjectRow[]; phase: 'loading' | 'partial' | 'ready'; total: number };

export class ProjectStore {
  private snapshot: ProjectSnapshot = { rows: [], phase: 'loading', total: 0 };
  private listeners = new Set<() => void>();
  private loadToken = 0;

  constructor(private readonly db: HattamaDb) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  private set(next: ProjectSnapshot) {
    this.snapshot = next;
    for (const l of this.listeners) l();
  }

  private liveRange() {
    return aliveRows(this.db.projects).reverse();
  }

  /** First the newest {@link FIRST_PAGE} projects, then all of them. */
  async load(): Promise<void> {
    const token = ++this.loadToken;
    performance.mark('hattama:store-load');
    const first = await this.liveRange().limit(FIRST_PAGE).toArray();
    performance.mark('hattama:store-first-page');
    if (token !== this.loadToken) return;
    if (first.length < FIRST_PAGE) {
      this.set({ rows: first, phase: 'ready', total: first.length });
      return;
    }
    this.set({ rows: first, phase: 'partial', total: 0 });
    // Counting 100,000 index entries takes the database a while: paint first, count after.
    void aliveRows(this.db.projects)
      .count()
      .then((total) => {
        if (token === this.loadToken && this.snapshot.phase === 'partial') this.set({ ...this.snapshot, total });
      });
    // One getAll over the primary key is far faster than a reverse cursor over an index.
    const all = (await this.db.projects.toArray()).filter((r) => r.alive === 1);
    all.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    if (token !== this.loadToken) return;
    this.set({ rows: all, phase: 'ready', total: all.length });
  }

  /** Applies a row the app has just written (created, changed, deleted or restored). */
  apply(row: ProjectRow) {
    const rows = this.snapshot.rows.filter((r) => r.id !== row.id);
    if (row.alive === 1) rows.unshift(row);
    const total = this.snapshot.phase === 'ready' ? rows.length : this.snapshot.total + (rows.length - this.snapshot.rows.length);
    this.set({ ...this.snapshot, rows, total });
  }
}

/** Subscribes a component to the store. */
export function useProjects(store: ProjectStore): ProjectSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

// The board's in-memory view of the register. It paints the first rows from an index read,
// then loads the rest in the background, and applies the app's own writes without a reload.
import { useSyncExternalStore } from 'react';
import { aliveRows, type HattamaDb, type ProjectRow } from '../../db/db';

export const FIRST_PAGE = 50;

/**
 * `total` is the number of live projects in the store (0 until counted, known before they are all
 * read); `error` says why the register could not be read (phase 'error').
 */
export type ProjectSnapshot = { rows: ProjectRow[]; phase: 'loading' | 'partial' | 'ready' | 'error'; total: number; error?: string };

export class ProjectStore {
  private snapshot: ProjectSnapshot = { rows: [], phase: 'loading', total: 0 };
  private listeners = new Set<() => void>();
  private loadToken = 0;
  /** Writes applied while a load is under way, merged into what the load reads. */
  private appliedDuringLoad = new Map<string, ProjectRow>();

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

  /** First the newest {@link FIRST_PAGE} projects, then all of them; a failure becomes phase 'error'. */
  async load(): Promise<void> {
    const token = ++this.loadToken;
    this.appliedDuringLoad.clear();
    try {
      await this.read(token);
    } catch (e) {
      if (token === this.loadToken) this.set({ rows: [], phase: 'error', total: 0, error: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Newer of what the load read and what the app wrote meanwhile. */
  private merge(read: ProjectRow[]): ProjectRow[] {
    if (this.appliedDuringLoad.size === 0) return read;
    const byId = new Map(read.map((r) => [r.id, r]));
    for (const [id, row] of this.appliedDuringLoad) {
      const seen = byId.get(id);
      if (!seen || seen.updatedAt <= row.updatedAt) byId.set(id, row);
    }
    const rows = [...byId.values()].filter((r) => r.alive === 1);
    rows.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    return rows;
  }

  private async read(token: number): Promise<void> {
    performance.mark('hattama:store-load');
    const first = await this.liveRange().limit(FIRST_PAGE).toArray();
    performance.mark('hattama:store-first-page');
    if (token !== this.loadToken) return;
    if (first.length < FIRST_PAGE) {
      const rows = this.merge(first);
      this.set({ rows, phase: 'ready', total: rows.length });
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
    const rows = this.merge(all);
    this.appliedDuringLoad.clear();
    this.set({ rows, phase: 'ready', total: rows.length });
  }

  /** Applies a row the app has just written (created, changed, deleted or restored). */
  apply(row: ProjectRow) {
    if (this.snapshot.phase !== 'ready') this.appliedDuringLoad.set(row.id, row);
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

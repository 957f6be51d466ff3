// The board's in-memory view of the register, fed by the change feed. It paints the first rows
// from an index read, then loads the rest of the board projection, and from then on re-reads only
// the rows the feed names — this tab's writes, other tabs' and pulled changes alike.
import { useSyncExternalStore } from 'react';
import { aliveRows, type BoardRow, type HattamaDb } from '../../db/db';
import { changedIn, subscribeChanges, type Changes } from '../../db/change-feed';
import { withoutRows, type RowsDelta } from './board-order';
import { boardBaseRev, currentBoardRev, loadBoardSnapshot, saveBoardSnapshot } from '../../db/board-snapshot';
import { readBoardRows } from '../../db/projections';

/** How long the board waits after the last change before it saves a new snapshot (then at idle). */
const SNAPSHOT_DELAY_MS = 3000;

export const FIRST_PAGE = 50;

/**
 * `total` is the number of live projects in the store (0 until counted, known before they are all
 * read); `error` says why the register could not be read (phase 'error').
 */
export type ProjectSnapshot = {
  rows: BoardRow[];
  phase: 'loading' | 'partial' | 'ready' | 'error';
  total: number;
  error?: string;
  /** When `rows` differ from the previous snapshot's by a few rows: which (so views can patch, not redo). */
  delta?: RowsDelta;
};

const newestFirst = (a: BoardRow, b: BoardRow) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0);

export class ProjectStore {
  private snapshot: ProjectSnapshot = { rows: [], phase: 'loading', total: 0 };
  private listeners = new Set<() => void>();
  private loadToken = 0;
  /** Rows changed while a load is under way, merged into what the load reads. */
  private changedDuringLoad = new Map<string, BoardRow | null>();
  private unsubscribe: (() => void) | null = null;
  /** Keys waiting to be re-read (changes that arrive together are read together). */
  private pending = new Set<string>();
  private reading: Promise<void> | null = null;

  constructor(private readonly db: HattamaDb) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    // Read on first use when nobody asked for it before.
    if (this.loadToken === 0) void this.load();
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /** The board revision the rows in memory reflect (what a snapshot of them is taken as). */
  private rev = 0;
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null;

  /** The rows by id, built once (at idle after loading) and kept with every change. */
  private byId: Map<string, BoardRow> | null = null;

  private index(): Map<string, BoardRow> {
    this.byId ??= new Map(this.snapshot.rows.map((r) => [r.id, r]));
    return this.byId;
  }

  private set(next: ProjectSnapshot) {
    if (next.rows !== this.snapshot.rows && !next.delta) this.byId = null;
    this.snapshot = next;
    for (const l of this.listeners) l();
  }

  /** Starts listening to the change feed (once) and loads the register. */
  async load(): Promise<void> {
    this.unsubscribe ??= subscribeChanges(this.db.name, (changes) => this.onChanges(changes));
    const token = ++this.loadToken;
    this.changedDuringLoad.clear();
    try {
      await this.read(token);
    } catch (e) {
      if (token === this.loadToken) this.set({ rows: [], phase: 'error', total: 0, error: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Stops listening to the change feed. */
  close() {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
  }

  /** Saves a snapshot of the rows a while after the last change, at idle. */
  private scheduleSnapshot(token: number) {
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => {
      const idle = globalThis.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 0));
      idle(() => {
        if (token !== this.loadToken || this.snapshot.phase !== 'ready') return;
        void saveBoardSnapshot(this.db, this.snapshot.rows, this.rev).catch(() => undefined);
      });
    }, SNAPSHOT_DELAY_MS);
  }

  /** What follows a load: the rows indexed by id at idle, and a snapshot when the rows were read in full. */
  private afterReady(token: number, snapshotNeeded: boolean) {
    const idle = globalThis.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    idle(() => {
      if (token === this.loadToken) this.index();
    });
    if (snapshotNeeded) this.scheduleSnapshot(token);
  }

  private onChanges(changes: Changes) {
    const keys = changedIn(changes, 'boardRows');
    if (!keys) return;
    if (keys === 'all') {
      void this.load();
      return;
    }
    for (const k of keys) this.pending.add(k);
    this.reading ??= this.readPending();
  }

  /** Re-reads the rows the feed named and puts them in place: newest change first. */
  private async readPending(): Promise<void> {
    try {
      while (this.pending.size > 0) {
        const ids = [...this.pending];
        this.pending.clear();
        const read = await this.db.boardRows.bulkGet(ids);
        const changed = new Map<string, BoardRow | null>(ids.map((id, i) => [id, read[i] ?? null]));
        this.applyChanged(changed);
      }
    } finally {
      this.reading = null;
    }
  }

  private applyChanged(changed: Map<string, BoardRow | null>) {
    for (const row of changed.values()) if (row?.rev !== undefined && row.rev > this.rev) this.rev = row.rev;
    if (this.snapshot.phase === 'ready') this.scheduleSnapshot(this.loadToken);
    if (this.snapshot.phase !== 'ready') for (const [id, row] of changed) this.changedDuringLoad.set(id, row);
    const live = [...changed.values()].filter((r): r is BoardRow => r !== null && r.alive === 1).sort(newestFirst);
    const ids = new Set(changed.keys());
    const byId = this.index();
    const removed: BoardRow[] = [];
    for (const id of ids) {
      const old = byId.get(id);
      if (old) removed.push(old);
      const now = changed.get(id);
      if (now && now.alive === 1) byId.set(id, now);
      else byId.delete(id);
    }
    const kept = withoutRows(this.snapshot.rows, removed);
    let rows: BoardRow[];
    if (live.length === 1 && (kept.length === 0 || newestFirst(live[0] as BoardRow, kept[0] as BoardRow) <= 0)) {
      // The usual case: one project changed, now the newest — it goes on top.
      kept.unshift(live[0] as BoardRow);
      rows = kept;
    } else rows = live.length === 0 ? kept : mergeNewestFirst(live, kept);
    const total = this.snapshot.phase === 'ready' ? rows.length : this.snapshot.total + (rows.length - this.snapshot.rows.length);
    this.set({ ...this.snapshot, rows, total, delta: { prev: this.snapshot.rows, ids, removed, live } });
  }

  /** Newer of what the load read and what changed meanwhile. */
  private merge(read: BoardRow[]): BoardRow[] {
    if (this.changedDuringLoad.size === 0) return read;
    const byId = new Map(read.map((r) => [r.id, r]));
    for (const [id, row] of this.changedDuringLoad) {
      const seen = byId.get(id);
      if (row === null) byId.delete(id);
      else if (!seen || seen.updatedAt <= row.updatedAt) byId.set(id, row);
    }
    return [...byId.values()].filter((r) => r.alive === 1).sort(newestFirst);
  }

  private async read(token: number): Promise<void> {
    performance.mark('hattama:store-load');
    // The newest projects first, by index: the board paints them while the rest is read.
    const [rev, base] = await Promise.all([currentBoardRev(this.db), boardBaseRev(this.db)]);
    // Built all at once (a first sync, a restore), the rows are in one base record, not the table
    // (db/projections.ts): the snapshot, or the base, is read whole below.
    if (base === null) {
      const first = await aliveRows(this.db.boardRows).reverse().limit(FIRST_PAGE).toArray();
      performance.mark('hattama:store-first-page');
      if (token !== this.loadToken) return;
      if (first.length < FIRST_PAGE) {
        const rows = this.merge(first);
        this.rev = rev;
        this.changedDuringLoad.clear();
        this.set({ rows, phase: 'ready', total: rows.length });
        this.afterReady(token, false);
        return;
      }
      this.set({ rows: this.merge(first), phase: 'partial', total: 0 });
    }

    // Then a saved snapshot and the rows written since: one record instead of the whole register.
    const snap = await loadBoardSnapshot(this.db).catch((e: unknown) => {
      console.warn('[hattama] the board snapshot could not be read; reading the register', e);
      return null;
    });
    if (token !== this.loadToken) return;
    if (snap) {
      const ids = snap.since.map((r) => r.id);
      // Few rows are written between two openings: compare their ids directly.
      const gone = ids.length > 16 ? new Set(ids) : null;
      const base = ids.length === 0 ? snap.rows : snap.rows.filter((r) => (gone ? !gone.has(r.id) : !ids.includes(r.id)));
      const fresh = snap.since.filter((r) => r.alive === 1).sort(newestFirst);
      const rows = this.merge(fresh.length === 0 ? base : mergeNewestFirst(fresh, base));
      this.rev = snap.rev;
      this.changedDuringLoad.clear();
      this.set({ rows, phase: 'ready', total: rows.length });
      this.afterReady(token, snap.since.length > 0);
      return;
    }

    // No snapshot yet (the first opening after an import or an upgrade): read the projection.
    // Counting 100,000 index entries takes the database a while: paint first, count after.
    if (base === null) {
      void aliveRows(this.db.boardRows)
        .count()
        .then((total) => {
          if (token === this.loadToken && this.snapshot.phase === 'partial') this.set({ ...this.snapshot, total });
        });
    }
    // One getAll over the primary key is far faster than a reverse cursor over an index.
    const read = await readBoardRows(this.db);
    const all = read.rows.filter((r) => r.alive === 1);
    all.sort(newestFirst);
    if (token !== this.loadToken) return;
    const rows = this.merge(all);
    this.rev = read.rev;
    this.changedDuringLoad.clear();
    this.set({ rows, phase: 'ready', total: rows.length });
    this.afterReady(token, true);
  }
}

/** Merges two lists that are each newest first. */
function mergeNewestFirst(a: BoardRow[], b: BoardRow[]): BoardRow[] {
  const out: BoardRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(newestFirst(a[i] as BoardRow, b[j] as BoardRow) <= 0 ? (a[i++] as BoardRow) : (b[j++] as BoardRow));
  while (i < a.length) out.push(a[i++] as BoardRow);
  while (j < b.length) out.push(b[j++] as BoardRow);
  return out;
}

/** Subscribes a component to the store. */
export function useProjects(store: ProjectStore): ProjectSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

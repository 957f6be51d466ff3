// An in-memory projection the dashboard reads, fed by the change feed: loaded from its saved
// snapshot and the rows written since (or in full the first time), then kept by re-reading the rows
// the feed names; a new snapshot is saved at idle a while after a full read or after changes. The
// dashboard's control rows and its compact facts of the register are two of them.
import { useSyncExternalStore } from 'react';
import type { HattamaDb } from '../../db/db';
import { changedIn, subscribeChanges } from '../../db/change-feed';

const SNAPSHOT_DELAY_MS = 3000;

export type ProjectionSnapshot<T> = { rows: readonly T[]; ready: boolean };

/** A row of a projection: its id, whether it is alive, and the revision it was written at. */
type SourceRow = { id: string; alive: 0 | 1; rev?: number };

export type ProjectionSource<S extends SourceRow, T> = {
  /** The table the feed names (board rows, control rows). */
  table: string;
  /** Its rows, read in full, and the revision they are as of (in one transaction). */
  readAll: (db: HattamaDb) => Promise<{ rows: S[]; rev: number }>;
  /** Rows by key (re-read after the feed names them). */
  readKeys: (db: HattamaDb, keys: string[]) => Promise<(S | undefined)[]>;
  /** The saved snapshot and the rows written since, or null without a usable one. */
  loadSnapshot: (db: HattamaDb) => Promise<{ rows: T[]; since: S[]; rev: number } | null>;
  saveSnapshot: (db: HattamaDb, rows: readonly T[], rev: number) => Promise<void>;
  /** What the dashboard keeps of a live row. */
  project: (row: S) => T;
  idOf: (row: T) => string;
  /** Marked (performance) when the rows are first there. */
  readMark: string;
};

export class ProjectionStore<S extends SourceRow, T> {
  private snapshot: ProjectionSnapshot<T> = { rows: [], ready: false };
  /** The rows as last published (never changed once published). */
  private rows: T[] = [];
  /** The rows being changed since (a copy of `rows`, deleted ones left as holes), if any. */
  private working: (T | undefined)[] | null = null;
  private holes = 0;
  /** Each row's position in `rows` / `working`, built on the first change (not on load: 150,000 entries). */
  private index: Map<string, number> | null = null;
  private listeners = new Set<() => void>();
  private started = false;
  private rev = 0;
  private pending = new Set<string>();
  private reading: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The first read: re-reads of changed rows wait for it, so a change made meanwhile is not overwritten. */
  private loaded: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: HattamaDb,
    private readonly source: ProjectionSource<S, T>,
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    this.start();
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /** Resolves once the rows are read (for callers outside React). */
  async ready(): Promise<readonly T[]> {
    this.start();
    await this.loaded;
    await this.reading;
    return this.snapshot.rows;
  }

  private publish() {
    if (!this.snapshot.ready) performance.mark(this.source.readMark);
    if (this.working) {
      if (this.holes > 0) {
        this.rows = this.working.filter((r): r is T => r !== undefined);
        this.index = null;
        this.holes = 0;
      } else this.rows = this.working as T[];
      this.working = null;
    }
    this.snapshot = { rows: this.rows, ready: true };
    for (const l of this.listeners) l();
  }

  private start() {
    if (this.started) return;
    this.started = true;
    subscribeChanges(this.db.name, (changes) => {
      const keys = changedIn(changes, this.source.table);
      if (!keys) return;
      if (keys === 'all') {
        this.loaded = this.loaded.then(() => this.loadAll());
        return;
      }
      for (const k of keys) this.pending.add(k);
      this.reading ??= this.readPending();
    });
    this.loaded = this.load().catch(() => this.loadAll());
  }

  private async load() {
    const snap = await this.source.loadSnapshot(this.db).catch(() => null);
    if (!snap) return this.loadAll();
    this.reset(snap.rows);
    for (const r of snap.since) this.put(r);
    this.rev = snap.rev;
    this.publish();
    if (snap.since.length > 0) this.scheduleSave();
  }

  private async loadAll() {
    const { rows, rev } = await this.source.readAll(this.db);
    const live: T[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      if (r.alive === 1 && !seen.has(r.id)) {
        seen.add(r.id);
        live.push(this.source.project(r));
      }
    }
    this.reset(live);
    this.rev = rev;
    this.publish();
    this.scheduleSave();
  }

  private reset(rows: T[]) {
    this.rows = rows;
    this.working = null;
    this.holes = 0;
    this.index = null;
  }

  /** Lays a row over the projection: replaced, added, or removed when it is not alive. */
  private put(r: S) {
    this.set(r.id, r.alive === 1 ? this.source.project(r) : undefined);
  }

  private set(id: string, row: T | undefined) {
    const working = (this.working ??= this.rows.slice());
    const index = (this.index ??= new Map(working.flatMap((w, i) => (w === undefined ? [] : [[this.source.idOf(w), i] as const]))));
    const at = index.get(id);
    if (row !== undefined) {
      if (at === undefined) index.set(id, working.push(row) - 1);
      else working[at] = row;
    } else if (at !== undefined) {
      working[at] = undefined;
      index.delete(id);
      this.holes++;
    }
  }

  private async readPending(): Promise<void> {
    await this.loaded;
    while (this.pending.size > 0) {
      const keys = [...this.pending];
      this.pending.clear();
      const rows = await this.source.readKeys(this.db, keys);
      rows.forEach((r, i) => {
        if (r) {
          this.put(r);
          this.rev = Math.max(this.rev, r.rev ?? 0);
        } else this.set(keys[i] ?? '', undefined);
      });
      this.publish();
      this.scheduleSave();
    }
    this.reading = null;
  }

  private scheduleSave() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const idle = globalThis.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 0));
      idle(() => void this.source.saveSnapshot(this.db, this.snapshot.rows, this.rev).catch(() => undefined));
    }, SNAPSHOT_DELAY_MS);
  }
}

/** One store per database, made on first use (it starts reading when first subscribed to or asked). */
export function storePerDatabase<T>(make: (db: HattamaDb) => T): (db: HattamaDb) => T {
  const stores = new WeakMap<HattamaDb, T>();
  return (db) => {
    let store = stores.get(db);
    if (!store) stores.set(db, (store = make(db)));
    return store;
  };
}

/** The live rows of a projection store. */
export function useProjection<T>(store: { subscribe: (l: () => void) => () => void; getSnapshot: () => ProjectionSnapshot<T> }): ProjectionSnapshot<T> {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

// An in-memory projection the dashboard reads, fed by the change feed: loaded from its saved
// snapshot and the rows written since (or in full the first time), then kept by re-reading the rows
// the feed names; a new snapshot is saved at idle a while after a full read or after changes. The
// dashboard's control rows (a list) and its columns of the register's facts are two of them: the
// model says how the rows are held and edited.
import { useSyncExternalStore } from 'react';
import type { HattamaDb } from '../../db/db';
import { changedIn, subscribeChanges } from '../../db/change-feed';

const SNAPSHOT_DELAY_MS = 3000;

export type ProjectionSnapshot<V> = { value: V; ready: boolean };

/** A row of a projection: its id, whether it is alive, and the revision it was written at. */
type SourceRow = { id: string; alive: 0 | 1; rev?: number };

/** Changes a published value by copying it: `done()` gives the new value, the old one unchanged. */
export type ProjectionEditor<S> = {
  /** Puts a live row (replaced by id, or added). */
  put(row: S): void;
  remove(id: string): void;
};

/** How a projection holds its rows in memory: a list of objects, or columns (the dashboard's facts). */
export type ProjectionModel<S, V> = {
  empty: V;
  /** The value of the live rows of a full read (each id once). */
  build: (live: S[]) => V;
  edit: (value: V) => ProjectionEditor<S> & { done(): V };
};

export type ProjectionSource<S extends SourceRow, V> = {
  /** The table the feed names (board rows, control rows). */
  table: string;
  /** Its rows, read in full, and the revision they are as of (in one transaction). */
  readAll: (db: HattamaDb) => Promise<{ rows: S[]; rev: number }>;
  /** Rows by key (re-read after the feed names them). */
  readKeys: (db: HattamaDb, keys: string[]) => Promise<(S | undefined)[]>;
  /** The saved snapshot and the rows written since, or null without a usable one. */
  loadSnapshot: (db: HattamaDb) => Promise<{ value: V; since: S[]; rev: number } | null>;
  saveSnapshot: (db: HattamaDb, value: V, rev: number) => Promise<void>;
  model: ProjectionModel<S, V>;
  /** Marked (performance) when the rows are first there. */
  readMark: string;
};

export class ProjectionStore<S extends SourceRow, V> {
  private snapshot: ProjectionSnapshot<V>;
  /** The edit of the published value under way, if any (published at the end of a read). */
  private editor: (ProjectionEditor<S> & { done(): V }) | null = null;
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
    private readonly source: ProjectionSource<S, V>,
  ) {
    this.snapshot = { value: source.model.empty, ready: false };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    this.start();
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  /** Resolves once the rows are read (for callers outside React). */
  async ready(): Promise<V> {
    this.start();
    await this.loaded;
    await this.reading;
    return this.snapshot.value;
  }

  private publish(value?: V) {
    if (!this.snapshot.ready) performance.mark(this.source.readMark);
    let next = value ?? this.snapshot.value;
    if (this.editor) {
      next = this.editor.done();
      this.editor = null;
    }
    this.snapshot = { value: next, ready: true };
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
    this.editor = null;
    this.snapshot = { ...this.snapshot, value: snap.value };
    if (snap.since.length > 0) {
      const editor = this.edit();
      for (const r of snap.since) this.lay(editor, r);
    }
    this.rev = snap.rev;
    this.publish();
    if (snap.since.length > 0) this.scheduleSave();
  }

  private async loadAll() {
    const { rows, rev } = await this.source.readAll(this.db);
    const live: S[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      if (r.alive === 1 && !seen.has(r.id)) {
        seen.add(r.id);
        live.push(r);
      }
    }
    this.editor = null;
    this.rev = rev;
    this.publish(this.source.model.build(live));
    this.scheduleSave();
  }

  private edit() {
    return (this.editor ??= this.source.model.edit(this.snapshot.value));
  }

  /** Lays a row over the projection: put, or removed when it is not alive. */
  private lay(editor: ProjectionEditor<S>, r: S) {
    if (r.alive === 1) editor.put(r);
    else editor.remove(r.id);
  }

  private async readPending(): Promise<void> {
    await this.loaded;
    while (this.pending.size > 0) {
      const keys = [...this.pending];
      this.pending.clear();
      const rows = await this.source.readKeys(this.db, keys);
      const editor = this.edit();
      rows.forEach((r, i) => {
        if (r) {
          this.lay(editor, r);
          this.rev = Math.max(this.rev, r.rev ?? 0);
        } else editor.remove(keys[i] ?? '');
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
      idle(() => void this.source.saveSnapshot(this.db, this.snapshot.value, this.rev).catch(() => undefined));
    }, SNAPSHOT_DELAY_MS);
  }
}

/**
 * Rows kept as a list of objects (`project` of each live source row). An edit copies the list once
 * and indexes it by id on its first change (not on load: 150,000 entries).
 */
export function listModel<S extends SourceRow, T>(project: (row: S) => T, idOf: (row: T) => string): ProjectionModel<S, readonly T[]> {
  return {
    empty: [],
    build: (live) => live.map(project),
    edit: (value) => {
      const working: (T | undefined)[] = value.slice();
      let index: Map<string, number> | null = null;
      let holes = 0;
      const at = (id: string) => (index ??= new Map(working.flatMap((w, i) => (w === undefined ? [] : [[idOf(w), i] as const])))).get(id);
      return {
        put(row) {
          const t = project(row);
          const i = at(row.id);
          if (i === undefined) index?.set(row.id, working.push(t) - 1);
          else working[i] = t;
        },
        remove(id) {
          const i = at(id);
          if (i === undefined) return;
          working[i] = undefined;
          index?.delete(id);
          holes++;
        },
        done: () => (holes > 0 ? working.filter((r): r is T => r !== undefined) : (working as T[])),
      };
    },
  };
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

/** The live value of a projection store. */
export function useProjection<V>(store: { subscribe: (l: () => void) => () => void; getSnapshot: () => ProjectionSnapshot<V> }): ProjectionSnapshot<V> {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

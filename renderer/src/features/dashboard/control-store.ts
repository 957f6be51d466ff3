// The dashboard's in-memory control rows, fed by the change feed: read from the saved snapshot and
// the rows written since (or in full the first time), then kept by re-reading the rows the feed
// names; a new snapshot is saved at idle a while after a full read or after changes.
import { useSyncExternalStore } from 'react';
import type { ControlRow, HattamaDb } from '../../db/db';
import { changedIn, subscribeChanges } from '../../db/change-feed';
import { currentControlRev, loadControlSnapshot, saveControlSnapshot } from '../../db/control-snapshot';

const SNAPSHOT_DELAY_MS = 3000;

export type ControlRowsSnapshot = { rows: readonly ControlRow[]; ready: boolean };

export class ControlRowStore {
  private snapshot: ControlRowsSnapshot = { rows: [], ready: false };
  private byId = new Map<string, ControlRow>();
  private listeners = new Set<() => void>();
  private started = false;
  private rev = 0;
  private pending = new Set<string>();
  private reading: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The first read: re-reads of changed rows wait for it, so a change made meanwhile is not overwritten. */
  private loaded: Promise<void> = Promise.resolve();

  constructor(private readonly db: HattamaDb) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    this.start();
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  private publish() {
    if (!this.snapshot.ready) performance.mark('hattama:control-rows-read');
    this.snapshot = { rows: [...this.byId.values()], ready: true };
    for (const l of this.listeners) l();
  }

  private start() {
    if (this.started) return;
    this.started = true;
    subscribeChanges(this.db.name, (changes) => {
      const keys = changedIn(changes, 'controlRows');
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
    const snap = await loadControlSnapshot(this.db).catch(() => null);
    if (!snap) return this.loadAll();
    this.byId = new Map(snap.rows.map((r) => [r.id, r]));
    for (const r of snap.since) this.put(r);
    this.rev = snap.rev;
    this.publish();
    if (snap.since.length > 0) this.scheduleSave();
  }

  private async loadAll() {
    const [rows, rev] = await this.db.transaction('r', [this.db.controlRows, this.db.syncState], () => Promise.all([this.db.controlRows.toArray(), currentControlRev(this.db)]));
    this.byId = new Map(rows.filter((r) => r.alive === 1).map((r) => [r.id, r]));
    this.rev = rev;
    this.publish();
    this.scheduleSave();
  }

  private put(r: ControlRow) {
    if (r.alive === 1) this.byId.set(r.id, r);
    else this.byId.delete(r.id);
  }

  private async readPending(): Promise<void> {
    await this.loaded;
    while (this.pending.size > 0) {
      const keys = [...this.pending];
      this.pending.clear();
      const rows = await this.db.controlRows.bulkGet(keys);
      rows.forEach((r) => {
        if (r) {
          this.put(r);
          this.rev = Math.max(this.rev, r.rev ?? 0);
        }
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
      idle(() => void saveControlSnapshot(this.db, this.snapshot.rows, this.rev).catch(() => undefined));
    }, SNAPSHOT_DELAY_MS);
  }
}

const stores = new WeakMap<HattamaDb, ControlRowStore>();

/** The live control rows of the database (one store per database, started on first use). */
export function useControlRows(db: HattamaDb): ControlRowsSnapshot {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = new ControlRowStore(db)));
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

// React hooks of the sync feature: the app's engine (started by the first view that needs it — the
// header indicator, always mounted), its status, and a clock that ticks so "5 min ago" stays true.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useApp } from '../../app/app-context';
import { appSyncEngine } from '../../sync/app-sync';
import type { SyncEngine } from '../../sync/engine';
import type { SyncStatus } from '../../sync/status';

/** The app's sync engine, running. */
export function useSyncEngine(): SyncEngine {
  const { db, repos, ctx } = useApp();
  const engine = appSyncEngine({ db, repos, ctx });
  useEffect(() => engine.start(), [engine]);
  return engine;
}

/** The sync status, re-rendering on every change. */
export function useSyncStatus(engine: SyncEngine): SyncStatus {
  return useSyncExternalStore(engine.status.subscribe, engine.status.get);
}

/** Now (ms), refreshed every `everyMs`. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

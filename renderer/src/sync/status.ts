// The sync status the UI shows (header indicator, settings): one small store the engine writes and
// views read with useSyncExternalStore — offline / syncing / synced at / error with its reason,
// the changes waiting, the conflicts open, the clock's offset to the server.
import type { SyncFailureCode, SyncSession } from './transport';

export type SyncPhase = 'signedOut' | 'offline' | 'idle' | 'syncing' | 'error';

/** Why the last sync failed: a server or transport code, or the clock behind the server. */
export type SyncProblem = {
  code: SyncFailureCode | 'clock_behind';
  message: string;
  /** For clock problems: server clock minus this computer's (ms). */
  clockOffsetMs?: number;
  /** The HTTP status of the server's answer, when there was one (shown for support). */
  status?: number | undefined;
  /** With `rate_limited`: the seconds the server asked to wait. */
  retryAfterSeconds?: number | undefined;
};

export type SyncStatus = {
  phase: SyncPhase;
  /** The server of this install (null: none chosen yet). */
  serverUrl: string | null;
  session: SyncSession | null;
  /** Outbox entries not yet acknowledged by the server. */
  pending: number;
  /** Conflicts waiting for the clerk's choice. */
  conflicts: number;
  /** Changes the server refused for themselves, set aside with the reason (sync/refused.ts). */
  refused: number;
  /** When the last full sync ended (local ms since the epoch); null: not in this session. */
  lastSyncedAt: number | null;
  problem: SyncProblem | null;
  /** Server clock minus this computer's clock at the last answer (ms); null before any. */
  clockOffsetMs: number | null;
  /** Changes and document updates received so far in the sync under way (a first sync brings tens of thousands). */
  received: number;
  /**
   * How many the sync under way brings in all (those received and those the server says are left),
   * once a page with more after it has come from a server that says so; null: not known.
   */
  expected: number | null;
};

export const INITIAL_STATUS: SyncStatus = {
  phase: 'signedOut', serverUrl: null, session: null, pending: 0, conflicts: 0, refused: 0, lastSyncedAt: null, problem: null, clockOffsetMs: null, received: 0, expected: null,
};

/** A value with listeners (the shape useSyncExternalStore reads). */
export class StatusStore {
  private value: SyncStatus = INITIAL_STATUS;
  private readonly listeners = new Set<() => void>();

  get = (): SyncStatus => this.value;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(patch: Partial<SyncStatus>): void {
    const next = { ...this.value, ...patch };
    if ((Object.keys(patch) as (keyof SyncStatus)[]).every((k) => Object.is(next[k], this.value[k]))) return;
    this.value = next;
    for (const l of [...this.listeners]) l();
  }
}

// The sync engine (DESIGN §4): pushes the outbox to the region's server and pulls the region's log
// into the local database, through the host's transport.
//
// Push: the outbox's keys have gaps (upgrades rewrite it, acknowledged items are deleted), but the
// server wants consecutive seq numbers per client. So a batch is numbered when it is first sent —
// `firstSeq` = the last acknowledged seq + 1, kept with the batch's outbox keys in syncState — and a
// retry resends the same items under the same numbers: the server skips what it has applied. The
// acknowledgement deletes the acknowledged items and stores the new last seq in one transaction,
// with the conflicts the server reported (conflicts.ts).
//
// Pull: each page of the log is applied — record changes through the repositories' merge path
// (`applyRemote`, per field by HLC, nothing queued; the audit log names who pushed), document
// updates through the document store — and the new cursor is stored in the same transaction, so a
// crash leaves either the whole page and its cursor or neither. Local changes not yet acknowledged
// stay on top: their stamps are newer than anything the server had when they were made.
//
// Schedule: at start, ~2 s after a local change, every 30 s, when the connection returns; errors back
// off exponentially with jitter; one run at a time (and one tab at a time, by a Web Lock).
import { MAX_PULL_LIMIT, MAX_PUSH_ENTRIES, SYNC_SCHEMA_VERSION, type OutboxItem, type PullResponse, type PushResponse } from '@shared/sync/contract';
import type { HattamaDb } from '../db/db';
import { rebuildStaleProjections, markProjectionsStale, type Repos } from '../db/repos';
import { clientIdOf, type RepoContext } from '../db/repository';
import { countOutbox, firstItems } from '../db/outbox';
import { applyRemoteDocUpdate, fromBase64 } from '../db/doc-store';
import { changedIn, subscribeChanges } from '../db/change-feed';
import { CONFLICTS_KEY, readConflicts, recordConflicts } from './conflicts';
import { applyChanges, FirstSync } from './apply';
import { readRefused, setAside } from './refused';
import { CLOCK_RIGHT_MS, restampPending } from './clock';
import { StatusStore, type SyncProblem } from './status';
import { settle, type SyncFailure, type SyncResult, type SyncSession, type SyncTransport } from './transport';

/** Delay after a local change before it is pushed (ms): a burst of typing goes in one push. */
export const LOCAL_CHANGE_DELAY_MS = 2_000;
/** How often the engine pulls while idle (ms). */
export const PULL_INTERVAL_MS = 30_000;
/** First and longest wait after a failed run (ms). */
export const BACKOFF_MIN_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;
/**
 * Largest page asked of a pull: the server's largest. A page is one transaction; a 50,000-record
 * first sync took a median 12.4 s in pages of 5,000 against 17.8 s in pages of 2,000 here.
 */
export const PULL_PAGE = MAX_PULL_LIMIT;
/**
 * The first page of a pull: smaller, so the first records are stored (and counted on the screen)
 * while the server reads the next, larger page — it saved ~0.4 s of waiting at the start of a
 * 50,000-record first sync here. A pull with little new (the usual one) fits in it whole.
 */
export const FIRST_PULL_PAGE = 1000;

/** A run failed with this reason. */
export class SyncRunError extends Error {
  constructor(readonly problem: SyncProblem) {
    super(`${problem.code}: ${problem.message}`);
    this.name = 'SyncRunError';
  }
}

/** The timers the engine uses (tests pass fakes). */
export type Timers = {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

export type SyncEngineOptions = {
  db: HattamaDb;
  repos: Repos;
  /** What the repositories write with: its clock is this computer's clock. */
  ctx: RepoContext;
  transport: SyncTransport;
  /** The region (workspace) this install syncs. */
  region: () => string;
  pushBatchSize?: number;
  pullPageSize?: number;
  /** The first page of each pull (default {@link FIRST_PULL_PAGE}, never more than `pullPageSize`). */
  firstPullPageSize?: number;
  timers?: Timers;
  /** Whether the browser thinks it is online (navigator.onLine). */
  online?: () => boolean;
  /** 0 ≤ x < 1, for the backoff's jitter. */
  random?: () => number;
  /** Where `online` and `offline` events come from (default: the window). */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** Serialises runs across tabs (navigator.locks); absent: within this engine only. */
  lock?: <T>(name: string, run: () => Promise<T>) => Promise<T>;
  /** Tests only: runs inside a pull page's transaction after its changes are applied, before the cursor is stored. */
  beforeCursorStored?: (page: PullResponse) => void;
};

type Batch = { firstSeq: number; keys: number[] };

/** For background work whose failure the status already shows (or that ran after the database closed). */
const quiet = (): undefined => undefined;

/** What one run did. */
export type RunReport = { pushed: number; pulled: number; conflicts: number };

function browserLock(): SyncEngineOptions['lock'] {
  const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
  if (!locks?.request) return undefined;
  return (name, run) => locks.request(name, () => run()) as ReturnType<typeof run>;
}

export class SyncEngine {
  readonly status = new StatusStore();
  private readonly db: HattamaDb;
  private readonly timers: Timers;
  private readonly pushBatchSize: number;
  private readonly pullPageSize: number;
  private readonly firstPullPageSize: number;
  private running: Promise<RunReport | null> | null = null;
  private again = false;
  private timer: unknown = null;
  private timerDue = Infinity;
  private failures = 0;
  private backoffUntil = 0;
  private stopFns: (() => void)[] = [];
  private started = false;

  constructor(private readonly opts: SyncEngineOptions) {
    this.db = opts.db;
    this.timers = opts.timers ?? { setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms), clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>) };
    this.pushBatchSize = Math.min(opts.pushBatchSize ?? MAX_PUSH_ENTRIES, MAX_PUSH_ENTRIES);
    this.pullPageSize = opts.pullPageSize ?? PULL_PAGE;
    this.firstPullPageSize = Math.min(opts.firstPullPageSize ?? FIRST_PULL_PAGE, this.pullPageSize);
  }

  private now(): number {
    return this.opts.ctx.now().getTime();
  }

  private online(): boolean {
    return this.opts.online ? this.opts.online() : (globalThis.navigator?.onLine ?? true);
  }

  // ---- lifecycle and schedule --------------------------------------------------------------

  /** Starts following local changes, the connection and the periodic pull; syncs at once when signed in. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopFns.push(
      subscribeChanges(this.db.name, (changes) => {
        if (changedIn(changes, 'outbox')) void this.countPending().then((n) => n > 0 && this.schedule(LOCAL_CHANGE_DELAY_MS), quiet);
        if (changedIn(changes, 'settings')) {
          void this.countConflicts().catch(quiet);
          void this.countRefused().catch(quiet);
        }
      }),
    );
    const win = (this.opts.events ?? globalThis) as Partial<Pick<EventTarget, 'addEventListener' | 'removeEventListener'>>;
    const onOnline = () => this.schedule(0, true);
    const onOffline = () => this.status.set({ phase: this.status.get().session ? 'offline' : 'signedOut' });
    win.addEventListener?.('online', onOnline);
    win.addEventListener?.('offline', onOffline);
    this.stopFns.push(() => {
      win.removeEventListener?.('online', onOnline);
      win.removeEventListener?.('offline', onOffline);
    });
    const tick = () => {
      this.schedule(0);
      periodic = this.timers.setTimeout(tick, PULL_INTERVAL_MS);
    };
    let periodic = this.timers.setTimeout(tick, PULL_INTERVAL_MS);
    this.stopFns.push(() => this.timers.clearTimeout(periodic));
    void this.countPending().catch(quiet);
    void this.countConflicts().catch(quiet);
    // A first sync stopped by a crash left its records without projections: build them now, even
    // offline (under the sync lock, so never in the middle of another tab's first sync).
    void this.underSyncLock(() => rebuildStaleProjections(this.db)).catch(quiet);
    void this.refreshSession().then((s) => s && this.schedule(0, true), quiet);
  }

  /** Stops every timer and subscription (a run under way finishes). */
  stop(): void {
    for (const f of this.stopFns.splice(0)) f();
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.timerDue = Infinity;
    this.started = false;
  }

  /**
   * Runs a sync in `delayMs` (sooner if one is due sooner). While backing off after an error, a
   * scheduled run waits for the backoff unless `force`.
   */
  schedule(delayMs: number, force = false): void {
    if (!this.started) return;
    const at = Math.max(this.now() + delayMs, force ? 0 : this.backoffUntil);
    if (at >= this.timerDue) return;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timerDue = at;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.timerDue = Infinity;
      void this.syncNow().catch(quiet);
    }, Math.max(0, at - this.now()));
  }

  // ---- session -------------------------------------------------------------------------------

  /** Asks the host who is signed in; updates the status. */
  async refreshSession(): Promise<SyncSession | null> {
    let status;
    try {
      status = await this.opts.transport.syncStatus({});
    } catch (error) {
      this.status.set({ phase: 'error', problem: { code: 'invalid_response', message: error instanceof Error ? error.message : String(error) } });
      return null;
    }
    this.status.set({
      serverUrl: status.serverUrl,
      session: status.session,
      ...(status.session ? (this.status.get().phase === 'signedOut' ? { phase: 'idle' as const } : {}) : { phase: 'signedOut' as const }),
    });
    return status.session;
  }

  /** Signs in at `serverUrl`; on success syncs at once. */
  async login(serverUrl: string, username: string, password: string): Promise<SyncResult<SyncSession>> {
    const res = await settle(() => this.opts.transport.syncLogin({ serverUrl, username, password }));
    if (!res.ok) return res;
    this.measure(res.value.serverTime);
    const session: SyncSession = { user: res.value.user, expiresAt: res.value.expiresAt };
    this.status.set({ session, phase: 'idle', problem: null });
    await this.refreshSession();
    this.failures = 0;
    this.backoffUntil = 0;
    this.schedule(0, true);
    return { ok: true, value: session };
  }

  /** Signs out (the local data and the changes waiting stay). */
  async logout(): Promise<void> {
    try {
      await this.opts.transport.syncLogout({});
    } finally {
      this.status.set({ session: null, phase: 'signedOut', problem: null });
      await this.refreshSession();
    }
  }

  // ---- a run -----------------------------------------------------------------------------------

  /**
   * Pushes everything waiting, then pulls everything new. A call while a run is under way runs
   * once more after it (never two at once). Resolves with what the run did, or null when there was
   * nothing to do (signed out, offline); rejects with {@link SyncRunError} when it failed.
   */
  async syncNow(): Promise<RunReport | null> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async (): Promise<RunReport | null> => {
      let report: RunReport | null = null;
      do {
        this.again = false;
        report = await this.runOnce();
      } while (this.again);
      return report;
    };
    this.running = run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runOnce(): Promise<RunReport | null> {
    const session = this.status.get().session ?? (await this.refreshSession());
    if (!session) return null;
    if (!this.online()) {
      this.status.set({ phase: 'offline' });
      return null;
    }
    this.status.set({ phase: 'syncing', received: 0, expected: null });
    try {
      const report = await this.underSyncLock(() => this.pushAndPull());
      this.failures = 0;
      this.backoffUntil = 0;
      // The connection may have dropped while the run's last answer was on its way: the header says
      // offline then, not synced, until it is back (the `online` event syncs again).
      this.status.set({ phase: this.online() ? 'idle' : 'offline', problem: null, lastSyncedAt: this.now() });
      return report;
    } catch (error) {
      const problem = error instanceof SyncRunError ? error.problem : { code: 'invalid_response' as const, message: error instanceof Error ? error.message : String(error) };
      this.failed(problem);
      throw error instanceof SyncRunError ? error : new SyncRunError(problem);
    } finally {
      void this.countPending().catch(quiet);
      void this.countConflicts().catch(quiet);
    }
  }

  /** Runs `work` holding the sync lock of this database (one tab at a time). */
  private underSyncLock<T>(work: () => Promise<T>): Promise<T> {
    const lock = this.opts.lock ?? browserLock();
    return lock ? lock(`hattama-sync:${this.db.name}`, work) : work();
  }

  private failed(problem: SyncProblem): void {
    this.failures++;
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** (this.failures - 1));
    const delay = Math.round(base * (0.5 + (this.opts.random ?? Math.random)()));
    this.backoffUntil = this.now() + delay;
    if (problem.code === 'unauthorized' || problem.code === 'not_signed_in') {
      // The host forgot the token: sign in again. Nothing is retried until then.
      this.status.set({ phase: 'signedOut', session: null, problem });
      return;
    }
    this.status.set({ phase: problem.code === 'network' ? 'offline' : 'error', problem });
    this.schedule(delay);
  }

  /** One run's work: push the outbox, then pull the log. */
  async pushAndPull(): Promise<RunReport> {
    let pushed = { pushed: 0, conflicts: 0 };
    let pushError: SyncRunError | null = null;
    try {
      pushed = await this.pushAll();
    } catch (error) {
      // A push the server refuses (a clock ahead, a viewer's change) does not stop the pull; no
      // connection or no session does.
      if (!(error instanceof SyncRunError) || ['network', 'unauthorized', 'not_signed_in'].includes(error.problem.code)) throw error;
      pushError = error;
    }
    let pulled: number;
    try {
      pulled = await this.pullAll();
    } catch (error) {
      // Pages a first sync stored before it stopped: their projections are built now all the same
      // (failing that, the note stays and the next run builds them).
      await rebuildStaleProjections(this.db).catch(() => false);
      throw error;
    }
    // The board and the control rows of a first sync's records, built once all are in.
    await rebuildStaleProjections(this.db);
    if (pushError) throw pushError;
    return { pushed: pushed.pushed, pulled, conflicts: pushed.conflicts };
  }

  /** Server clock minus ours, from an answer's `serverTime`. */
  private measure(serverTime: number | undefined): void {
    if (serverTime !== undefined) this.status.set({ clockOffsetMs: serverTime - this.now() });
  }

  private fail(error: SyncFailure): never {
    this.measure(error.serverTime);
    throw new SyncRunError(error);
  }

  // ---- push ------------------------------------------------------------------------------------

  /** Pushes the outbox batch by batch until it is empty. */
  async pushAll(): Promise<{ pushed: number; conflicts: number }> {
    let pushed = 0;
    let conflicts = 0;
    let renumbered = 0;
    let restamped = false;
    let refused = 0;
    for (;;) {
      const prepared = await this.prepareBatch();
      if (!prepared) return { pushed, conflicts };
      const { batch, items, clientId } = prepared;
      const entries = items.map((item, i) => ({ ...item, clientId, seq: batch.firstSeq + i }) as OutboxItem);
      const res = await settle(() => this.opts.transport.syncPush({ schemaVersion: SYNC_SCHEMA_VERSION, clientId, regionId: this.opts.region(), entries }));
      if (res.ok) {
        this.measure(res.value.serverTime);
        const ack = await this.acknowledge(batch, res.value);
        pushed += ack.acknowledged;
        conflicts += ack.conflicts;
        if (ack.acknowledged === 0) this.fail({ code: 'invalid_response', message: `The server acknowledged seq ${res.value.lastSeq}, before this batch (${batch.firstSeq}…).` });
        continue;
      }
      const e = res.error;
      if (e.code === 'seq_gap' && e.lastSeq !== undefined && renumbered < 2) {
        // The server has fewer of our changes than we thought (a new server, a restored database):
        // the batch goes again, numbered from what it has.
        renumbered++;
        await this.renumber(batch, e.lastSeq);
        continue;
      }
      if ((e.code === 'bad_request' || e.code === 'forbidden') && e.entrySeq !== undefined && refused < MAX_PUSH_ENTRIES) {
        // One entry refused for itself: it is set aside with the reason, the rest goes again.
        const key = batch.keys[e.entrySeq - batch.firstSeq];
        if (key !== undefined) {
          refused++;
          await setAside(this.db, key, e, this.opts.ctx.now().toISOString());
          void this.countRefused().catch(() => undefined);
          continue;
        }
      }
      if (e.code === 'clock_ahead' && e.serverTime !== undefined && !restamped) {
        const offset = e.serverTime - this.now();
        if (Math.abs(offset) <= CLOCK_RIGHT_MS) {
          // The clock is right now; the refused stamps were made while it was not.
          restamped = true;
          await restampPending(this.db, e.serverTime, this.now());
          continue;
        }
      }
      this.fail(e);
    }
  }

  /** The batch to send: the one under way (same keys, same numbers), or the next items of the outbox, numbered now. */
  private async prepareBatch(): Promise<{ batch: Batch; items: OutboxItem[]; clientId: string } | null> {
    const { db } = this;
    // The common case, read without a write transaction: nothing waits.
    if ((await db.outbox.count()) === 0 && !(await db.syncState.get('pushBatch'))) return null;
    return db.transaction('rw', [db.outbox, db.syncState], async () => {
      const clientId = await clientIdOf(db);
      const current = (await db.syncState.get('pushBatch'))?.batch;
      if (current && current.keys.length > 0) {
        const items = await db.outbox.bulkGet(current.keys);
        if (items.every((i) => i !== undefined)) return { batch: current, items: items as OutboxItem[], clientId };
        // Items of the batch vanished (the database was cleared): start again from what is there.
      }
      // An import's chunk rows are spread into rows of one change as the push reaches them.
      const items = await firstItems(db, this.pushBatchSize);
      if (items.length === 0) {
        if (current) await db.syncState.delete('pushBatch');
        return null;
      }
      const acked = (await db.syncState.get('pushed'))?.version ?? 0;
      const batch: Batch = { firstSeq: acked + 1, keys: items.map((i) => i.seq as number) };
      await db.syncState.put({ key: 'pushBatch', batch });
      return { batch, items, clientId };
    });
  }

  /** Drops what the server acknowledged and stores its last seq and the conflicts, in one transaction. */
  private async acknowledge(batch: Batch, res: PushResponse): Promise<{ acknowledged: number; conflicts: number }> {
    const { db } = this;
    // Conflicts put server values back through the repositories: then every write table takes part.
    const tables = res.conflicts.length > 0 ? db.writeTables() : [db.outbox, db.syncState];
    return db.transaction('rw', tables, async () => {
      const done = batch.keys.filter((_, i) => batch.firstSeq + i <= res.lastSeq);
      const rest = batch.keys.slice(done.length);
      const current = (await db.syncState.get('pushBatch'))?.batch;
      const sameBatch = current?.firstSeq === batch.firstSeq && current.keys[0] === batch.keys[0];
      await db.outbox.bulkDelete(done);
      const known = (await db.syncState.get('pushed'))?.version ?? 0;
      if (res.lastSeq > known) await db.syncState.put({ key: 'pushed', version: res.lastSeq });
      if (sameBatch) {
        if (rest.length === 0) await db.syncState.delete('pushBatch');
        else await db.syncState.put({ key: 'pushBatch', batch: { firstSeq: res.lastSeq + 1, keys: rest } });
      }
      const conflicts = await recordConflicts(db, this.opts.repos, res.conflicts, this.opts.ctx.now().toISOString());
      return { acknowledged: done.length, conflicts };
    });
  }

  private async renumber(batch: Batch, lastSeq: number): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.syncState], async () => {
      const current = (await db.syncState.get('pushBatch'))?.batch;
      if (current?.firstSeq === batch.firstSeq && current.keys[0] === batch.keys[0]) {
        await db.syncState.put({ key: 'pushBatch', batch: { firstSeq: lastSeq + 1, keys: batch.keys } });
      }
      await db.syncState.put({ key: 'pushed', version: lastSeq });
    });
  }

  // ---- pull ------------------------------------------------------------------------------------

  /** The scope a cursor counts in: another server or region starts from the beginning. */
  private scope(): string {
    return `${this.status.get().serverUrl ?? ''}|${this.opts.region()}`;
  }

  /** The stored cursor (0 for another scope). */
  async cursor(): Promise<number> {
    const row = await this.db.syncState.get('cursor');
    return row && row.scope === this.scope() ? (row.version ?? 0) : 0;
  }

  /**
   * Pulls page after page until the log is read; returns how many changes and updates came. The
   * next page is asked for while this one is applied (its cursor is known from the answer) — or,
   * when the transport says where it starts from the answer's headers, while this one's body is
   * still read and checked: then the server works on the page after next while this one is
   * applied. Never more than two pages ahead.
   */
  async pullAll(): Promise<number> {
    let pulled = 0;
    let asked = 0;
    type Ask = { since: number; result: Promise<SyncResult<PullResponse>>; head?: number; next?: Ask; lead: boolean };
    const ask = (since: number): Ask => {
      const limit = asked++ === 0 ? this.firstPullPageSize : this.pullPageSize;
      const a = { since, lead: false } as Ask;
      a.result = settle(() => this.opts.transport.syncPull({ region: this.opts.region(), since, limit }, (next) => {
        a.head = next;
        if (a.lead) ahead(a);
      }));
      return a;
    };
    /** While `a` is the page awaited next, the one after it is asked for once a's headers say where it starts. */
    const ahead = (a: Ask) => {
      if (!a.next && a.head !== undefined) a.next = ask(a.head);
    };
    const lead = (a: Ask): Ask => {
      a.lead = true;
      ahead(a);
      return a;
    };
    let since = await this.cursor();
    // A first sync (nothing pulled yet in this scope) brings the records as they stand, unaudited,
    // and does not look for records not here yet.
    let first: FirstSync | undefined = since === 0 ? new FirstSync() : undefined;
    let pending = lead(ask(since));
    for (;;) {
      const res = await pending.result;
      if (!res.ok) this.fail(res.error);
      this.measure(res.value.serverTime);
      // The next page: the one asked on the headers when it starts where this one ends (a
      // mismatched one is left to settle, unused), else asked now.
      const following = res.value.more ? lead(pending.next?.since === res.value.version ? pending.next : ask(res.value.version)) : undefined;
      const applied = await this.applyPage(since, res.value, first).catch(async (error: unknown) => {
        // Nothing is left running behind a failed page.
        if (following) {
          await following.result;
          await following.next?.result;
        }
        throw error;
      });
      if (applied === null) {
        // Another tab moved the cursor meanwhile: go on from where it is, reading every record.
        first = undefined;
        since = await this.cursor();
        pending = lead(ask(since));
        continue;
      }
      pulled += applied;
      const left = res.value.more ? res.value.remaining : 0;
      this.status.set(left === undefined ? { received: pulled } : { received: pulled, expected: pulled + left });
      if (!following) return pulled;
      since = res.value.version;
      pending = following;
    }
  }

  /**
   * Applies one page and stores its cursor, in one transaction; returns how many items came, or
   * null when the cursor is no longer `since` (another tab applied the page meanwhile).
   */
  private async applyPage(since: number, page: PullResponse, first?: FirstSync): Promise<number | null> {
    const { db, opts } = this;
    const scope = this.scope();
    if (page.changes.length === 0 && page.docs.length === 0 && page.version === since) return 0; // nothing new
    try {
      return await db.transaction('rw', db.writeTables(), async () => {
        if ((await this.cursor()) !== since) return null;
        if (first) {
          await first.begin(db);
          await markProjectionsStale(db);
        }
        await applyChanges(opts.repos, page.changes, first ? { first } : {});
        for (const d of page.docs) await applyRemoteDocUpdate(opts.ctx, d.docId, fromBase64(d.update));
        opts.beforeCursorStored?.(page);
        await db.syncState.put({ key: 'cursor', version: page.version, scope });
        return page.changes.length + page.docs.length;
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A change stamped more than 5 minutes after this computer's clock: the clock is behind.
      if (/Remote clock is .* ahead/.test(message)) {
        const offset = this.status.get().clockOffsetMs;
        throw new SyncRunError({ code: 'clock_behind', message, ...(offset !== null ? { clockOffsetMs: offset } : {}) });
      }
      throw error;
    }
  }

  // ---- counts ----------------------------------------------------------------------------------

  async countPending(): Promise<number> {
    const n = await countOutbox(this.db);
    this.status.set({ pending: n });
    return n;
  }

  async countRefused(): Promise<number> {
    const n = (await readRefused(this.db)).length;
    this.status.set({ refused: n });
    return n;
  }

  async countConflicts(): Promise<number> {
    const n = (await readConflicts(this.db)).length;
    this.status.set({ conflicts: n });
    return n;
  }
}

export { CONFLICTS_KEY };

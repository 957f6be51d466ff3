// When the engine syncs (its clock and timers driven by the test): at start, a short while after a
// local change (a burst goes in one push), on every periodic tick, at once when the connection
// returns; after errors it waits longer each time; and it never runs twice at once.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKOFF_MIN_MS, LOCAL_CHANGE_DELAY_MS, PULL_INTERVAL_MS, SyncEngine } from '../../../renderer/src/sync/engine';
import type { SyncTransport } from '../../../renderer/src/sync/transport';
import { T0, openHarness, type Harness } from '../db/harness';
import { MemoryServer } from './memory-server';

type Timer = { id: number; at: number; fn: () => void };

/** Timers on the harness's clock: `advance` moves the clock and runs what falls due, in order. */
function manualTimers(h: Harness) {
  let now = T0;
  let next = 1;
  const pending = new Map<number, Timer>();
  h.setTime(now);
  const settle = () => new Promise((r) => setTimeout(r, 20)); // let the database's real callbacks run
  return {
    timers: {
      setTimeout: (fn: () => void, ms: number) => {
        const id = next++;
        pending.set(id, { id, at: now + ms, fn });
        return id;
      },
      clearTimeout: (id: unknown) => void pending.delete(id as number),
    },
    /** Delays of the timers waiting now, from now. */
    waiting: () => [...pending.values()].map((t) => t.at - now).sort((a, b) => a - b),
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        await settle();
        const due = [...pending.values()].filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        pending.delete(due.id);
        now = due.at;
        h.setTime(now);
        due.fn();
      }
      now = until;
      h.setTime(now);
    },
    settle,
  };
}

const open: { h: Harness; engine: SyncEngine }[] = [];
afterEach(async () => {
  for (const { h, engine } of open.splice(0)) {
    engine.stop();
    await h.dispose();
  }
});

function setup(wrap: (t: SyncTransport) => SyncTransport = (t) => t) {
  const h = openHarness();
  const clock = manualTimers(h);
  const server = new MemoryServer(() => h.ctx.now().getTime());
  const transport = server.transport('Айгерим Серикова');
  const pushes = vi.fn(transport.syncPush);
  const pulls = vi.fn(transport.syncPull);
  const events = new EventTarget();
  let online = true;
  const engine = new SyncEngine({
    db: h.db, repos: h.repos, ctx: h.ctx, region: () => 'aktobe', timers: clock.timers, events, online: () => online, random: () => 0.5,
    transport: wrap({ ...transport, syncPush: pushes, syncPull: pulls }),
  });
  open.push({ h, engine });
  return { h, clock, engine, server, pushes, pulls, events, setOnline: (v: boolean) => void (online = v) };
}

const project = (title: string) => ({ title, investorName: 'ТОО «Инвестор»', regionId: 'aktobe', stage: 'idea' as const, status: 'on_track' as const, tags: [] });

describe('the sync schedule', () => {
  it('syncs at start, pushes a burst of local changes once a short while after, and pulls periodically', async () => {
    const { h, clock, engine, pulls, pushes } = setup();
    engine.start();
    await clock.advance(0);
    await vi.waitFor(() => expect(engine.status.get().phase).toBe('idle'));
    expect(pulls).toHaveBeenCalledTimes(1);

    await h.repos.projects.create(project('Завод'));
    await clock.settle();
    await h.repos.projects.create(project('Цех'));
    await clock.settle();
    expect(pushes).not.toHaveBeenCalled();
    expect(engine.status.get().pending).toBeGreaterThan(0);
    await clock.advance(LOCAL_CHANGE_DELAY_MS - 100);
    expect(pushes).not.toHaveBeenCalled();
    await clock.advance(200);
    await vi.waitFor(() => expect(engine.status.get()).toMatchObject({ pending: 0, phase: 'idle' }));
    expect(pushes).toHaveBeenCalledTimes(1);

    const before = pulls.mock.calls.length;
    await clock.advance(PULL_INTERVAL_MS);
    await vi.waitFor(() => expect(pulls.mock.calls.length).toBe(before + 1));
  });

  it('backs off after errors, longer each time, and syncs at once when the connection returns', async () => {
    let down = true;
    const failing = (t: SyncTransport): SyncTransport => ({
      ...t,
      syncPull: async (q) => (down ? { ok: false, error: { code: 'network', message: 'offline' } } : t.syncPull(q)),
    });
    const { clock, engine, events, pulls } = setup(failing);
    engine.start();
    await clock.advance(0);
    await vi.waitFor(() => expect(engine.status.get()).toMatchObject({ phase: 'offline', problem: { code: 'network' } }));
    await vi.waitFor(() => expect(clock.waiting()[0]).toBe(BACKOFF_MIN_MS));
    await clock.advance(BACKOFF_MIN_MS);
    await vi.waitFor(() => expect(clock.waiting()[0]).toBe(2 * BACKOFF_MIN_MS));
    await clock.advance(2 * BACKOFF_MIN_MS);
    await vi.waitFor(() => expect(clock.waiting()[0]).toBe(4 * BACKOFF_MIN_MS));
    const failures = pulls.mock.calls.length;

    down = false;
    events.dispatchEvent(new Event('online'));
    await clock.advance(0);
    await vi.waitFor(() => expect(engine.status.get()).toMatchObject({ phase: 'idle', problem: null }));
    expect(pulls.mock.calls.length).toBe(failures + 1);
  });

  it('shows offline and does not try while the browser is offline', async () => {
    const { clock, engine, pulls, setOnline } = setup();
    setOnline(false);
    engine.start();
    await clock.advance(0);
    await vi.waitFor(() => expect(engine.status.get().phase).toBe('offline'));
    expect(pulls).not.toHaveBeenCalled();
  });

  it('shows offline when the connection drops during a run: the run that ends after it does not say synced', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let held = false;
    const slow = (t: SyncTransport): SyncTransport => ({
      ...t,
      syncPull: async (q) => {
        held = true;
        await gate;
        return t.syncPull(q);
      },
    });
    const { clock, engine, events, setOnline } = setup(slow);
    engine.start();
    await clock.advance(0);
    await vi.waitFor(() => expect(held).toBe(true));
    expect(engine.status.get().phase).toBe('syncing');
    setOnline(false);
    events.dispatchEvent(new Event('offline'));
    expect(engine.status.get().phase).toBe('offline');
    release();
    await clock.settle();
    await vi.waitFor(() => expect(engine.status.get().lastSyncedAt).not.toBeNull());
    expect(engine.status.get().phase).toBe('offline');
    // Back online: it syncs at once and says so.
    setOnline(true);
    events.dispatchEvent(new Event('online'));
    await clock.advance(0);
    await vi.waitFor(() => expect(engine.status.get().phase).toBe('idle'));
  });

  it('never runs twice at once: a sync asked for during a run runs after it', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let inFlight = 0;
    let most = 0;
    let started = 0;
    const slow = (t: SyncTransport): SyncTransport => ({
      ...t,
      syncPull: async (q) => {
        started++;
        inFlight++;
        most = Math.max(most, inFlight);
        await gate;
        inFlight--;
        return t.syncPull(q);
      },
    });
    const { engine } = setup(slow);
    const first = engine.syncNow();
    const second = engine.syncNow();
    await vi.waitFor(() => expect(started).toBe(1));
    release();
    await Promise.all([first, second]);
    expect(started).toBe(2);
    expect(most).toBe(1);
  });
});

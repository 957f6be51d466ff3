// The renderer's live client against a scripted host: it connects only while a document is open
// and the browser is online, joins each document after every (re)connect with its state vector,
// routes what arrives to its document, sends only once joined (and never as a viewer), answers a
// join with what the document typed offline, reconnects with growing delays, drops the socket
// when the browser goes offline and comes back when it is online.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveHostEvent } from '../../../shared/bridge/live';
import type { LiveClientMessage, LiveServerMessage } from '../../../shared/sync/live';
import { LiveClient, type LiveDocHandlers, type LiveHost } from '../../../renderer/src/sync/live-client';

const DOC = 'minutes/0190a8c0-0000-7000-8000-000000000001/ru';
const OTHER = 'minutes/0190a8c0-0000-7000-8000-000000000002/kk';
const b64 = (bytes: number[]) => Buffer.from(bytes).toString('base64');

function scriptedHost(started = true) {
  const sent: LiveClientMessage[] = [];
  const listeners = new Set<(payload: string) => void>();
  const host = {
    liveConnect: vi.fn(async () => (started ? { started: true } : { started: false, reason: 'Sign in to work live.' })),
    liveSend: vi.fn(async (m: LiveClientMessage) => {
      sent.push(m);
      return { sent: true };
    }),
    liveDisconnect: vi.fn(async () => ({ ok: true })),
    onLiveEvent: vi.fn((l: (payload: string) => void) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    }),
  } satisfies LiveHost;
  const emit = (event: LiveHostEvent) => {
    for (const l of [...listeners]) l(JSON.stringify(event));
  };
  const message = (m: LiveServerMessage) => emit({ type: 'message', message: m });
  return { host, sent, emit, message, listeners, setStarted: (v: boolean) => (started = v) };
}

function handlers(extra: { onJoined?: LiveDocHandlers['onJoined'] } = {}) {
  return {
    stateVector: vi.fn(() => new Uint8Array([0])),
    onJoined: vi.fn(extra.onJoined ?? ((): Uint8Array | null => null)),
    onUpdate: vi.fn<LiveDocHandlers['onUpdate']>(),
    onAwareness: vi.fn<LiveDocHandlers['onAwareness']>(),
    onStatus: vi.fn<NonNullable<LiveDocHandlers['onStatus']>>(),
    onError: vi.fn<NonNullable<LiveDocHandlers['onError']>>(),
  };
}

let online = true;
let network: (() => void) | null = null;
const options = () => ({
  online: () => online,
  onNetworkChange: (l: () => void) => {
    network = l;
    return () => {
      network = null;
    };
  },
  backoff: { minMs: 1000, maxMs: 8000 },
});
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

beforeEach(() => {
  online = true;
  network = null;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('LiveClient', () => {
  it('connects with the first open document, joins it once open, and routes what arrives', async () => {
    const s = scriptedHost();
    const client = new LiveClient(s.host, options());
    expect(s.host.liveConnect).not.toHaveBeenCalled();
    const h = handlers();
    const doc = client.open(DOC, 'aktobe', h);
    await settle();
    expect(s.host.liveConnect).toHaveBeenCalledTimes(1);
    expect(doc.status()).toBe('connecting');
    // Nothing goes out before the document is joined.
    expect(doc.sendUpdate(new Uint8Array([1, 2, 3]))).toBe(false);

    s.emit({ type: 'open' });
    expect(s.sent).toEqual([{ type: 'join', docId: DOC, regionId: 'aktobe', stateVector: b64([0]) }]);
    s.message({ type: 'joined', docId: DOC, canWrite: true, stateVector: b64([0]) });
    expect(doc.status()).toBe('live');
    expect(h.onJoined).toHaveBeenCalledWith(true, new Uint8Array([0]));
    expect(h.onStatus.mock.calls.map((c) => c[0])).toEqual(['connecting', 'live']);

    expect(doc.sendUpdate(new Uint8Array([1, 2, 3]))).toBe(true);
    expect(s.sent.at(-1)).toEqual({ type: 'update', docId: DOC, update: b64([1, 2, 3]) });

    s.message({ type: 'update', docId: DOC, update: b64([9, 9]), by: 'Айгерим Серикова' });
    s.message({ type: 'update', docId: OTHER, update: b64([7]), by: 'x' });
    expect(h.onUpdate.mock.calls).toEqual([[new Uint8Array([9, 9]), 'Айгерим Серикова']]);
    s.message({ type: 'awareness', docId: DOC, update: b64([1, 0]) });
    expect(h.onAwareness).toHaveBeenCalledWith(new Uint8Array([1, 0]));
    s.message({ type: 'error', code: 'forbidden', message: 'no', docId: DOC });
    expect(h.onError).toHaveBeenCalledWith('forbidden: no');

    // A payload that breaks the contract is dropped.
    for (const l of s.listeners) l('{"type":"message","message":{"type":"update","docId":"../etc"}}');
    expect(h.onUpdate).toHaveBeenCalledTimes(1);

    // The last document closes: it leaves and the socket closes.
    doc.close();
    expect(s.sent.at(-1)).toEqual({ type: 'leave', docId: DOC });
    expect(s.host.liveDisconnect).toHaveBeenCalled();
    expect(s.listeners.size).toBe(0);
  });

  it('sends what the document typed offline when the join says what the server has', async () => {
    const s = scriptedHost();
    const client = new LiveClient(s.host, options());
    const h = handlers({ onJoined: () => new Uint8Array([5, 5, 5]) });
    client.open(DOC, 'aktobe', h);
    await settle();
    s.emit({ type: 'open' });
    s.message({ type: 'joined', docId: DOC, canWrite: true, stateVector: b64([1, 2]) });
    expect(h.onJoined).toHaveBeenCalledWith(true, new Uint8Array([1, 2]));
    expect(s.sent.at(-1)).toEqual({ type: 'catch-up', docId: DOC, update: b64([5, 5, 5]) });
  });

  it('sends nothing for a viewer', async () => {
    const s = scriptedHost();
    const client = new LiveClient(s.host, options());
    const doc = client.open(DOC, 'aktobe', handlers({ onJoined: () => new Uint8Array([5]) }));
    await settle();
    s.emit({ type: 'open' });
    s.message({ type: 'joined', docId: DOC, canWrite: false, stateVector: b64([0]) });
    expect(doc.status()).toBe('live');
    expect(doc.sendUpdate(new Uint8Array([1, 2]))).toBe(false);
    expect(doc.sendAwareness(new Uint8Array([1, 2]))).toBe(false);
    expect(s.sent.map((m) => m.type)).toEqual(['join']);
  });

  it('reconnects after a drop with growing delays and joins every open document again', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const s = scriptedHost();
    const client = new LiveClient(s.host, options());
    const a = client.open(DOC, 'aktobe', handlers());
    const b = client.open(OTHER, 'aktobe', handlers());
    await vi.advanceTimersByTimeAsync(0);
    expect(s.host.liveConnect).toHaveBeenCalledTimes(1);
    s.emit({ type: 'open' });
    expect(s.sent.filter((m) => m.type === 'join')).toHaveLength(2);

    s.setStarted(false); // the server is away: connecting fails for a while
    s.emit({ type: 'closed', code: 1006, reason: '', signedOut: false });
    expect(a.status()).toBe('offline');
    expect(b.sendUpdate(new Uint8Array([1, 2]))).toBe(false);
    await vi.advanceTimersByTimeAsync(999);
    expect(s.host.liveConnect).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.host.liveConnect).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(s.host.liveConnect).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.host.liveConnect).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(4000);
    expect(s.host.liveConnect).toHaveBeenCalledTimes(4);
    await vi.advanceTimersByTimeAsync(8000);
    await vi.advanceTimersByTimeAsync(8000);
    expect(s.host.liveConnect).toHaveBeenCalledTimes(6); // capped at 8 s

    s.setStarted(true);
    await vi.advanceTimersByTimeAsync(8000);
    s.emit({ type: 'open' });
    expect(s.sent.filter((m) => m.type === 'join')).toHaveLength(4);
  });

  it('drops the socket when the browser goes offline and reconnects at once when it is back', async () => {
    const s = scriptedHost();
    const client = new LiveClient(s.host, options());
    const doc = client.open(DOC, 'aktobe', handlers());
    await settle();
    s.emit({ type: 'open' });
    s.message({ type: 'joined', docId: DOC, canWrite: true, stateVector: b64([0]) });

    online = false;
    network?.();
    expect(doc.status()).toBe('offline');
    expect(s.host.liveDisconnect).toHaveBeenCalledTimes(1);
    expect(doc.sendUpdate(new Uint8Array([1, 2]))).toBe(false);

    online = true;
    network?.();
    await settle();
    expect(s.host.liveConnect).toHaveBeenCalledTimes(2);
    s.emit({ type: 'open' });
    expect(s.sent.filter((m) => m.type === 'join')).toHaveLength(2);
  });

  it('does not connect while offline, nor keep trying once nothing is open', async () => {
    vi.useFakeTimers();
    online = false;
    const s = scriptedHost(false);
    const client = new LiveClient(s.host, options());
    const doc = client.open(DOC, 'aktobe', handlers());
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.host.liveConnect).not.toHaveBeenCalled();
    online = true;
    network?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.host.liveConnect).toHaveBeenCalledTimes(1); // not signed in: retries later…
    doc.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.host.liveConnect).toHaveBeenCalledTimes(1); // …but not once the minutes are closed
  });
});

// The renderer's live client (issue 10): one connection of the window through the host's live
// channel (shared/bridge/live.ts), shared by every document open live. It connects while a
// document is open and the browser is online, joins each document (again after every
// reconnect, with backoff), routes what arrives to the document it is for, and sends what the
// documents give it. Offline, or before a document is joined, nothing is sent: the outbox
// carries every update anyway, the live channel only makes it arrive sooner.
import { parseLiveHostEvent } from '@shared/bridge/live';
import type { LiveClientMessage, LiveServerMessage } from '@shared/sync/live';
import { MAX_LIVE_UPDATE_CHARS } from '@shared/sync/live';
import { fromBase64, toBase64 } from '../db/doc-store';
import type { LiveHost } from './web-live';

export type { LiveHost };

/** Where a live document stands: `live` once joined; `connecting` while the socket opens; `offline` otherwise. */
export type LiveStatus = 'offline' | 'connecting' | 'live';

/** What a document open live is told. */
export type LiveDocHandlers = {
  /** The document's state vector (what this client has), sent with each join. */
  stateVector: () => Uint8Array;
  /**
   * Joined: `canWrite` false for a viewer; `serverVector` is what the server has stored — the
   * document answers with what it has beyond that (typed while offline), or null.
   */
  onJoined: (canWrite: boolean, serverVector: Uint8Array) => Uint8Array | null;
  /** Another clerk's update (`by` their name; null: the server's catch-up). */
  onUpdate: (update: Uint8Array, by: string | null) => void;
  /** A y-protocols awareness update of the others. */
  onAwareness: (update: Uint8Array) => void;
  onStatus?: (status: LiveStatus) => void;
  /** A refused message of this document (for the log; the outbox still carries updates). */
  onError?: (message: string) => void;
};

/** A document open live. */
export type LiveDoc = {
  /** Sends a stored local update (false: not sent — offline, not joined, a viewer, or too large). */
  sendUpdate: (update: Uint8Array) => boolean;
  sendAwareness: (update: Uint8Array) => boolean;
  status: () => LiveStatus;
  close: () => void;
};

export type LiveClientOptions = {
  /** Whether the browser is online (navigator.onLine). */
  online?: () => boolean;
  /** Subscribes to the browser's online / offline changes; returns the unsubscribe. */
  onNetworkChange?: (listener: () => void) => () => void;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  /** Reconnect delays: the first, and the most (ms). */
  backoff?: { minMs: number; maxMs: number };
};

export const LIVE_BACKOFF = { minMs: 1_000, maxMs: 30_000 };

type Session = { docId: string; regionId: string; handlers: LiveDocHandlers; joined: boolean; canWrite: boolean; status: LiveStatus };

/** One window's live connection. */
export class LiveClient {
  private readonly sessions = new Map<string, Session>();
  private connected = false;
  private connecting = false;
  private failures = 0;
  private retry: unknown = null;
  private unsubscribe: (() => void) | null = null;
  private readonly opts: Required<LiveClientOptions>;

  constructor(
    private readonly host: LiveHost,
    options: LiveClientOptions = {},
  ) {
    const win = globalThis as Partial<Window & typeof globalThis>;
    this.opts = {
      online: options.online ?? (() => globalThis.navigator?.onLine ?? true),
      onNetworkChange:
        options.onNetworkChange ??
        ((listener) => {
          win.addEventListener?.('online', listener);
          win.addEventListener?.('offline', listener);
          return () => {
            win.removeEventListener?.('online', listener);
            win.removeEventListener?.('offline', listener);
          };
        }),
      setTimeout: options.setTimeout ?? ((fn, ms) => globalThis.setTimeout(fn, ms)),
      clearTimeout: options.clearTimeout ?? ((h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>)),
      backoff: options.backoff ?? LIVE_BACKOFF,
    };
  }

  /** Opens `docId` (of region `regionId`) live; the connection starts with the first document. */
  open(docId: string, regionId: string, handlers: LiveDocHandlers): LiveDoc {
    this.sessions.get(docId)?.handlers.onStatus?.('offline');
    const session: Session = { docId, regionId, handlers, joined: false, canWrite: false, status: 'offline' };
    this.sessions.set(docId, session);
    this.start();
    if (this.connected) this.join(session);
    else this.setStatus(session, this.connecting ? 'connecting' : 'offline');
    const current = () => this.sessions.get(docId) === session;
    return {
      sendUpdate: (update) => {
        if (!current() || !session.joined || !session.canWrite) return false;
        const text = toBase64(update);
        if (text.length > MAX_LIVE_UPDATE_CHARS) return false;
        return this.send({ type: 'update', docId, update: text });
      },
      sendAwareness: (update) => (current() && session.joined && session.canWrite ? this.send({ type: 'awareness', docId, update: toBase64(update) }) : false),
      status: () => session.status,
      close: () => {
        if (!current()) return;
        this.sessions.delete(docId);
        if (session.joined) this.send({ type: 'leave', docId });
        if (this.sessions.size === 0) this.stop();
      },
    };
  }

  private start(): void {
    if (this.unsubscribe) return;
    const offHost = this.host.onLiveEvent((payload) => this.onEvent(payload));
    const offNetwork = this.opts.onNetworkChange(() => this.onNetwork());
    this.unsubscribe = () => {
      offHost();
      offNetwork();
    };
    void this.connect();
  }

  /** No document open live: the socket closes and the client stops listening. */
  private stop(): void {
    this.cancelRetry();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.connected = false;
    this.connecting = false;
    this.failures = 0;
    void this.host.liveDisconnect({}).catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.connected || this.connecting || this.sessions.size === 0) return;
    if (!this.opts.online()) {
      for (const s of this.sessions.values()) this.setStatus(s, 'offline');
      return;
    }
    this.connecting = true;
    for (const s of this.sessions.values()) this.setStatus(s, 'connecting');
    let started = false;
    try {
      started = (await this.host.liveConnect({})).started;
    } catch {
      started = false;
    }
    if (!started) {
      this.connecting = false;
      for (const s of this.sessions.values()) this.setStatus(s, 'offline');
      this.scheduleRetry();
    }
  }

  private onNetwork(): void {
    if (this.opts.online()) {
      this.cancelRetry();
      this.failures = 0;
      void this.connect();
    } else {
      // Offline: the socket may linger for a while without noticing; drop it now, the outbox carries on.
      this.cancelRetry();
      this.dropped();
      void this.host.liveDisconnect({}).catch(() => undefined);
    }
  }

  private onEvent(payload: string): void {
    const event = parseLiveHostEvent(payload);
    if (!event || !this.unsubscribe) return;
    if (event.type === 'open') {
      this.connected = true;
      this.connecting = false;
      this.failures = 0;
      for (const s of this.sessions.values()) this.join(s);
    } else if (event.type === 'closed') {
      const wasUp = this.connected || this.connecting;
      this.dropped();
      if (wasUp && this.sessions.size > 0 && this.opts.online()) {
        if (event.signedOut) this.failures = Math.max(this.failures, 4);
        this.scheduleRetry();
      }
    } else {
      this.onMessage(event.message);
    }
  }

  private onMessage(message: LiveServerMessage): void {
    const session = message.docId ? this.sessions.get(message.docId) : undefined;
    if (!session) return;
    if (message.type === 'joined') {
      session.joined = true;
      session.canWrite = message.canWrite;
      this.setStatus(session, 'live');
      const extra = session.handlers.onJoined(message.canWrite, fromBase64(message.stateVector));
      if (extra && message.canWrite) {
        const text = toBase64(extra);
        if (text.length <= MAX_LIVE_UPDATE_CHARS) this.send({ type: 'catch-up', docId: session.docId, update: text });
      }
    } else if (message.type === 'update') {
      session.handlers.onUpdate(fromBase64(message.update), message.by);
    } else if (message.type === 'awareness') {
      session.handlers.onAwareness(fromBase64(message.update));
    } else {
      session.handlers.onError?.(`${message.code}: ${message.message}`);
    }
  }

  private join(session: Session): void {
    session.joined = false;
    this.setStatus(session, 'connecting');
    this.send({ type: 'join', docId: session.docId, regionId: session.regionId, stateVector: toBase64(session.handlers.stateVector()) });
  }

  /** The connection is gone: every document is offline until it is back. */
  private dropped(): void {
    this.connected = false;
    this.connecting = false;
    for (const s of this.sessions.values()) {
      s.joined = false;
      this.setStatus(s, 'offline');
    }
  }

  private send(message: LiveClientMessage): boolean {
    if (!this.connected) return false;
    this.host.liveSend(message).catch(() => undefined);
    return true;
  }

  private scheduleRetry(): void {
    if (this.retry !== null || this.sessions.size === 0) return;
    this.failures++;
    const { minMs, maxMs } = this.opts.backoff;
    const delay = Math.min(maxMs, minMs * 2 ** (this.failures - 1));
    this.retry = this.opts.setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, delay * (0.75 + Math.random() * 0.5));
  }

  private cancelRetry(): void {
    if (this.retry !== null) this.opts.clearTimeout(this.retry);
    this.retry = null;
  }

  private setStatus(session: Session, status: LiveStatus): void {
    if (session.status === status) return;
    session.status = status;
    session.handlers.onStatus?.(status);
  }
}

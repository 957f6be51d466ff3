// The host side of the live channel, once for both hosts: it owns the window's one socket to the
// sync server, opens it with the session's token (which stays in the host), parses what arrives
// with the live contract and hands it on as LiveHostEvent payloads. The browser host runs it in
// the page with the page's WebSocket (renderer/src/sync/web-live.ts), the desktop host in the
// main process with Node's (electron/main/live-socket.service.ts).
import type { LiveHostEvent } from './live';
import { LIVE_CLOSE, LIVE_PATH, liveProtocols, liveServerMessageSchema, parseLiveMessage, type LiveClientMessage } from '../sync/live';

/** A socket as the channel drives it; each host adapts its WebSocket to this. */
export type LiveSocketHandle = {
  send: (text: string) => void;
  close: (code: number, reason: string) => void;
};

/** What a socket tells the channel. */
export type LiveSocketCallbacks = {
  onOpen: () => void;
  onMessage: (text: string) => void;
  onClose: (code: number, reason: string) => void;
};

export type LiveChannelEnv = {
  /** Where the server is and the session's token; null with the reason when there is none. */
  credentials: () => Promise<{ serverUrl: string; token: string } | { reason: string }>;
  /** Opens a WebSocket to `url` with `protocols`. */
  openSocket: (url: string, protocols: string[], callbacks: LiveSocketCallbacks) => LiveSocketHandle;
  /** Hands an event to the renderer (the bridge's `live:event` payload). */
  emit: (payload: string) => void;
  warn?: (message: string) => void;
};

/** The live channel's three calls, as the bridge declares them. */
export type LiveChannel = {
  connect: () => Promise<{ started: boolean; reason?: string }>;
  send: (message: LiveClientMessage) => Promise<{ sent: boolean }>;
  disconnect: () => Promise<{ ok: boolean }>;
};

/** The `ws(s)://…/api/v1/live` address of a sync server at `serverUrl` (http or https). */
export function liveUrl(serverUrl: string): string {
  return `${serverUrl.replace(/\/+$/, '').replace(/^http/, 'ws')}${LIVE_PATH}`;
}

export function createLiveChannel(env: LiveChannelEnv): LiveChannel {
  type Current = { handle: LiveSocketHandle | null; open: boolean };
  let current: Current | null = null;
  const emit = (event: LiveHostEvent) => env.emit(JSON.stringify(event));

  return {
    async connect() {
      if (current) return { started: true };
      const mine: Current = { handle: null, open: false };
      current = mine;
      const creds = await env.credentials();
      if (current !== mine) return { started: false, reason: 'Disconnected meanwhile.' };
      if ('reason' in creds) {
        current = null;
        return { started: false, reason: creds.reason };
      }
      try {
        mine.handle = env.openSocket(liveUrl(creds.serverUrl), liveProtocols(creds.token), {
          onOpen: () => {
            if (current !== mine) return;
            mine.open = true;
            emit({ type: 'open' });
          },
          onMessage: (text) => {
            if (current !== mine) return;
            const parsed = parseLiveMessage(liveServerMessageSchema, text);
            if (parsed.ok) emit({ type: 'message', message: parsed.value });
            else env.warn?.(`Live channel: dropped a message that breaks the contract (${parsed.message})`);
          },
          onClose: (code, reason) => {
            if (current !== mine) return;
            current = null;
            emit({ type: 'closed', code, reason: reason.slice(0, 500), signedOut: code === LIVE_CLOSE.unauthorized });
          },
        });
      } catch (e) {
        current = null;
        return { started: false, reason: `The live channel could not open: ${(e as Error).message}`.slice(0, 500) };
      }
      return { started: true };
    },

    async send(message) {
      if (!current?.open || !current.handle) return { sent: false };
      current.handle.send(JSON.stringify(message));
      return { sent: true };
    },

    async disconnect() {
      const was = current;
      current = null;
      if (was) {
        was.handle?.close(1000, 'no live document');
        emit({ type: 'closed', code: 1000, reason: 'closed by the app', signedOut: false });
      }
      return { ok: true };
    },
  };
}

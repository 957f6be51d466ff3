// The browser host's live channel (shared/bridge/live-channel.ts): the page opens the WebSocket
// itself, to the server that served it (the page's CSP allows `connect-src 'self'`), with the
// session's token, and hears it through the same `live:event` payloads the desktop host's main
// process sends.
import type { HostBridge } from '@shared/bridge/contract';
import { createLiveChannel, type LiveChannelEnv } from '@shared/bridge/live-channel';

export type LiveHost = Pick<HostBridge, 'liveConnect' | 'liveSend' | 'liveDisconnect' | 'onLiveEvent'>;

export type WebLiveEnv = {
  /** The origin the page was served from; null: no server. */
  origin: string | null;
  /** The session's token (null: not signed in). */
  token: () => string | null;
  /** Opens a socket (the window's WebSocket; tests pass a fake). */
  openSocket: LiveChannelEnv['openSocket'] | null;
};

/** Adapts the browser's WebSocket to the channel. */
export function browserSocket(create: (url: string, protocols: string[]) => WebSocket): LiveChannelEnv['openSocket'] {
  return (url, protocols, cb) => {
    const ws = create(url, protocols);
    ws.onopen = () => cb.onOpen();
    ws.onmessage = (event) => {
      if (typeof event.data === 'string') cb.onMessage(event.data);
    };
    ws.onclose = (event) => cb.onClose(event.code, event.reason);
    return { send: (text) => ws.send(text), close: (code, reason) => ws.close(code, reason) };
  };
}

/** The browser host's live channel calls. */
export function createWebLiveHost(env: WebLiveEnv): LiveHost {
  const listeners = new Set<(payload: string) => void>();
  const channel = createLiveChannel({
    credentials: async () => {
      if (!env.origin || !env.openSocket) return { reason: 'This page was not served by a sync server.' };
      const token = env.token();
      return token ? { serverUrl: env.origin, token } : { reason: 'Sign in to work live.' };
    },
    openSocket: (url, protocols, callbacks) => {
      if (!env.openSocket) throw new Error('no WebSocket');
      return env.openSocket(url, protocols, callbacks);
    },
    emit: (payload) => {
      for (const l of [...listeners]) l(payload);
    },
    warn: (message) => console.warn(message),
  });
  return {
    liveConnect: () => channel.connect(),
    liveSend: (message) => channel.send(message),
    liveDisconnect: () => channel.disconnect(),
    onLiveEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

// The desktop host's live channel (shared/bridge/live-channel.ts): the main process owns the
// window's WebSocket to the sync server, opened with the token it keeps (the renderer never sees
// it, and its CSP allows no network), and relays what arrives as `live:event` payloads. Plain
// Node with the socket and the event sink injected; the Electron glue passes Node's WebSocket and
// the main window.
import { createLiveChannel, type LiveSocketCallbacks, type LiveSocketHandle } from '../../shared/bridge/live-channel';
import type { BridgeResponse } from '../../shared/bridge/contract';
import type { ParsedBridgeRequest } from './ipc';
import type { SyncTransportService } from './sync-transport.service';

/** The part of a WebSocket (Node 22's global, the `ws` package in tests) the service uses. */
export interface NodeWebSocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(text: string): void;
  close(code?: number, reason?: string): void;
}

export interface LiveSocketDeps {
  readonly sync: Pick<SyncTransportService, 'liveCredentials'>;
  /** Makes a WebSocket (null where the runtime has none: then the channel does not start). */
  readonly createSocket: ((url: string, protocols: string[]) => NodeWebSocketLike) | null;
  /** Sends a `live:event` payload to the window; false when there is none. */
  readonly emit: (payload: string) => boolean;
  readonly warn?: (message: string, detail?: unknown) => void;
}

export type LiveChannelName = 'live:connect' | 'live:send' | 'live:disconnect';
export type LiveSocketService = { [C in LiveChannelName]: (request: ParsedBridgeRequest<C>) => Promise<BridgeResponse<C>> };

function open(create: NonNullable<LiveSocketDeps['createSocket']>, url: string, protocols: string[], cb: LiveSocketCallbacks): LiveSocketHandle {
  const ws = create(url, protocols);
  ws.onopen = () => cb.onOpen();
  ws.onmessage = (event) => {
    if (typeof event.data === 'string') cb.onMessage(event.data);
    else if (Buffer.isBuffer(event.data)) cb.onMessage(event.data.toString('utf8'));
  };
  ws.onclose = (event) => cb.onClose(event.code, event.reason);
  ws.onerror = () => undefined; // a close follows every error
  return { send: (text) => ws.send(text), close: (code, reason) => ws.close(code, reason) };
}

/** The live channel of the desktop host. */
export function createLiveSocketService(deps: LiveSocketDeps): LiveSocketService {
  const channel = createLiveChannel({
    credentials: async () => (deps.createSocket ? deps.sync.liveCredentials() : { reason: 'This runtime has no WebSocket.' }),
    openSocket: (url, protocols, callbacks) => {
      if (!deps.createSocket) throw new Error('no WebSocket');
      return open(deps.createSocket, url, protocols, callbacks);
    },
    emit: (payload) => {
      if (!deps.emit(payload)) deps.warn?.('Live channel: no window to hand an event to');
    },
    warn: (message) => deps.warn?.(message),
  });
  return {
    'live:connect': () => channel.connect(),
    'live:send': (message) => channel.send(message),
    'live:disconnect': () => channel.disconnect(),
  };
}

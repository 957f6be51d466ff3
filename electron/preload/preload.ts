// The preload: exposes the bridge contract as window.hattama and nothing else — one invoke per
// channel and one subscription per event, both derived from the zod-free tables in channels.ts.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_CHANNELS, BRIDGE_EVENTS, BRIDGE_GLOBAL, type ChannelName, type EventName } from '../../shared/bridge/channels';
import type { HostBridge } from '../../shared/bridge/contract';

/** One method per contract channel; arguments are validated by the main process, not here. */
const invokers = (Object.keys(BRIDGE_CHANNELS) as ChannelName[]).map(
  (channel) => [BRIDGE_CHANNELS[channel], (request: unknown) => ipcRenderer.invoke(channel, request)] as const,
);

/**
 * One subscription per event: the listener receives only the payload, a string (never Electron's
 * event object, which would hand the page `sender`), and gets back a function that unsubscribes
 * it. The renderer's host parses the payload with the contract.
 */
const subscribers = (Object.keys(BRIDGE_EVENTS) as EventName[]).map(
  (event) =>
    [
      BRIDGE_EVENTS[event],
      (listener: (payload: unknown) => void) => {
        if (typeof listener !== 'function') throw new TypeError(`${BRIDGE_EVENTS[event]} expects a function`);
        const forward = (_event: IpcRendererEvent, payload: unknown) => {
          if (typeof payload === 'string') listener(payload);
        };
        ipcRenderer.on(event, forward);
        return () => {
          ipcRenderer.removeListener(event, forward);
        };
      },
    ] as const,
);

const bridge = Object.freeze(Object.fromEntries([...invokers, ...subscribers])) as unknown as HostBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);

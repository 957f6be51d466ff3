// The preload: exposes the bridge contract as window.hattama (one invoke per channel) and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNELS, BRIDGE_GLOBAL, type ChannelName } from '../../shared/bridge/channels';
import type { HostBridge } from '../../shared/bridge/contract';

/** One method per contract channel; arguments are validated by the main process, not here. */
const bridge = Object.freeze(
  Object.fromEntries(
    (Object.keys(BRIDGE_CHANNELS) as ChannelName[]).map((channel) => [BRIDGE_CHANNELS[channel], (request: unknown) => ipcRenderer.invoke(channel, request)]),
  ),
) as HostBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);

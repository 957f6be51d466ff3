// The preload: exposes the bridge contract as window.hattama (one invoke per channel) and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, bridgeContract, channels, type HostBridge } from '../../shared/bridge/contract';

/** One method per contract channel; arguments are validated by the main process, not here. */
const bridge = Object.freeze(
  Object.fromEntries(channels.map((channel) => [bridgeContract[channel].method, (request: unknown) => ipcRenderer.invoke(channel, request)])),
) as HostBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);

// Which host this renderer runs in: the desktop bridge when the preload exposed it, else the browser host.
import type { HostBridge } from '@shared/bridge/contract';
import { createElectronHost, findPreloadBridge } from './host.electron';
import { createWebHost } from './host.web';

let current: HostBridge | undefined;

/**
 * Chooses the host for a window: Electron's bridge when present, otherwise the browser host.
 * @param scope the window (globalThis in the app)
 */
export function selectHost(scope: object = globalThis): HostBridge {
  const bridge = findPreloadBridge(scope);
  return bridge !== undefined ? createElectronHost(bridge) : createWebHost();
}

/** The host this renderer runs in (chosen once, on first use). */
export function getHost(): HostBridge {
  current ??= selectHost();
  return current;
}

// The desktop host: wraps the preload's `window.hattama`, parsing every answer and event with the bridge contract.
import { bridgeContract, bridgeEvents, channels, events, BRIDGE_GLOBAL, type HostBridge } from '@shared/bridge/contract';

type AnyFunction = (...args: unknown[]) => unknown;

/**
 * The bridge the preload exposed under `window.hattama`, when this renderer runs in Electron.
 * @param scope where to look (the window)
 */
export function findPreloadBridge(scope: object = globalThis): Readonly<Record<string, unknown>> | undefined {
  const bridge: unknown = (scope as Record<string, unknown>)[BRIDGE_GLOBAL];
  return typeof bridge === 'object' && bridge !== null ? (bridge as Record<string, unknown>) : undefined;
}

function method(raw: Readonly<Record<string, unknown>>, name: string): AnyFunction {
  const fn = raw[name];
  if (typeof fn !== 'function') throw new Error(`The desktop bridge has no ${name}(); the preload and the renderer are from different builds`);
  return fn as AnyFunction;
}

/**
 * The renderer's typed client of the desktop host. The preload and the main process are trusted
 * to validate requests; this side checks that every answer and every event payload has the shape
 * the contract promises before the UI sees it (a malformed answer rejects, a malformed event is dropped).
 * @param raw the object the preload exposed
 */
export function createElectronHost(raw: Readonly<Record<string, unknown>>): HostBridge {
  const host: Record<string, unknown> = {};
  for (const channel of channels) {
    const spec = bridgeContract[channel];
    const invoke = method(raw, spec.method);
    host[spec.method] = async (request: unknown) => spec.response.parse(await invoke(request));
  }
  for (const event of events) {
    const spec = bridgeEvents[event];
    const subscribe = method(raw, spec.method);
    host[spec.method] = (listener: (payload: unknown) => void) => {
      const unsubscribe = subscribe((payload: unknown) => {
        const parsed = spec.payload.safeParse(payload);
        if (parsed.success) listener(parsed.data);
      });
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        if (typeof unsubscribe === 'function') unsubscribe();
      };
    };
  }
  return Object.freeze(host) as HostBridge;
}

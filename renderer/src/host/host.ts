// The renderer's typed client of its host: the Electron preload's bridge when present,
// otherwise the browser host, which downloads files instead of writing them.
import { BRIDGE_GLOBAL, type HostBridge } from '@shared/bridge/contract';

/** The browser host: same contract, browser means. */
export const browserHost: HostBridge = {
  async appInfo() {
    return { host: 'browser', version: import.meta.env.VITE_APP_VERSION ?? '0.1.0', platform: navigator.platform };
  },
  async saveFile({ suggestedName, mimeType, bytes }) {
    const blob = new Blob([bytes.slice().buffer], { type: mimeType });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = suggestedName;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { saved: true };
  },
  async openExternal({ url }) {
    if (!/^https:\/\//i.test(url)) return { opened: false };
    window.open(url, '_blank', 'noopener,noreferrer');
    return { opened: true };
  },
};

/** The host this renderer runs in. */
export function getHost(): HostBridge {
  const bridge = (globalThis as unknown as Record<string, HostBridge | undefined>)[BRIDGE_GLOBAL];
  return bridge ?? browserHost;
}

// React hook: which host, version and platform the renderer runs on (for Settings → About).
import { useEffect, useState } from 'react';
import type { BridgeResponse } from '@shared/bridge/contract';
import { getHost } from './current-host';

export type AppInfo = BridgeResponse<'app:info'>;

/** The host's app:info, or null until it has answered (or when it failed). */
export function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let alive = true;
    getHost()
      .appInfo({})
      .then((answer) => {
        if (alive) setInfo(answer);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);
  return info;
}

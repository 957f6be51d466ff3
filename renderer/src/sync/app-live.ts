// The window's one live client, over the host's live channel (the page's own WebSocket in the
// browser, the main process's in Electron), made on first use.
import { getHost } from '../host';
import { LiveClient } from './live-client';

let client: LiveClient | null = null;

/** The live client of this window. */
export function appLiveClient(): LiveClient {
  client ??= new LiveClient(getHost());
  return client;
}

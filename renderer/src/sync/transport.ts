// How the sync engine reaches the server: the bridge's sync methods (DESIGN §4). In Electron the
// main process makes the HTTP calls with the token it keeps; in the browser the web host calls the
// server it was served from (web-transport.ts). Tests pass an in-process transport.
import type { HostBridge } from '@shared/bridge/contract';
import type { SyncFailure, SyncPullRequest, SyncResult } from '@shared/bridge/sync';

export type { SyncFailure, SyncResult };
export type { SyncHostStatus, SyncSession, SyncPullRequest, SyncFailureCode } from '@shared/bridge/sync';

/**
 * The sync methods of a host: what the engine calls. A pull may be told, before its answer is read
 * and checked, where the next page starts (`onNext`, from the answer's headers): the browser's
 * transport does; the desktop bridge answers whole and never calls it.
 */
export type SyncTransport = Pick<HostBridge, 'syncStatus' | 'syncLogin' | 'syncLogout' | 'syncPush'> & {
  syncPull(request: SyncPullRequest, onNext?: (since: number) => void): ReturnType<HostBridge['syncPull']>;
};

/** A failure of the call itself (the bridge refused it — an address that is not a URL among others —, the answer broke the contract) as a result. */
export function thrownFailure(error: unknown): SyncFailure {
  const message = error instanceof Error ? error.message : String(error);
  const code = /invalid_server_url/.test(message) ? 'invalid_url' : error instanceof TypeError && /fetch|network/i.test(message) ? 'network' : 'invalid_response';
  return { code, message: message.slice(0, 2000) };
}

/** Runs a transport call; a thrown error becomes a failed result. */
export async function settle<T>(call: () => Promise<SyncResult<T>>): Promise<SyncResult<T>> {
  try {
    return await call();
  } catch (error) {
    return { ok: false, error: thrownFailure(error) };
  }
}

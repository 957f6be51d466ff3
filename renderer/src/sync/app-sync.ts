// The app's one sync engine: made for the app's database on first use, over the host's transport
// (the bridge in Electron, the page's own server in the browser), syncing the workspace's region.
// On sign-in the audit log and the stage log start naming the signed-in clerk.
import type { Services } from '../app/services';
import { setCurrentUser, workspaceRegion } from '../app/services';
import { getHost } from '../host';
import { SyncEngine } from './engine';

let current: { engine: SyncEngine; db: Services['db'] } | null = null;

/** The engine of these services' database (made once; call `start()` to let it run). */
export function appSyncEngine(services: Services): SyncEngine {
  if (current?.db !== services.db) {
    current?.engine.stop();
    current = { db: services.db, engine: new SyncEngine({ db: services.db, repos: services.repos, ctx: services.ctx, transport: getHost(), region: workspaceRegion }) };
  }
  return current.engine;
}

/** Signs in with the app's engine; the signed-in clerk's name goes into the change logs from now on. */
export async function signIn(services: Services, serverUrl: string, username: string, password: string) {
  const res = await appSyncEngine(services).login(serverUrl, username, password);
  if (res.ok) setCurrentUser(res.value.user.displayName);
  return res;
}

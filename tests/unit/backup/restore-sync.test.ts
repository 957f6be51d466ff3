// A restored database against the sync server in process (PGlite): under the old client id its
// push numbers would be ones the server has already applied — skipped as duplicates, so work done
// after the restore would be lost. Under its new id everything reaches the server: the snapshot's
// unsent change and what is typed after the restore; and what the server already had comes back.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyProjectFields } from '@shared/domain/project.schema';
import { openClerk, serverReplica, signInClerk, startTestServer, type Clerk, type TestServer } from '../sync/support';
import { T0 } from '../db/harness';
import { closeSharedPglite, openTestDb } from '../../server/support';
import { takeSnapshot } from '../../../renderer/src/backup/snapshot';
import { readSnapshot, restoreSnapshot } from '../../../renderer/src/backup/restore';

beforeAll(async () => {
  const { drop } = await openTestDb('pglite'); // the shared PGlite starts once, before the test
  await drop();
}, 90_000);
afterAll(closeSharedPglite);

let server: TestServer;
let clerk: Clerk;
beforeEach(async () => {
  server = await startTestServer(T0);
  clerk = openClerk('restore', () => server.app);
  await signInClerk(clerk, 'aigerim');
});
afterEach(async () => {
  clerk?.engine.stop();
  await clerk?.dispose();
  await server?.close();
});

const project = (title: string) => ({ ...emptyProjectFields('aktobe'), title, investorName: 'ТОО «Ақтөбе»' });
const titles = async () => Object.values((await serverReplica(server.db)).projects ?? {}).map((p) => p.title).sort();

describe('a restored database syncs under a new client id', () => {
  it('pushes the snapshot\'s unsent change and what is typed after the restore; the server\'s later changes come back', async () => {
    await clerk.repos.projects.create(project('Синхронизирован до копии'));
    await clerk.engine.syncNow();
    // Offline: an unsent change, then the snapshot.
    await clerk.repos.projects.create(project('Не отправлен на момент копии'));
    const snapshot = await takeSnapshot(clerk.db, { appVersion: '0.1.0', reason: 'manual', now: new Date(T0) });
    // Back online: that change and a later one reach the server (under the old id, its seqs used up).
    await clerk.engine.syncNow();
    await clerk.repos.projects.create(project('Создан после копии'));
    await clerk.engine.syncNow();
    const oldPushed = (await clerk.db.syncState.get('pushed'))?.version ?? 0;
    expect(oldPushed).toBeGreaterThan(2);

    const { unsent } = await restoreSnapshot(clerk.db, await readSnapshot(clerk.db, snapshot.bytes), crypto.randomUUID());
    expect(unsent).toBeGreaterThan(0);
    await clerk.repos.projects.create(project('Создан после восстановления'));
    await clerk.engine.syncNow();

    expect(await titles()).toEqual(['Не отправлен на момент копии', 'Синхронизирован до копии', 'Создан после восстановления', 'Создан после копии']);
    // The clerk's database has everything again: its own and what the server had from before.
    const local = (await clerk.db.projects.toArray()).map((p) => p.title).sort();
    expect(local).toEqual(await titles());
    expect(await clerk.db.outbox.count()).toBe(0);
  });
});

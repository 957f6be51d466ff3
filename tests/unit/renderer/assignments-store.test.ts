// The control table's in-memory model, against a real (fake-indexeddb) database: it reads the
// assignments, meetings, agenda items, organizations and project titles once, then follows the
// change feed — a decision edited in the minutes, a report that takes an assignment off control,
// a new instruction from above and a deleted decision all reach the table without a reload.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openHarness, type Harness } from '../db/harness';
import { ControlStore } from '../../../renderer/src/features/assignments/assignment-store';
import { buildControlRows } from '../../../renderer/src/features/assignments/assignment-table';

let h: Harness;
let store: ControlStore;

beforeEach(() => {
  h = openHarness();
});
afterEach(async () => {
  store?.close();
  await h.dispose();
});

async function seed() {
  const { repos } = h;
  const org = await repos.organizations.create({ name: 'Управление энергетики', kind: 'state_body', regionId: 'aktobe' });
  const project = await repos.projects.create({ title: 'Завод по производству пластиковых труб', investorName: 'ТОО «Polyline»', regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: [] });
  const meeting = await repos.ops.createMeeting({ regionId: 'aktobe', number: 3, kind: 'on_site', date: '2026-02-12', place: 'Актюбинский ферросплавный завод' });
  const item = await repos.ops.addAgendaItem(meeting.id, { kind: 'topic', titleRu: 'О проектах', projectIds: [project.id] });
  const d1 = await repos.ops.addDecision(item.id, { textRu: 'Изучить проект', responsibleOrgIds: [org.id], deadline: { kind: 'date', due: '2026-03-01' } });
  const d2 = await repos.ops.addDecision(item.id, { textRu: 'Подключить к сетям', responsibleOrgIds: [org.id], deadline: { kind: 'date', due: '2026-04-01' } });
  return { org, project, meeting, item, d1, d2 };
}

async function model() {
  await vi.waitFor(() => expect(store.getSnapshot().phase).toBe('ready'));
  await store.settled();
  return store.getSnapshot().model;
}

describe('the control model', () => {
  it('reads the assignments with what their references and names need', async () => {
    const { d1, d2 } = await seed();
    store = new ControlStore(h.db);
    store.start();
    const rows = buildControlRows(await model(), 'ru', '2026-03-16');
    const d = (id: string) => rows.find((r) => r.id === id);
    expect(d(d1.id)).toMatchObject({ reference: 'п. 1.1 протокола № 3 от 12.02.2026', responsible: ['Управление энергетики'], projects: ['Завод по производству пластиковых труб'] });
    expect(d(d1.id)?.state.overdue).toBe(true);
    expect(d(d2.id)?.reference).toBe('п. 1.2 протокола № 3 от 12.02.2026');
  });

  it('follows edits, reports, new instructions and deletions from the change feed', async () => {
    const { d1, d2, org } = await seed();
    store = new ControlStore(h.db);
    store.start();
    await model();

    await h.repos.ops.updateDecision(d2.id, { textRu: 'Подключить завод к электросетям' });
    await h.repos.ops.reportExecution(d1.id, { text: 'Проект изучен, заключение направлено' }, true);
    // A lone create, as the «Поручение сверху» form makes it (its table check reads nothing).
    const x = await h.repos.assignments.create({
      regionId: 'aktobe', origin: 'directive', sourceKind: 'head_of_state', sourceDate: '2026-02-10', sourceNumber: '15', status: 'open',
      textRu: 'Обеспечить работу СЭЗ', responsibleOrgIds: [org.id], projectIds: [], zoneIds: ['sez-aktobe'], meetingIds: [],
    });
    await vi.waitFor(() => expect(store.getSnapshot().model.assignments.map((a) => a.id)).toContain(x.id));
    await vi.waitFor(() => {
      const m = store.getSnapshot().model;
      expect(m.assignments.find((a) => a.id === d1.id)?.status).toBe('done');
      expect(m.assignments.find((a) => a.id === d2.id)?.textRu).toBe('Подключить завод к электросетям');
    });

    await h.repos.ops.removeDecision(d1.id);
    await vi.waitFor(() => expect(store.getSnapshot().model.assignments.map((a) => a.id)).not.toContain(d1.id));
    // With 1.1 gone, the other decision of the item becomes 1.1.
    const rows = buildControlRows(await model(), 'ru', '2026-03-16');
    expect(rows.find((r) => r.id === d2.id)?.reference).toBe('п. 1.1 протокола № 3 от 12.02.2026');
  });

  it('follows a renamed responsible body and project', async () => {
    const { d1, org, project } = await seed();
    store = new ControlStore(h.db);
    store.start();
    await model();
    await h.repos.organizations.update(org.id, { name: 'Управление энергетики и ЖКХ' });
    await h.repos.projects.update(project.id, { title: 'Завод пластиковых труб «Polyline»' });
    await vi.waitFor(() => {
      const row = buildControlRows(store.getSnapshot().model, 'ru', '2026-03-16').find((r) => r.id === d1.id);
      expect(row?.responsible).toEqual(['Управление энергетики и ЖКХ']);
      expect(row?.projects).toEqual(['Завод пластиковых труб «Polyline»']);
    });
  });
});

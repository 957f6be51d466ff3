// The control item «Об исполнении ранее данных поручений»: the assignments under control at the
// meeting's date (open or in progress, given before it, not the meeting's own), which of them were
// overdue on that date, and the reference each is known by — from records written through the
// repositories and the meeting operations.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../db/harness';
import { aliveRows } from '../../../renderer/src/db/db';
import { openAssignmentsAt } from '../../../renderer/src/features/meetings/control-items';
import { projectMeetingLines } from '../../../renderer/src/features/meetings/ProjectMeetings';

let h: Harness;
beforeEach(() => {
  h = openHarness();
});
afterEach(async () => {
  await h.dispose();
});

const at = (iso: string) => h.setTime(Date.parse(`${iso}T06:00:00Z`));

/**
 * An instruction received from above. Written in a transaction with a read under way: on
 * fake-indexeddb a lone `repos.assignments.create` of a directive fails with PrematureCommitError
 * (its table check awaits nothing of the database), a data-layer matter outside this feature.
 */
async function createDirective(fields: { sourceKind: 'head_of_state' | 'government' | 'akim'; textRu: string; sourceDate?: string; sourceNumber?: string; zoneIds?: string[] }) {
  return h.db.transaction('rw', h.db.writeTables(), async () => {
    const pending = h.db.meetings.count();
    const row = await h.repos.assignments.create({ regionId: 'aktobe', origin: 'directive', status: 'open', responsibleOrgIds: [], projectIds: [], zoneIds: [], meetingIds: [], ...fields });
    await pending;
    return row;
  });
}

async function controlAt(meeting: { id: string; date: string }) {
  const [assignments, meetings, items] = await Promise.all([aliveRows(h.db.assignments).toArray(), h.db.meetings.toArray(), h.db.agendaItems.toArray()]);
  return openAssignmentsAt(assignments, meeting, meetings, items);
}

describe('assignments under control at a meeting', () => {
  it('lists the open ones given before the meeting, overdue first, with «п. N.M протокола № K от DD.MM.YYYY»', async () => {
    at('2026-02-12');
    const first = await h.repos.ops.createMeeting({ regionId: 'aktobe', number: 3, kind: 'on_site', date: '2026-02-12', place: 'Завод' });
    const item1 = await h.repos.ops.addAgendaItem(first.id, { kind: 'topic', titleRu: 'О СЭЗ', projectIds: [] });
    const item2 = await h.repos.ops.addAgendaItem(first.id, { kind: 'topic', titleRu: 'О проектах', projectIds: [] });
    const late = await h.repos.ops.addDecision(item2.id, { textRu: 'Представить план', deadline: { kind: 'date', due: '2026-03-01' } });
    const later = await h.repos.ops.addDecision(item2.id, { textRu: 'Изучить проекты', deadline: { kind: 'date', due: '2026-05-01' } });
    const done = await h.repos.ops.addDecision(item1.id, { textRu: 'Подготовить справку', deadline: { kind: 'date', due: '2026-03-01' } });
    const ongoing = await h.repos.ops.addDecision(item1.id, { textRu: 'Ежеквартально информировать', deadline: { kind: 'quarterly' } });
    await h.repos.ops.reportExecution(done.id, { text: 'Справка направлена' }, true);
    const directive = await createDirective({ sourceKind: 'head_of_state', sourceDate: '2026-02-10', sourceNumber: '17-2', textRu: 'Повысить эффективность СЭЗ', zoneIds: ['sez-aktobe'] });

    at('2026-03-20');
    const next = await h.repos.ops.createMeeting({ regionId: 'aktobe', number: 4, kind: 'regular', date: '2026-04-01', place: 'Акимат' });
    const control = await h.repos.ops.addAgendaItem(next.id, { kind: 'control', titleRu: 'Об исполнении ранее данных поручений', projectIds: [] });
    await h.repos.ops.addDecision(control.id, { textRu: 'Решение самого заседания' });
    // Given after the meeting: an instruction dated later, and one without a date entered later.
    await createDirective({ sourceKind: 'akim', textRu: 'Данное после заседания', sourceDate: '2026-04-03' });
    at('2026-04-05');
    await createDirective({ sourceKind: 'akim', textRu: 'Внесённое после заседания, без даты' });
    // An instruction of February entered only on the day of the meeting was given before it.
    at('2026-04-01');
    const enteredLate = await createDirective({ sourceKind: 'government', textRu: 'Внесённое в день заседания', sourceDate: '2026-02-20' });

    const list = await controlAt(next);
    // Overdue first, then by due date, those without one last (in the order they were given).
    expect(list.map((e) => e.id)).toEqual([late.id, later.id, ongoing.id, directive.id, enteredLate.id]);
    const byId = new Map(list.map((e) => [e.id, e]));
    expect(byId.get(late.id)).toMatchObject({ overdue: true, daysLeft: -31, due: '2026-03-01', reference: { kind: 'decision', point: '2.1', meetingNumber: 3, meetingDate: '2026-02-12' } });
    expect(byId.get(later.id)).toMatchObject({ overdue: false, daysLeft: 30, reference: { point: '2.2' } });
    expect(byId.get(ongoing.id)).toMatchObject({ overdue: false, due: null, reference: { point: '1.2' } });
    expect(byId.get(directive.id)).toMatchObject({ reference: { kind: 'directive', source: 'head_of_state', number: '17-2', date: '2026-02-10' } });
    expect(byId.has(done.id)).toBe(false);
  });

  it('does not count the decisions of a later meeting', async () => {
    at('2026-01-10');
    const later = await h.repos.ops.createMeeting({ regionId: 'aktobe', number: 2, kind: 'regular', date: '2026-05-10', place: 'Акимат' });
    const item = await h.repos.ops.addAgendaItem(later.id, { kind: 'topic', titleRu: 'О плане', projectIds: [] });
    await h.repos.ops.addDecision(item.id, { textRu: 'Утвердить план' });
    expect(await controlAt({ id: 'other', date: '2026-05-01' })).toEqual([]);
    expect(await controlAt({ id: 'other', date: '2026-05-11' })).toHaveLength(1);
  });

  it('judges overdue on the meeting’s date, not today', async () => {
    at('2026-01-10');
    const m = await h.repos.ops.createMeeting({ regionId: 'aktobe', number: 1, kind: 'regular', date: '2026-01-10', place: 'Акимат' });
    const item = await h.repos.ops.addAgendaItem(m.id, { kind: 'topic', titleRu: 'О плане', projectIds: [] });
    const d = await h.repos.ops.addDecision(item.id, { textRu: 'Утвердить план', deadline: { kind: 'date', due: '2026-02-01' } });
    const onTime = await controlAt({ id: 'other', date: '2026-01-20' });
    const after = await controlAt({ id: 'other', date: '2026-02-02' });
    expect(onTime.find((e) => e.id === d.id)).toMatchObject({ overdue: false, daysLeft: 12 });
    expect(after.find((e) => e.id === d.id)).toMatchObject({ overdue: true, daysLeft: -1 });
  });

  it('no longer lists an assignment whose meeting item was removed with it', async () => {
    at('2026-01-10');
    const m = await h.repos.ops.createMeeting({ regionId: 'aktobe', number: 1, kind: 'regular', date: '2026-01-10', place: 'Акимат' });
    const item = await h.repos.ops.addAgendaItem(m.id, { kind: 'topic', titleRu: 'О плане', projectIds: [] });
    await h.repos.ops.addDecision(item.id, { textRu: 'Утвердить план' });
    await h.repos.ops.removeAgendaItem(item.id);
    expect(await controlAt({ id: 'other', date: '2026-02-02' })).toEqual([]);
  });
});

describe('the meetings that discussed a project', () => {
  it('finds the agenda items by the project index, with the item’s number, the latest meeting first', async () => {
    const project = await h.repos.projects.create({ title: 'Завод труб', investorName: 'ТОО «Polyline»', regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: [] });
    const m1 = await h.repos.ops.createMeeting({ regionId: 'aktobe', number: 1, kind: 'regular', date: '2026-04-01', place: 'Акимат' });
    const m2 = await h.repos.ops.createMeeting({ regionId: 'aktobe', number: 2, kind: 'on_site', date: '2026-05-01', place: 'Завод' });
    await h.repos.ops.addAgendaItem(m1.id, { kind: 'topic', titleRu: 'О СЭЗ', projectIds: [] });
    const i1 = await h.repos.ops.addAgendaItem(m1.id, { kind: 'topic', titleRu: 'О заводе труб', projectIds: [project.id] });
    const i2 = await h.repos.ops.addAgendaItem(m2.id, { kind: 'topic', titleRu: 'О проектах', projectIds: [project.id] });
    const removed = await h.repos.ops.addAgendaItem(m2.id, { kind: 'topic', titleRu: 'Удалённый', projectIds: [project.id] });
    await h.repos.ops.removeAgendaItem(removed.id);

    const items = await h.db.agendaItems.where('projectIds').equals(project.id).toArray();
    const ids = [...new Set(items.map((i) => i.meetingId))];
    const lines = projectMeetingLines(items, await h.db.meetings.bulkGet(ids), await h.db.agendaItems.where('meetingId').anyOf(ids).toArray());
    expect(lines.map((l) => [l.meeting.number, l.item.id, l.number])).toEqual([[2, i2.id, 1], [1, i1.id, 2]]);
  });
});

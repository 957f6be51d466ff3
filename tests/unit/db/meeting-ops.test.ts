// The meeting, minutes and assignment operations as a clerk meets them: numbering restarts each
// year and refuses duplicates; agenda order by fractional positions (a move rewrites one item);
// attendance and minutes ids derived so two clerks' offline records merge into one; decisions
// numbered per item and kept under control as assignments (one record, both ways); agreeing needs
// responsible bodies and deadlines; signing freezes the decisions and a correction makes a new
// revision with the signed text; extensions and execution reports.
import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { isRecordChange } from '@shared/sync/contract';
import { decisionNumbers } from '@shared/domain/decisions';
import { minutesDocId } from '@shared/domain/meeting.schema';
import { ValidationError } from '../../../renderer/src/db/repository';
import { StateError } from '../../../renderer/src/db/meeting-ops';
import { openDoc, loadDocState } from '../../../renderer/src/db/doc-store';
import { T0, openHarness, type Harness } from './harness';
import { allOutboxItems } from '../../../renderer/src/db/outbox';

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.dispose();
});
/** A clerk's machine; each one's clock runs two minutes behind the next one's. */
function harness(): Harness {
  const h = openHarness();
  h.setTime(T0 + open.length * 120_000);
  open.push(h);
  return h;
}

async function meeting(h: Harness, overrides: Record<string, unknown> = {}) {
  return h.repos.ops.createMeeting({ regionId: 'aktobe', number: 1, kind: 'on_site', date: '2026-02-12', time: '10:00', place: 'Актюбинский ферросплавный завод', ...overrides });
}
async function org(h: Harness, name = 'Управление предпринимательства') {
  return h.repos.organizations.create({ name, kind: 'state_body', regionId: 'aktobe' });
}
async function person(h: Harness, fullName: string) {
  return h.repos.people.create({ fullName, regionId: 'aktobe' });
}
async function liveItems(h: Harness, meetingId: string) {
  return (await h.db.agendaItems.where('meetingId').equals(meetingId).toArray()).filter((i) => i.alive === 1).sort((a, b) => (a.position < b.position ? -1 : 1));
}

describe('meeting numbers', () => {
  it('restart each year and refuse a duplicate in the same year', async () => {
    const h = harness();
    await meeting(h, { number: 1, date: '2026-02-12' });
    expect(await h.repos.ops.nextMeetingNumber('aktobe', '2026-05-01')).toBe(2);
    expect(await h.repos.ops.nextMeetingNumber('aktobe', '2027-01-15')).toBe(1);
    await expect(meeting(h, { number: 1, date: '2026-11-01' })).rejects.toMatchObject({ issues: [{ path: 'number', message: 'duplicate_number' }] });
    // The same number next year is fine.
    await expect(meeting(h, { number: 1, date: '2027-01-15' })).resolves.toMatchObject({ number: 1 });
    expect(await h.db.meetings.count()).toBe(2);
  });

  it('refuses an empty number, a missing place and HTML in the place', async () => {
    const h = harness();
    await expect(meeting(h, { number: '' })).rejects.toBeInstanceOf(ValidationError);
    await expect(meeting(h, { place: '  ' })).rejects.toMatchObject({ issues: [{ path: 'place', message: 'required' }] });
    await expect(meeting(h, { place: '<img src=x onerror=alert(1)>' })).rejects.toMatchObject({ issues: [{ path: 'place', message: 'no_markup' }] });
    expect(await h.db.meetings.count()).toBe(0);
  });

  it('a renumbered meeting may take its own number again, not another’s', async () => {
    const h = harness();
    const a = await meeting(h, { number: 1 });
    await meeting(h, { number: 2, date: '2026-03-01' });
    await expect(h.repos.meetings.update(a.id, { number: 1, place: 'Акимат' })).resolves.toMatchObject({ place: 'Акимат' });
    await expect(h.repos.meetings.update(a.id, { number: 2 })).rejects.toMatchObject({ issues: [{ message: 'duplicate_number' }] });
  });
});

describe('agenda', () => {
  it('keeps the order of additions and moves an item by rewriting it alone', async () => {
    const h = harness();
    const m = await meeting(h);
    const a = await h.repos.ops.addAgendaItem(m.id, { kind: 'topic', titleRu: 'О проекте А', projectIds: [] });
    const b = await h.repos.ops.addAgendaItem(m.id, { kind: 'topic', titleRu: 'О проекте Б', projectIds: [] });
    const c = await h.repos.ops.addAgendaItem(m.id, { kind: 'topic', titleRu: 'О СЭЗ «Актобе»', projectIds: [] });
    expect((await liveItems(h, m.id)).map((i) => i.titleRu)).toEqual(['О проекте А', 'О проекте Б', 'О СЭЗ «Актобе»']);
    const outboxBefore = await h.db.outbox.count();
    await h.repos.ops.moveAgendaItem(c.id, 0);
    expect((await liveItems(h, m.id)).map((i) => i.id)).toEqual([c.id, a.id, b.id]);
    // One record changed, one field: the position.
    const entries = (await allOutboxItems(h.db)).filter(isRecordChange).slice(outboxBefore);
    expect(entries.map((e) => [e.recordId, Object.keys(e.fields)])).toEqual([[c.id, ['position']]]);
    await h.repos.ops.moveAgendaItem(c.id, 2);
    expect((await liveItems(h, m.id)).map((i) => i.id)).toEqual([a.id, b.id, c.id]);
  });

  it('two clerks who each add an item offline both keep theirs, in one order', async () => {
    const one = harness();
    const two = harness();
    const m = await meeting(one);
    const copy = async (from: Harness, to: Harness) => {
      for (const e of (await allOutboxItems(from.db)).filter(isRecordChange)) await to.repos[e.table].applyRemote(e.recordId, e.fields);
    };
    await copy(one, two);
    await one.repos.ops.addAgendaItem(m.id, { kind: 'topic', titleRu: 'О первом', projectIds: [] });
    await two.repos.ops.addAgendaItem(m.id, { kind: 'topic', titleRu: 'О втором', projectIds: [] });
    await copy(one, two);
    await copy(two, one);
    const titles = async (h: Harness) => (await liveItems(h, m.id)).map((i) => i.titleRu);
    expect(await titles(one)).toHaveLength(2);
    expect(await titles(one)).toEqual(await titles(two));
  });

  it('removing an item tombstones its decisions, and undo brings both back', async () => {
    const h = harness();
    const m = await meeting(h);
    const item = await h.repos.ops.addAgendaItem(m.id, { kind: 'topic', titleRu: 'О проекте', projectIds: [] });
    const d = await h.repos.ops.addDecision(item.id, { textRu: 'Изучить проект' });
    const removed = await h.repos.ops.removeAgendaItem(item.id);
    expect(removed).toEqual([d.id]);
    expect((await h.db.assignments.get(d.id))?.deletedAt).not.toBeNull();
    await h.repos.ops.restoreAgendaItem(item.id, removed);
    expect((await h.db.assignments.get(d.id))?.deletedAt).toBeNull();
    expect((await h.db.agendaItems.get(item.id))?.deletedAt).toBeNull();
  });
});

describe('attendance', () => {
  it('is one record per person and meeting; presence is set with one call, and two clerks’ marks merge', async () => {
    const one = harness();
    const two = harness();
    const m = await meeting(one);
    const p = await person(one, 'Марат Абишев');
    for (const e of (await allOutboxItems(one.db)).filter(isRecordChange)) await two.repos[e.table].applyRemote(e.recordId, e.fields);
    const seq = await one.db.outbox.count();
    const seqTwo = await two.db.outbox.count();
    const a1 = await one.repos.ops.setAttendance(m.id, p.id, { role: 'participant' });
    await one.repos.ops.setAttendance(m.id, p.id, { presence: 'present' });
    const a2 = await two.repos.ops.setAttendance(m.id, p.id, { role: 'participant', presence: 'video' });
    expect(a1.id).toBe(a2.id);
    expect(await one.db.attendance.count()).toBe(1);
    for (const e of (await allOutboxItems(two.db)).filter(isRecordChange).slice(seqTwo)) await one.repos[e.table].applyRemote(e.recordId, e.fields);
    for (const e of (await allOutboxItems(one.db)).filter(isRecordChange).slice(seq)) await two.repos[e.table].applyRemote(e.recordId, e.fields);
    const r1 = await one.db.attendance.get(a1.id);
    const r2 = await two.db.attendance.get(a1.id);
    expect(await one.db.attendance.count()).toBe(1);
    expect(r1?.presence).toBe(r2?.presence);
  });

  it('a person removed and added again comes back as the same record', async () => {
    const h = harness();
    const m = await meeting(h);
    const p = await person(h, 'Асхат Шахаров');
    const a = await h.repos.ops.setAttendance(m.id, p.id, { role: 'invitee' });
    await h.repos.ops.removeAttendance(a.id);
    const again = await h.repos.ops.setAttendance(m.id, p.id, { role: 'participant', presence: 'present' });
    expect(again).toMatchObject({ id: a.id, role: 'participant', presence: 'present', deletedAt: null });
  });
});

describe('decisions and assignments', () => {
  it('are numbered per agenda item (1.1, 1.2, 2.1) and follow a move of the item', async () => {
    const h = harness();
    const m = await meeting(h);
    const i1 = await h.repos.ops.addAgendaItem(m.id, { kind: 'topic', titleRu: 'О первом', projectIds: [] });
    const i2 = await h.repos.ops.addAgendaItem(m.id, { kind: 'topic', titleRu: 'О втором', projectIds: [] });
    const d11 = await h.repos.ops.addDecision(i1.id, { textRu: 'Первое' });
    const d21 = await h.repos.ops.addDecision(i2.id, { textRu: 'Третье' });
    const d12 = await h.repos.ops.addDecision(i1.id, { textRu: 'Второе' });
    const numbers = async () => {
      const items = await liveItems(h, m.id);
      const ds = (await h.db.assignments.toArray()).map((d) => ({ id: d.id, position: d.position ?? '', agendaItemId: d.agendaItemId }));
      return decisionNumbers(items, ds);
    };
    expect(Object.fromEntries(await numbers())).toEqual({ [d11.id]: '1.1', [d12.id]: '1.2', [d21.id]: '2.1' });
    await h.repos.ops.moveAgendaItem(i2.id, 0);
    expect(Object.fromEntries(await numbers())).toEqual({ [d21.id]: '1.1', [d11.id]: '2.1', [d12.id]: '2.2' });
  });

  it('a decision is its assignment: an edit from the minutes shows in control, and back', async () => {
    const h = harness();
    const m = await meeting(h);
    const gov = await org(h);
    const item = await h.repos.ops.addAgendaItem(m.id, { kind: 'topic', titleRu: 'О проекте', projectIds: [] });
    const d = await h.repos.ops.addDecision(item.id, { textRu: 'Изучить' });
    await h.repos.ops.updateDecision(d.id, { textRu: 'Дополнительно изучить проект', responsibleOrgIds: [gov.id], deadline: { kind: 'date', due: '2026-03-01' } });
    expect(await h.db.assignments.get(d.id)).toMatchObject({ textRu: 'Дополнительно изучить проект', responsibleOrgIds: [gov.id], status: 'open', origin: 'decision' });
    await h.repos.assignments.update(d.id, { textKk: 'Жобаны қосымша зерделеу' });
    expect(await h.db.assignments.get(d.id)).toMatchObject({ textRu: 'Дополнительно изучить проект', textKk: 'Жобаны қосымша зерделеу' });
  });

  it('refuses a deadline before the meeting date and a decision without text', async () => {
    const h = harness();
    const m = await meeting(h, { date: '2026-02-12' });
    const item = await h.repos.ops.addAgendaItem(m.id, { kind: 'topic', titleRu: 'О проекте', projectIds: [] });
    await expect(h.repos.ops.addDecision(item.id, { textRu: 'Изучить', deadline: { kind: 'date', due: '2026-02-11' } })).rejects.toMatchObject({ issues: [{ path: 'deadline', message: 'before_meeting' }] });
    await expect(h.repos.ops.addDecision(item.id, { textRu: '' })).rejects.toMatchObject({ issues: [{ path: 'textRu', message: 'required' }] });
    expect(await h.db.assignments.count()).toBe(0);
  });

  it('is taken off control only with an execution report', async () => {
    const h = harness();
    const m = await meeting(h);
    const item = await h.repos.ops.addAgendaItem(m.id, { kind: 'topic', titleRu: 'О проекте', projectIds: [] });
    const d = await h.repos.ops.addDecision(item.id, { textRu: 'Изучить' });
    await expect(h.repos.assignments.update(d.id, { status: 'done' })).rejects.toMatchObject({ issues: [{ path: 'status', message: 'report_required' }] });
    await h.repos.ops.reportExecution(d.id, { text: 'Проект изучен, заключение направлено' }, false);
    expect((await h.db.assignments.get(d.id))?.status).toBe('in_progress');
    await h.repos.ops.reportExecution(d.id, { text: 'Исполнено' }, true);
    expect((await h.db.assignments.get(d.id))?.status).toBe('done');
    expect(await h.db.reports.where('assignmentId').equals(d.id).count()).toBe(2);
  });

  it('an extension records from, to and reason and moves the deadline; a reason is required and nothing is written without it', async () => {
    const h = harness();
    const m = await meeting(h);
    const item = await h.repos.ops.addAgendaItem(m.id, { kind: 'topic', titleRu: 'О проекте', projectIds: [] });
    const d = await h.repos.ops.addDecision(item.id, { textRu: 'Изучить', deadline: { kind: 'workdays', days: 5, due: '2026-02-19' } });
    await expect(h.repos.ops.extendDeadline(d.id, '2026-03-20', '  ')).rejects.toBeInstanceOf(ValidationError);
    await expect(h.repos.ops.extendDeadline(d.id, '2026-02-18', 'Позже')).rejects.toMatchObject({ issues: [{ path: 'toDue', message: 'not_later' }] });
    expect((await h.db.assignments.get(d.id))?.deadline).toEqual({ kind: 'workdays', days: 5, due: '2026-02-19' });
    await h.repos.ops.extendDeadline(d.id, '2026-03-20', 'Инвестор запросил дополнительное время');
    expect((await h.db.assignments.get(d.id))?.deadline).toEqual({ kind: 'date', due: '2026-03-20' });
    expect(await h.db.extensions.toArray()).toMatchObject([{ assignmentId: d.id, fromDue: '2026-02-19', toDue: '2026-03-20', reason: 'Инвестор запросил дополнительное время' }]);
    // The deadline change carries the stamp it was based on (a guarded field).
    const last = (await allOutboxItems(h.db)).filter(isRecordChange).filter((e) => e.table === 'assignments').at(-1);
    expect(last?.base && Object.keys(last.base)).toEqual(['deadline']);
  });
});

describe('minutes', () => {
  async function withDecision(h: Harness) {
    const m = await meeting(h);
    const item = await h.repos.ops.addAgendaItem(m.id, { kind: 'topic', titleRu: 'О проекте', projectIds: [] });
    const d = await h.repos.ops.addDecision(item.id, { textRu: 'Дополнительно изучить' });
    const minutes = await h.repos.ops.ensureMinutes(m.id);
    return { m, item, d, minutes };
  }

  it('are one record per meeting, the same id on two clerks’ machines', async () => {
    const one = harness();
    const two = harness();
    const m = await meeting(one);
    for (const e of (await allOutboxItems(one.db)).filter(isRecordChange)) await two.repos[e.table].applyRemote(e.recordId, e.fields);
    const a = await one.repos.ops.ensureMinutes(m.id);
    const b = await two.repos.ops.ensureMinutes(m.id);
    expect(a.id).toBe(b.id);
    expect((await one.repos.ops.ensureMinutes(m.id)).id).toBe(a.id);
    expect(await one.db.minutes.count()).toBe(1);
  });

  it('cannot be agreed while a decision lacks a responsible body or a deadline; then agree and sign', async () => {
    const h = harness();
    const { d, minutes } = await withDecision(h);
    await expect(h.repos.ops.setMinutesStatus(minutes.id, 'agreed')).rejects.toMatchObject({
      issues: [{ path: 'decision.1.1', message: 'no_responsible' }, { path: 'decision.1.1', message: 'no_deadline' }],
    });
    expect((await h.db.minutes.get(minutes.id))?.status).toBe('draft');
    await h.repos.ops.updateDecision(d.id, { responsibleOrgIds: [(await org(h)).id], deadline: { kind: 'permanent' } });
    await expect(h.repos.ops.setMinutesStatus(minutes.id, 'signed')).rejects.toBeInstanceOf(StateError);
    await h.repos.ops.setMinutesStatus(minutes.id, 'agreed');
    const signed = await h.repos.ops.setMinutesStatus(minutes.id, 'signed');
    expect(signed.status).toBe('signed');
    expect(JSON.parse(signed.signedDecisions ?? '[]')).toMatchObject([{ id: d.id, number: '1.1', textRu: 'Дополнительно изучить', deadline: { kind: 'permanent' } }]);
  });

  it('signed minutes are read-only; a correction makes revision 2 with the signed text and keeps revision 1', async () => {
    const h = harness();
    const { item, d, minutes } = await withDecision(h);
    await h.repos.ops.updateDecision(d.id, { responsibleOrgIds: [(await org(h)).id], deadline: { kind: 'quarterly' } });
    const stored = await openDoc(h.ctx, minutesDocId(minutes.id, 'ru'), { saveDelayMs: 0 });
    stored.doc.getXmlFragment(`item/${item.id}/heard`).insert(0, [new Y.XmlText('Информация инвестора')]);
    await stored.close();
    await h.repos.ops.setMinutesStatus(minutes.id, 'agreed');
    await h.repos.ops.setMinutesStatus(minutes.id, 'signed');

    await expect(h.repos.ops.updateDecision(d.id, { textRu: 'Иначе' })).rejects.toMatchObject({ code: 'minutes_signed' });
    await expect(h.repos.ops.addDecision(item.id, { textRu: 'Ещё' })).rejects.toMatchObject({ code: 'minutes_signed' });
    await expect(h.repos.ops.setMinutesStatus(minutes.id, 'draft')).rejects.toMatchObject({ code: 'minutes_signed' });

    const rev2 = await h.repos.ops.correctMinutes(minutes.id, 'Опечатка в фамилии');
    expect(rev2).toMatchObject({ revision: 2, status: 'draft', supersedesId: minutes.id, correctionReason: 'Опечатка в фамилии' });
    expect((await h.repos.ops.currentMinutes(rev2.meetingId))?.id).toBe(rev2.id);
    await h.repos.ops.updateDecision(d.id, { textRu: 'Исправленный текст' });

    const text = async (minutesId: string) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await loadDocState(h.ctx, minutesDocId(minutesId, 'ru'))).state);
      return doc.getXmlFragment(`item/${item.id}/heard`).toString();
    };
    expect(await text(rev2.id)).toContain('Информация инвестора');
    const edit = await openDoc(h.ctx, minutesDocId(rev2.id, 'ru'), { saveDelayMs: 0 });
    edit.doc.getXmlFragment(`item/${item.id}/heard`).insert(0, [new Y.XmlText('Уточнение. ')]);
    await edit.close();
    expect(await text(rev2.id)).toContain('Уточнение.');
    // Revision 1 keeps the signed text and the signed decision.
    expect(await text(minutes.id)).not.toContain('Уточнение.');
    const old = await h.db.minutes.get(minutes.id);
    expect(old?.status).toBe('signed');
    expect(JSON.parse(old?.signedDecisions ?? '[]')[0].textRu).toBe('Дополнительно изучить');
  });

  it('adds the Kazakh version to the same minutes', async () => {
    const h = harness();
    const { minutes } = await withDecision(h);
    expect((await h.repos.ops.addMinutesLanguage(minutes.id, 'kk')).languages).toEqual(['ru', 'kk']);
  });
});

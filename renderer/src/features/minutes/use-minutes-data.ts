// What the minutes page reads, each from the change feed (dexie-react-hooks): the meeting, its
// agenda, attendance, minutes revisions and decisions, and the directories they name. A write to
// the document's text (docUpdates) re-runs none of these.
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { byPosition } from '@shared/domain/decisions';
import { buildWorkCalendar, type WorkCalendar } from '@shared/domain/work-calendar';
import type { HattamaDb, AgendaItemRow, AssignmentRow, AttendanceRow, MeetingRow, MinutesRow, OrganizationRow, PersonRow } from '../../db/db';

export type MinutesData = {
  /** undefined while loading, null when there is no such meeting. */
  meeting: MeetingRow | null | undefined;
  items: AgendaItemRow[];
  attendance: AttendanceRow[];
  /** Newest revision first. */
  revisions: MinutesRow[];
  decisions: AssignmentRow[];
  people: Map<string, PersonRow>;
  organizations: OrganizationRow[];
  projects: Map<string, string>;
  calendar: WorkCalendar;
  loaded: boolean;
};

const alive = <T extends { alive: 0 | 1 }>(r: T) => r.alive === 1;

export function useMinutesData(db: HattamaDb, meetingId: string): MinutesData {
  const meeting = useLiveQuery(async () => (await db.meetings.get(meetingId)) ?? null, [db, meetingId]);
  const items = useLiveQuery(async () => byPosition((await db.agendaItems.where('meetingId').equals(meetingId).toArray()).filter(alive)), [db, meetingId]);
  const attendance = useLiveQuery(
    async () => (await db.attendance.where('meetingId').equals(meetingId).toArray()).filter(alive).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    [db, meetingId],
  );
  const revisions = useLiveQuery(
    async () => (await db.minutes.where('meetingId').equals(meetingId).toArray()).filter(alive).sort((a, b) => b.revision - a.revision),
    [db, meetingId],
  );
  const decisions = useLiveQuery(
    async () => (await db.assignments.where('meetingId').equals(meetingId).toArray()).filter((a) => a.alive === 1 && a.origin === 'decision'),
    [db, meetingId],
  );
  const people = useLiveQuery(async () => new Map((await db.people.toArray()).map((p) => [p.id, p])), [db]);
  const organizations = useLiveQuery(
    async () => (await db.organizations.toArray()).filter(alive).sort((a, b) => a.name.localeCompare(b.name, 'ru')),
    [db],
  );
  const projectIdsKey = useMemo(() => [...new Set((items ?? []).flatMap((i) => i.projectIds))].sort().join(','), [items]);
  const projects = useLiveQuery(async () => {
    const ids = projectIdsKey ? projectIdsKey.split(',') : [];
    const rows = await db.projects.bulkGet(ids);
    return new Map(rows.flatMap((p) => (p && p.deletedAt === null ? [[p.id, p.title] as const] : [])));
  }, [db, projectIdsKey]);
  const overrides = useLiveQuery(async () => (await db.calendarDays.toArray()).filter(alive).map((d) => ({ date: d.date, kind: d.kind })), [db]);
  const calendar = useMemo(() => {
    try {
      return buildWorkCalendar(overrides ?? []);
    } catch {
      // Two clerks' conflicting overrides of one day: the statutory calendar until they settle it.
      return buildWorkCalendar();
    }
  }, [overrides]);

  return {
    meeting,
    items: items ?? [],
    attendance: attendance ?? [],
    revisions: revisions ?? [],
    decisions: decisions ?? [],
    people: people ?? new Map(),
    organizations: organizations ?? [],
    projects: projects ?? new Map(),
    calendar,
    loaded: meeting !== undefined && items !== undefined && revisions !== undefined && decisions !== undefined && attendance !== undefined,
  };
}

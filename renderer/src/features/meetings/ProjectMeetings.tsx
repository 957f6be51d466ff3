// The meetings that discussed a project (for its card): every live agenda item that refers to the
// project, by the `*projectIds` index, with its meeting's date and number and the item's title,
// the latest meeting first; each opens the meeting's page.
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Anchor, Stack, Text } from '@mantine/core';
import { byPosition } from '@shared/domain/decisions';
import { formatDate } from '@shared/locale/dates';
import { useApp } from '../../app/app-context';
import type { AgendaItemRow, MeetingRow } from '../../db/db';
import { meetingPath } from './paths';

export type ProjectMeetingLine = { meeting: MeetingRow; item: AgendaItemRow; number: number };

/** A project's agenda items with their meetings and the items' numbers, the latest meeting first. */
export function projectMeetingLines(items: readonly AgendaItemRow[], meetings: readonly (MeetingRow | undefined)[], siblings: readonly AgendaItemRow[]): ProjectMeetingLine[] {
  const byId = new Map(meetings.flatMap((m) => (m && m.alive === 1 ? [[m.id, m] as const] : [])));
  const numberOf = new Map<string, number>();
  const perMeeting = new Map<string, AgendaItemRow[]>();
  for (const s of siblings) if (s.alive === 1) perMeeting.set(s.meetingId, [...(perMeeting.get(s.meetingId) ?? []), s]);
  for (const list of perMeeting.values()) byPosition(list).forEach((s, i) => numberOf.set(s.id, i + 1));
  return items
    .filter((i) => i.alive === 1 && byId.has(i.meetingId))
    .map((item) => ({ meeting: byId.get(item.meetingId) as MeetingRow, item, number: numberOf.get(item.id) ?? 0 }))
    .sort((a, b) => (a.meeting.date < b.meeting.date ? 1 : a.meeting.date > b.meeting.date ? -1 : b.meeting.number - a.meeting.number || a.number - b.number));
}

export function ProjectMeetingsList({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const { db, navigate } = useApp();
  const lines = useLiveQuery(async () => {
    const items = await db.agendaItems.where('projectIds').equals(projectId).toArray();
    const meetingIds = [...new Set(items.map((i) => i.meetingId))];
    const [meetings, siblings] = await Promise.all([db.meetings.bulkGet(meetingIds), meetingIds.length ? db.agendaItems.where('meetingId').anyOf(meetingIds).toArray() : []]);
    return projectMeetingLines(items, meetings, siblings);
  }, [db, projectId]);
  if (!lines) return null;
  return (
    <Stack gap={4} data-testid="project-meetings">
      <Text fw={600} size="sm">{t('meetings.project.title')}</Text>
      {lines.length === 0 ? <Text size="sm" c="dimmed">{t('meetings.project.none')}</Text> : lines.map(({ meeting, item, number }) => {
        const title = (i18n.language === 'kk' ? item.titleKk || item.titleRu : item.titleRu || item.titleKk) ?? '';
        return (
          <Text key={item.id} size="sm" data-testid="project-meeting">
            <Anchor href={`#${meetingPath(meeting.id)}`} onClick={(e) => { e.preventDefault(); navigate(meetingPath(meeting.id)); }} fw={600}>
              {t('meetings.project.meeting', { number: meeting.number, date: formatDate(meeting.date) })}
            </Anchor>
            {' — '}{number > 0 ? `${number}. ` : ''}{title}
          </Text>
        );
      })}
    </Stack>
  );
}

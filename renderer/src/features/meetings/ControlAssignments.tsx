// What the control item «Об исполнении ранее данных поручений» brings to the meeting: the
// assignments under control at its date — each with its reference («п. 2.1 протокола № 3 от
// 12.02.2026», or the instruction from above), responsible bodies, deadline, and whether it was
// overdue on that date. Read live, so an execution reported elsewhere drops it from the list.
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Badge, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { formatDate } from '@shared/locale/dates';
import type { TFunction } from 'i18next';
import { useApp } from '../../app/app-context';
import { aliveRows, type MeetingRow } from '../../db/db';
import { openAssignmentsAt, type AssignmentReference, type ControlEntry } from './control-items';
import { BADGE_TEXT } from './colors';

/** An assignment's reference as the clerk writes it. */
export function referenceText(ref: AssignmentReference, t: TFunction): string {
  if (ref.kind === 'decision') {
    if (ref.meetingNumber === null || ref.meetingDate === null) return t('meetings.control.decisionUnknown');
    const values = { number: ref.meetingNumber, date: formatDate(ref.meetingDate) };
    return ref.point ? t('meetings.control.point', { ...values, point: ref.point }) : t('meetings.control.decision', values);
  }
  return [
    t(`meetings.control.source.${ref.source ?? 'other'}`),
    ref.number ? t('meetings.control.sourceNumber', { number: ref.number }) : '',
    ref.date ? t('meetings.control.sourceDate', { date: formatDate(ref.date) }) : '',
    ref.title ? `(${ref.title})` : '',
  ].filter(Boolean).join(' ');
}

function dueText(e: ControlEntry, t: TFunction): string {
  if (e.due === null) return t('meetings.control.noDue');
  const due = t('meetings.control.due', { date: formatDate(e.due) });
  if (e.daysLeft === null) return due;
  if (e.overdue) return `${due} · ${t('meetings.control.overdue', { count: -e.daysLeft })}`;
  return e.daysLeft === 0 ? `${due} · ${t('meetings.control.dueToday')}` : `${due} · ${t('meetings.control.daysLeft', { count: e.daysLeft })}`;
}

export function ControlAssignments({ meeting }: { meeting: MeetingRow }) {
  const { t, i18n } = useTranslation();
  const { db } = useApp();
  const data = useLiveQuery(async () => {
    const assignments = await aliveRows(db.assignments).toArray();
    const decisionMeetings = [...new Set(assignments.flatMap((a) => (a.origin === 'decision' && a.meetingId && a.meetingId !== meeting.id ? [a.meetingId] : [])))];
    const [meetings, items] = await Promise.all([
      db.meetings.bulkGet(decisionMeetings),
      decisionMeetings.length > 0 ? db.agendaItems.where('meetingId').anyOf(decisionMeetings).toArray() : Promise.resolve([]),
    ]);
    const entries = openAssignmentsAt(assignments, meeting, meetings.flatMap((m) => (m ? [m] : [])), items);
    const orgIds = [...new Set(entries.flatMap((e) => e.responsibleOrgIds))];
    const orgs = await db.organizations.bulkGet(orgIds);
    return { entries, orgs: new Map(orgs.flatMap((o) => (o ? [[o.id, o.name] as const] : []))) };
  }, [db, meeting.id, meeting.date]);
  if (!data) return null;
  const { entries, orgs } = data;
  const overdue = entries.filter((e) => e.overdue).length;
  return (
    <Stack gap={6} mt={4} data-testid="control-assignments">
      <Text size="sm" fw={600}>{t('meetings.control.heading', { date: formatDate(meeting.date) })}</Text>
      {entries.length === 0 ? <Text size="sm" c="dimmed">{t('meetings.control.none')}</Text> : (
        <>
          <Text size="sm" data-testid="control-count">{t('meetings.control.count', { open: entries.length, overdue })}</Text>
          <ScrollArea.Autosize mah={360} type="auto" offsetScrollbars>
            <Stack gap={4}>
              {entries.map((e) => {
                const text = (i18n.language === 'kk' ? e.textKk || e.textRu : e.textRu || e.textKk) ?? '';
                const responsible = e.responsibleOrgIds.map((id) => orgs.get(id)).filter(Boolean).join(', ');
                return (
                  <Paper key={e.id} withBorder px="xs" py={6} data-testid="control-assignment" data-overdue={e.overdue || undefined}
                    style={e.overdue ? { borderLeft: '3px solid var(--mantine-color-red-7)' } : undefined}>
                    <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                      <Text size="xs" c="dimmed" data-testid="control-reference">{referenceText(e.reference, t)}</Text>
                      {e.overdue && <Badge size="xs" color="red" variant="light" styles={BADGE_TEXT} style={{ flexShrink: 0 }}>{t('meetings.control.overdue', { count: -(e.daysLeft ?? 0) })}</Badge>}
                    </Group>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{text}</Text>
                    <Text size="xs" c={e.overdue ? 'red.8' : 'dimmed'}>{[responsible, dueText(e, t)].filter(Boolean).join(' · ')}</Text>
                  </Paper>
                );
              })}
            </Stack>
          </ScrollArea.Autosize>
        </>
      )}
    </Stack>
  );
}

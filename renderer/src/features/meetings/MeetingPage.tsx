// One meeting's page (`/meetings/<id>`): what it is at a glance (number, date, kind, place,
// chair, the minutes' status and the way to them), then its details, its people with their
// attendance, and its agenda. Read live: a change made in another tab or pulled shows at once.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconFileText } from '@tabler/icons-react';
import { formatDate } from '@shared/locale/dates';
import { useApp } from '../../app/app-context';
import { currentMinutesStatus } from './meeting-list';
import { minutesPath } from './paths';
import { PackExportButton } from '../export';
import { BADGE_TEXT, MINUTES_COLOR } from './colors';
import { MeetingDetails } from './MeetingDetails';
import { AttendancePanel } from './AttendancePanel';
import { AgendaPanel } from './AgendaPanel';
import { AttachmentsSection } from '../attachments';

type Tab = 'details' | 'attendance' | 'agenda' | 'attachments';

export function MeetingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { db, navigate } = useApp();
  // null: no such meeting (or deleted); undefined: still reading.
  const meeting = useLiveQuery(async () => {
    const m = await db.meetings.get(id);
    return m && m.alive === 1 ? m : null;
  }, [db, id]);
  const people = useLiveQuery(() => db.people.toArray(), [db]) ?? [];
  const counts = useLiveQuery(async () => {
    const [items, attendance, minutes] = await Promise.all([
      db.agendaItems.where('meetingId').equals(id).filter((i) => i.alive === 1).count(),
      db.attendance.where('meetingId').equals(id).filter((a) => a.alive === 1).count(),
      db.minutes.where('meetingId').equals(id).toArray(),
    ]);
    return { items, attendance, minutes: currentMinutesStatus(minutes) };
  }, [db, id]);
  const [tab, setTab] = useState<Tab>('agenda');

  const back = (
    <Anchor href="#/meetings" size="sm" onClick={(e) => { e.preventDefault(); navigate('/meetings'); }} data-testid="meeting-back">
      <Group gap={4} component="span"><IconArrowLeft size={14} aria-hidden />{t('meetings.page.back')}</Group>
    </Anchor>
  );
  if (meeting === undefined) return null;
  if (meeting === null) {
    return (
      <Stack gap="sm" maw={720}>
        {back}
        <Alert color="red" variant="light" data-testid="meeting-not-found">{t('meetings.page.notFound')}</Alert>
      </Stack>
    );
  }
  const chair = meeting.chairId ? people.find((p) => p.id === meeting.chairId) : undefined;
  const minutesStatus = counts?.minutes ?? 'none';

  return (
    <Stack gap="sm" data-testid="meeting-page" data-meeting-id={meeting.id}>
      {back}
      <Paper withBorder p="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              <Title order={2} size="h3" data-testid="meeting-heading">{t('meetings.page.heading', { number: meeting.number })}</Title>
              <Badge variant="light" color="indigo" styles={BADGE_TEXT}>{t(`meetings.kind.${meeting.kind}`)}</Badge>
            </Group>
            <Text size="sm">
              <b>{formatDate(meeting.date)}{meeting.time ? `, ${meeting.time}` : ''}</b> · {meeting.place}
            </Text>
            {meeting.title && <Text size="sm" c="dimmed">{meeting.title}</Text>}
            <Text size="sm" c="dimmed">{t('meetings.fields.chair')}: {chair ? chair.fullName : t('meetings.page.chairNone')}</Text>
          </Stack>
          <Stack gap={6} align="flex-end" style={{ flexShrink: 0 }}>
            <Group gap="xs" wrap="nowrap">
              <PackExportButton meetingId={meeting.id} />
              <Button leftSection={<IconFileText size={18} />} onClick={() => navigate(minutesPath(meeting.id))} data-testid="meeting-minutes">
                {t('meetings.page.minutes')}
              </Button>
            </Group>
            <Badge variant="light" color={MINUTES_COLOR[minutesStatus]} styles={BADGE_TEXT} data-testid="meeting-minutes-status">
              {t('meetings.columns.minutes')}: {t(`meetings.minutesStatus.${minutesStatus}`)}
            </Badge>
          </Stack>
        </Group>
      </Paper>
      <Tabs value={tab} onChange={(v) => setTab((v as Tab | null) ?? 'agenda')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="agenda" data-testid="meeting-tab-agenda">{t('meetings.page.tabs.agenda')}{counts ? ` (${counts.items})` : ''}</Tabs.Tab>
          <Tabs.Tab value="attendance" data-testid="meeting-tab-attendance">{t('meetings.page.tabs.attendance')}{counts ? ` (${counts.attendance})` : ''}</Tabs.Tab>
          <Tabs.Tab value="details" data-testid="meeting-tab-details">{t('meetings.page.tabs.details')}</Tabs.Tab>
          <Tabs.Tab value="attachments" data-testid="meeting-tab-attachments">{t('meetings.page.tabs.attachments')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="agenda" pt="md"><AgendaPanel meeting={meeting} /></Tabs.Panel>
        <Tabs.Panel value="attendance" pt="md"><AttendancePanel meeting={meeting} people={people} /></Tabs.Panel>
        <Tabs.Panel value="details" pt="md"><MeetingDetails meeting={meeting} people={people} /></Tabs.Panel>
        <Tabs.Panel value="attachments" pt="md"><AttachmentsSection ownerKind="meeting" ownerId={meeting.id} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

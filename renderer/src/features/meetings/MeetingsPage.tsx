// The meetings list: upcoming (the nearest first) and past (the latest first) by today's date in
// Kazakhstan, a search over number, title, place and date, and «Новое заседание». Read live from
// the database (this tab's writes, other tabs', pulled changes).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Badge, Button, Center, Group, Paper, Stack, Table, Tabs, Text, TextInput, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconCalendarPlus, IconSearch } from '@tabler/icons-react';
import { formatDate, todayIso } from '@shared/locale/dates';
import { useApp } from '../../app/app-context';
import { hotkeyLabel } from '../../shell/keys';
import { searchMeetings, splitMeetings, type MeetingListRow } from './meeting-list';
import { readMeetingRows } from './meeting-list-query';
import { meetingPath } from './paths';
import { BADGE_TEXT, MINUTES_COLOR } from './colors';

type Tab = 'upcoming' | 'past';

function MeetingTable({ rows, onOpen }: { rows: readonly MeetingListRow[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Table striped highlightOnHover verticalSpacing="xs" data-testid="meetings-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={70}>{t('meetings.columns.number')}</Table.Th>
          <Table.Th w={150}>{t('meetings.columns.date')}</Table.Th>
          <Table.Th w={130}>{t('meetings.columns.kind')}</Table.Th>
          <Table.Th>{t('meetings.columns.place')}</Table.Th>
          <Table.Th w={220}>{t('meetings.columns.chair')}</Table.Th>
          <Table.Th w={90} ta="right">{t('meetings.columns.agenda')}</Table.Th>
          <Table.Th w={140}>{t('meetings.columns.minutes')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id} data-testid="meeting-row" data-meeting-id={r.id} style={{ cursor: 'pointer' }} onClick={() => onOpen(r.id)}>
            <Table.Td>
              <UnstyledButton className="cell-link" fw={700} onClick={(e) => { e.stopPropagation(); onOpen(r.id); }}
                aria-label={t('meetings.open', { number: r.number, date: formatDate(r.date) })} data-testid="meeting-open">
                {t('meetings.number', { number: r.number })}
              </UnstyledButton>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.date)}{r.time ? `, ${r.time}` : ''}</Table.Td>
            <Table.Td>{t(`meetings.kind.${r.kind}`)}</Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={2}>{r.place}</Text>
              {r.title && <Text size="xs" c="dimmed" lineClamp={1}>{r.title}</Text>}
            </Table.Td>
            <Table.Td><Text size="sm" lineClamp={2}>{r.chairName ?? '—'}</Text></Table.Td>
            <Table.Td ta="right" data-testid="meeting-agenda-count">{r.agendaCount}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={MINUTES_COLOR[r.minutesStatus]} data-testid="meeting-minutes-status" styles={BADGE_TEXT}>
                {t(`meetings.minutesStatus.${r.minutesStatus}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function MeetingsPage() {
  const { t } = useTranslation();
  const { db, navigate } = useApp();
  const data = useLiveQuery(() => readMeetingRows(db), [db]);
  const [query, setQuery] = useState('');
  const [chosenTab, setTab] = useState<Tab | null>(null);
  // Kazakhstan's date when the list opened: a meeting of today is still upcoming.
  const [today] = useState(() => todayIso(Date.now()));
  const split = useMemo(() => splitMeetings(data ?? [], today), [data, today]);
  const found = useMemo(() => ({ upcoming: searchMeetings(split.upcoming, query), past: searchMeetings(split.past, query) }), [split, query]);
  // Until the clerk picks a tab: the upcoming meetings, or the past ones when none is ahead.
  const tab: Tab = chosenTab ?? (split.upcoming.length === 0 && split.past.length > 0 ? 'past' : 'upcoming');
  const open = (id: string) => navigate(meetingPath(id));
  const newMeeting = () => navigate(meetingPath('new'));
  const newButton = (
    <Tooltip label={hotkeyLabel('alt+M')}>
      <Button leftSection={<IconCalendarPlus size={18} />} onClick={newMeeting} data-testid="meetings-new">{t('meetings.new')}</Button>
    </Tooltip>
  );

  if (data === undefined) return null;
  if (data.length === 0) {
    return (
      <Center p="xl">
        <Paper withBorder p="xl" radius="md" maw={640} data-testid="meetings-empty">
          <Stack gap="md" align="center" ta="center">
            <Title order={2} size="h3">{t('meetings.emptyTitle')}</Title>
            <Text c="dimmed">{t('meetings.emptyText')}</Text>
            {newButton}
          </Stack>
        </Paper>
      </Center>
    );
  }

  const rows = found[tab];
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Title order={2} size="h3">{t('meetings.title')}</Title>
        {newButton}
      </Group>
      <Tabs value={tab} onChange={(v) => setTab(v === 'past' ? 'past' : 'upcoming')}>
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Tabs.List>
            {(['upcoming', 'past'] as const).map((id) => (
              <Tabs.Tab key={id} value={id} data-testid={`meetings-tab-${id}`}
                rightSection={<Badge size="sm" variant="light" color="gray" styles={BADGE_TEXT}>{found[id].length}</Badge>}>
                {t(`meetings.tabs.${id}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <TextInput
            type="search"
            aria-label={t('meetings.searchLabel')}
            placeholder={t('meetings.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            maxLength={200}
            w={340}
            data-testid="meetings-search"
          />
        </Group>
      </Tabs>
      {rows.length > 0 ? <MeetingTable rows={rows} onOpen={open} /> : (
        <Paper withBorder p="lg" data-testid="meetings-tab-empty">
          <Text c="dimmed">
            {query.trim() ? t('meetings.noMatch', { query: query.trim() }) : t(tab === 'upcoming' ? 'meetings.emptyUpcoming' : 'meetings.emptyPast')}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}

// A meeting's people: participants (members) and invitees from the people directory, each with
// their attendance set by one tap — present, absent, by video — and «отметить всех
// присутствующими» for everyone not marked yet. Each person is a record of its own (attendance),
// so two clerks marking people at once both keep their marks.
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { ActionIcon, Button, Group, Menu, Paper, Select, Stack, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecks, IconDotsVertical, IconTrash, IconUserCheck, IconUserQuestion, IconUserX, IconVideo } from '@tabler/icons-react';
import { ATTENDANCE_ROLES, type AttendanceRole, type Presence } from '@shared/domain/meeting.schema';
import { useApp } from '../../app/app-context';
import { showUndoToast } from '../../app/undo-toast';
import type { AttendanceRow, MeetingRow, PersonRow } from '../../db/db';
import { NewPersonButton, personOptions } from './PersonPicker';
import { attendanceSummary, byAddition } from './attendance';

const MARKS: readonly { presence: Exclude<Presence, 'unknown'>; icon: typeof IconUserCheck; color: string }[] = [
  { presence: 'present', icon: IconUserCheck, color: 'teal' },
  { presence: 'absent', icon: IconUserX, color: 'red' },
  { presence: 'video', icon: IconVideo, color: 'blue' },
];

/** Present / absent / by video, one tap each; tapping the mark again takes it off. */
const PresenceControl = memo(function PresenceControl({ row, name, onSet }: { row: AttendanceRow; name: string; onSet: (row: AttendanceRow, p: Presence) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={0} role="radiogroup" aria-label={t('meetings.attendance.presenceOf', { name })} wrap="nowrap" data-testid="presence">
      {MARKS.map(({ presence, icon: Icon, color }, i) => {
        const on = row.presence === presence;
        return (
          <UnstyledButton
            key={presence}
            role="radio"
            aria-checked={on}
            onClick={() => onSet(row, on ? 'unknown' : presence)}
            data-testid={`presence-${presence}`}
            data-checked={on || undefined}
            style={{
              display: 'inline-flex', alignItems: 'center', gap: 4, padding: '4px 10px', fontSize: 'var(--mantine-font-size-sm)', whiteSpace: 'nowrap',
              border: '1px solid var(--mantine-color-default-border)', marginLeft: i === 0 ? 0 : -1,
              borderRadius: i === 0 ? '4px 0 0 4px' : i === MARKS.length - 1 ? '0 4px 4px 0' : 0,
              background: on ? `var(--mantine-color-${color}-light)` : 'var(--mantine-color-body)',
              fontWeight: on ? 700 : 400, outlineOffset: -2,
            }}
          >
            <Icon size={16} color={on ? `var(--mantine-color-${color}-8)` : 'var(--mantine-color-dimmed)'} aria-hidden />
            {t(`meetings.attendance.presence.${presence}`)}
          </UnstyledButton>
        );
      })}
    </Group>
  );
});

function PersonLine({ row, person, onSet, onRole, onRemove }: {
  row: AttendanceRow; person: PersonRow | undefined;
  onSet: (row: AttendanceRow, p: Presence) => void; onRole: (row: AttendanceRow, role: AttendanceRole) => void; onRemove: (row: AttendanceRow, name: string) => void;
}) {
  const { t } = useTranslation();
  const name = person?.fullName ?? '—';
  const other: AttendanceRole = row.role === 'participant' ? 'invitee' : 'participant';
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" py={6} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      data-testid="attendance-row" data-person-id={row.personId} data-presence={row.presence}>
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
        {row.presence === 'unknown' && <IconUserQuestion size={16} color="var(--mantine-color-dimmed)" aria-hidden style={{ flexShrink: 0 }} />}
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={600}>{name}</Text>
          {person?.position && <Text size="xs" c="dimmed" lineClamp={2}>{person.position}</Text>}
        </div>
      </Group>
      <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
        <PresenceControl row={row} name={name} onSet={onSet} />
        <Menu withinPortal position="bottom-end">
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`${t('actions.open')}: ${name}`} data-testid="attendance-menu"><IconDotsVertical size={16} /></ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => onRole(row, other)}>{t(other === 'invitee' ? 'meetings.attendance.toInvitees' : 'meetings.attendance.toParticipants')}</Menu.Item>
            <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => onRemove(row, name)} data-testid="attendance-remove">
              {t('meetings.attendance.remove', { name })}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
}

export function AttendancePanel({ meeting, people }: { meeting: MeetingRow; people: readonly PersonRow[] }) {
  const { t, i18n } = useTranslation();
  const { db, repos } = useApp();
  const rows = useLiveQuery(
    async () => byAddition((await db.attendance.where('meetingId').equals(meeting.id).toArray()).filter((a) => a.alive === 1)),
    [db, meeting.id],
  ) ?? [];
  const [picked, setPicked] = useState<string | null>(null);
  const byId = new Map(people.map((p) => [p.id, p]));
  const attending = new Set(rows.map((r) => r.personId));
  const summary = attendanceSummary(rows);

  const fail = (e: unknown) => notifications.show({ color: 'red', message: t('notify.saveFailed', { message: (e as Error).message }) });
  const add = async (role: AttendanceRole, personId = picked) => {
    if (!personId) return;
    try {
      await repos.ops.setAttendance(meeting.id, personId, { role });
      setPicked(null);
    } catch (e) {
      fail(e);
    }
  };
  const setPresence = (row: AttendanceRow, presence: Presence) => void repos.ops.setAttendance(meeting.id, row.personId, { presence }).catch(fail);
  const setRole = (row: AttendanceRow, role: AttendanceRole) => void repos.ops.setAttendance(meeting.id, row.personId, { role }).catch(fail);
  const remove = async (row: AttendanceRow, name: string) => {
    try {
      await repos.ops.removeAttendance(row.id);
      showUndoToast({
        id: `attendance-removed-${row.id}`, t, message: t('meetings.attendance.removed', { name }), testId: 'attendance-undo',
        onUndo: async () => {
          await repos.attendance.restore(row.id);
        },
      });
    } catch (e) {
      fail(e);
    }
  };
  const markAll = async () => {
    const unmarked = rows.filter((r) => r.presence === 'unknown');
    if (unmarked.length === 0) return;
    try {
      await repos.transaction(async () => {
        for (const r of unmarked) await repos.ops.setAttendance(meeting.id, r.personId, { presence: 'present' });
      });
      showUndoToast({
        id: `attendance-all-${meeting.id}`, t, message: t('meetings.attendance.allPresentDone', { count: unmarked.length }), testId: 'attendance-all-undo',
        onUndo: async () => {
          await repos.transaction(async () => {
            for (const r of unmarked) await repos.ops.setAttendance(meeting.id, r.personId, { presence: 'unknown' });
          });
        },
      });
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="xs" wrap="wrap">
          <Select
            label={t('meetings.attendance.person')}
            placeholder={t('meetings.person.placeholder')}
            nothingFoundMessage={t('meetings.person.none')}
            data={personOptions(people, i18n.language, attending)}
            value={picked}
            onChange={setPicked}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
            maxDropdownHeight={300}
            w={360}
            data-testid="attendance-person"
          />
          <NewPersonButton onAdded={setPicked} testId="attendance-person" />
          <Button variant="light" disabled={!picked} onClick={() => void add('participant')} data-testid="attendance-add-participant">{t('meetings.attendance.addParticipant')}</Button>
          <Button variant="light" disabled={!picked} onClick={() => void add('invitee')} data-testid="attendance-add-invitee">{t('meetings.attendance.addInvitee')}</Button>
        </Group>
      </Paper>
      {rows.length === 0 ? (
        <Paper withBorder p="lg" data-testid="attendance-empty"><Text c="dimmed">{t('meetings.attendance.empty')}</Text></Paper>
      ) : (
        <>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm" data-testid="attendance-summary">{t('meetings.attendance.summary', summary)}</Text>
            <Tooltip label={t('meetings.attendance.allPresentHint')} multiline w={320}>
              <Button variant="default" size="xs" leftSection={<IconChecks size={16} />} disabled={summary.unknown === 0} onClick={() => void markAll()} data-testid="attendance-all-present">
                {t('meetings.attendance.allPresent')}
              </Button>
            </Tooltip>
          </Group>
          <Stack gap="md">
            {ATTENDANCE_ROLES.map((role) => {
              const list = rows.filter((r) => r.role === role);
              return (
                <Paper key={role} withBorder p="sm" data-testid={`attendance-${role}s`}>
                  <Title order={3} size="h5" mb={4}>{t(role === 'participant' ? 'meetings.attendance.participants' : 'meetings.attendance.invitees')} ({list.length})</Title>
                  {list.length === 0 ? <Text size="sm" c="dimmed">{t('meetings.attendance.emptyRole')}</Text> : list.map((r) => (
                    <PersonLine key={r.id} row={r} person={byId.get(r.personId)} onSet={setPresence} onRole={setRole} onRemove={(row, name) => void remove(row, name)} />
                  ))}
                </Paper>
              );
            })}
          </Stack>
        </>
      )}
    </Stack>
  );
}

// The conflicts list: each guarded field the server kept another clerk's value for — the record,
// the field, the clerk's value and the one on the server now — and the clerk's pick. Applying one's
// own value is a normal local update based on the value shown, so it wins on the server.
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Anchor, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck } from '@tabler/icons-react';
import { useApp } from '../../app/app-context';
import { ValidationError, fieldsOf } from '../../db/repository';
import { readConflicts, repoOf, resolveConflict, type StoredConflict } from '../../sync/conflicts';
import { assignmentPath } from '../assignments';
import { fieldLabel, valueText } from './messages';

type Row = StoredConflict & { title: string; current: unknown };

function recordTitle(table: string, row: Record<string, unknown> | undefined): string {
  if (!row) return '—';
  const text = table === 'projects' ? row.title : (row.textRu ?? row.textKk ?? row.title ?? row.name ?? row.fullName);
  const s = typeof text === 'string' ? text : '—';
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

function errorText(e: unknown, t: TFunction): string {
  if (e instanceof ValidationError) return e.issues.map((i) => t(`validation.${i.message}`, { defaultValue: i.message })).join('; ');
  return (e as Error).message;
}

export const ConflictsList = memo(function ConflictsList() {
  const { t } = useTranslation();
  const { db, repos, openProject, openOverlay } = useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const rows = useLiveQuery(async (): Promise<Row[]> => {
    const list = await readConflicts(db);
    return Promise.all(
      list.map(async (c) => {
        const record = (await repoOf(repos, c.table).get(c.recordId)) as Record<string, unknown> | undefined;
        return { ...c, title: recordTitle(c.table, record), current: record ? (fieldsOf<Record<string, unknown>>(record)[c.field] ?? null) : null };
      }),
    );
  }, [db, repos]);

  const pick = async (c: Row, choice: 'mine' | 'current') => {
    setBusy(c.id);
    try {
      const result = await resolveConflict(db, repos, c.id, choice);
      notifications.show({ color: result === 'applied' ? 'teal' : 'gray', message: t(`sync.${result}`) });
    } catch (e) {
      notifications.show({ color: 'red', message: t('notify.saveFailed', { message: errorText(e, t) }) });
    } finally {
      setBusy(null);
    }
  };

  const open = (c: Row) => {
    if (c.table === 'projects') openProject(c.recordId);
    else if (c.table === 'assignments') openOverlay(assignmentPath(c.recordId));
  };

  if (rows === undefined) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <div>
          <Text fw={600}>{t('sync.conflictsTitle')}</Text>
          {rows.length > 0 && <Text size="sm" c="dimmed">{t('sync.conflictsHint')}</Text>}
        </div>
        {rows.length === 0 ? (
          <Group gap="xs" data-testid="conflicts-empty">
            <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" />
            <Text size="sm" c="dimmed">{t('sync.noConflicts')}</Text>
          </Group>
        ) : (
          <Table data-testid="conflicts-table" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sync.table.other')}</Table.Th>
                <Table.Th>{t('sync.yours')}</Table.Th>
                <Table.Th>{t('sync.current')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.id} data-testid="conflict-row">
                  <Table.Td>
                    <Text size="xs" c="dimmed">{t(`sync.table.${c.table === 'projects' || c.table === 'assignments' ? c.table : 'other'}`)} · {fieldLabel(c.table, c.field, t)}</Text>
                    {c.table === 'projects' || c.table === 'assignments'
                      ? <Anchor component="button" type="button" size="sm" fw={600} onClick={() => open(c)} title={t('sync.openRecord')}>{c.title}</Anchor>
                      : <Text size="sm" fw={600}>{c.title}</Text>}
                  </Table.Td>
                  <Table.Td><Text size="sm" data-testid="conflict-mine">{valueText(c.table, c.field, c.value, t)}</Text></Table.Td>
                  <Table.Td><Text size="sm" data-testid="conflict-current">{valueText(c.table, c.field, c.current, t)}</Text></Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="xs" loading={busy === c.id} onClick={() => void pick(c, 'mine')} data-testid="conflict-keep-mine">{t('sync.keepMine')}</Button>
                      <Button size="xs" variant="default" disabled={busy === c.id} onClick={() => void pick(c, 'current')} data-testid="conflict-keep-current">{t('sync.keepCurrent')}</Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
});

// Changes the server refused for themselves (a value it cannot store, a record of another region):
// set aside so the rest went on; listed with the record, the fields and the server's reason, until
// the clerk has read them. The record here keeps the clerk's value.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { isRecordChange } from '@shared/sync/contract';
import { formatDateTime } from '@shared/locale/dates';
import { useApp } from '../../app/app-context';
import { dismissRefused, readRefused, retryRefused } from '../../sync/refused';
import { fieldLabel } from './messages';

export const RefusedList = memo(function RefusedList() {
  const { t } = useTranslation();
  const { db } = useApp();
  const rows = useLiveQuery(() => readRefused(db), [db]) ?? [];
  if (rows.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="sync-refused">
      <Stack gap="xs">
        <Text fw={600} c="red">{t('sync.refusedTitle', { count: rows.length })}</Text>
        <Text size="sm" c="dimmed">{t('sync.refusedHint')}</Text>
        <Table>
          <Table.Thead>
            <Table.Tr><Table.Th>{t('sync.refusedWhat')}</Table.Th><Table.Th>{t('sync.refusedWhy')}</Table.Th><Table.Th /></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const item = r.item;
              const table = isRecordChange(item) ? item.table : 'minutes';
              return (
              <Table.Tr key={r.id} data-testid="sync-refused-row">
                <Table.Td>
                  <Text size="sm">{t(`sync.table.${table === 'projects' || table === 'assignments' ? table : 'other'}`)}</Text>
                  <Text size="xs" c="dimmed">
                    {isRecordChange(item) ? Object.keys(item.fields).map((f) => fieldLabel(item.table, f, t)).join(', ') : item.docId}
                  </Text>
                  <Text size="xs" c="dimmed">{formatDateTime(Date.parse(r.at))}</Text>
                </Table.Td>
                <Table.Td><Text size="sm">{r.message}</Text></Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap" justify="flex-end">
                    <Button size="xs" variant="light" onClick={() => void retryRefused(db, r.id, new Date().toISOString())} data-testid="sync-refused-retry">{t('sync.refusedRetry')}</Button>
                    <Button size="xs" variant="default" onClick={() => void dismissRefused(db, r.id)}>{t('sync.refusedDismiss')}</Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
});
